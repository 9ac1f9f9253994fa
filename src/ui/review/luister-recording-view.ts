import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { swappedRoles, type RoleOptions } from '../../analysis/channel-roles.ts';
import type { RecordingNote } from '../../report/recording-notes.ts';
import type { SpeakerRole } from '../../report/report-types.ts';
import type { CoachComment } from '../../storage/session-types.ts';
import type { ExportSource } from '../export/export-files.ts';
import { formatClock, formatGap } from '../format.ts';
import { LocaleController } from '../i18n/locale-controller.ts';
import { ObjectUrlController } from '../shared/object-url-controller.ts';
import { baseStyles } from '../shared/styles.ts';
import './luister-coach-comments.ts';
import './luister-event-list.ts';
import './luister-export-bar.ts';
import './luister-feature-lanes.ts';
import './luister-report-card.ts';
import './luister-waveform.ts';
import type { LuisterWaveform, ViewRange } from './luister-waveform.ts';
import { LISTEN_LEAD_IN_SEC, type ReviewedRecording } from './recording.ts';
import { ReviewShortcutsController } from './review-shortcuts.ts';

/**
 * What of a new recording is shown, in the order it comes in (see `reveal`): the header, the
 * waveform and the event list at once; then the lanes' drawing, then the report card.
 */
const STAGE = { timeline: 0, lanes: 1, card: 2 } as const;
type Stage = (typeof STAGE)[keyof typeof STAGE];
/** How long a stage waits for the page to be idle before it goes in anyway, ms. */
const IDLE_WAIT_MS = 500;

/**
 * One reviewed recording: waveform with event regions, pitch and loudness lanes, the event list,
 * the report card and export. Space plays/pauses and the arrow keys step through the events
 * while focus is anywhere inside (except in controls that use those keys).
 *
 * @csspart header - name and facts of the recording.
 * @fires roles-swap - CustomEvent<{ sessionId: string; roles: RoleOptions }>: the coach asks for the
 *   stored file to be analysed again with agent and customer the other way round.
 */
@customElement('luister-recording-view')
export class LuisterRecordingView extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        scroll-margin-top: 1rem;
      }

      header {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        align-items: flex-start;
        gap: 0.75rem 1.5rem;
        margin-bottom: 1rem;
      }

      h2 {
        overflow-wrap: anywhere;
      }

      .facts {
        color: var(--luister-muted);
        margin: 0;
      }

      .note {
        margin: 0.35rem 0 0;
        padding: 0.3rem 0.6rem;
        border-left: 4px solid #8a6d00;
        background: var(--luister-warning-soft);
        border-radius: 4px;
      }

      .layout {
        display: grid;
        grid-template-columns: minmax(0, 1fr) 22rem;
        gap: 1rem;
        align-items: start;
      }

      .timeline {
        min-width: 0;
      }

      luister-feature-lanes {
        margin-top: 0.5rem;
      }

      .comments {
        margin-top: 1rem;
      }

      luister-report-card {
        margin-top: 1rem;
      }

      @media (max-width: 1000px) {
        .layout {
          grid-template-columns: minmax(0, 1fr);
        }
      }

      @media print {
        .layout {
          grid-template-columns: minmax(0, 1fr);
        }
      }
    `,
  ];

  @property({ attribute: false }) recording: ReviewedRecording | null = null;
  /** An analysis is under way: the roles cannot be swapped until it is done. */
  @property({ type: Boolean }) busy = false;

  @state() private selectedIndex = -1;
  @state() private view: ViewRange = { start: 0, end: 0 };
  @state() private stage: Stage = STAGE.card;
  /** The recording's comments, as stored since it was shown. */
  @state() private comments: readonly CoachComment[] = [];

  @query('luister-waveform') private waveform?: LuisterWaveform;

  private readonly i18n = new LocaleController(this);
  private readonly media = new ObjectUrlController(this);
  private channelRoles: SpeakerRole[] = [];
  private exportSource: ExportSource | null = null;
  /** Bumped for every new recording, so the stages of an earlier one stop. */
  private revealed = 0;

  constructor() {
    super();
    new ReviewShortcutsController(this, {
      togglePlay: () => this.waveform?.togglePlay(),
      previousEvent: () => this.step(-1),
      nextEvent: () => this.step(1),
    });
    this.addEventListener('event-activate', (e) => this.activate(e.detail.index));
    this.addEventListener('seek-request', (e) => this.waveform?.playFrom(e.detail.time));
    this.addEventListener('comments-change', (e) => (this.comments = e.detail.comments));
    this.addEventListener('view-change', (e) => {
      // Scroll and redraws repeat the range; an equal one would only render the view again.
      if (e.detail.start !== this.view.start || e.detail.end !== this.view.end) this.view = e.detail;
    });
  }

  // Untyped: `comments` is private state, which a typed map does not list.
  protected override willUpdate(changed: PropertyValues): void {
    const recording = this.recording;
    if (changed.has('recording')) {
      this.selectedIndex = -1;
      this.media.set(recording?.media ?? null);
      this.channelRoles = recording ? channelRolesOf(recording) : [];
      this.view = { start: 0, end: recording?.report.durationSec ?? 0 };
      this.comments = recording?.comments ?? [];
      this.reveal();
    }
    if (changed.has('recording') || changed.has('comments')) {
      this.exportSource = recording
        ? { name: recording.name, report: recording.report, notes: recording.notes, comments: this.comments, wav: recording.wav }
        : null;
    }
  }

  /**
   * Brings a new recording's view in over a few steps. It arrives in the task that received the
   * analysis from the Worker, which already spends its time taking in the report; rendering,
   * laying out and drawing everything on top (an hour-long call: lanes over 360,000 frames per
   * speaker, a card with turn-taking worked out from a thousand segments each) made one long
   * stall. Each stage
   * waits until the one before has been painted and the page is idle: the waveform builds itself
   * in a task of its own after the first paint, and a stage run straight after it would add to
   * that stall. The lanes keep their place meanwhile and the card comes in below them, so the
   * waveform's width stays as it was.
   */
  private reveal(): void {
    const token = ++this.revealed;
    this.stage = STAGE.timeline;
    const next = (): void =>
      afterPaintWhenIdle(() => {
        if (token !== this.revealed) return;
        this.stage = this.stage === STAGE.timeline ? STAGE.lanes : STAGE.card;
        if (this.stage !== STAGE.card) next();
      });
    next();
  }

  protected override render() {
    const recording = this.recording;
    if (!recording) return nothing;
    const t = this.i18n.t.bind(this.i18n);
    const report = recording.report;
    const channels = recording.channels;
    return html`
      <header part="header">
        <div>
          <h2 id="recording-title">${recording.name}</h2>
          <p class="facts">
            ${t('recording.facts', {
              duration: formatClock(report.durationSec),
              channels: t(channels === 1 ? 'recording.mono' : 'recording.stereo'),
              rate: String(recording.sampleRate),
            })}${recording.agent ? html` · ${t('recording.agent', { agent: recording.agent })}` : nothing}
            ${this.renderSwap(recording)}
          </p>
          ${recording.notes.map((note) => this.renderNote(note))}
        </div>
        <luister-export-bar .source=${this.exportSource}></luister-export-bar>
      </header>
      <div class="layout">
        <div class="timeline">
          <luister-waveform
            .peaks=${recording.peaks}
            .duration=${report.durationSec}
            .mediaUrl=${this.media.url}
            .events=${report.events}
            .channelRoles=${this.channelRoles}
            .selectedIndex=${this.selectedIndex}
          ></luister-waveform>
          <luister-feature-lanes
            .report=${this.stage >= STAGE.lanes ? report : null}
            .viewStart=${this.view.start}
            .viewEnd=${this.view.end}
          ></luister-feature-lanes>
        </div>
        <div class="side">
          <section aria-labelledby="events-title">
            <h3 id="events-title">${t('events.title')} (${report.events.length})</h3>
            <luister-event-list .events=${report.events} .selectedIndex=${this.selectedIndex}></luister-event-list>
          </section>
          ${recording.sessionId
            ? html`<section class="comments" aria-labelledby="comments-title">
                <h3 id="comments-title">${t('comments.title')} (${this.comments.length})</h3>
                <luister-coach-comments .sessionId=${recording.sessionId} .comments=${this.comments} .position=${this.position}></luister-coach-comments>
              </section>`
            : nothing}
        </div>
      </div>
      <luister-report-card .report=${this.stage >= STAGE.card ? report : null}></luister-report-card>
    `;
  }

  /**
   * For a stored file, a button that swaps agent and customer (stereo) or hands the voice to the
   * other role (mono): call recorders differ in which channel they give whom, and a coach often
   * sees only in the report that the choice was wrong.
   */
  private renderSwap(recording: ReviewedRecording) {
    const sessionId = recording.sessionId;
    if (!recording.fromFile || !sessionId) return nothing;
    const roles = this.channelRoles;
    const label =
      roles.length === 2 ? 'recording.swapRoles' : roles[0] === 'agent' ? 'recording.voiceIsCustomer' : 'recording.voiceIsAgent';
    return html`<span class="screen-only"
      >·
      <button
        class="link"
        type="button"
        data-action="swap-roles"
        aria-disabled=${this.busy ? 'true' : 'false'}
        @click=${() => this.requestSwap(sessionId, swappedRoles(roles))}
      >
        ${this.i18n.t(label)}
      </button></span
    >`;
  }

  private requestSwap(sessionId: string, roles: RoleOptions): void {
    if (this.busy) return;
    this.dispatchEvent(new CustomEvent('roles-swap', { detail: { sessionId, roles }, bubbles: true, composed: true }));
  }

  /** A note, and for one tied to a moment a button that plays the recording from just before it. */
  private renderNote(note: RecordingNote) {
    const at = note.kind === 'channels-picked' ? null : note.atSec;
    return html`<p class="note" data-note=${note.kind}>
      ${this.noteText(note)}
      ${at === null
        ? nothing
        : html`<button class="link listen" type="button" @click=${() => this.waveform?.playFrom(Math.max(0, at - LISTEN_LEAD_IN_SEC))}>
            ${this.i18n.t('note.listen', { time: formatClock(at) })}
          </button>`}
    </p>`;
  }

  private noteText(note: RecordingNote): string {
    const t = this.i18n.t.bind(this.i18n);
    switch (note.kind) {
      case 'channels-picked':
        return t('note.channelsPicked', { channels: String(note.channels) });
      case 'truncated':
        return t('note.truncated', { at: formatClock(note.atSec), expected: formatClock(note.expectedSec) });
      case 'skipped':
        return t(note.cause === 'stall' ? 'note.skipped.stall' : 'note.skipped.paused', {
          at: formatClock(note.atSec),
          seconds: formatGap(this.i18n.locale, note.missingSec),
        });
      case 'cut-short':
        return t('note.cutShort', { at: formatClock(note.atSec), seconds: formatGap(this.i18n.locale, note.missingSec) });
    }
  }

  /** Where playback stands, s: a new comment is tied to it. */
  private readonly position = (): number => this.waveform?.position ?? 0;

  /** Selects event `index` and plays it. */
  private activate(index: number): void {
    this.selectedIndex = index;
    this.waveform?.playEvent(index);
  }

  /** Moves the selection to the previous/next event and puts the cursor at its start. */
  private step(direction: 1 | -1): void {
    const events = this.recording?.report.events ?? [];
    if (events.length === 0) return;
    const next = this.selectedIndex < 0 ? (direction > 0 ? 0 : events.length - 1) : this.selectedIndex + direction;
    this.selectedIndex = Math.max(0, Math.min(events.length - 1, next));
    this.waveform?.seek(events[this.selectedIndex].start);
  }
}

/** Runs `task` after the next paint, once the page is idle (at the latest IDLE_WAIT_MS later). */
function afterPaintWhenIdle(task: () => void): void {
  requestAnimationFrame(() => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: IDLE_WAIT_MS });
    else setTimeout(task, 0);
  });
}

/** Whose voice each channel carries, from the report (stereo: agent and customer; mono: one). */
function channelRolesOf(recording: ReviewedRecording): SpeakerRole[] {
  const roles: SpeakerRole[] = [];
  for (let channel = 0; channel < recording.channels; channel++) {
    const role = (['agent', 'customer'] as const).find((r) => recording.report.speakers[r]?.channel === channel);
    roles.push(role ?? (channel === 0 ? 'agent' : 'customer'));
  }
  return roles;
}

declare global {
  interface HTMLElementTagNameMap {
    'luister-recording-view': LuisterRecordingView;
  }
  interface HTMLElementEventMap {
    'roles-swap': CustomEvent<{ sessionId: string; roles: RoleOptions }>;
  }
}
