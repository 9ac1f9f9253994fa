import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { reportTexts } from '../../i18n/translate.ts';
import type { ReportEvent } from '../../report/report-types.ts';
import { formatClock, formatSeconds } from '../format.ts';
import { LocaleController } from '../i18n/locale-controller.ts';
import { baseStyles } from '../shared/styles.ts';
import { UNKNOWN_EVENT_COLOR, eventStyle } from './event-style.ts';

/** Items rendered per frame (see `shown`), and the size of the chunks the list is rendered in. */
const ITEMS_PER_FRAME = 100;

/**
 * The report's events as a list in call order: type (text and colour), whose, when, how long and
 * why. Activating an item plays that moment; the selected item is marked with aria-current.
 *
 * @fires event-activate - CustomEvent<{ index: number }>: an item was clicked or activated by keyboard.
 * @csspart list - the scrollable list.
 */
@customElement('luister-event-list')
export class LuisterEventList extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }

      ol {
        position: relative;
        list-style: none;
        margin: 0;
        padding: 0;
        max-height: 22rem;
        overflow-y: auto;
        border: 1px solid var(--luister-border);
        border-radius: 6px;
        background: var(--luister-surface);
      }

      /* Items scrolled out of the list skip layout: an hour-long call lists thousands, and every
         layout the waveform forces while it draws would otherwise lay them all out again. */
      li {
        content-visibility: auto;
        contain-intrinsic-size: auto 3.5rem;
      }

      li + li {
        border-top: 1px solid #e7eaee;
      }

      button {
        all: unset;
        box-sizing: border-box;
        display: grid;
        grid-template-columns: auto 1fr auto;
        gap: 0 0.6rem;
        width: 100%;
        padding: 0.4rem 0.6rem;
        cursor: pointer;
        color: var(--luister-text);
      }

      button:hover {
        background: #f0f3f6;
      }

      button:focus-visible {
        outline: 3px solid var(--luister-focus);
        outline-offset: -3px;
      }

      button[aria-current='true'] {
        background: var(--luister-accent-soft);
        box-shadow: inset 4px 0 0 var(--luister-accent);
      }

      .marker {
        width: 0.8rem;
        height: 0.8rem;
        margin-top: 0.3rem;
        border-radius: 2px;
      }

      .what {
        font-weight: 600;
      }

      .when {
        font-variant-numeric: tabular-nums;
        color: var(--luister-muted);
        white-space: nowrap;
      }

      .why {
        grid-column: 2 / 4;
        font-size: 0.82rem;
        color: var(--luister-muted);
      }

      .empty {
        color: var(--luister-muted);
      }

      @media print {
        ol {
          max-height: none;
          overflow: visible;
        }

        li {
          content-visibility: visible;
        }

        /* The items are buttons on screen; on paper they are the list. */
        button {
          display: grid !important;
        }
      }
    `,
  ];

  @property({ attribute: false }) events: readonly ReportEvent[] = [];
  @property({ type: Number }) selectedIndex = -1;

  /**
   * How many chunks of ITEMS_PER_FRAME items are rendered: a long list goes in a chunk per frame,
   * since rendering the thousands of events of an hour-long call at once blocked the page for a
   * second.
   */
  @state() private shown = 0;

  private readonly i18n = new LocaleController(this);
  /** `events` in chunks, made once per list: each chunk renders again only when it changes. */
  private chunks: { first: number; events: readonly ReportEvent[] }[] = [];

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('events')) {
      this.chunks = [];
      for (let first = 0; first < this.events.length; first += ITEMS_PER_FRAME) {
        this.chunks.push({ first, events: this.events.slice(first, first + ITEMS_PER_FRAME) });
      }
      this.shown = Math.min(this.chunks.length, 1);
    }
    // The selected item is always there to show.
    if (this.selectedIndex >= this.shown * ITEMS_PER_FRAME) this.shown = Math.min(this.chunks.length, Math.floor(this.selectedIndex / ITEMS_PER_FRAME) + 1);
  }

  protected override render() {
    const t = this.i18n.t.bind(this.i18n);
    if (this.events.length === 0) return html`<p class="empty">${t('events.none')}</p>`;
    const locale = this.i18n.locale;
    const selected = this.selectedIndex;
    // A chunk already on screen is rendered again only for another language or a selection
    // moving into or out of it: adding a slice costs that slice, not the whole list again.
    return html`
      <ol part="list" aria-label=${t('events.title')}>
        ${this.chunks.slice(0, this.shown).map((chunk) => {
          const selectedHere = selected >= chunk.first && selected < chunk.first + chunk.events.length ? selected : -1;
          return guard([chunk, locale, selectedHere], () => chunk.events.map((event, offset) => this.renderItem(event, chunk.first + offset, selectedHere)));
        })}
      </ol>
    `;
  }

  private renderItem(event: ReportEvent, index: number, selected: number) {
    const t = this.i18n.t.bind(this.i18n);
    const style = eventStyle(event.type);
    const who = event.speaker ? t(event.speaker === 'agent' ? 'speaker.agent' : 'speaker.customer') : '';
    const reasons = reportTexts(this.i18n.locale, event.reasons, event.reasonMessages);
    return html`<li>
      <button type="button" aria-current=${index === selected ? 'true' : 'false'} @click=${() => this.activate(index)}>
        <span class="marker" style="background:${style?.color ?? UNKNOWN_EVENT_COLOR}" aria-hidden="true"></span>
        <span><span class="what">${style ? t(style.label) : event.type}</span>${who ? html` · ${who}` : nothing}</span>
        <span class="when">${formatClock(event.start)} · ${formatSeconds(this.i18n.locale, event.end - event.start)}</span>
        ${reasons.length ? html`<span class="why">${reasons.join('; ')}</span>` : nothing}
      </button>
    </li>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (this.shown < this.chunks.length) {
      const chunks = this.chunks;
      requestAnimationFrame(() => {
        if (this.chunks === chunks) this.shown = Math.min(chunks.length, this.shown + 1);
      });
    }
    if (changed.has('selectedIndex')) {
      // Keep the selected event in sight inside the list without scrolling the page.
      const item = this.renderRoot.querySelector<HTMLElement>('button[aria-current="true"]');
      const list = this.renderRoot.querySelector('ol');
      if (item && list) {
        // From the boxes, not offsetTop: each item's containment makes it the button's offsetParent.
        const top = item.getBoundingClientRect().top - list.getBoundingClientRect().top - list.clientTop + list.scrollTop;
        if (top < list.scrollTop || top + item.offsetHeight > list.scrollTop + list.clientHeight) list.scrollTop = top - list.clientHeight / 3;
      }
    }
  }

  private activate(index: number): void {
    this.dispatchEvent(new CustomEvent('event-activate', { detail: { index }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'luister-event-list': LuisterEventList;
  }
}
