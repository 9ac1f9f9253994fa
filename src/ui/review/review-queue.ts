/**
 * The review's work, one recording at a time: store the chosen file → decode and analyse it in
 * the file Worker in one streaming pass (with progress and cancel) → show → add the report to the
 * stored session. Files the Worker cannot decode go through the browser's whole-file decoder.
 * Also opens saved sessions, and lists analyses a closed tab interrupted. Held by the review view
 * as a reactive controller: every change re-renders it, and leaving the page stops the analysis.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { RoleOptions } from '../../analysis/channel-roles.ts';
import type { Locale } from '../../i18n/messages.ts';
import type { Report } from '../../report/report-types.ts';
import { sessionStore } from '../../storage/session-store.ts';
import type { SessionSummary } from '../../storage/session-types.ts';
import { StorageError, type StorageErrorKind } from '../../storage/storage-errors.ts';
import { AnalysisCancelledError, analyzeRecording } from '../../worker/analysis-client.ts';
import { analyzeFile, fileAsWav } from '../../worker/file-client.ts';
import { PEAKS_PER_SECOND, peaksOf } from '../../worker/peaks.ts';
import type { FeedResult } from '../../worker/recording-feed.ts';
import { wavBlob } from '../export/export-files.ts';
import { RecordingError, decodeRecording } from './decode-recording.ts';
import type { ReviewedRecording } from './recording.ts';

export type ItemStage = 'waiting' | 'decoding' | 'analysing' | 'saving' | 'done' | 'failed' | 'cancelled';

export interface QueueItem {
  id: number;
  /** File or session name, shown as text. */
  name: string;
  stage: ItemStage;
  /** Analysis progress, 0–1. */
  progress: number;
  /** Set once saved (or when opened from storage). */
  sessionId?: string;
}

/** Something the user must hear about; rendered in the live region. */
export type ReviewNotice =
  | { id: number; kind: 'recording'; error: RecordingError }
  | { id: number; kind: 'analysis-failed'; name: string; detail: string }
  | { id: number; kind: 'cancelled'; name: string }
  | { id: number; kind: 'not-saved'; name: string; reason: StorageErrorKind }
  | { id: number; kind: 'open-failed'; name: string; reason: StorageErrorKind | 'no-audio' }
  | { id: number; kind: 'export-failed'; name: string };

/** What the user chose for the files they drop. */
export interface ReviewSettings {
  roles: RoleOptions;
  agent: string;
  /** Language the report's reasons and advice are written in (the UI's, at analysis time). */
  locale: Locale;
}

/** A notice before it is given its id (Omit on each member, so the union stays discriminated). */
export type NoticeBody = ReviewNotice extends infer N ? (N extends ReviewNotice ? Omit<N, 'id'> : never) : never;

interface PendingFile {
  item: QueueItem;
  file: File;
  settings: ReviewSettings;
  /** A stored file analysed again: its session exists already. */
  sessionId?: string;
  /**
   * Its result replaces the review on screen only if that still shows this session: roles swapped
   * on a review the user has since moved away from are saved without taking over the screen.
   */
  onlyIfShown?: boolean;
}

export class ReviewQueueController implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  items: QueueItem[] = [];
  notices: ReviewNotice[] = [];
  /** The recording on screen. */
  current: ReviewedRecording | null = null;
  /** Stored files whose analysis never finished (the tab was closed during it). */
  interrupted: SessionSummary[] = [];
  private job: { cancel(): void } | null = null;
  private pending: PendingFile[] = [];
  private running = false;
  private nextId = 1;
  /** Sessions this tab is analysing now: not interrupted, whatever their stored status says. */
  private readonly analysing = new Set<string>();
  private unsubscribe: (() => void) | null = null;

  constructor(host: ReactiveControllerHost) {
    this.host = host;
    host.addController(this);
  }

  /** An analysis is queued or under way (or its file still being read to queue it). */
  get busy(): boolean {
    return this.running || this.analysing.size > 0;
  }

  /** The item being worked on, if any. */
  get active(): QueueItem | undefined {
    return this.items.find((item) => item.stage === 'decoding' || item.stage === 'analysing' || item.stage === 'saving');
  }

  hostConnected(): void {
    this.unsubscribe = sessionStore.onChange(() => void this.refreshInterrupted());
    void this.refreshInterrupted();
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.cancel();
  }

  /** Queues files for review; a new batch replaces the finished items of the last one. */
  review(files: readonly File[], settings: ReviewSettings): void {
    for (const file of files) this.enqueue(file, settings);
  }

  /**
   * Analyses a stored file again: an interrupted analysis, with the channel roles chosen for it
   * when it was added (`settings` fill in an older session's, which kept none), or a finished one
   * with other `roles` (agent and customer swapped). Its report is replaced only when the new
   * analysis finishes.
   */
  async reanalyse(sessionId: string, settings: ReviewSettings, roles?: RoleOptions): Promise<void> {
    // Marked at once, so the controls say busy and a second click while the file is read does not
    // queue it twice.
    if (this.analysing.has(sessionId)) return;
    this.analysing.add(sessionId);
    this.changed();
    try {
      const session = await sessionStore.getSession(sessionId);
      const stored = await sessionStore.loadFile(sessionId);
      const file = new File([stored.file], session.name, { type: stored.file.type });
      // The session's agent, if any: the review's name field is for files still to come.
      const chosen = { ...settings, agent: session.agent ?? '', roles: roles ?? session.roles ?? settings.roles };
      this.enqueue(file, chosen, { sessionId, onlyIfShown: roles !== undefined });
    } catch (error) {
      this.analysing.delete(sessionId);
      this.notify({ kind: 'open-failed', name: sessionId, reason: error instanceof StorageError ? error.kind : 'failed' });
    }
  }

  /** Removes a stored file whose analysis was interrupted. */
  async discard(sessionId: string): Promise<void> {
    try {
      await sessionStore.deleteSession(sessionId);
    } catch (error) {
      this.notify({ kind: 'not-saved', name: sessionId, reason: error instanceof StorageError ? error.kind : 'failed' });
    }
  }

  /** Stops the analysis under way and drops the files still waiting. */
  cancel(): void {
    for (const { item, sessionId } of this.pending) {
      item.stage = 'cancelled';
      if (sessionId) this.analysing.delete(sessionId);
    }
    this.pending = [];
    if (this.job) {
      this.job.cancel();
    } else {
      // Between jobs (storing the file, decoding it whole): the run sees the stage and stops.
      const active = this.active;
      if (active && active.stage !== 'saving') {
        active.stage = 'cancelled';
        this.notify({ kind: 'cancelled', name: active.name });
      }
    }
    this.changed();
  }

  dismiss(id: number): void {
    this.notices = this.notices.filter((n) => n.id !== id);
    this.changed();
  }

  /**
   * Shows a saved session. A practice saved without a report (cut short) is analysed first; a
   * stored file whose analysis never finished is analysed again.
   */
  async openSession(id: string, locale: Locale): Promise<void> {
    let name = id;
    try {
      const session = await sessionStore.getSession(id);
      name = session.name;
      if (session.audio === 'file') {
        if (session.status === 'complete' && session.report) await this.showStoredFile(session, session.report);
        else if (!this.analysing.has(id)) await this.reanalyse(id, { roles: {}, agent: session.agent ?? '', locale });
        return;
      }
      const channels = await sessionStore.loadAudio(id);
      if ((channels[0]?.length ?? 0) === 0) {
        this.notify({ kind: 'open-failed', name, reason: 'no-audio' });
        return;
      }
      let report = session.report;
      if (!report) {
        const item: QueueItem = { id: this.nextId++, name, stage: 'analysing', progress: 0, sessionId: id };
        this.items = [item];
        // Busy meanwhile: nothing else may start an analysis and take over its job.
        this.analysing.add(id);
        try {
          report = await this.analyseChannels(item, channels.map((c) => c.slice()), session.sampleRate, {}, locale);
          if (!report) return;
          await sessionStore.finishSession(id, { report });
        } finally {
          this.analysing.delete(id);
        }
        item.stage = 'done';
      }
      const sampleRate = session.sampleRate;
      this.current = {
        name,
        sampleRate,
        channels: channels.length,
        peaks: peaksOf(channels, sampleRate),
        report,
        media: wavBlob(channels, sampleRate),
        wav: async () => wavBlob(channels, sampleRate),
        fromFile: false,
        ...keptWith(session),
      };
    } catch (error) {
      this.notify({ kind: 'open-failed', name, reason: error instanceof StorageError ? error.kind : 'failed' });
    } finally {
      this.changed();
    }
  }

  private async showStoredFile(session: SessionSummary, report: Report): Promise<void> {
    const stored = await sessionStore.loadFile(session.id);
    const file = new File([stored.file], session.name, { type: stored.file.type });
    this.current = {
      name: session.name,
      sampleRate: session.sampleRate,
      channels: session.channels,
      peaks: stored.peaks ?? [],
      report,
      media: file,
      wav: () => fileAsWav(file),
      fromFile: true,
      ...keptWith(session),
    };
  }

  private enqueue(file: File, settings: ReviewSettings, stored: Pick<PendingFile, 'sessionId' | 'onlyIfShown'> = {}): void {
    if (!this.running) this.items = [];
    const sessionId = stored.sessionId;
    const item: QueueItem = { id: this.nextId++, name: file.name, stage: 'waiting', progress: 0, ...(sessionId ? { sessionId } : {}) };
    this.items.push(item);
    this.pending.push({ item, file, settings, ...stored });
    if (sessionId) this.analysing.add(sessionId);
    this.changed();
    void this.refreshInterrupted();
    void this.drain();
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (let next = this.pending.shift(); next; next = this.pending.shift()) await this.run(next);
    } finally {
      this.running = false;
      this.changed();
    }
  }

  private async run({ item, file, settings, sessionId: existing, onlyIfShown = false }: PendingFile): Promise<void> {
    item.stage = 'analysing';
    item.progress = 0;
    this.changed();
    const agent = settings.agent.trim();
    // The file is stored while it is analysed (copying a large file into IndexedDB takes seconds
    // of disk work in the browser), so a tab closed during the analysis loses nothing.
    const sessionId = existing ?? crypto.randomUUID();
    this.analysing.add(sessionId);
    const storing: Promise<StorageErrorKind | null> = existing
      ? Promise.resolve(null)
      : sessionStore.addPendingReview({ id: sessionId, name: file.name, roles: settings.roles, ...(agent ? { agent } : {}) }, file).then(
          () => null,
          (error: unknown) => (error instanceof StorageError ? error.kind : 'failed'),
        );
    let result: FeedResult | null = null;
    let notSaved: StorageErrorKind | null;
    try {
      if (item.stage === 'analysing') result = await this.analyse(item, file, settings);
    } finally {
      notSaved = await storing;
      if (!result) this.analysing.delete(sessionId);
    }
    if (!result) {
      // Cancelled or failed: nothing of it stays (an interrupted analysis run again keeps its file).
      if (!existing && !notSaved) await sessionStore.deleteSession(sessionId).catch(() => undefined);
      void this.refreshInterrupted();
      return;
    }
    const reviewed: ReviewedRecording = {
      name: file.name,
      sampleRate: result.sampleRate,
      channels: result.channels,
      peaks: result.peaks,
      report: result.report,
      media: file,
      wav: () => fileAsWav(file),
      notes: result.notes,
      comments: [],
      fromFile: true,
      ...(agent ? { agent } : {}),
    };
    // A new file is shown while it is saved. A stored one analysed again is shown once saved, with
    // the comments written on it meanwhile; if saving swapped roles fails, the stored analysis
    // stays on screen, as it stays in storage. Roles swapped on a review the user has left do not
    // take the screen.
    const show = (): void => {
      if (!onlyIfShown || this.current?.sessionId === sessionId) this.current = reviewed;
    };
    if (!existing) show();
    item.stage = 'saving';
    this.changed();
    if (!notSaved) {
      try {
        const stored = await sessionStore.completeReview(sessionId, { ...result, roles: settings.roles });
        reviewed.comments = stored.comments ?? [];
        reviewed.sessionId = sessionId;
        item.sessionId = sessionId;
        if (existing) show();
      } catch (error) {
        notSaved = error instanceof StorageError ? error.kind : 'failed';
      }
    }
    // An interrupted analysis run again has no stored one to show instead: it is shown unsaved.
    if (existing && notSaved && !onlyIfShown) show();
    this.analysing.delete(sessionId);
    // A new file's review stays on screen (and can be exported); only keeping it failed.
    if (notSaved) this.notify({ kind: 'not-saved', name: file.name, reason: notSaved });
    item.stage = 'done';
  }

  /** Decodes and analyses `file` in the Worker, or whole on the main thread when it must. */
  private async analyse(item: QueueItem, file: File, settings: ReviewSettings): Promise<FeedResult | null> {
    const source: Report['source'] = { name: file.name, ...(file.type ? { format: file.type } : {}) };
    const job = analyzeFile(file, {
      roles: settings.roles,
      options: { coach: { locale: settings.locale, messages: true }, source },
      onProgress: (fraction) => this.progress(item, fraction),
    });
    this.job = job;
    try {
      const outcome = await job.result;
      if (outcome.kind === 'analysed') return withChannels(outcome.result);
      return await this.analyseWholeFile(item, file, outcome.durationSec, settings, source);
    } catch (error) {
      this.failed(item, file.name, error);
      return null;
    } finally {
      this.job = null;
    }
  }

  /** The fallback for files the Worker cannot decode: decodeAudioData, then the channel Worker. */
  private async analyseWholeFile(
    item: QueueItem,
    file: File,
    durationSec: number | null,
    settings: ReviewSettings,
    source: Report['source'],
  ): Promise<FeedResult | null> {
    item.stage = 'decoding';
    this.changed();
    const recording = await decodeRecording(file, durationSec);
    if (item.stage !== 'decoding') return null; // cancelled while decoding
    const peaks = peaksOf(recording.channels, recording.sampleRate);
    const channels = recording.channels.length;
    // The channels move to the Worker: no second copy is kept here.
    const report = await this.analyseChannels(item, recording.channels, recording.sampleRate, settings.roles, settings.locale, { ...source, channels });
    if (!report) return null;
    return { report, peaks, peaksPerSecond: PEAKS_PER_SECOND, sampleRate: recording.sampleRate, channels, notes: recording.notes };
  }

  /** Runs the channel Worker; it takes ownership of `channels`. Null when cancelled or failed. */
  private async analyseChannels(
    item: QueueItem,
    channels: Float32Array[],
    sampleRate: number,
    roles: RoleOptions,
    locale: Locale,
    source?: Report['source'],
  ): Promise<Report | null> {
    item.stage = 'analysing';
    item.progress = 0;
    this.changed();
    const job = analyzeRecording(channels, sampleRate, {
      roles,
      options: { coach: { locale, messages: true }, ...(source ? { source } : {}) },
      onProgress: (fraction) => this.progress(item, fraction),
    });
    this.job = job;
    try {
      return await job.result;
    } catch (error) {
      this.failed(item, item.name, error);
      return null;
    } finally {
      this.job = null;
    }
  }

  private progress(item: QueueItem, fraction: number): void {
    item.progress = fraction;
    this.changed();
  }

  private failed(item: QueueItem, name: string, error: unknown): void {
    if (item.stage === 'cancelled' || item.stage === 'failed') return;
    if (error instanceof AnalysisCancelledError) {
      item.stage = 'cancelled';
      this.notify({ kind: 'cancelled', name });
    } else {
      item.stage = 'failed';
      this.notify(
        error instanceof RecordingError
          ? { kind: 'recording', error }
          : { kind: 'analysis-failed', name, detail: error instanceof Error ? error.message : String(error) },
      );
    }
  }

  private async refreshInterrupted(): Promise<void> {
    try {
      const sessions = await sessionStore.listSessions();
      this.interrupted = sessions.filter((s) => s.audio === 'file' && s.status === 'analysing' && !this.analysing.has(s.id));
    } catch {
      // No storage (private mode): nothing can have been interrupted either.
      this.interrupted = [];
    }
    this.changed();
  }

  notify(notice: NoticeBody): void {
    this.notices = [...this.notices, { ...notice, id: this.nextId++ }];
    this.changed();
  }

  private changed(): void {
    this.host.requestUpdate();
  }
}

/** The report's source names the channels analysed (the Worker knows them only at the end). */
function withChannels(result: FeedResult): FeedResult {
  const source = result.report.source;
  return source ? { ...result, report: { ...result.report, source: { ...source, channels: result.channels } } } : result;
}

/** What a stored session brings to its review on screen: its notes, the coach's comments, its id and agent. */
function keptWith(session: SessionSummary): Pick<ReviewedRecording, 'notes' | 'comments' | 'sessionId' | 'agent'> {
  return {
    notes: session.notes ?? [],
    comments: session.comments ?? [],
    sessionId: session.id,
    ...(session.agent ? { agent: session.agent } : {}),
  };
}
