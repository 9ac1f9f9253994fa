import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { sessionStore } from '../../storage/session-store.ts';
import type { CoachComment } from '../../storage/session-types.ts';
import { StorageError } from '../../storage/storage-errors.ts';
import { formatClock } from '../format.ts';
import { LocaleController } from '../i18n/locale-controller.ts';
import { baseStyles } from '../shared/styles.ts';
import { LISTEN_LEAD_IN_SEC } from './recording.ts';

/** Longest comment kept, characters: a few sentences, not a transcript. */
export const MAX_COMMENT_LENGTH = 1000;

/**
 * The coach's comments on moments of a stored recording: write one at the playback position,
 * listen from a comment's moment, delete one. Each change is stored at once with the session; a
 * change the storage refuses (a full disk) is not shown as made, and the text typed stays in the
 * box, so nothing is lost.
 *
 * @fires comments-change - CustomEvent<{ comments: CoachComment[] }>: the stored list changed.
 * @fires seek-request - CustomEvent<{ time: number }>: play from just before a comment's moment.
 */
@customElement('luister-coach-comments')
export class LuisterCoachComments extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }

      ol {
        list-style: none;
        margin: 0 0 0.75rem;
        padding: 0;
      }

      li {
        display: grid;
        grid-template-columns: auto 1fr auto;
        gap: 0 0.6rem;
        align-items: baseline;
        padding: 0.35rem 0;
        border-bottom: 1px solid #e7eaee;
      }

      .text {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }

      form {
        display: grid;
        gap: 0.35rem;
      }

      label {
        font-weight: 500;
        font-size: 0.9rem;
      }

      textarea {
        font: inherit;
        min-height: 3.5rem;
        resize: vertical;
        border: 1px solid var(--luister-border);
        border-radius: 6px;
        padding: 0.35rem 0.5rem;
      }

      .row {
        display: flex;
        gap: 0.75rem;
        align-items: center;
        flex-wrap: wrap;
      }

      .hint {
        color: var(--luister-muted);
        font-size: 0.85rem;
        margin: 0;
      }

      .error {
        color: var(--luister-danger);
        margin: 0;
      }

      @media print {
        form {
          display: none;
        }
      }
    `,
  ];

  /** The session they belong to. */
  @property({ attribute: false }) sessionId = '';
  @property({ attribute: false }) comments: readonly CoachComment[] = [];
  /** Where playback is now, s: a new comment is tied to that moment. */
  @property({ attribute: false }) position: () => number = () => 0;

  /** The moment the comment being written is about: taken when the box is entered. */
  @state() private atSec = 0;
  @state() private error = '';
  @state() private saving = false;

  @query('textarea') private box?: HTMLTextAreaElement;

  private readonly i18n = new LocaleController(this);

  protected override render() {
    const t = this.i18n.t.bind(this.i18n);
    return html`
      ${this.comments.length > 0
        ? html`<ol aria-label=${t('comments.listLabel')}>
            ${this.comments.map(
              (comment) => html`<li data-comment>
                <button class="link" type="button" @click=${() => this.listen(comment)} aria-label=${t('comments.listen', { time: formatClock(comment.atSec) })}>
                  ${formatClock(comment.atSec)}
                </button>
                <span class="text">${comment.text}</span>
                <button class="link screen-only" type="button" data-action="delete-comment" @click=${() => this.deleteComment(comment)}>
                  ${t('comments.delete')}
                </button>
              </li>`,
            )}
          </ol>`
        : html`<p class="hint">${t('comments.none')}</p>`}
      <form @submit=${this.add}>
        <label for="comment-text">${t('comments.label', { time: formatClock(this.atSec) })}</label>
        <textarea id="comment-text" maxlength=${MAX_COMMENT_LENGTH} @focus=${this.takePosition} @keydown=${this.onKeyDown}></textarea>
        <div class="row">
          <button type="submit" ?disabled=${this.saving}>${t('comments.add')}</button>
          <p class="hint">${t('comments.hint')}</p>
        </div>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      </form>
    `;
  }

  /** Ties the comment about to be written to where playback is now. */
  private takePosition(): void {
    this.atSec = this.position();
  }

  /** Ctrl+Enter (⌘+Enter) adds the comment, as in most comment boxes; Enter alone is a new line. */
  private onKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      this.box?.form?.requestSubmit();
    }
  }

  private async add(event: Event): Promise<void> {
    event.preventDefault();
    const box = this.box;
    const text = box?.value.trim() ?? '';
    if (!box || text === '' || this.saving) return;
    const comment: CoachComment = { atSec: this.atSec, text: text.slice(0, MAX_COMMENT_LENGTH), createdAt: Date.now() };
    if (await this.store([...this.comments, comment])) box.value = '';
  }

  private async deleteComment(comment: CoachComment): Promise<void> {
    await this.store(this.comments.filter((c) => c !== comment));
  }

  /** Stores `comments`; true when stored. On failure the list shown stays as it was. */
  private async store(comments: CoachComment[]): Promise<boolean> {
    this.saving = true;
    this.error = '';
    try {
      const summary = await sessionStore.setComments(this.sessionId, comments);
      this.dispatchEvent(new CustomEvent('comments-change', { detail: { comments: summary.comments ?? [] }, bubbles: true, composed: true }));
      return true;
    } catch (error) {
      this.error = this.i18n.t(error instanceof StorageError && error.kind === 'full' ? 'comments.full' : 'comments.failed');
      return false;
    } finally {
      this.saving = false;
    }
  }

  /** Plays from a little before the comment's moment, so what it is about is heard whole. */
  private listen(comment: CoachComment): void {
    const time = Math.max(0, comment.atSec - LISTEN_LEAD_IN_SEC);
    this.dispatchEvent(new CustomEvent('seek-request', { detail: { time }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'luister-coach-comments': LuisterCoachComments;
  }
  interface HTMLElementEventMap {
    'comments-change': CustomEvent<{ comments: CoachComment[] }>;
  }
}
