import { LitElement, css, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { LocaleController } from '../i18n/locale-controller.ts';
import { baseStyles } from '../shared/styles.ts';

/** What the picker offers; the browser decides in the end what it can decode. */
export const ACCEPTED_AUDIO = '.wav,.mp3,.ogg,.oga,.opus,.m4a,.aac,.mp4,.webm,.flac,audio/*';

/**
 * Choose recordings: drop them on the zone or pick them with the file dialog (one or more).
 *
 * @fires files-chosen - CustomEvent<{ files: File[] }>
 * @csspart zone - the drop zone.
 */
@customElement('luister-file-picker')
export class LuisterFilePicker extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }

      .zone {
        border: 2px dashed var(--luister-border);
        border-radius: 10px;
        padding: 1.25rem;
        background: var(--luister-surface);
        text-align: center;
        transition: border-color 0.15s, background 0.15s;
      }

      .zone.over {
        border-color: var(--luister-accent);
        background: var(--luister-accent-soft);
      }

      .zone p {
        margin: 0 0 0.75rem;
      }

      .formats {
        font-size: 0.85rem;
        color: var(--luister-muted);
        margin: 0.75rem 0 0 !important;
      }

      input[type='file'] {
        position: absolute;
        width: 1px;
        height: 1px;
        opacity: 0;
        pointer-events: none;
      }
    `,
  ];

  @property({ type: Boolean }) disabled = false;
  @state() private over = false;
  @query('input[type=file]') private input!: HTMLInputElement;

  private readonly i18n = new LocaleController(this);

  protected override render() {
    const t = this.i18n.t.bind(this.i18n);
    return html`
      <div
        class="zone ${this.over ? 'over' : ''}"
        part="zone"
        @dragover=${this.onDragOver}
        @dragleave=${() => (this.over = false)}
        @drop=${this.onDrop}
      >
        <p>${t('picker.drop')}</p>
        <button class="primary" type="button" ?disabled=${this.disabled} @click=${() => this.input.click()}>${t('picker.choose')}</button>
        <input
          type="file"
          multiple
          accept=${ACCEPTED_AUDIO}
          tabindex="-1"
          aria-hidden="true"
          ?disabled=${this.disabled}
          @change=${this.onChange}
        />
        <p class="formats">${t('picker.formats')}</p>
      </div>
    `;
  }

  private onDragOver(event: DragEvent): void {
    if (this.disabled || !event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    this.over = true;
  }

  private onDrop(event: DragEvent): void {
    event.preventDefault();
    this.over = false;
    if (this.disabled) return;
    this.choose(Array.from(event.dataTransfer?.files ?? []));
  }

  private onChange(): void {
    this.choose(Array.from(this.input.files ?? []));
    // Picking the same file again must fire change again.
    this.input.value = '';
  }

  private choose(files: File[]): void {
    if (files.length > 0) this.dispatchEvent(new CustomEvent('files-chosen', { detail: { files }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'luister-file-picker': LuisterFilePicker;
  }
  interface HTMLElementEventMap {
    'files-chosen': CustomEvent<{ files: File[] }>;
  }
}
