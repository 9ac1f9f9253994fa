import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import sampleCallUrl from '../../../samples/practice-call.wav?url';
import { speechBeforeToneSec } from '../../coach/norms.ts';
import { renderNote } from '../../i18n/translate.ts';
import { sessionOpenEvent } from '../shared/session-open.ts';
import { baseStyles } from '../shared/styles.ts';
import { callCoachFactory, type LiveCoachFactory } from './coach-adapter.ts';
import { LiveSessionController, type CallStatus } from './live-session-controller.ts';
import type { Spoken } from './live-view.ts';
import { CUSTOMER_KINDS, HONEST_PROCESSING, type CustomerChoice, type CustomerKind, type ProcessingSettings } from './media-sources.ts';
import { eventDetail, eventTitle } from './practice-event-feed.ts';
import { practiceFinished, practiceStarted } from './practice-events.ts';
import { icons } from './practice-icons.ts';
import { practiceTokens } from './practice-styles.ts';
import { formatClock, formatDateTime } from '../format.ts';
import { pt, renderPracticeNote, type Locale, type PlainTextKey } from './practice-text.ts';
import { silenceText } from './practice-silence-timer.ts';
import { toneLabelText, type ToneBadgeInput } from './practice-tone-badge.ts';
import { MemoryRecordingSink, type RecordingSink } from './recording-sink.ts';
import './practice-event-feed.ts';
import './practice-level-meter.ts';
import './practice-pace-gauge.ts';
import './practice-pitch-trace.ts';
import './practice-silence-timer.ts';
import './practice-talk-share.ts';
import './practice-tone-badge.ts';

const customerKey: Record<CustomerKind, PlainTextKey> = {
  none: 'practiceCall.customer.none',
  device: 'practiceCall.customer.device',
  tab: 'practiceCall.customer.tab',
  file: 'practiceCall.customer.file',
  sample: 'practiceCall.customer.sample',
};

const processingKeys: Record<keyof ProcessingSettings, PlainTextKey> = {
  echoCancellation: 'practiceCall.processing.echoCancellation',
  noiseSuppression: 'practiceCall.processing.noiseSuppression',
  autoGainControl: 'practiceCall.processing.autoGainControl',
};

const statusKey: Record<CallStatus, PlainTextKey> = {
  idle: 'practiceCall.status.idle',
  starting: 'practiceCall.starting',
  live: 'practiceCall.status.live',
  suspended: 'practiceCall.status.suspended',
  stopping: 'practiceCall.stopping',
};

/**
 * A live practice call: the agent picks a microphone and optionally a customer source, presses
 * Start, and sees while talking how they sound (tone, pitch, pace, level, silence, talk share,
 * events). The call is recorded as it goes, in chunks of at most a second, into `sink`; Stop
 * builds the report.
 *
 * @fires practice-started - PracticeStartedDetail: the call runs and is being recorded into `sessionId`.
 * @fires practice-finished - PracticeFinishedDetail: the call has ended (Stop, a lost microphone, removal from the page); carries the report (luister-report/1) and the session id.
 * @fires session-open - CustomEvent<{ id: string }>: the user wants to see the report of the call just ended.
 * @csspart controls - the bar with the title, status, call time and the Start/Stop button
 * @csspart alert - the region for errors and the resume button
 * @csspart setup - the microphone, customer source and processing settings
 * @csspart live - the live panels
 */
@customElement('luister-practice')
export class LuisterPractice extends LitElement {
  static override styles = [
    baseStyles,
    practiceTokens,
    css`
      :host {
        display: block;
        background: var(--luister-bg);
        padding: 1rem 1.25rem 1.5rem;
      }

      .bar {
        display: flex;
        align-items: center;
        gap: 1rem;
        flex-wrap: wrap;
        margin-bottom: 0.75rem;
      }

      h2 {
        margin: 0;
        font-size: 1.5rem;
      }

      .status {
        display: inline-flex;
        align-items: center;
        gap: 0.3rem;
        padding: 0.15rem 0.65rem;
        border-radius: 999px;
        border: 1px solid var(--luister-border);
        background: var(--luister-surface);
        font-weight: 600;
      }

      .status.live {
        color: var(--practice-alarm);
        border-color: currentColor;
      }

      .status.suspended {
        color: var(--practice-attention);
        border-color: currentColor;
        border-style: dashed;
      }

      .clock {
        font-size: 1.5rem;
        font-weight: 700;
        font-variant-numeric: tabular-nums;
      }

      .bar button {
        margin-left: auto;
        font-size: 1.1rem;
        font-weight: 600;
        padding: 0.5rem 1.4rem;
        min-height: 2.75rem;
      }

      button[aria-disabled='true'] {
        cursor: progress;
        opacity: 0.7;
      }

      .alert:empty,
      .notice:empty {
        display: none;
      }

      .message {
        display: flex;
        align-items: flex-start;
        gap: 0.6rem;
        flex-wrap: wrap;
        padding: 0.65rem 0.9rem;
        margin-bottom: 0.75rem;
        border-radius: 8px;
        border: 2px solid var(--luister-danger);
        background: var(--luister-danger-soft);
        color: var(--luister-danger);
        font-weight: 600;
      }

      .message.resume {
        border-color: var(--practice-attention);
        background: var(--practice-attention-soft);
        color: var(--practice-attention);
      }

      .message .text {
        flex: 1 1 20rem;
        color: var(--luister-text);
      }

      .finished {
        display: flex;
        align-items: center;
        flex-wrap: wrap;
        gap: 0.6rem 1rem;
        padding: 0.65rem 0.9rem;
        margin-bottom: 0.75rem;
        border-radius: 8px;
        border: 1px solid var(--luister-accent);
        background: var(--luister-accent-soft);
      }

      .finished p {
        margin: 0;
        flex: 1 1 20rem;
      }

      /* Not in a call: the cards wait, or keep the last call's readings for a look back. Dashed and
         without their white, not faded: the text keeps its contrast. */
      .panels.ended .panel {
        border-style: dashed;
        background: transparent;
      }

      .lead {
        margin: 0 0 0.75rem;
        color: var(--luister-muted);
      }

      .notice p {
        margin: 0 0 0.75rem;
        padding: 0.5rem 0.9rem;
        border-radius: 8px;
        background: var(--luister-warning-soft);
        display: flex;
        gap: 0.5rem;
        align-items: center;
      }

      form.setup {
        margin-bottom: 0.75rem;
      }

      .fields {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr));
        gap: 0.75rem 1.25rem;
        align-items: start;
      }

      .field label,
      legend {
        display: block;
        font-weight: 600;
        margin-bottom: 0.25rem;
      }

      .field select,
      .field input[type='file'] {
        width: 100%;
      }

      fieldset {
        border: none;
        margin: 0;
        padding: 0;
        min-width: 0;
      }

      .field .check {
        display: flex;
        align-items: center;
        gap: 0.45rem;
        font-weight: 400;
        margin: 0.15rem 0;
      }

      .field .sub {
        margin-top: 0.6rem;
      }

      .check input {
        width: 1.1rem;
        height: 1.1rem;
      }

      .hint {
        margin: 0.3rem 0 0;
        font-size: 0.85rem;
        color: var(--luister-muted);
      }

      .hint button {
        margin-top: 0.3rem;
      }

      .summary {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.4rem 0.75rem;
        margin: 0 0 0.75rem;
        color: var(--luister-muted);
      }

      .summary p {
        margin: 0;
        margin-right: auto;
      }

      .panels {
        display: grid;
        grid-template-columns: 1.15fr 1fr 1fr;
        grid-template-areas:
          'tone silence pace'
          'pitch pitch feed'
          'level share feed';
        gap: 0.75rem;
      }

      .tone {
        grid-area: tone;
      }
      .silence {
        grid-area: silence;
      }
      .pace {
        grid-area: pace;
      }
      .pitch {
        grid-area: pitch;
      }
      .level {
        grid-area: level;
      }
      .share {
        grid-area: share;
      }
      .feed {
        grid-area: feed;
      }

      @media (max-width: 900px) {
        .panels {
          grid-template-columns: 1fr;
          grid-template-areas: 'tone' 'silence' 'pace' 'pitch' 'level' 'share' 'feed';
        }
      }
    `,
  ];

  /** The interface language, set by the app shell. */
  @property() locale: Locale = 'nl';
  /** Where the recording goes; the app passes its SessionStore. Without one, recordings stay in memory. */
  @property({ attribute: false }) sink: RecordingSink | null = null;
  /**
   * The coaching layer's live stream (see coach-adapter.ts): the project's CallCoach with its
   * default norms unless the app passes its own (a team's norms, the agent's stored profile);
   * null shows the measurements without tone labels or coach events.
   */
  @property({ attribute: false }) coach: LiveCoachFactory | null = callCoachFactory();
  /** The bundled practice call, whose right channel can play the customer. */
  @property({ attribute: 'sample-url' }) sampleUrl: string = sampleCallUrl;

  @state() private microphoneId = '';
  @state() private customerKind: CustomerKind = 'none';
  @state() private customerDeviceId = '';
  @state() private customerFile: File | null = null;
  @state() private processing: ProcessingSettings = { ...HONEST_PROCESSING };
  /** What the polite live region says now. */
  @state() private liveText = '';
  /** The call that ended last, with a report: offered to open, until the next call starts. */
  @state() private lastCall: { sessionId: string; recordedSec: number } | null = null;

  private readonly session = new LiveSessionController(this, {
    onStarted: (detail) => this.dispatchEvent(practiceStarted(detail)),
    onFinished: (detail) => {
      // Offered only when its report is stored; otherwise the notice says what could not be saved.
      this.lastCall = detail.stored ? { sessionId: detail.sessionId, recordedSec: detail.recordedSec } : null;
      this.dispatchEvent(practiceFinished(detail));
    },
  });
  private fallbackSink: MemoryRecordingSink | null = null;

  /** The call's state, for the app shell (e.g. to warn before navigating away mid-call). */
  get callStatus(): CallStatus {
    return this.session.status;
  }

  /** Starts a call with the current settings (what the Start button does). */
  start(): Promise<void> {
    this.lastCall = null;
    return this.session.start({
      microphoneId: this.microphoneId,
      processing: { ...this.processing },
      customer: this.customerChoice(),
      sink: this.sink ?? (this.fallbackSink ??= new MemoryRecordingSink()),
      nameSession: (createdAt) => this.sessionName(createdAt),
      locale: this.locale,
      coach: this.coach,
    });
  }

  /** Ends the call; resolves once the recording is finished and 'practice-finished' has fired. */
  stop(): Promise<void> {
    return this.session.stop('user');
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A chosen device that was unplugged falls back to the default, rather than failing at Start.
    const devices = this.session.devices;
    if (devices.length > 0) {
      if (this.microphoneId && !devices.some((d) => d.deviceId === this.microphoneId)) this.microphoneId = '';
      if (this.customerDeviceId && !devices.some((d) => d.deviceId === this.customerDeviceId)) this.customerDeviceId = '';
    }
    // Announce what happened since the last render, once, in the current language.
    const spoken = this.session.takeSpoken();
    if (spoken.length > 0) this.liveText = spoken.map((s) => this.speak(s)).join(' ');
  }

  override render() {
    const l = this.locale;
    const s = this.session;
    const inCall = s.status !== 'idle';
    return html`
      <section lang=${l} aria-labelledby="practice-title">
        <header class="bar" part="controls">
          <h2 id="practice-title">${pt(l, 'practiceCall.title')}</h2>
          <span class="status ${s.status}">${s.status === 'live' ? icons.live : s.status === 'suspended' ? icons.attention : icons.idle}${pt(l, statusKey[s.status])}</span>
          <span class="clock"><span class="visually-hidden">${pt(l, 'practiceCall.elapsed')} </span>${formatClock(s.view.elapsedSec)}</span>
          ${this.renderToggle()}
        </header>
        <div class="alert" role="alert" part="alert">${this.renderMessage()}</div>
        <div class="notice" role="status">${s.notice ? html`<p>${icons.attention}${renderPracticeNote(l, s.notice)}</p>` : nothing}</div>
        ${inCall ? nothing : this.renderFinished()} ${inCall ? this.renderSummary() : this.renderSetup()} ${this.renderLive(inCall)}
        <div class="visually-hidden" aria-live="polite" aria-atomic="true">${this.liveText}</div>
      </section>
    `;
  }

  private renderToggle() {
    const l = this.locale;
    const status = this.session.status;
    const busy = status === 'starting' || status === 'stopping';
    const inCall = status === 'live' || status === 'suspended';
    const label = busy ? pt(l, statusKey[status]) : inCall ? pt(l, 'practiceCall.stop') : pt(l, 'practiceCall.start');
    return html`<button type="button" class=${inCall ? 'danger' : 'primary'} aria-disabled=${busy ? 'true' : 'false'} @click=${this.toggle}>
      ${inCall ? icons.idle : icons.speaking} ${label}
    </button>`;
  }

  private renderMessage() {
    const message = this.session.message;
    if (!message) return nothing;
    const l = this.locale;
    const resume = message.action === 'resume';
    return html`<div class="message ${resume ? 'resume' : ''}">
      ${resume ? icons.attention : icons.error}
      <span class="text">${renderPracticeNote(l, message.note)}</span>
      ${resume
        ? html`<button type="button" class="primary" @click=${() => void this.session.resume()}>${pt(l, 'practiceCall.resume')}</button>`
        : html`<button type="button" @click=${() => this.session.dismissMessage()}>${pt(l, 'practiceCall.dismiss')}</button>`}
    </div>`;
  }

  private renderSetup() {
    const l = this.locale;
    const devices = this.session.devices;
    const named = devices.some((d) => d.label !== '');
    const deviceName = (label: string, index: number): string => label || pt(l, 'practiceCall.microphone.unnamed', { n: index + 1 });
    const kind = this.customerKind;
    return html`
      <form class="setup panel" part="setup" @submit=${(e: Event) => e.preventDefault()}>
        <h3 class="panel-title">${pt(l, 'practiceCall.setup.title')}</h3>
        <div class="fields">
          <div class="field">
            <label for="microphone">${pt(l, 'practiceCall.microphone')}</label>
            <select id="microphone" aria-describedby=${named ? nothing : 'microphone-hint'} @change=${this.onMicrophone}>
              <option value="" ?selected=${this.microphoneId === ''}>${pt(l, 'practiceCall.microphone.default')}</option>
              ${devices.map((d, i) => html`<option value=${d.deviceId} ?selected=${d.deviceId === this.microphoneId}>${deviceName(d.label, i)}</option>`)}
            </select>
            ${named
              ? nothing
              : html`<p class="hint" id="microphone-hint">${pt(l, 'practiceCall.devices.hint')}</p>
                  <p class="hint"><button type="button" @click=${() => void this.session.revealDevices(this.processing)}>${pt(l, 'practiceCall.devices.reveal')}</button></p>`}
          </div>
          <div class="field">
            <label for="customer">${pt(l, 'practiceCall.customer')}</label>
            <select id="customer" @change=${this.onCustomerKind}>
              ${CUSTOMER_KINDS.map((k) => html`<option value=${k} ?selected=${k === kind}>${pt(l, customerKey[k])}</option>`)}
            </select>
            ${kind === 'device'
              ? html`<label for="customer-device" class="sub">${pt(l, 'practiceCall.customer.deviceLabel')}</label>
                  <select id="customer-device" @change=${this.onCustomerDevice}>
                    <option value="" ?selected=${this.customerDeviceId === ''}>–</option>
                    ${devices.map((d, i) => html`<option value=${d.deviceId} ?selected=${d.deviceId === this.customerDeviceId}>${deviceName(d.label, i)}</option>`)}
                  </select>`
              : nothing}
            ${kind === 'file'
              ? html`<label for="customer-file" class="sub">${pt(l, 'practiceCall.customer.fileLabel')}</label>
                  <input id="customer-file" type="file" accept="audio/*,.wav,.mp3,.ogg,.flac" aria-describedby="customer-hint" @change=${this.onCustomerFile} />`
              : nothing}
            ${kind === 'file' || kind === 'sample' ? html`<p class="hint" id="customer-hint">${pt(l, 'practiceCall.customer.playbackHint')}</p>` : nothing}
            ${kind === 'tab' ? html`<p class="hint">${pt(l, 'practiceCall.customer.tabHint')}</p>` : nothing}
          </div>
          <fieldset class="field" aria-describedby="processing-hint">
            <legend>${pt(l, 'practiceCall.processing')}</legend>
            ${(Object.keys(processingKeys) as (keyof ProcessingSettings)[]).map(
              (key) => html`<label class="check">
                <input type="checkbox" name=${key} .checked=${this.processing[key]} @change=${(e: Event) => this.onProcessing(key, e)} />
                ${pt(l, processingKeys[key])}
              </label>`,
            )}
            <p class="hint" id="processing-hint">${pt(l, 'practiceCall.processing.hint')}</p>
          </fieldset>
        </div>
      </form>
    `;
  }

  /** The call just ended is saved: one click opens its report (in the app, which keeps sessions). */
  private renderFinished() {
    const last = this.lastCall;
    if (!last) return nothing;
    const l = this.locale;
    return html`<div class="finished" part="finished">
      <p>${pt(l, 'practiceCall.finished.saved', { time: formatClock(last.recordedSec) })}</p>
      ${this.sink
        ? html`<button type="button" class="primary" @click=${() => this.openReport(last.sessionId)}>${pt(l, 'practiceCall.finished.open')}</button>`
        : nothing}
    </div>`;
  }

  private openReport(sessionId: string): void {
    this.dispatchEvent(sessionOpenEvent(sessionId));
  }

  private renderSummary() {
    const l = this.locale;
    const devices = this.session.devices;
    const device = devices.find((d) => d.deviceId === this.microphoneId);
    const mic = device?.label || pt(l, 'practiceCall.microphone.default');
    const running = this.session.status === 'live' || this.session.status === 'suspended';
    // Switching mid-call keeps the call and its recording going (the engine swaps the source).
    return html`<div class="summary" part="setup">
      <p>${pt(l, 'practiceCall.setup.summary', { mic, customer: pt(l, customerKey[this.customerKind]) })}</p>
      ${running && devices.length > 1
        ? html`<label for="microphone-live">${pt(l, 'practiceCall.microphone.inCall')}</label>
            <select id="microphone-live" @change=${this.onMicrophoneInCall}>
              <option value="" ?selected=${this.microphoneId === ''}>${pt(l, 'practiceCall.microphone.default')}</option>
              ${devices.map(
                (d, i) =>
                  html`<option value=${d.deviceId} ?selected=${d.deviceId === this.microphoneId}>
                    ${d.label || pt(l, 'practiceCall.microphone.unnamed', { n: i + 1 })}
                  </option>`,
              )}
            </select>`
        : nothing}
    </div>`;
  }

  private renderLive(inCall: boolean) {
    const l = this.locale;
    const view = this.session.view;
    const tone: ToneBadgeInput | null = view.tone
      ? { label: view.tone.label, reasons: view.tone.reasons.map((n) => renderNote(l, n)), advice: view.tone.advice[0] ? renderNote(l, view.tone.advice[0]) : undefined }
      : null;
    const pending = (inCall ? view.coachConnected : this.coach !== null)
      ? // Without a stored profile the coach first calibrates on the agent's own speech.
        pt(l, 'practiceCall.tone.pendingReason', { sec: speechBeforeToneSec() })
      : pt(l, 'practiceCall.tone.noCoach');
    // Before the first call the cards have nothing to show yet; after one, they keep its last readings.
    return html`
      ${inCall || this.lastCall ? nothing : html`<p class="lead">${pt(l, 'practiceCall.idle.lead')}</p>`}
      <div class="panels ${inCall ? '' : 'ended'}" part="live">
        <div class="panel tone">
          <h3 class="panel-title">${pt(l, 'practiceCall.tone.title')}</h3>
          <luister-practice-tone-badge .tone=${tone} .locale=${l} pending-text=${pending}></luister-practice-tone-badge>
        </div>
        <div class="panel silence">
          <h3 class="panel-title">${pt(l, 'practiceCall.silence.title')}</h3>
          <luister-practice-silence-timer .state=${view.silence} .locale=${l}></luister-practice-silence-timer>
        </div>
        <div class="panel pace">
          <h3 class="panel-title">${pt(l, 'practiceCall.pace.title')}</h3>
          <luister-practice-pace-gauge .value=${view.pace} .locale=${l}></luister-practice-pace-gauge>
        </div>
        <div class="panel pitch">
          <h3 class="panel-title">${pt(l, 'practiceCall.pitch.title')}</h3>
          <luister-practice-pitch-trace .f0=${view.agentTrack?.fields.f0Hz ?? null} .frameCount=${view.agentFrames} .locale=${l}></luister-practice-pitch-trace>
        </div>
        <div class="panel level">
          <h3 class="panel-title">${pt(l, 'practiceCall.level.title')}</h3>
          <luister-practice-level-meter .agent=${view.agentLevel} .customer=${view.customerLevel} ?has-customer=${view.hasCustomer} .locale=${l}></luister-practice-level-meter>
        </div>
        <div class="panel share">
          <h3 class="panel-title">${pt(l, 'practiceCall.talkShare.title')}</h3>
          <luister-practice-talk-share .share=${view.talkShare} ?has-customer=${view.hasCustomer} .locale=${l}></luister-practice-talk-share>
        </div>
        <div class="panel feed">
          <h3 class="panel-title">${pt(l, 'practiceCall.feed.title')}</h3>
          <luister-practice-event-feed .entries=${view.feed} .locale=${l}></luister-practice-event-feed>
        </div>
      </div>
    `;
  }

  private readonly toggle = (): void => {
    const status = this.session.status;
    if (status === 'idle') void this.start();
    else if (status === 'live' || status === 'suspended') void this.stop();
  };

  private readonly onMicrophone = (event: Event): void => {
    this.microphoneId = (event.target as HTMLSelectElement).value;
  };

  private readonly onMicrophoneInCall = (event: Event): void => {
    this.microphoneId = (event.target as HTMLSelectElement).value;
    void this.session.switchMicrophone(this.microphoneId);
  };

    private readonly onCustomerKind = (event: Event): void => {
    this.customerKind = (event.target as HTMLSelectElement).value as CustomerKind;
  };

  private readonly onCustomerDevice = (event: Event): void => {
    this.customerDeviceId = (event.target as HTMLSelectElement).value;
  };

  private readonly onCustomerFile = (event: Event): void => {
    this.customerFile = (event.target as HTMLInputElement).files?.[0] ?? null;
  };

  private onProcessing(key: keyof ProcessingSettings, event: Event): void {
    this.processing = { ...this.processing, [key]: (event.target as HTMLInputElement).checked };
  }

  private customerChoice(): CustomerChoice {
    switch (this.customerKind) {
      case 'none':
        return { kind: 'none' };
      case 'device':
        return { kind: 'device', deviceId: this.customerDeviceId };
      case 'tab':
        return { kind: 'tab' };
      case 'file':
        return { kind: 'file', file: this.customerFile };
      case 'sample':
        return { kind: 'sample', url: this.sampleUrl };
    }
  }

  private sessionName(createdAt: number): string {
    const when = formatDateTime(this.locale, createdAt);
    return `${pt(this.locale, 'practiceCall.title')} ${when}`;
  }

  private speak(spoken: Spoken): string {
    const l = this.locale;
    switch (spoken.kind) {
      case 'text':
        return renderPracticeNote(l, spoken.note);
      case 'tone':
        return pt(l, 'practiceCall.announce.tone', { label: toneLabelText(l, spoken.label) });
      case 'silence':
        return silenceText(l, { phase: spoken.phase, speaking: [] });
      case 'event': {
        const detail = eventDetail(l, spoken.entry);
        return detail ? `${eventTitle(l, spoken.entry)}: ${detail}.` : `${eventTitle(l, spoken.entry)}.`;
      }
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'luister-practice': LuisterPractice;
  }
}
