import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { renderNote } from '../../i18n/translate.ts';
import type { ReportEventType } from '../../report/report-types.ts';
import { baseStyles } from '../shared/styles.ts';
import type { FeedEntry } from './live-view.ts';
import { icons, type IconName } from './practice-icons.ts';
import { practiceTokens } from './practice-styles.ts';
import { formatClock } from '../format.ts';
import { pt, renderPracticeNote, type Locale, type PlainTextKey } from './practice-text.ts';

const typeKey: Record<ReportEventType, PlainTextKey> = {
  pause: 'practiceCall.event.pause',
  silence: 'practiceCall.event.silence',
  sigh: 'practiceCall.event.sigh',
  overlap: 'practiceCall.event.overlap',
  interruption: 'practiceCall.event.interruption',
  backchannel: 'practiceCall.event.backchannel',
  agitation: 'practiceCall.event.agitation',
  'dead-air': 'practiceCall.event.dead-air',
};

const typeIcon: Record<ReportEventType, IconName> = {
  pause: 'gap',
  silence: 'silence',
  sigh: 'sigh',
  overlap: 'overlap',
  interruption: 'overlap',
  backchannel: 'backchannel',
  agitation: 'agitation',
  'dead-air': 'attention',
};

/** The event's name and whose it is: "Zucht · klant". */
export function eventTitle(locale: Locale, entry: FeedEntry): string {
  const who = entry.speaker ? ` · ${pt(locale, entry.speaker === 'agent' ? 'practiceCall.who.agent' : 'practiceCall.who.customer')}` : '';
  return `${pt(locale, typeKey[entry.type])}${who}`;
}

/** The measured reason, from the coach or from this view. */
export function eventDetail(locale: Locale, entry: FeedEntry): string {
  if (entry.local) return renderPracticeNote(locale, entry.local);
  return entry.reasons[0] ? renderNote(locale, entry.reasons[0]) : '';
}

/**
 * The call's events as they are decided, newest first: sighs, silences, interruptions, tension.
 * Each has an icon of its own, its time in the call and the measured reason.
 *
 * @csspart list - the list of events
 */
@customElement('luister-practice-event-feed')
export class PracticeEventFeed extends LitElement {
  static override styles = [
    baseStyles,
    practiceTokens,
    css`
      :host {
        display: block;
      }

      ol {
        list-style: none;
        margin: 0;
        padding: 0;
      }

      li {
        display: grid;
        grid-template-columns: 1.5rem 3.2rem 1fr;
        gap: 0.4rem;
        align-items: start;
        padding: 0.3rem 0;
        border-top: 1px solid var(--practice-quiet-soft);
      }

      li:first-child {
        border-top: none;
      }

      .time {
        font-variant-numeric: tabular-nums;
        color: var(--luister-muted);
      }

      .title {
        font-weight: 600;
      }

      .detail {
        display: block;
        color: var(--luister-muted);
        font-size: 0.9rem;
      }

      .ongoing .time {
        color: var(--practice-attention);
        font-weight: 600;
      }

      .empty {
        color: var(--luister-muted);
        margin: 0;
      }
    `,
  ];

  @property({ attribute: false }) entries: readonly FeedEntry[] = [];
  @property() locale: Locale = 'nl';
  /** Entries shown at most (the newest). */
  @property({ type: Number }) limit = 5;

  override render() {
    const shown = this.entries.slice(0, this.limit);
    if (shown.length === 0) return html`<p class="empty">${pt(this.locale, 'practiceCall.feed.empty')}</p>`;
    return html`<ol part="list">
      ${repeat(
        shown,
        (entry) => entry.id,
        (entry) => {
          const detail = eventDetail(this.locale, entry);
          return html`<li class=${entry.end === null ? 'ongoing' : ''} data-type=${entry.type}>
            ${icons[typeIcon[entry.type]]}
            <span class="time">${entry.end === null ? pt(this.locale, 'practiceCall.event.ongoing') : formatClock(entry.start)}</span>
            <span><span class="title">${eventTitle(this.locale, entry)}</span>${detail ? html`<span class="detail">${detail}</span>` : nothing}</span>
          </li>`;
        },
      )}
    </ol>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'luister-practice-event-feed': PracticeEventFeed;
  }
}
