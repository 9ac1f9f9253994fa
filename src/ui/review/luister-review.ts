import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import sampleCallUrl from '../../../samples/practice-call.wav?url';
import type { SpeakerRole } from '../../report/report-types.ts';
import { formatDateTime, formatSeconds } from '../format.ts';
import { LocaleController } from '../i18n/locale-controller.ts';
import { readPreference, writePreference } from '../shared/preferences.ts';
import { baseStyles } from '../shared/styles.ts';
import { MIN_DURATION_SEC, type RecordingError } from './decode-recording.ts';
import './luister-analysis-progress.ts';
import './luister-file-picker.ts';
import './luister-recording-view.ts';
import { ReviewQueueController, type ItemStage, type ReviewNotice, type ReviewSettings } from './review-queue.ts';

const isChannel = (value: unknown): value is 0 | 1 => value === 0 || value === 1;
const isRole = (value: unknown): value is SpeakerRole => value === 'agent' || value === 'customer';
const isText = (value: unknown): value is string => typeof value === 'string';

/** Stages a finished item can be in, for the batch list. */
const STAGE_KEYS = {
  waiting: 'stage.waiting',
  decoding: 'stage.decoding',
  analysing: 'stage.analysing',
  saving: 'stage.saving',
  done: 'stage.done',
  failed: 'stage.failed',
  cancelled: 'stage.cancelled',
} as const satisfies Record<ItemStage, string>;

/**
 * Review recordings: choose files (or the sample call), say who is on which channel, follow the
 * analysis, then study the result. Every result is saved as a session.
 *
 * @csspart intro - the card with file choice and settings.
 */
@customElement('luister-review')
export class LuisterReview extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }

      .intro {
        display: grid;
        grid-template-columns: minmax(16rem, 1.2fr) minmax(13rem, 0.8fr) minmax(16rem, 1fr);
        gap: 1rem 1.5rem;
        align-items: start;
      }

      .intro > h2,
      .intro > .lead {
        grid-column: 1 / -1;
        margin: 0;
      }

      .lead {
        color: var(--luister-muted);
        max-width: 60rem;
      }

      .sample p {
        margin: 0.5rem 0 0;
        font-size: 0.9rem;
        color: var(--luister-muted);
      }

      fieldset {
        border: 1px solid var(--luister-border);
        border-radius: 8px;
        margin: 0;
        padding: 0.5rem 0.9rem 0.75rem;
      }

      legend {
        font-weight: 600;
        padding: 0 0.25rem;
      }

      .choice {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1rem;
        margin: 0.1rem 0 0.5rem;
      }

      .choice legend,
      .field label {
        font-weight: 500;
        font-size: 0.9rem;
      }

      fieldset.choice {
        border: 0;
        padding: 0;
      }

      .field {
        display: grid;
        gap: 0.2rem;
      }

      .status,
      .alerts:not(:empty),
      luister-analysis-progress {
        margin-top: 1rem;
      }

      .notice {
        display: flex;
        gap: 1rem;
        align-items: flex-start;
        justify-content: space-between;
        background: var(--luister-danger-soft);
        border: 1px solid #f0b8b4;
        border-left: 4px solid var(--luister-danger);
        border-radius: 6px;
        padding: 0.6rem 0.9rem;
        margin-bottom: 0.5rem;
      }

      .notice.info {
        background: var(--luister-warning-soft);
        border-color: #edd898;
        border-left-color: #8a6d00;
      }

      .notice p {
        margin: 0;
        overflow-wrap: anywhere;
      }

      .batch {
        margin-top: 1rem;
      }

      .batch ol,
      .batch ul {
        margin: 0.25rem 0 0;
        padding-left: 1.25rem;
      }

      .interrupted p {
        margin: 0.25rem 0 0;
        color: var(--luister-muted);
      }

      .batch button {
        min-height: 0;
        padding: 0.1rem 0.5rem;
        margin-left: 0.5rem;
      }

      luister-recording-view {
        margin-top: 1.5rem;
      }

      @media (max-width: 1000px) {
        .intro {
          grid-template-columns: minmax(0, 1fr);
        }
      }

      @media print {
        .intro,
        .status,
        .batch,
        .interrupted,
        luister-analysis-progress {
          display: none;
        }

        luister-recording-view {
          margin-top: 0;
        }
      }
    `,
  ];

  @state() private agentChannel: 0 | 1 = readPreference('agentChannel', isChannel) ?? 0;
  @state() private monoSpeaker: SpeakerRole = readPreference('monoSpeaker', isRole) ?? 'agent';
  @state() private agentName = readPreference('agentName', isText) ?? '';
  @state() private loadingSample = false;

  private readonly i18n = new LocaleController(this);
  private readonly queue = new ReviewQueueController(this);

  constructor() {
    super();
    this.addEventListener('files-chosen', (e) => this.queue.review(e.detail.files, this.settings()));
    this.addEventListener('cancel-request', () => this.queue.cancel());
    this.addEventListener('roles-swap', (e) => void this.queue.reanalyse(e.detail.sessionId, this.settings(), e.detail.roles));
    this.addEventListener('export-failed', () => this.queue.notify({ kind: 'export-failed', name: this.queue.current?.name ?? '' }));
  }

  /** Shows a saved session (from the sessions view). */
  openSession(id: string): Promise<void> {
    return this.queue.openSession(id, this.i18n.locale);
  }

  /** Fetches the bundled sample call and reviews it like a chosen file. */
  async openSample(): Promise<void> {
    this.loadingSample = true;
    try {
      const blob = await (await fetch(sampleCallUrl)).blob();
      const file = new File([blob], this.i18n.t('sample.fileName'), { type: 'audio/wav' });
      // The sample's layout is known: agent left, customer right.
      this.queue.review([file], { roles: { agentChannel: 0 }, agent: this.agentName, locale: this.i18n.locale });
    } finally {
      this.loadingSample = false;
    }
  }

  protected override render() {
    const t = this.i18n.t.bind(this.i18n);
    const active = this.queue.active;
    return html`
      <section class="intro card" part="intro" aria-labelledby="review-title">
        <h2 id="review-title">${t('review.title')}</h2>
        <p class="lead">${t('review.lead')}</p>
        <luister-file-picker ?disabled=${this.queue.busy}></luister-file-picker>
        <div class="sample">
          <button type="button" class="primary" data-action="open-sample" ?disabled=${this.queue.busy || this.loadingSample} @click=${this.openSample}>
            ${t('sample.open')}
          </button>
          <p>${t('sample.description')}</p>
        </div>
        ${this.renderSettings()}
      </section>
      ${active ? html`<luister-analysis-progress .name=${active.name} .stage=${active.stage} .progress=${active.progress}></luister-analysis-progress>` : nothing}
      <div class="status visually-hidden" role="status">${this.statusText()}</div>
      <div class="alerts" role="alert">${this.queue.notices.map((notice) => this.renderNotice(notice))}</div>
      ${this.renderBatch()} ${this.renderInterrupted()}
      <luister-recording-view .recording=${this.queue.current} ?busy=${this.queue.busy}></luister-recording-view>
    `;
  }

  private renderSettings() {
    const t = this.i18n.t.bind(this.i18n);
    return html`
      <fieldset>
        <legend>${t('settings.title')}</legend>
        <fieldset class="choice">
          <legend>${t('settings.agentChannel')}</legend>
          ${([0, 1] as const).map(
            (channel) => html`<label>
              <input
                type="radio"
                name="agent-channel"
                .checked=${this.agentChannel === channel}
                @change=${() => this.setAgentChannel(channel)}
              />
              ${t(channel === 0 ? 'settings.left' : 'settings.right')}
            </label>`,
          )}
        </fieldset>
        <fieldset class="choice">
          <legend>${t('settings.monoSpeaker')}</legend>
          ${(['agent', 'customer'] as const).map(
            (role) => html`<label>
              <input type="radio" name="mono-speaker" .checked=${this.monoSpeaker === role} @change=${() => this.setMonoSpeaker(role)} />
              ${t(role === 'agent' ? 'speaker.agent' : 'speaker.customer')}
            </label>`,
          )}
        </fieldset>
        <div class="field">
          <label for="agent-name">${t('settings.agentName')}</label>
          <input id="agent-name" type="text" autocomplete="off" .value=${this.agentName} @change=${this.onAgentName} />
        </div>
      </fieldset>
    `;
  }

  private renderNotice(notice: ReviewNotice) {
    const t = this.i18n.t.bind(this.i18n);
    const info = notice.kind === 'cancelled';
    return html`<div class="notice ${info ? 'info' : ''}">
      <p>${this.noticeText(notice)}</p>
      <button type="button" @click=${() => this.queue.dismiss(notice.id)}>${t('notice.dismiss')}</button>
    </div>`;
  }

  private noticeText(notice: ReviewNotice): string {
    const t = this.i18n.t.bind(this.i18n);
    switch (notice.kind) {
      case 'recording':
        return this.recordingErrorText(notice.error);
      case 'analysis-failed':
        return t('error.analysis', { name: notice.name, detail: notice.detail });
      case 'cancelled':
        return t('notice.cancelled', { name: notice.name });
      case 'not-saved':
        return notice.reason === 'full' ? t('error.storageFull', { name: notice.name }) : t('error.notSaved', { name: notice.name });
      case 'open-failed':
        return notice.reason === 'no-audio' ? t('error.sessionNoAudio', { name: notice.name }) : t('error.openFailed', { name: notice.name });
      case 'export-failed':
        return t('error.export', { name: notice.name });
    }
  }

  private recordingErrorText(error: RecordingError): string {
    const t = this.i18n.t.bind(this.i18n);
    const name = error.fileName;
    switch (error.kind) {
      case 'empty':
        return t('error.empty', { name });
      case 'undecodable':
        return t('error.undecodable', { name });
      case 'no-audio':
        return t('error.noAudio', { name });
      case 'too-short':
        return t('error.tooShort', { name, seconds: formatSeconds(this.i18n.locale, error.amount), min: String(MIN_DURATION_SEC) });
      case 'too-many-channels':
        return t('error.tooManyChannels', { name, channels: String(error.amount) });
      case 'unsupported':
        return t('error.unsupported', { name });
      case 'corrupt':
        return t('error.corrupt', { name });
      case 'no-audio-track':
        return t('error.noAudioTrack', { name });
      case 'too-large':
        return t('error.tooLarge', { name, minutes: String(Math.round(error.amount / 60)) });
    }
  }

  private statusText(): string {
    const t = this.i18n.t.bind(this.i18n);
    const active = this.queue.active;
    if (active) return t(STAGE_KEYS[active.stage], { name: active.name });
    const current = this.queue.current;
    return current ? t('status.ready', { name: current.name }) : '';
  }

  private renderBatch() {
    const items = this.queue.items;
    if (items.length < 2) return nothing;
    const t = this.i18n.t.bind(this.i18n);
    return html`<section class="batch card" aria-labelledby="batch-title">
      <h3 id="batch-title">${t('batch.title')}</h3>
      <ol>
        ${items.map(
          (item) => html`<li>
            ${t(STAGE_KEYS[item.stage], { name: item.name })}
            ${item.stage === 'done' && item.sessionId
              ? html`<button type="button" @click=${() => this.openSession(item.sessionId ?? '')}>${t('batch.show')}</button>`
              : nothing}
          </li>`,
        )}
      </ol>
    </section>`;
  }

  /** Stored files whose analysis a closed tab cut off: analyse again, or remove. */
  private renderInterrupted() {
    const sessions = this.queue.interrupted;
    if (sessions.length === 0) return nothing;
    const t = this.i18n.t.bind(this.i18n);
    return html`<section class="interrupted batch card" aria-labelledby="interrupted-title">
      <h3 id="interrupted-title">${t('interrupted.title')}</h3>
      <p>${t('interrupted.lead')}</p>
      <ul>
        ${sessions.map(
          (session) => html`<li data-session=${session.id}>
            <span class="name">${t('interrupted.item', { name: session.name, date: formatDateTime(this.i18n.locale, session.createdAt) })}</span>
            <button type="button" data-action="reanalyse" ?disabled=${this.queue.busy} @click=${() => this.queue.reanalyse(session.id, this.settings())}>
              ${t('interrupted.reanalyse')}
            </button>
            <button type="button" class="danger" data-action="remove" @click=${() => this.queue.discard(session.id)}>${t('interrupted.remove')}</button>
          </li>`,
        )}
      </ul>
    </section>`;
  }

  private settings(): ReviewSettings {
    return { roles: { agentChannel: this.agentChannel, monoSpeaker: this.monoSpeaker }, agent: this.agentName, locale: this.i18n.locale };
  }

  private setAgentChannel(channel: 0 | 1): void {
    this.agentChannel = channel;
    writePreference('agentChannel', channel);
  }

  private setMonoSpeaker(role: SpeakerRole): void {
    this.monoSpeaker = role;
    writePreference('monoSpeaker', role);
  }

  private onAgentName(event: Event): void {
    this.agentName = (event.target as HTMLInputElement).value.trim();
    writePreference('agentName', this.agentName);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'luister-review': LuisterReview;
  }
}
