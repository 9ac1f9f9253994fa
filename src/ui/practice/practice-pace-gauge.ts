import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { defaultCoachNorms } from '../../coach/norms.ts';
import { baseStyles } from '../shared/styles.ts';
import { icons } from './practice-icons.ts';
import { PACE_WINDOW_SEC } from './pace.ts';
import { practiceTokens } from './practice-styles.ts';
import { formatDecimal } from '../../i18n/template.ts';
import { pt, type Locale, type PlainTextKey } from './practice-text.ts';

/** Right end of the scale, syllables/s: beyond anyone's comfortable articulation rate. */
const SCALE_MAX = 8;

export type PaceZone = 'calm' | 'steady' | 'fast';

/**
 * The zone of a rate, on the coach's norms: below the warm range's lower bound is calm, above the
 * rushed limit is fast. The gauge labels the number; whether the agent *sounds* rushed is the
 * coach's call (it also weighs pauses and the speaker's own baseline).
 */
export function paceZone(rate: number): PaceZone {
  const tone = defaultCoachNorms.tone;
  if (rate < tone.warm.minArticulationRate) return 'calm';
  if (rate > tone.rushed.maxArticulationRate) return 'fast';
  return 'steady';
}

const zoneKey: Record<PaceZone, PlainTextKey> = { calm: 'practiceCall.pace.calm', steady: 'practiceCall.pace.steady', fast: 'practiceCall.pace.fast' };

/**
 * The agent's pace (syllables per second of speech over the last few seconds) as a number and a
 * marker on a scale with three zones. A meter for assistive technology: value and zone in words.
 *
 * @csspart value - the number and its unit
 * @csspart scale - the bar with the zones and the marker
 */
@customElement('luister-practice-pace-gauge')
export class PracticePaceGauge extends LitElement {
  static override styles = [
    baseStyles,
    practiceTokens,
    css`
      :host {
        display: block;
      }

      .reading {
        display: flex;
        align-items: baseline;
        gap: 0.4rem;
        flex-wrap: wrap;
      }

      .value {
        font-size: 2rem;
        font-weight: 700;
        line-height: 1.1;
      }

      .unit {
        color: var(--luister-muted);
      }

      .zone {
        display: inline-flex;
        align-items: center;
        gap: 0.25rem;
        font-weight: 600;
      }

      .zone.fast {
        color: var(--practice-alarm);
      }
      .zone.calm {
        color: var(--practice-calm);
      }
      .zone.steady {
        color: var(--practice-good);
      }

      .scale {
        position: relative;
        display: flex;
        height: 0.7rem;
        margin: 0.5rem 0 0.9rem;
        border-radius: 4px;
        overflow: visible;
      }

      .band {
        height: 100%;
      }
      .band.calm {
        background: var(--practice-calm-soft);
        border-radius: 4px 0 0 4px;
      }
      .band.steady {
        background: var(--practice-good-soft);
      }
      .band.fast {
        background: repeating-linear-gradient(45deg, var(--practice-alarm-soft) 0 6px, #f6d3d0 6px 12px);
        border-radius: 0 4px 4px 0;
      }

      .marker {
        position: absolute;
        top: -0.3rem;
        width: 0;
        height: 0;
        border-left: 0.45rem solid transparent;
        border-right: 0.45rem solid transparent;
        border-top: 0.6rem solid var(--luister-text);
        transform: translateX(-50%);
        transition: left 120ms linear;
      }

      .ticks {
        position: relative;
        height: 0.9rem;
        font-size: 0.7rem;
        color: var(--luister-muted);
        margin-top: -0.8rem;
      }

      .ticks span {
        position: absolute;
        transform: translateX(-50%);
      }

      .none {
        color: var(--luister-muted);
      }

      @media (prefers-reduced-motion: reduce) {
        .marker {
          transition: none;
        }
      }
    `,
  ];

  /** Syllables per second, or null when there was too little speech to tell. */
  @property({ type: Number }) value: number | null = null;
  @property() locale: Locale = 'nl';

  override render() {
    const tone = defaultCoachNorms.tone;
    const low = tone.warm.minArticulationRate;
    const high = tone.rushed.maxArticulationRate;
    const pct = (x: number): number => (Math.min(SCALE_MAX, Math.max(0, x)) / SCALE_MAX) * 100;
    const value = this.value;
    const zone = value === null ? null : paceZone(value);
    const rate = value === null ? '' : formatDecimal(this.locale, value);
    const valueText =
      value === null || zone === null
        ? pt(this.locale, 'practiceCall.pace.none', { sec: PACE_WINDOW_SEC })
        : pt(this.locale, 'practiceCall.pace.valueText', { rate, zone: pt(this.locale, zoneKey[zone]) });
    return html`
      <div
        role="meter"
        aria-label=${pt(this.locale, 'practiceCall.pace.title')}
        aria-valuemin="0"
        aria-valuemax=${SCALE_MAX}
        aria-valuenow=${value === null ? 0 : Math.round(value * 10) / 10}
        aria-valuetext=${valueText}
      >
        <div class="reading" part="value">
          ${value === null || zone === null
            ? html`<span class="value none">–</span><span class="none">${valueText}</span>`
            : html`<span class="value number">${rate}</span><span class="unit">${pt(this.locale, 'practiceCall.pace.unit')}</span>
                <span class="zone ${zone}">${zone === 'fast' ? icons.rushed : zone === 'calm' ? icons.gap : icons.good}${pt(this.locale, zoneKey[zone])}</span>`}
        </div>
        <div class="scale" part="scale" aria-hidden="true">
          <div class="band calm" style=${styleMap({ width: `${pct(low)}%` })}></div>
          <div class="band steady" style=${styleMap({ width: `${pct(high) - pct(low)}%` })}></div>
          <div class="band fast" style=${styleMap({ width: `${100 - pct(high)}%` })}></div>
          ${value === null ? '' : html`<div class="marker" style=${styleMap({ left: `${pct(value)}%` })}></div>`}
        </div>
        <div class="ticks" aria-hidden="true">
          <span style=${styleMap({ left: '0%', transform: 'none' })}>0</span>
          <span style=${styleMap({ left: `${pct(low)}%` })}>${formatDecimal(this.locale, low)}</span>
          <span style=${styleMap({ left: `${pct(high)}%` })}>${formatDecimal(this.locale, high)}</span>
          <span style=${styleMap({ left: '100%', transform: 'translateX(-100%)' })}>${SCALE_MAX}</span>
        </div>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'luister-practice-pace-gauge': PracticePaceGauge;
  }
}
