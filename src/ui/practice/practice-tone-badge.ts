import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ToneLabel } from '../../report/report-types.ts';
import { baseStyles } from '../shared/styles.ts';
import { icons } from './practice-icons.ts';
import { practiceTokens } from './practice-styles.ts';
import { pt, type Locale } from './practice-text.ts';

/** What the badge shows: a label the coach decided, with the measurements behind it. */
export interface ToneBadgeInput {
  label: ToneLabel;
  /** Rendered texts: what was measured, against which norm. */
  reasons: string[];
  /** One concrete suggestion, when the coach gives one. */
  advice?: string;
}

/**
 * The agent's tone at a glance: a large label with its own colour and shape, the main measured
 * reason and the suggestion underneath; further reasons fold out. It computes nothing: without
 * input it says why there is no label yet.
 *
 * @csspart badge - the label with its icon
 * @csspart reasons - the main reason
 * @csspart advice - the suggestion under the reasons
 */
@customElement('luister-practice-tone-badge')
export class PracticeToneBadge extends LitElement {
  static override styles = [
    baseStyles,
    practiceTokens,
    css`
      :host {
        display: block;
      }

      .badge {
        display: inline-flex;
        align-items: center;
        gap: 0.5rem;
        padding: 0.35rem 0.9rem 0.35rem 0.7rem;
        border-radius: 999px;
        border: 2px solid currentColor;
        font-size: 1.6rem;
        font-weight: 700;
        line-height: 1.2;
      }

      .badge .icon {
        width: 1.4em;
        height: 1.4em;
      }

      .warm {
        color: var(--practice-attention);
        background: var(--practice-attention-soft);
      }
      .rushed {
        color: var(--practice-alarm);
        background: var(--practice-alarm-soft);
      }
      .monotone {
        color: var(--practice-calm);
        background: var(--practice-calm-soft);
      }
      .neutral {
        color: var(--practice-quiet);
        background: var(--practice-quiet-soft);
      }
      .pending {
        color: var(--practice-quiet);
        border-style: dashed;
        font-size: 1.25rem;
        font-weight: 600;
      }

      .reason {
        margin: 0.45rem 0 0;
      }

      .advice,
      .why {
        margin: 0.3rem 0 0;
        color: var(--luister-muted);
      }

      details {
        margin-top: 0.3rem;
        font-size: 0.9rem;
      }

      summary {
        cursor: pointer;
        color: var(--luister-accent);
        width: fit-content;
      }

      ul {
        margin: 0.25rem 0 0;
        padding-left: 1.1rem;
      }
    `,
  ];

  @property({ attribute: false }) tone: ToneBadgeInput | null = null;
  @property() locale: Locale = 'nl';
  /** Why there is no label (no coach connected, not enough speech yet). */
  @property({ attribute: 'pending-text' }) pendingText = '';

  override render() {
    const tone = this.tone;
    if (!tone) {
      return html`
        <span class="badge pending" part="badge">${icons.pending}${pt(this.locale, 'practiceCall.tone.pending')}</span>
        ${this.pendingText ? html`<p class="why">${this.pendingText}</p>` : nothing}
      `;
    }
    return html`
      <span class="badge ${tone.label}" part="badge" data-label=${tone.label}>${icons[tone.label]}${pt(this.locale, labelKey[tone.label])}</span>
      ${tone.reasons.length > 0 ? html`<p class="reason" part="reasons">${tone.reasons[0]}</p>` : nothing}
      ${tone.advice ? html`<p class="advice" part="advice">${tone.advice}</p>` : nothing}
      ${tone.reasons.length > 1
        ? html`<details>
            <summary>${pt(this.locale, 'practiceCall.tone.moreReasons', { n: tone.reasons.length - 1 })}</summary>
            <ul>${tone.reasons.slice(1).map((r) => html`<li>${r}</li>`)}</ul>
          </details>`
        : nothing}
    `;
  }
}

const labelKey = {
  warm: 'practiceCall.tone.warm',
  rushed: 'practiceCall.tone.rushed',
  monotone: 'practiceCall.tone.monotone',
  neutral: 'practiceCall.tone.neutral',
} as const satisfies Record<ToneLabel, string>;

/** The label's text in `locale`, for announcements. */
export function toneLabelText(locale: Locale, label: ToneLabel): string {
  return pt(locale, labelKey[label]);
}

declare global {
  interface HTMLElementTagNameMap {
    'luister-practice-tone-badge': PracticeToneBadge;
  }
}
