/**
 * The practice call's lifecycle, as a Lit reactive controller.
 *
 * - `hostConnected`: lists the input devices and follows 'devicechange'. No audio yet: the
 *   microphone is opened only when the agent presses Start.
 * - `start`: opens the microphone and the customer source, builds the call engine (context,
 *   analysis worklet, recorder worklet), opens a session in the sink and subscribes to
 *   everything: track 'ended', the context's 'statechange', the worklet's 'processorerror', the
 *   analysis events, the recorder's blocks, the coach.
 * - `stop` (and `hostDisconnected`, which stops): unsubscribes from the DOM first (so tearing down
 *   fires nothing back), drains the worklets, closes the engine (stops every track, closes the
 *   context), then writes the rest of the recording and the frames, builds the report from the
 *   stored frames and finishes the session. The engine is closed before any storage is awaited: a
 *   slow or stuck disk must never keep the microphone on.
 *
 * Memory stays flat however long the call: the analysis frames go to the sink in records of 10 s
 * as they come (FrameWriter) and the tracks in memory keep only the last LIVE_RETAIN_SEC, what the
 * live view and the live coach read; the report is built at the end from the stored frames.
 *
 * Real life during a call:
 * - the microphone changes: the agent picks another one in the call bar, or the system default
 *   moves ('devicechange' while following the default): the engine swaps the source under the
 *   running worklets, so the recording goes on without a break;
 * - the browser suspends the context (a hidden or frozen tab): when the page is visible again the
 *   call resumes by itself and says how long the sound stood still and whether the recording has
 *   a gap;
 * - the machine is too busy to keep the sound going (DropoutWatch): a notice says when and how
 *   long it stalled, and what the recording lacks;
 * - storage runs out: a warning while minutes still fit, then what fits is kept, the analysis goes
 *   on, and the end says up to where the recording is saved;
 * - the tab closes: the chunks written each second stay; a Web Lock held for the call lets the
 *   sessions list tell such an interrupted recording from one in progress.
 *
 * Updates are batched per animation frame: analysis batches (20 a second per channel), speech
 * events and coach cues only mark the view dirty; one requestAnimationFrame callback computes the
 * numbers from the tracks and asks the host to render once (and where no animation frame comes
 * for MAX_PAINT_LAG_SEC of audio, as in a hidden tab, a batch does it, so the view never reads
 * frames the tracks have let go). The heavy work (the DSP) is already on the audio thread.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { FRAMES_PER_SEC } from '../../dsp/config.ts';
import type { Locale } from '../../i18n/messages.ts';
import type { RecordingNote, SkippedStretch } from '../../report/recording-notes.ts';
import type { Report } from '../../report/report-types.ts';
import { chunkLength } from '../../storage/audio-chunks.ts';
import { StorageError } from '../../storage/storage-errors.ts';
import { estimateSpace } from '../../storage/storage-space.ts';
import { formatClock, roundGap } from '../format.ts';
import { holdRecordingLock } from '../shared/recording-lock.ts';
import { startCallEngine, type CallEngine } from './call-engine.ts';
import { ChunkWriter, type WriteProblem } from './chunk-writer.ts';
import type { LiveCoach, LiveCoachFactory } from './coach-adapter.ts';
import { DROPOUT_CHECK_MS, DropoutWatch, type Dropout, type DropoutTotals } from './dropout-watch.ts';
import { FrameWriter } from './frame-writer.ts';
import { ListenerBag } from './listener-bag.ts';
import { LIVE_RETAIN_SEC, MAX_PAINT_LAG_SEC } from './live-retention.ts';
import { emptyView, LiveViewModel, type LiveView, type Spoken } from './live-view.ts';
import {
  listInputDevices,
  messageOf,
  openCustomer,
  openMicrophone,
  PracticeProblem,
  stopStream,
  type CustomerChoice,
  type InputDevice,
  type OpenedCustomer,
  type ProcessingSettings,
} from './media-sources.ts';
import { movedDefaultInput } from './microphone-follow.ts';
import type { PracticeFinishedDetail, PracticeStartedDetail, StopReason } from './practice-events.ts';
import { pnote, type PracticeNote, type PracticeTextKey } from './practice-text.ts';
import type { RecordingSink } from './recording-sink.ts';
import { gapOf, NOTABLE_GAP_SEC, pauseStarted, type SoundGap, type SoundPause } from './sound-gap.ts';
import { bytesPerSecond, lowSpaceMinutes, SPACE_CHECK_MS } from './space-watch.ts';

export type CallStatus = 'idle' | 'starting' | 'live' | 'suspended' | 'stopping';

export interface StartOptions {
  microphoneId: string;
  processing: ProcessingSettings;
  customer: CustomerChoice;
  sink: RecordingSink;
  /** Names the session created at `createdAt` (ms since the epoch): name and date give the same moment. */
  nameSession: (createdAt: number) => string;
  /** The language the report's texts are written in (they also keep their messages, for the other). */
  locale: Locale;
  coach: LiveCoachFactory | null;
}

/** A message for the alert region; `resume` adds the resume button. */
export interface PracticeMessage {
  note: PracticeNote;
  action?: 'resume';
}

export interface SessionCallbacks {
  onStarted?(detail: PracticeStartedDetail): void;
  onFinished?(detail: PracticeFinishedDetail): void;
}

/** One running call: the engine and everything subscribed for it. */
interface Call {
  engine: CallEngine;
  sessionId: string;
  sink: RecordingSink;
  writer: ChunkWriter;
  /** The analysis frames, stored as they come; the report is built from them. */
  frames: FrameWriter;
  model: LiveViewModel;
  /** Seconds of audio analysed at the last paint. */
  paintedAtSec: number;
  options: StartOptions;
  /** The agent's choice of microphone: '' follows the system default. */
  microphoneId: string;
  /** DOM listeners (tracks, context, worklet node): removed first when stopping. */
  dom: ListenerBag;
  /** The current microphone's track listeners: replaced when the microphone is switched. */
  mic: ListenerBag;
  /** Microphone switches, one after the other. */
  switching: Promise<void>;
  /** Since when the context stands still (suspended), null while it runs. */
  pause: SoundPause | null;
  /** Stalls while the context runs. */
  dropouts: DropoutWatch;
  /** The context's clock at the recording's first sample (it is suspended until the call runs). */
  recordingStartSec: number;
  /** Stretches the recording lacks because the browser paused the sound; kept with the session. */
  pausedGaps: SkippedStretch[];
  /** The latest write of the session's notes: they are stored as they change, not only at the end. */
  notesWritten: Promise<void>;
  spaceWarned: boolean;
  /** Lets go of the session's recording lock. */
  releaseLock: () => void;
  /** Analysis, recorder and coach subscriptions: removed once the worklets have drained. */
  subs: ListenerBag;
  coach: LiveCoach | null;
  customerEndedShown: boolean;
}

class StartAborted extends Error {}

export class LiveSessionController implements ReactiveController {
  status: CallStatus = 'idle';
  view: LiveView = emptyView();
  /** The alert region's message (errors, a suspended context). */
  message: PracticeMessage | null = null;
  /** A calmer notice (the customer source ended, storage catching up). */
  notice: PracticeNote | null = null;
  /** Announcements since the last render, for the polite live region. */
  spoken: Spoken[] = [];
  devices: InputDevice[] = [];

  private readonly host: ReactiveControllerHost;
  private readonly callbacks: SessionCallbacks;
  private readonly hostListeners = new ListenerBag();
  private call: Call | null = null;
  /** Bumped by every start and by a stop during start-up, so a stale start cleans up after itself. */
  private attempt = 0;
  private frameRequest = 0;

  constructor(host: ReactiveControllerHost, callbacks: SessionCallbacks = {}) {
    this.host = host;
    this.callbacks = callbacks;
    host.addController(this);
  }

  hostConnected(): void {
    if (navigator.mediaDevices) {
      this.hostListeners.listen(navigator.mediaDevices, 'devicechange', () => {
        void this.refreshDevices();
        const call = this.call;
        if (call) void this.queueSwitch(call, () => this.followDefault(call));
      });
    }
    void this.refreshDevices();
  }

  hostDisconnected(): void {
    this.hostListeners.dispose();
    void this.stop('disconnected');
  }

  /** Subscriptions the running call holds (0 when idle): for tests and diagnostics. */
  get subscriptionCount(): number {
    return this.call ? this.call.dom.size + this.call.subs.size : 0;
  }

  /** Re-reads the input devices (names appear once permission is granted). */
  async refreshDevices(): Promise<void> {
    try {
      this.devices = await listInputDevices();
      this.host.requestUpdate();
    } catch {
      // Listing devices is a convenience; the default microphone works without it.
    }
  }

  /** Asks for microphone permission only to learn the device names, then lets go at once. */
  async revealDevices(processing: ProcessingSettings): Promise<void> {
    try {
      const stream = await openMicrophone('', processing);
      stopStream(stream);
      await this.refreshDevices();
    } catch (error) {
      this.message = { note: noteOf(error) };
      this.host.requestUpdate();
    }
  }

  async start(options: StartOptions): Promise<void> {
    if (this.status !== 'idle') return;
    const attempt = ++this.attempt;
    this.status = 'starting';
    this.message = null;
    this.notice = null;
    this.view = emptyView();
    this.host.requestUpdate();

    let microphone: MediaStream | null = null;
    let customer: OpenedCustomer | null = null;
    let engine: CallEngine | null = null;
    let sessionId: string | null = null;
    const check = (): void => {
      if (attempt !== this.attempt) throw new StartAborted();
    };
    try {
      microphone = await openMicrophone(options.microphoneId, options.processing);
      check();
      // Permission is granted now, so the devices have names.
      void this.refreshDevices();
      customer = await openCustomer(options.customer, options.processing, options.microphoneId);
      check();
      engine = await startCallEngine({ microphone, customer });
      check();
      try {
        // Taken here, not at Start: the permission prompt can take long, and the session's age tells
        // the recording lock's grace period (recording-lock.ts) how new it is.
        const createdAt = Date.now();
        const session = await options.sink.createSession({
          kind: 'practice',
          name: options.nameSession(createdAt),
          createdAt,
          sampleRate: engine.ctx.sampleRate,
          channels: engine.roles.length,
        });
        sessionId = session.id;
      } catch (error) {
        throw new PracticeProblem(pnote('practiceCall.error.storageStart', { detail: messageOf(error) }), { cause: error });
      }
      check();
      const call = this.attach(engine, sessionId, options);
      this.call = call;
      call.releaseLock = holdRecordingLock(sessionId);
      await engine.run();
      // Stopped (or stopping) while the context was starting: stop() has taken over.
      if (this.call !== call || this.status !== 'starting') return;
      this.status = engine.ctx.state === 'running' ? 'live' : 'suspended';
      if (this.status === 'suspended') this.message = { note: pnote('practiceCall.suspended'), action: 'resume' };
      this.spoken.push({ kind: 'text', note: pnote('practiceCall.announce.started') });
      this.host.requestUpdate();
      this.callbacks.onStarted?.({ sessionId });
    } catch (error) {
      if (this.call && this.call.engine === engine) return; // attached: stop() owns the teardown
      await engine?.close().catch(() => undefined);
      stopStream(microphone);
      if (customer?.kind === 'stream') stopStream(customer.stream);
      // A session opened for a call that never ran: close it, so no empty "recording" lingers.
      if (sessionId !== null) void options.sink.finishSession(sessionId, { report: null, durationSec: 0 }).catch(() => undefined);
      if (error instanceof StartAborted || attempt !== this.attempt) return;
      this.status = 'idle';
      this.message = { note: noteOf(error) };
      console.warn('practice call could not start:', error instanceof PracticeProblem ? (error.cause ?? error) : error);
      this.host.requestUpdate();
    }
  }

  /** Ends the call and keeps everything recorded so far; resolves when the session is finished. */
  async stop(reason: StopReason = 'user'): Promise<void> {
    if (this.status === 'starting' && !this.call) {
      // Still asking for permission or building: the start sequence sees the new attempt and undoes itself.
      this.attempt++;
      this.status = 'idle';
      this.host.requestUpdate();
      return;
    }
    const call = this.call;
    if (!call || this.status === 'stopping') return;
    this.status = 'stopping';
    call.dom.dispose();
    call.mic.dispose();
    if (reason === 'device-lost') this.message = { note: pnote('practiceCall.error.unplugged', { time: formatClock(call.writer.secondsWritten) }) };
    else if (this.message?.action === 'resume') this.message = null;
    this.host.requestUpdate();

    try {
      await call.engine.drain();
    } catch (error) {
      // Whatever the worklets handed over before is kept; the microphone must be released regardless.
      console.warn('the audio did not drain:', error);
    }
    const sampleRate = call.engine.ctx.sampleRate;
    // Drained: no frames or samples arrive any more. The microphone goes off before storage is awaited.
    await call.engine.close().catch((error: unknown) => console.error('closing the audio failed:', error));

    const [saved, report] = await Promise.all([call.writer.finish(), this.buildReport(call)]);
    this.paint(call);
    call.subs.dispose();
    const recordedSec = saved.samples / sampleRate;
    const cutShort = saved.full && saved.lostSamples > 0;
    // A stall after the storage filled up is not in the recording at all.
    const notes: RecordingNote[] = skippedStretches(call).filter((note) => note.atSec < recordedSec);
    if (cutShort) notes.push({ kind: 'cut-short', atSec: recordedSec, missingSec: saved.lostSamples / sampleRate });
    await call.notesWritten;
    let stored = true;
    try {
      await call.sink.finishSession(call.sessionId, { report, durationSec: recordedSec, notes });
    } catch (error) {
      stored = false;
      // The audio is stored; only the closing write failed. A notice, so a device-lost message stays.
      this.notice = pnote('practiceCall.error.storageFinish', { detail: messageOf(error) });
    }
    call.releaseLock();
    if (cutShort) {
      const seconds = roundGap(saved.lostSamples / sampleRate);
      this.message = { note: pnote('practiceCall.error.storageFullEnd', { time: formatClock(recordedSec), seconds }) };
    }
    if (reason === 'device-lost') {
      this.message = { note: pnote('practiceCall.error.unplugged', { time: formatClock(recordedSec) }) };
    } else if (reason === 'engine-failed') {
      this.message = { note: pnote('practiceCall.error.engineFailed', { detail: 'processorerror', time: formatClock(recordedSec) }) };
    }
    this.cancelPaint();
    this.view = { ...this.view, chunksWritten: call.writer.chunksWritten };
    this.call = null;
    this.status = 'idle';
    if (report) this.spoken.push({ kind: 'text', note: pnote('practiceCall.announce.finished') });
    this.host.requestUpdate();
    if (report) {
      this.callbacks.onFinished?.({ report, sessionId: call.sessionId, reason, recordedSec, lostSec: saved.lostSamples / sampleRate, stored });
    }
  }

  /**
   * The report over the whole call, from the stored frames (and any the sink could not take yet),
   * then the live coach's last word; null when it cannot be made. Still subscribed to the coach
   * here: what it decides about the end of the call reaches the feed.
   */
  private async buildReport(call: Call): Promise<Report | null> {
    try {
      const analysis = call.engine.analysis;
      const tracks = await call.frames.tracks(analysis.tracks.map((t) => t.frameCount));
      let report = analysis.reportFrom(tracks, { locale: call.options.locale, messages: true });
      if (call.coach?.finish) report = call.coach.finish(report);
      return report;
    } catch (error) {
      console.error('practice report could not be built:', error);
      return null;
    }
  }

  /** Resumes a context the browser suspended (autoplay policy, background tab). */
  async resume(): Promise<void> {
    const call = this.call;
    if (!call) return;
    try {
      await call.engine.ctx.resume();
    } catch (error) {
      this.message = { note: pnote('practiceCall.error.engine', { detail: messageOf(error) }), action: 'resume' };
      this.host.requestUpdate();
    }
  }

  /**
   * Moves the running call to another microphone ('' = the system default) without stopping it;
   * resolves once switched, or once it failed (then the old microphone stays, with a notice).
   */
  switchMicrophone(deviceId: string): Promise<void> {
    const call = this.call;
    if (!call) return Promise.resolve();
    return this.queueSwitch(call, () => this.replaceMicrophone(call, deviceId, deviceId));
  }

  /** Runs microphone switches one at a time (a burst of 'devicechange' must not open two); never rejects. */
  private queueSwitch(call: Call, work: () => Promise<void>): Promise<void> {
    call.switching = call.switching.then(work).catch((error: unknown) => console.warn('switching the microphone failed:', error));
    return call.switching;
  }

  dismissMessage(): void {
    if (this.message?.action === 'resume') return; // the state itself is the message
    this.message = null;
    this.notice = null;
    this.host.requestUpdate();
  }

  /** Hands the announcements to the renderer and forgets them. */
  takeSpoken(): Spoken[] {
    const spoken = this.spoken;
    this.spoken = [];
    return spoken;
  }

  private attach(engine: CallEngine, sessionId: string, options: StartOptions): Call {
    const writer = new ChunkWriter({
      sink: options.sink,
      sessionId,
      channelCount: engine.roles.length,
      sampleRate: engine.ctx.sampleRate,
      chunkLength: chunkLength(engine.ctx.sampleRate),
      onProblem: (problem) => this.onWriteProblem(problem),
    });
    // Before the coach and the view take the tracks; the context has not run yet, so no frame is lost.
    engine.analysis.keepRecentFrames(LIVE_RETAIN_SEC * FRAMES_PER_SEC);
    const frames = new FrameWriter({ sink: options.sink, sessionId, channelCount: engine.roles.length });
    const coach = options.coach ? options.coach(engine.analysis) : null;
    const model = new LiveViewModel(engine.analysis, { hasCustomer: engine.roles.length === 2, coachConnected: coach !== null });
    const call: Call = {
      engine,
      sessionId,
      sink: options.sink,
      writer,
      frames,
      model,
      paintedAtSec: 0,
      options,
      microphoneId: options.microphoneId,
      dom: new ListenerBag(),
      mic: new ListenerBag(),
      switching: Promise.resolve(),
      pause: null,
      dropouts: new DropoutWatch(),
      recordingStartSec: engine.ctx.currentTime,
      pausedGaps: [],
      notesWritten: Promise.resolve(),
      spaceWarned: false,
      releaseLock: () => undefined,
      subs: new ListenerBag(),
      coach,
      customerEndedShown: false,
    };
    const { dom, subs } = call;

    this.listenMicrophone(call);
    for (const track of engine.customerStream?.getTracks() ?? []) dom.listen(track, 'ended', () => this.onCustomerEnded(call));
    dom.listen(engine.ctx, 'statechange', () => this.onContextState(call));
    dom.listen(document, 'visibilitychange', () => this.onVisibility(call));
    // Page Lifecycle: a frozen background tab gets 'resume' when it runs again.
    dom.listen(document, 'resume', () => this.onVisibility(call));
    dom.listen(engine.analysis.node, 'processorerror', () => void this.stop('engine-failed'));
    const dropoutCheck = setInterval(() => this.checkDropout(call), DROPOUT_CHECK_MS);
    dom.add(() => clearInterval(dropoutCheck));

    engine.recorder.onBlock((channels, length) => writer.push(channels, length));
    subs.add(() => engine.recorder.onBlock(null));
    subs.add(engine.analysis.on('batch', ({ channel, batch }) => frames.push(channel, batch)));
    // Everything below only records what happened and asks for a frame: the view is derived once
    // per animation frame, however many batches and cues arrived in between.
    subs.add(engine.analysis.on('frames', () => this.schedulePaint()));
    subs.add(engine.analysis.on('speechstart', ({ role, timeSec }) => (model.speechStart(role, timeSec), this.schedulePaint())));
    subs.add(engine.analysis.on('speechend', ({ role, timeSec }) => (model.speechEnd(role, timeSec), this.schedulePaint())));
    const spaceCheck = setInterval(() => void this.checkSpace(call), SPACE_CHECK_MS);
    subs.add(() => clearInterval(spaceCheck));
    void this.checkSpace(call);
    if (coach) {
      subs.add(coach.on('tone', (state) => (model.tone(state), this.schedulePaint())));
      subs.add(coach.on('event', (event) => (model.coachEvent(event), this.schedulePaint())));
      subs.add(coach.on('ongoing', (event) => (model.coachOngoing(event), this.schedulePaint())));
      subs.add(() => coach.dispose?.());
    }
    this.view = model.view;
    return call;
  }

  private onContextState(call: Call): void {
    if (this.call !== call) return;
    // 'interrupted' is newer than the DOM typings: an OS or another app took the audio device.
    const state: string = call.engine.ctx.state;
    // A pause is told of by itself (gapNote): the dropout watch must not count it again.
    call.dropouts.forget();
    if (state === 'running' && this.status === 'suspended') {
      this.status = 'live';
      if (this.message?.action === 'resume') this.message = null;
      if (call.pause) {
        const gap = gapOf(call.pause, recordingSec(call));
        this.notice = gapNote(gap);
        if (isNotableGap(gap)) {
          call.pausedGaps.push({ kind: 'skipped', atSec: gap.atSec, missingSec: gap.missingSec, cause: 'paused' });
          this.writeNotes(call);
        }
      }
      call.pause = null;
    } else if ((state === 'suspended' || state === 'interrupted') && this.status === 'live') {
      this.status = 'suspended';
      call.pause = pauseStarted(recordingSec(call), document.visibilityState === 'hidden');
      this.message = { note: pnote('practiceCall.suspended'), action: 'resume' };
    }
    this.host.requestUpdate();
  }

  /**
   * A page that comes back into view resumes the sound the browser paused while it was hidden;
   * nothing else in the app pauses a call, so a suspended context is never the agent's wish.
   */
  private onVisibility(call: Call): void {
    if (this.call !== call) return;
    if (document.visibilityState === 'hidden') {
      if (call.pause) call.pause.hidden = true;
    } else if (this.status === 'suspended') {
      void this.resume();
    }
  }

  /** Listens for the current microphone going away (unplugged, permission revoked). */
  private listenMicrophone(call: Call): void {
    for (const track of call.engine.microphone.getAudioTracks()) call.mic.listen(track, 'ended', () => void this.stop('device-lost'));
  }

  /** After 'devicechange': a call that follows the system default moves to the new default. */
  private async followDefault(call: Call): Promise<void> {
    if (this.call !== call || call.microphoneId !== '' || !callRunning(this.status)) return;
    const track = call.engine.microphone.getAudioTracks()[0];
    if (!track || track.readyState !== 'live') return;
    let devices: MediaDeviceInfo[];
    try {
      devices = await navigator.mediaDevices.enumerateDevices();
    } catch {
      return;
    }
    const target = movedDefaultInput(track.getSettings().groupId ?? '', devices);
    if (target) await this.replaceMicrophone(call, target.deviceId, '');
  }

  /** Opens `deviceId` and feeds the call from it; `choice` is what the call follows afterwards. */
  private async replaceMicrophone(call: Call, deviceId: string, choice: string): Promise<void> {
    if (this.call !== call || !callRunning(this.status)) return;
    const customer = call.options.customer;
    if (customer.kind === 'device' && deviceId !== '' && customer.deviceId === deviceId) {
      this.notice = pnote('practiceCall.error.sameDevice');
      this.host.requestUpdate();
      return;
    }
    const name = this.devices.find((d) => d.deviceId === deviceId)?.label ?? '';
    let stream: MediaStream;
    try {
      stream = await openMicrophone(deviceId, call.options.processing);
    } catch (error) {
      if (this.call === call) {
        const cause = error instanceof PracticeProblem ? (error.cause ?? error) : error;
        this.notice = pnote('practiceCall.micSwitchFailed', { device: name || deviceId || 'default', detail: messageOf(cause) });
        this.host.requestUpdate();
      }
      return;
    }
    if (this.call !== call || !callRunning(this.status)) {
      stopStream(stream);
      return;
    }
    // The old track's 'ended' must not end the call: its listeners go before it is stopped.
    call.mic.dispose();
    call.engine.replaceMicrophone(stream);
    call.microphoneId = choice;
    this.listenMicrophone(call);
    const label = stream.getAudioTracks()[0]?.label || name;
    this.notice = pnote('practiceCall.micSwitched', { device: label });
    this.host.requestUpdate();
  }

  /** Warns once per call when the storage holds only minutes more of recording. */
  private async checkSpace(call: Call): Promise<void> {
    if (call.spaceWarned) return;
    const space = await estimateSpace().catch(() => null);
    if (this.call !== call || call.spaceWarned) return;
    const minutes = lowSpaceMinutes(space, bytesPerSecond(call.engine.ctx.sampleRate, call.engine.roles.length));
    if (minutes === null) return;
    call.spaceWarned = true;
    this.notice = pnote('practiceCall.spaceLow', { minutes });
    this.host.requestUpdate();
  }

  /** Compares the audio clock with the wall clock while live; a stall becomes a notice. */
  private checkDropout(call: Call): void {
    if (this.call !== call) return;
    if (this.status !== 'live') {
      call.dropouts.forget();
      return;
    }
    const dropout = call.dropouts.check({ wallMs: performance.now(), contextSec: recordingSec(call) });
    if (!dropout) return;
    // Every change: a stall the context then catches up on takes its note back.
    this.writeNotes(call);
    if (this.notice && OUTRANK_DROPOUTS.has(this.notice.key)) return;
    this.notice = dropoutNote(dropout, call.dropouts.totals);
    this.host.requestUpdate();
  }

  /**
   * Stores the call's skipped stretches so far, after any write still under way (so they land in
   * order). A failed write is left for the next one, or for the end of the call.
   */
  private writeNotes(call: Call): void {
    const write = call.sink.setNotes?.bind(call.sink);
    if (!write) return;
    call.notesWritten = call.notesWritten.then(() => write(call.sessionId, skippedStretches(call))).catch(() => undefined);
  }

  private onCustomerEnded(call: Call): void {
    if (this.call !== call || call.customerEndedShown) return;
    call.customerEndedShown = true;
    // Shown in the view's status region, which announces it by itself.
    this.notice = pnote('practiceCall.customerEnded');
    this.host.requestUpdate();
  }

  private onWriteProblem(problem: WriteProblem): void {
    const seconds = Math.round(problem.seconds * 10) / 10;
    if (problem.kind === 'retrying') {
      this.notice = pnote('practiceCall.error.storageRetry', { detail: problem.detail });
    } else if (problem.kind === 'full') {
      this.message = { note: pnote('practiceCall.error.storageFull', { seconds, time: formatClock(problem.savedSeconds) }) };
    } else {
      this.message = { note: pnote('practiceCall.error.storageLost', { seconds, detail: problem.detail }) };
    }
    this.host.requestUpdate();
  }

  private schedulePaint(): void {
    const call = this.call;
    if (!call) return;
    // No animation frame for a while (a hidden tab gets none): paint from here, so the view never
    // has to read further back than LIVE_RETAIN_SEC.
    if (call.engine.analysis.durationSec - call.paintedAtSec >= MAX_PAINT_LAG_SEC) this.paint(call);
    if (this.frameRequest !== 0) return;
    this.frameRequest = requestAnimationFrame(() => {
      this.frameRequest = 0;
      if (this.call) this.paint(this.call);
    });
  }

  private cancelPaint(): void {
    if (this.frameRequest !== 0) cancelAnimationFrame(this.frameRequest);
    this.frameRequest = 0;
  }

  /** Takes the frame's view from the model, and renders once. */
  private paint(call: Call): void {
    call.paintedAtSec = call.engine.analysis.durationSec;
    this.view = call.model.refresh(call.writer.chunksWritten);
    this.spoken.push(...call.model.takeSpoken());
    this.host.requestUpdate();
  }
}

function callRunning(status: CallStatus): boolean {
  return status === 'live' || status === 'suspended';
}

/**
 * Where the call is in its recording: the context's clock from the recording's first sample, s.
 * Exact while the storage takes every chunk. (After minutes of failed writes mid-call the writer
 * drops audio to bound memory; should the storage then recover, later positions are off by what
 * was dropped, which itself gets no note. A full disk that stays full cuts the recording short
 * instead: a note of its own.)
 */
function recordingSec(call: Call): number {
  return call.engine.ctx.currentTime - call.recordingStartSec;
}

/** A pause the recording noticeably lacks: told of, and kept with the session. */
function isNotableGap(gap: SoundGap): boolean {
  return gap.missingSec >= NOTABLE_GAP_SEC;
}

/** What the agent is told when the sound runs again after a pause. */
function gapNote(gap: SoundGap): PracticeNote {
  if (!isNotableGap(gap)) return pnote('practiceCall.resumed.noGap');
  const params = { gap: roundGap(gap.missingSec), time: formatClock(gap.atSec) };
  return gap.hidden ? pnote('practiceCall.resumed.hidden', params) : pnote('practiceCall.resumed.gap', params);
}

/** Notices the agent must still act on: a stall, told of in the same place, does not replace them. */
const OUTRANK_DROPOUTS: ReadonlySet<PracticeTextKey> = new Set<PracticeTextKey>(['practiceCall.spaceLow', 'practiceCall.error.storageRetry']);

/** What the agent is told when the sound stalled: this stall, or all of them once there were more. */
function dropoutNote(dropout: Dropout, totals: DropoutTotals): PracticeNote {
  const time = formatClock(dropout.atSec);
  if (totals.count > 1) {
    return pnote('practiceCall.dropouts', { count: totals.count, total: roundGap(totals.stalledSec), time, missing: roundGap(totals.missingSec) });
  }
  const gap = roundGap(dropout.stalledSec);
  return lostAudio(dropout)
    ? pnote('practiceCall.dropout.gap', { gap, time, missing: roundGap(dropout.missingSec) })
    : pnote('practiceCall.dropout.late', { gap, time });
}

/**
 * Whether the recording lacks a stretch of the stall worth a tenth of a second (the notice says
 * so; a stall the context caught up on left the recording whole).
 */
function lostAudio(dropout: Dropout): boolean {
  return roundGap(dropout.missingSec) > 0;
}

/** The stretches the call's recording lacks, in the order they happened: for the session's notes. */
function skippedStretches(call: Call): SkippedStretch[] {
  const stalls = call.dropouts.dropouts
    .filter(lostAudio)
    .map((d): SkippedStretch => ({ kind: 'skipped', atSec: d.atSec, missingSec: d.missingSec, cause: 'stall' }));
  return [...call.pausedGaps, ...stalls].sort((a, b) => a.atSec - b.atSec);
}

/** The message for anything thrown while starting. */
function noteOf(error: unknown): PracticeNote {
  if (error instanceof PracticeProblem) return error.note;
  if (error instanceof StorageError) return pnote('practiceCall.error.storageStart', { detail: error.message });
  return pnote('practiceCall.error.engine', { detail: messageOf(error) });
}
