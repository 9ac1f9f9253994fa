import { LitElement, css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { sessionStore } from '../../storage/session-store.ts';
import { StorageError } from '../../storage/storage-errors.ts';
import type { SessionSummary } from '../../storage/session-types.ts';
import { csvBlob, exportFile, type ExportKind } from '../export/export-files.ts';
import { sessionWav } from '../export/session-wav.ts';
import { localDate, sessionsCsv } from '../export/sessions-csv.ts';
import { formatBytes, formatClock, formatDateTime, formatPercent } from '../format.ts';
import { LocaleController } from '../i18n/locale-controller.ts';
import { downloadBlob } from '../shared/download.ts';
import { clearPreferences } from '../shared/preferences.ts';
import { sessionOpenEvent } from '../shared/session-open.ts';
import { StorageSpaceController } from '../shared/storage-space-controller.ts';
import { baseStyles } from '../shared/styles.ts';
import './luister-agent-trend.ts';
import './luister-confirm-dialog.ts';
import type { LuisterConfirmDialog } from './luister-confirm-dialog.ts';
import { SessionListController } from './session-list-controller.ts';

/** The agent filter's value for "everyone". */
const ALL = '';

/**
 * Saved sessions: list, open, rename, export, delete (and delete everything), the storage in
 * use, and per agent a chart of how their figures moved.
 *
 * @fires session-open - CustomEvent<{ id: string }>: the user wants to review this session.
 * @csspart list - the sessions table.
 */
@customElement('luister-sessions')
export class LuisterSessions extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }

      .top {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        align-items: flex-start;
        gap: 1rem;
      }

      .space {
        color: var(--luister-muted);
        margin: 0;
      }

      .warning {
        background: var(--luister-warning-soft);
        border: 1px solid #edd898;
        border-left: 4px solid #8a6d00;
        border-radius: 6px;
        padding: 0.6rem 0.9rem;
        margin: 0.75rem 0 0;
      }

      .error {
        background: var(--luister-danger-soft);
        border-left: 4px solid var(--luister-danger);
        border-radius: 6px;
        padding: 0.6rem 0.9rem;
        margin: 0.75rem 0 0;
      }

      .tools {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1.5rem;
        align-items: center;
        justify-content: space-between;
        margin: 1rem 0;
      }

      .filter {
        display: flex;
        gap: 0.5rem;
        align-items: center;
      }

      .tools > button {
        margin-left: auto;
      }

      section + section {
        margin-top: 1.25rem;
      }

      table {
        width: 100%;
        border-collapse: collapse;
      }

      /* A phone: the table scrolls sideways instead of pushing its buttons off the screen. */
      @media (max-width: 600px) {
        table {
          display: block;
          overflow-x: auto;
        }
      }

      th,
      td {
        text-align: left;
        padding: 0.45rem 0.5rem;
        border-bottom: 1px solid #e7eaee;
        vertical-align: middle;
      }

      thead th {
        font-size: 0.85rem;
        color: var(--luister-muted);
      }

      td.num {
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
      }

      .name {
        /* Room for ordinary names; a very long one wraps instead of widening the table. */
        min-width: 12rem;
        overflow-wrap: anywhere;
        font-weight: 600;
      }

      .kind {
        display: inline-block;
        font-size: 0.78rem;
        padding: 0.05rem 0.5rem;
        border-radius: 999px;
        background: #e9ecef;
      }

      .actions {
        display: flex;
        flex-wrap: wrap;
        justify-content: flex-end;
        gap: 0.35rem;
      }

      .actions button {
        min-height: 2rem;
        padding: 0.15rem 0.6rem;
      }

      /* A phone: the buttons in one line, to be scrolled to, rather than a column making every row tall. */
      @media (max-width: 600px) {
        .actions {
          flex-wrap: nowrap;
        }
      }

      form.edit {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: end;
      }

      form.edit label {
        display: grid;
        gap: 0.15rem;
        font-size: 0.85rem;
      }

      .empty {
        color: var(--luister-muted);
      }

      .danger-zone {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 1rem;
      }

      .danger-zone p {
        margin: 0;
        color: var(--luister-muted);
        flex: 1 1 20rem;
      }
    `,
  ];

  @state() private agentFilter = ALL;
  @state() private editing: string | null = null;
  @state() private message = '';

  @query('luister-confirm-dialog') private dialog!: LuisterConfirmDialog;

  private readonly i18n = new LocaleController(this);
  private readonly list = new SessionListController(this);
  private readonly space = new StorageSpaceController(this);

  protected override render() {
    const t = this.i18n.t.bind(this.i18n);
    const sessions = this.list.sessions;
    const agents = [...new Set(sessions.flatMap((s) => (s.agent ? [s.agent] : [])))].sort((a, b) => a.localeCompare(b));
    const filter = agents.includes(this.agentFilter) ? this.agentFilter : ALL;
    const shown = filter === ALL ? sessions : sessions.filter((s) => s.agent === filter);
    return html`
      <section class="card" aria-labelledby="sessions-title">
        <div class="top">
          <div>
            <h2 id="sessions-title">${t('sessions.title')}</h2>
            <p class="space">${t('sessions.lead')}</p>
          </div>
          ${this.renderSpace()}
        </div>
        ${this.list.error ? html`<p class="error" role="alert">${t('sessions.loadFailed')}</p>` : nothing}
        <div role="status" class=${this.message ? 'warning' : 'visually-hidden'}>${this.message}</div>
        <div class="tools">
          ${agents.length > 0
            ? html`<div class="filter">
                <label for="agent-filter">${t('sessions.agentFilter')}</label>
                <select id="agent-filter" .value=${filter} @change=${(e: Event) => (this.agentFilter = (e.target as HTMLSelectElement).value)}>
                  <option value=${ALL} ?selected=${filter === ALL}>${t('sessions.allAgents')}</option>
                  ${agents.map((agent) => html`<option value=${agent} ?selected=${filter === agent}>${agent}</option>`)}
                </select>
              </div>`
            : nothing}
          <button
            type="button"
            data-action="export-list"
            title=${t('sessions.exportListHint')}
            aria-describedby="export-list-hint"
            ?disabled=${shown.length === 0}
            @click=${() => this.exportList(shown)}
          >
            ${t('sessions.exportList')}
          </button>
          <span id="export-list-hint" class="visually-hidden">${t('sessions.exportListHint')}</span>
        </div>
        ${this.renderTable(shown)}
      </section>
      ${filter !== ALL
        ? html`<section class="card" aria-labelledby="trend-title">
            <h2 id="trend-title">${t('trend.title', { agent: filter })}</h2>
            <luister-agent-trend .sessions=${shown} .agent=${filter}></luister-agent-trend>
          </section>`
        : agents.length > 0
          ? html`<p class="empty">${t('trend.pickAgent')}</p>`
          : nothing}
      <section class="card danger-zone" aria-labelledby="privacy-title">
        <h2 id="privacy-title" class="visually-hidden">${t('sessions.privacyTitle')}</h2>
        <p>${t('sessions.privacy')}</p>
        <button type="button" class="danger" data-action="delete-all" ?disabled=${sessions.length === 0} @click=${this.deleteAll}>
          ${t('sessions.deleteAll')}
        </button>
      </section>
      <luister-confirm-dialog></luister-confirm-dialog>
    `;
  }

  private renderSpace() {
    const space = this.space.space;
    if (!space) return nothing;
    const t = this.i18n.t.bind(this.i18n);
    const locale = this.i18n.locale;
    return html`<div>
      <p class="space">${t('storage.usage', { used: formatBytes(locale, space.usageBytes), quota: formatBytes(locale, space.quotaBytes) })}</p>
      ${space.low ? html`<p class="warning">${t('storage.low', { free: formatPercent(locale, space.freeFraction) })}</p>` : nothing}
    </div>`;
  }

  private renderTable(sessions: SessionSummary[]) {
    const t = this.i18n.t.bind(this.i18n);
    if (!this.list.loaded) return html`<p class="empty">${t('sessions.loading')}</p>`;
    if (sessions.length === 0) return html`<p class="empty">${t('sessions.empty')}</p>`;
    const locale = this.i18n.locale;
    return html`<table part="list">
      <caption class="visually-hidden">${t('sessions.title')}</caption>
      <thead>
        <tr>
          <th scope="col">${t('sessions.name')}</th>
          <th scope="col">${t('sessions.kind')}</th>
          <th scope="col">${t('sessions.agent')}</th>
          <th scope="col">${t('sessions.date')}</th>
          <th scope="col">${t('sessions.duration')}</th>
          <th scope="col"><span class="visually-hidden">${t('sessions.actions')}</span></th>
        </tr>
      </thead>
      <tbody>
        ${sessions.map((session) =>
          this.editing === session.id
            ? html`<tr>
                <td colspan="6">${this.renderEdit(session)}</td>
              </tr>`
            : html`<tr data-session=${session.id}>
                <td class="name">${session.name}</td>
                <td>
                  <span class="kind">${t(session.kind === 'practice' ? 'sessions.kindPractice' : 'sessions.kindReview')}</span>
                  ${this.renderRecordingState(session)}
                  ${session.status === 'analysing' ? html`<span class="kind">${t('sessions.interrupted')}</span>` : nothing}
                </td>
                <td>${session.agent ?? '—'}</td>
                <td class="num">${formatDateTime(locale, session.createdAt)}</td>
                <td class="num">${formatClock(session.durationSec)}</td>
                <td>
                  <div class="actions" role="group" aria-label=${t('sessions.actionsFor', { name: session.name })}>
                    <button type="button" class="primary" data-action="open" @click=${() => this.open(session.id)}>${t('sessions.open')}</button>
                    <button type="button" data-action="edit" @click=${() => (this.editing = session.id)}>${t('sessions.edit')}</button>
                    <button
                      type="button"
                      data-action="export-json"
                      aria-label=${t('sessions.exportJson', { name: session.name })}
                      ?disabled=${session.status !== 'complete'}
                      @click=${() => this.export(session, 'json')}
                    >
                      JSON
                    </button>
                    <button type="button" data-action="export-wav" aria-label=${t('sessions.exportWav', { name: session.name })} @click=${() => this.export(session, 'wav')}>
                      WAV
                    </button>
                    <button type="button" class="danger" data-action="delete" @click=${() => this.deleteSession(session)}>${t('sessions.delete')}</button>
                  </div>
                </td>
              </tr>`,
        )}
      </tbody>
    </table>`;
  }

  /** A practice call still marked 'recording': in progress, or interrupted by a closed tab. */
  private renderRecordingState(session: SessionSummary) {
    const t = this.i18n.t.bind(this.i18n);
    switch (this.list.recordingState(session)) {
      case 'recording':
        return html`<span class="kind">${t('sessions.recordingNow')}</span>`;
      case 'interrupted':
        return html`<span class="kind" data-state="interrupted" title=${t('sessions.callInterruptedTitle')}>${t('sessions.callInterrupted')}</span>`;
      case 'unknown':
        return html`<span class="kind">${t('sessions.unfinished')}</span>`;
      default:
        return nothing;
    }
  }

  private renderEdit(session: SessionSummary) {
    const t = this.i18n.t.bind(this.i18n);
    return html`<form
      class="edit"
      aria-label=${t('sessions.editFor', { name: session.name })}
      @submit=${(e: SubmitEvent) => this.saveEdit(e, session.id)}
    >
      <label>${t('sessions.name')}<input type="text" name="name" required .value=${session.name} /></label>
      <label>${t('sessions.agent')}<input type="text" name="agent" .value=${session.agent ?? ''} /></label>
      <button type="submit" class="primary">${t('sessions.save')}</button>
      <button type="button" @click=${() => (this.editing = null)}>${t('confirm.cancel')}</button>
    </form>`;
  }

  private open(id: string): void {
    this.dispatchEvent(sessionOpenEvent(id));
  }

  private async saveEdit(event: SubmitEvent, id: string): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    try {
      await sessionStore.updateSession(id, { name: String(data.get('name') ?? ''), agent: String(data.get('agent') ?? '') });
      this.editing = null;
      this.message = this.i18n.t('sessions.saved');
    } catch (error) {
      this.message = this.storageMessage(error);
    }
  }

  /** The sessions shown (all, or one agent's) as a CSV for a spreadsheet. */
  private exportList(sessions: readonly SessionSummary[]): void {
    downloadBlob(this.i18n.t('sessions.listFile', { date: localDate(Date.now()) }), csvBlob(sessionsCsv(sessions, this.i18n.locale)));
  }

  private async export(session: SessionSummary, kind: ExportKind): Promise<void> {
    try {
      const { report } = await sessionStore.getSession(session.id);
      await exportFile(
        {
          name: session.name,
          report,
          notes: session.notes ?? [],
          comments: session.comments ?? [],
          wav: () => sessionWav(session),
        },
        kind,
        this.i18n.locale,
      );
    } catch (error) {
      this.message = this.storageMessage(error);
    }
  }

  private async deleteSession(session: SessionSummary): Promise<void> {
    const t = this.i18n.t.bind(this.i18n);
    const confirmed = await this.dialog.confirm({
      heading: t('sessions.deleteTitle'),
      message: t('sessions.deleteMessage', { name: session.name }),
      confirmLabel: t('sessions.delete'),
    });
    if (!confirmed) return;
    try {
      await sessionStore.deleteSession(session.id);
      this.message = t('sessions.deleted', { name: session.name });
    } catch (error) {
      this.message = this.storageMessage(error);
    }
  }

  private async deleteAll(): Promise<void> {
    const t = this.i18n.t.bind(this.i18n);
    const confirmed = await this.dialog.confirm({
      heading: t('sessions.deleteAllTitle'),
      message: t('sessions.deleteAllMessage', { count: String(this.list.sessions.length) }),
      confirmLabel: t('sessions.deleteAll'),
    });
    if (!confirmed) return;
    try {
      await sessionStore.deleteAllData();
      clearPreferences();
      this.message = t('sessions.allDeleted');
    } catch (error) {
      this.message = this.storageMessage(error);
    }
  }

  private storageMessage(error: unknown): string {
    const t = this.i18n.t.bind(this.i18n);
    if (error instanceof StorageError && error.kind === 'full') return t('storage.fullAction');
    return t('sessions.actionFailed');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'luister-sessions': LuisterSessions;
  }
}
