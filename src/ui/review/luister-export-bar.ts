import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { exportFile, type ExportKind, type ExportSource } from '../export/export-files.ts';
import { LocaleController } from '../i18n/locale-controller.ts';
import { baseStyles } from '../shared/styles.ts';

/**
 * Export and print for one reviewed recording: the report as JSON, its events as CSV, the
 * recording as WAV, and the page through the print sheet.
 *
 * @fires export-failed - CustomEvent<{ kind: ExportKind; error: unknown }>: the file could not be made.
 * @csspart bar - the button group.
 */
@customElement('luister-export-bar')
export class LuisterExportBar extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }

      .bar {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
      }

      .label {
        font-weight: 600;
        margin-right: 0.25rem;
      }

      @media print {
        :host {
          display: none;
        }
      }
    `,
  ];

  @property({ attribute: false }) source: ExportSource | null = null;
  @state() private busy: ExportKind | null = null;

  private readonly i18n = new LocaleController(this);

  protected override render() {
    const t = this.i18n.t.bind(this.i18n);
    const disabled = !this.source || this.busy !== null;
    const noReport = disabled || !this.source?.report;
    return html`
      <div class="bar" part="bar" role="group" aria-labelledby="export-label">
        <span class="label" id="export-label">${t('export.label')}</span>
        <button type="button" data-export="json" ?disabled=${noReport} @click=${() => this.run('json')}>${t('export.json')}</button>
        <button type="button" data-export="csv" ?disabled=${noReport} @click=${() => this.run('csv')}>${t('export.csv')}</button>
        <button type="button" data-export="wav" ?disabled=${disabled} @click=${() => this.run('wav')}>
          ${this.busy === 'wav' ? t('export.busy') : t('export.wav')}
        </button>
        <button type="button" @click=${() => window.print()}>${t('export.print')}</button>
      </div>
    `;
  }

  private async run(kind: ExportKind): Promise<void> {
    if (!this.source) return;
    this.busy = kind;
    try {
      await exportFile(this.source, kind, this.i18n.locale);
    } catch (error) {
      this.dispatchEvent(new CustomEvent('export-failed', { detail: { kind, error }, bubbles: true, composed: true }));
    } finally {
      this.busy = null;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'luister-export-bar': LuisterExportBar;
  }
  interface HTMLElementEventMap {
    'export-failed': CustomEvent<{ kind: ExportKind; error: unknown }>;
  }
}
