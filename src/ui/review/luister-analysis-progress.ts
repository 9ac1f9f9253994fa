import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { LocaleController } from '../i18n/locale-controller.ts';
import { baseStyles } from '../shared/styles.ts';
import type { ItemStage } from './review-queue.ts';

/**
 * Progress of the recording being prepared: what is happening, a progress bar and Cancel.
 *
 * @fires cancel-request - CustomEvent<void>: the user asked to stop.
 * @csspart bar - the progress bar's track.
 */
@customElement('luister-analysis-progress')
export class LuisterAnalysisProgress extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }

      .row {
        display: flex;
        align-items: center;
        gap: 1rem;
      }

      .what {
        margin: 0 0 0.35rem;
        overflow-wrap: anywhere;
      }

      .track {
        flex: 1;
        height: 0.75rem;
        border-radius: 999px;
        background: #e2e6eb;
        overflow: hidden;
      }

      .fill {
        height: 100%;
        background: var(--luister-accent);
        transition: width 0.1s linear;
      }

      .percent {
        font-variant-numeric: tabular-nums;
        min-width: 3.5rem;
        text-align: right;
      }
    `,
  ];

  @property() name = '';
  @property() stage: ItemStage = 'waiting';
  /** 0–1. */
  @property({ type: Number }) progress = 0;

  private readonly i18n = new LocaleController(this);

  protected override render() {
    const t = this.i18n.t.bind(this.i18n);
    const percent = Math.round(this.progress * 100);
    const label = t(this.stage === 'decoding' ? 'progress.decoding' : this.stage === 'saving' ? 'progress.saving' : 'progress.analysing', {
      name: this.name,
    });
    return html`
      <p class="what" id="progress-label">${label}</p>
      <div class="row">
        <div
          class="track"
          part="bar"
          role="progressbar"
          aria-labelledby="progress-label"
          aria-valuemin="0"
          aria-valuemax="100"
          aria-valuenow=${percent}
          aria-valuetext=${t('progress.percent', { percent: String(percent) })}
        >
          <div class="fill" style="width:${percent}%"></div>
        </div>
        <span class="percent" aria-hidden="true">${percent}%</span>
        <button type="button" class="danger" ?disabled=${this.stage === 'saving'} @click=${this.onCancel}>${t('progress.cancel')}</button>
      </div>
    `;
  }

  private onCancel(): void {
    this.dispatchEvent(new CustomEvent('cancel-request', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'luister-analysis-progress': LuisterAnalysisProgress;
  }
  interface HTMLElementEventMap {
    'cancel-request': CustomEvent<void>;
  }
}
