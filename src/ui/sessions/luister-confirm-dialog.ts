import { LitElement, css, html } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { LocaleController } from '../i18n/locale-controller.ts';
import { baseStyles } from '../shared/styles.ts';

export interface ConfirmRequest {
  heading: string;
  message: string;
  confirmLabel: string;
}

/**
 * A modal question before something that cannot be undone. The native <dialog> traps focus,
 * closes on Escape (answering "no") and returns focus to where it was.
 *
 * @csspart dialog - the dialog box.
 */
@customElement('luister-confirm-dialog')
export class LuisterConfirmDialog extends LitElement {
  static override styles = [
    baseStyles,
    css`
      dialog {
        border: 1px solid var(--luister-border);
        border-radius: 10px;
        padding: 1.25rem 1.5rem;
        max-width: min(32rem, 90vw);
        color: var(--luister-text);
      }

      dialog::backdrop {
        background: rgba(20, 24, 32, 0.45);
      }

      .actions {
        display: flex;
        justify-content: flex-end;
        gap: 0.5rem;
        margin-top: 1.25rem;
      }

      p {
        overflow-wrap: anywhere;
      }

      button.danger-fill {
        background: var(--luister-danger);
        border-color: var(--luister-danger);
        color: #fff;
      }
    `,
  ];

  @state() private request: ConfirmRequest | null = null;
  @query('dialog') private dialog!: HTMLDialogElement;

  private readonly i18n = new LocaleController(this);
  private answer: ((confirmed: boolean) => void) | null = null;

  /** Asks; resolves true when the user confirms, false on cancel or Escape. */
  async confirm(request: ConfirmRequest): Promise<boolean> {
    this.answer?.(false);
    this.request = request;
    await this.updateComplete;
    this.dialog.showModal();
    return new Promise((resolve) => (this.answer = resolve));
  }

  protected override render() {
    const t = this.i18n.t.bind(this.i18n);
    return html`
      <dialog part="dialog" aria-labelledby="confirm-heading" aria-describedby="confirm-message" @close=${this.onClose}>
        <h2 id="confirm-heading">${this.request?.heading ?? ''}</h2>
        <p id="confirm-message">${this.request?.message ?? ''}</p>
        <div class="actions">
          <button type="button" autofocus @click=${() => this.dialog.close('cancel')}>${t('confirm.cancel')}</button>
          <button type="button" class="primary danger-fill" data-action="confirm" @click=${() => this.dialog.close('confirm')}>
            ${this.request?.confirmLabel ?? ''}
          </button>
        </div>
      </dialog>
    `;
  }

  private onClose(): void {
    const confirmed = this.dialog.returnValue === 'confirm';
    this.dialog.returnValue = '';
    this.answer?.(confirmed);
    this.answer = null;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'luister-confirm-dialog': LuisterConfirmDialog;
  }
}
