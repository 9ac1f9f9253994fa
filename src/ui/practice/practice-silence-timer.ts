import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { baseStyles } from '../shared/styles.ts';
import { icons } from './practice-icons.ts';
import { practiceTokens } from './practice-styles.ts';
import { formatDecimal } from '../../i18n/template.ts';
import { pt, type Locale, type PlainTextKey } from './practice-text.ts';
import type { SilencePhase, SilenceState } from './silence-timer.ts';

/** How each phase looks: a tone of voice for the colour, an icon, and the text. */
const look: Record<Exclude<SilencePhase, 'speaking'>, { tone: 'good' | 'attention' | 'quiet'; icon: keyof typeof icons; key: PlainTextKey }> = {
  waiting: { tone: 'quiet', icon: 'pending', key: 'practiceCall.silence.waiting' },
  gap: { tone: 'quiet', icon: 'gap', key: 'practiceCall.silence.gap' },
  space: { tone: 'good', icon: 'good', key: 'practiceCall.silence.space' },
  listening: { tone: 'good', icon: 'listening', key: 'practiceCall.silence.listening' },
  think: { tone: 'quiet', icon: 'gap', key: 'practiceCall.silence.think' },
  'check-in': { tone: 'attention', icon: 'attention', key: 'practiceCall.silence.checkIn' },
  respond: { tone: 'attention', icon: 'attention', key: 'practiceCall.silence.respond' },
};

/** The text for a phase (and who speaks), also used for the live region. */
export function silenceText(locale: Locale, state: Pick<SilenceState, 'phase' | 'speaking'>): string {
  if (state.phase !== 'speaking') return pt(locale, look[state.phase].key);
  if (state.speaking.length === 2) return pt(locale, 'practiceCall.silence.both');
  return pt(locale, state.speaking[0] === 'customer' ? 'practiceCall.silence.customer' : 'practiceCall.silence.agent');
}

/**
 * How long it has been quiet and what that silence means: after the agent's turn, room for the
 * customer ("Geef ruimte — stilte is goed"); after the customer's, a moment to think, then a
 * prompt to respond. Shows who is speaking otherwise.
 *
 * @csspart seconds - the running count of seconds
 * @csspart message - the meaning of the silence
 */
@customElement('luister-practice-silence-timer')
export class PracticeSilenceTimer extends LitElement {
  static override styles = [
    baseStyles,
    practiceTokens,
    css`
      :host {
        display: block;
      }

      .timer {
        display: flex;
        align-items: center;
        gap: 0.75rem;
        border-radius: 8px;
        padding: 0.4rem 0.75rem;
        border: 2px solid transparent;
        min-height: 4.2rem;
      }

      .timer .icon {
        width: 1.8rem;
        height: 1.8rem;
      }

      .seconds {
        font-size: 2rem;
        font-weight: 700;
        min-width: 4.5ch;
        font-variant-numeric: tabular-nums;
      }

      .message {
        font-size: 1.15rem;
        font-weight: 600;
      }

      .good {
        color: var(--practice-good);
        background: var(--practice-good-soft);
        border-color: var(--practice-good);
      }

      .attention {
        color: var(--practice-attention);
        background: var(--practice-attention-soft);
        border-color: var(--practice-attention);
        border-style: dashed;
      }

      .quiet {
        color: var(--practice-quiet);
        background: var(--practice-quiet-soft);
      }

      .speaking {
        color: var(--luister-agent);
        background: #e8f0fa;
      }

      .speaking.customer {
        color: var(--luister-customer);
        background: #fbeee6;
      }
    `,
  ];

  @property({ attribute: false }) state: SilenceState | null = null;
  @property() locale: Locale = 'nl';

  override render() {
    const state = this.state ?? { phase: 'waiting' as const, speaking: [], silenceStart: null, silenceSec: 0, after: null };
    const text = silenceText(this.locale, state);
    if (state.phase === 'speaking') {
      const who = state.speaking.length === 1 && state.speaking[0] === 'customer' ? 'customer' : 'agent';
      return html`<div class="timer speaking ${who}" data-phase="speaking">
        ${icons.speaking}<span class="message" part="message">${text}</span>
      </div>`;
    }
    const { tone, icon } = look[state.phase];
    const counting = state.phase !== 'waiting';
    return html`<div class="timer ${tone}" data-phase=${state.phase}>
      ${icons[icon]}
      ${counting
        ? html`<span class="seconds" part="seconds">${pt(this.locale, 'practiceCall.silence.seconds', { sec: formatDecimal(this.locale, state.silenceSec) })}</span>`
        : ''}
      <span class="message" part="message">${text}</span>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'luister-practice-silence-timer': PracticeSilenceTimer;
  }
}
