import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { baseStyles } from '../shared/styles.ts';
import { practiceTokens } from './practice-styles.ts';
import { pt, type Locale } from './practice-text.ts';

/**
 * The agent's share of all speech so far, as a split bar and in words. Needs a customer source:
 * with the agent alone a share would always be 100 %.
 *
 * @csspart bar - the split bar
 */
@customElement('luister-practice-talk-share')
export class PracticeTalkShare extends LitElement {
  static override styles = [
    baseStyles,
    practiceTokens,
    css`
      :host {
        display: block;
      }

      .text {
        font-size: 1.1rem;
        font-weight: 600;
        font-variant-numeric: tabular-nums;
      }

      .muted {
        color: var(--luister-muted);
      }

      .bar {
        display: flex;
        height: 0.8rem;
        border-radius: 4px;
        overflow: hidden;
        margin-top: 0.45rem;
        background: var(--practice-quiet-soft);
      }

      .agent {
        background: var(--luister-agent);
      }

      /* Striped, so the two parts differ in more than colour. */
      .customer {
        background: repeating-linear-gradient(-45deg, var(--luister-customer) 0 5px, #d98a5c 5px 10px);
      }
    `,
  ];

  /** 0–1, or null before anyone spoke. */
  @property({ type: Number }) share: number | null = null;
  @property({ type: Boolean, attribute: 'has-customer' }) hasCustomer = false;
  @property() locale: Locale = 'nl';

  override render() {
    if (!this.hasCustomer) return html`<p class="muted">${pt(this.locale, 'practiceCall.talkShare.none')}</p>`;
    if (this.share === null) return html`<p class="muted">${pt(this.locale, 'practiceCall.talkShare.pending')}</p>`;
    const agent = Math.round(this.share * 100);
    const text = pt(this.locale, 'practiceCall.talkShare.value', { agent, customer: 100 - agent });
    return html`
      <div role="meter" aria-label=${pt(this.locale, 'practiceCall.talkShare.title')} aria-valuemin="0" aria-valuemax="100" aria-valuenow=${agent} aria-valuetext=${text}>
        <div class="text">${text}</div>
        <div class="bar" part="bar" aria-hidden="true">
          <div class="agent" style=${styleMap({ width: `${agent}%` })}></div>
          <div class="customer" style=${styleMap({ width: `${100 - agent}%` })}></div>
        </div>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'luister-practice-talk-share': PracticeTalkShare;
  }
}
