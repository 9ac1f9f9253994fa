import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { baseStyles } from '../shared/styles.ts';
import type { LevelReading } from './live-view.ts';
import { icons } from './practice-icons.ts';
import { practiceTokens } from './practice-styles.ts';
import { pt, type Locale, type PlainTextKey } from './practice-text.ts';

/** Bottom of the scale, dBFS: quieter than any usable speech on a headset. */
const FLOOR_DB = -60;
/**
 * An RMS level this high (25 ms window) means the peaks are at full scale: speech has a crest
 * factor of well over 3 dB, so the waveform is being clipped.
 */
const CLIP_DB = -3;
/** At or below this there is no signal at all (a muted or dead input). */
const SILENT_DB = -90;

/**
 * Input levels of the agent and, when there is one, the customer: a bar per speaker from −60 to
 * 0 dBFS, the value in words, and a warning with its own shape when the input is clipping or
 * silent.
 *
 * @csspart meter - one speaker's row
 */
@customElement('luister-practice-level-meter')
export class PracticeLevelMeter extends LitElement {
  static override styles = [
    baseStyles,
    practiceTokens,
    css`
      :host {
        display: block;
      }

      .row {
        display: grid;
        grid-template-columns: 4.5rem 1fr 4.2rem;
        align-items: center;
        gap: 0.5rem;
        margin: 0.35rem 0;
      }

      .who {
        font-weight: 600;
      }

      .bar {
        position: relative;
        height: 0.8rem;
        border-radius: 4px;
        background: var(--practice-quiet-soft);
        overflow: hidden;
      }

      .fill {
        position: absolute;
        inset: 0 auto 0 0;
        transition: width 60ms linear;
      }

      .agent .fill {
        background: var(--luister-agent);
      }
      .customer .fill {
        background: var(--luister-customer);
      }

      .db {
        text-align: right;
        font-variant-numeric: tabular-nums;
        font-size: 0.9rem;
      }

      .warning {
        grid-column: 2 / 4;
        display: flex;
        align-items: center;
        gap: 0.3rem;
        color: var(--practice-alarm);
        font-weight: 600;
        font-size: 0.9rem;
        margin-top: -0.2rem;
      }

      @media (prefers-reduced-motion: reduce) {
        .fill {
          transition: none;
        }
      }
    `,
  ];

  @property({ attribute: false }) agent: LevelReading | null = null;
  @property({ attribute: false }) customer: LevelReading | null = null;
  @property({ type: Boolean, attribute: 'has-customer' }) hasCustomer = false;
  @property() locale: Locale = 'nl';

  override render() {
    return html`
      ${this.row('agent', 'practiceCall.level.agent', this.agent)}
      ${this.hasCustomer ? this.row('customer', 'practiceCall.level.customer', this.customer) : nothing}
    `;
  }

  private row(role: 'agent' | 'customer', labelKey: PlainTextKey, reading: LevelReading | null) {
    const db = reading ? Math.max(-120, reading.db) : null;
    const pct = (x: number): number => Math.max(0, Math.min(1, (x - FLOOR_DB) / -FLOOR_DB)) * 100;
    // A real minus sign: the hyphen reads as a dash next to the bar.
    const shown = db === null ? '–' : `${Math.round(db) < 0 ? '−' : ''}${Math.abs(Math.round(db))} dB`;
    const warning =
      db === null ? null : db >= CLIP_DB ? 'practiceCall.level.clipping' : db <= SILENT_DB ? 'practiceCall.level.silent' : null;
    const label = pt(this.locale, labelKey);
    return html`
      <div class="row ${role}" part="meter">
        <span class="who" id="${role}-label">${label}</span>
        <div
          class="bar"
          role="meter"
          aria-labelledby="${role}-label"
          aria-valuemin=${FLOOR_DB}
          aria-valuemax="0"
          aria-valuenow=${db === null ? FLOOR_DB : Math.round(Math.max(FLOOR_DB, db))}
          aria-valuetext=${db === null ? '–' : pt(this.locale, 'practiceCall.level.valueText', { db: Math.round(db) })}
        >
          <div class="fill" style=${styleMap({ width: `${db === null ? 0 : pct(db)}%` })}></div>
        </div>
        <span class="db" aria-hidden="true">${shown}</span>
        ${warning ? html`<span class="warning">${icons.attention}${pt(this.locale, warning)}</span>` : nothing}
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'luister-practice-level-meter': PracticeLevelMeter;
  }
}
