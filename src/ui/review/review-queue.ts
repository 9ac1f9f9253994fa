/**
 * The review's work, one recording at a time: decode → analyse in the Worker (with progress and
 * cancel) → show → save as a session. Also opens saved sessions. Held by the review view as a
 * reactive controller: every change re-renders it, and leaving the page stops the analysis.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { RoleOptions } from '../../analysis/channel-roles.ts';
import type { Locale } from '../../i18n/messages.ts';
import type { Report } from '../../report/report-types.ts';
import { sessionStore } from '../../storage/session-store.ts';
import { StorageError, type StorageErrorKind } from '../../storage/storage-errors.ts';
import { AnalysisCancelledError, analyzeRecording, type AnalysisJob } from '../../worker/analysis-client.ts';
import { wavBlob } from '../export/export-files.ts';
import { RecordingError, decodeRecording } from './decode-recording.ts';
import type { Recording, ReviewedRecording } from './recording.ts';

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

export class ReviewQueueController implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  items: QueueItem[] = [];
  notices: ReviewNotice[] = [];
  /** The recording on screen. */
  current: ReviewedRecording | null = null;
  private job: AnalysisJob | null = null;
  private pending: { item: QueueItem; file: File; settings: ReviewSettings }[] = [];
  private running = false;
  private nextId = 1;

  constructor(host: ReactiveControllerHost) {
    this.host = host;
    host.addController(this);
  }

  get busy(): boolean {
    return this.running;
  }

  /** The item being worked on, if any. */
  get active(): QueueItem | undefined {
    return this.items.find((item) => item.stage === 'decoding' || item.stage === 'analysing' || item.stage === 'saving');
  }

  hostDisconnected(): void {
    this.cancel();
  }

  /** Queues files for review; a new batch replaces the finished items of the last one. */
  review(files: readonly File[], settings: ReviewSettings): void {
    if (!this.running) this.items = [];
    for (const file of files) {
      const item: QueueItem = { id: this.nextId++, name: file.name, stage: 'waiting', progress: 0 };
      this.items.push(item);
      this.pending.push({ item, file, settings });
    }
    this.changed();
    void this.drain();
  }

  /** Stops the analysis under way and drops the files still waiting. */
  cancel(): void {
    for (const { item } of this.pending) item.stage = 'cancelled';
    this.pending = [];
    this.job?.cancel();
    this.changed();
  }

  dismiss(id: number): void {
    this.notices = this.notices.filter((n) => n.id !== id);
    this.changed();
  }

  /** Shows a saved session; one saved without a report (a practice cut short) is analysed first. */
  async openSession(id: string, locale: Locale): Promise<void> {
    let name = id;
    try {
      const session = await sessionStore.getSession(id);
      name = session.name;
      const channels = await sessionStore.loadAudio(id);
      if ((channels[0]?.length ?? 0) === 0) {
        this.notify({ kind: 'open-failed', name, reason: 'no-audio' });
        return;
      }
      const recording: Recording = { name, channels, sampleRate: session.sampleRate };
      let report = session.report;
      if (!report) {
        const item: QueueItem = { id: this.nextId++, name, stage: 'analysing', progress: 0, sessionId: id };
        this.items = [item];
        report = await this.analyse(item, recording, {}, locale);
        if (!report) return;
        await sessionStore.finishSession(id, { report });
        item.stage = 'done';
      }
      this.current = { ...recording, report, media: wavBlob(channels, session.sampleRate), sessionId: id, ...(session.agent ? { agent: session.agent } : {}) };
    } catch (error) {
      this.notify({ kind: 'open-failed', name, reason: error instanceof StorageError ? error.kind : 'failed' });
    } finally {
      this.changed();
    }
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (let next = this.pending.shift(); next; next = this.pending.shift()) await this.run(next.item, next.file, next.settings);
    } finally {
      this.running = false;
      this.changed();
    }
  }

  private async run(item: QueueItem, file: File, settings: ReviewSettings): Promise<void> {
    item.stage = 'decoding';
    this.changed();
    let recording: Recording;
    try {
      recording = await decodeRecording(file);
    } catch (error) {
      item.stage = 'failed';
      this.notify(error instanceof RecordingError ? { kind: 'recording', error } : { kind: 'analysis-failed', name: file.name, detail: String(error) });
      return;
    }
    if (item.stage !== 'decoding') return; // cancelled while decoding
    const source = { name: file.name, channels: recording.channels.length, ...(file.type ? { format: file.type } : {}) };
    const report = await this.analyse(item, recording, settings.roles, settings.locale, source);
    if (!report) return;
    const agent = settings.agent.trim();
    const reviewed: ReviewedRecording = { ...recording, report, media: file, ...(agent ? { agent } : {}) };
    this.current = reviewed;
    item.stage = 'saving';
    this.changed();
    try {
      const summary = await sessionStore.saveRecording(
        { kind: 'review', name: file.name, sampleRate: recording.sampleRate, channels: recording.channels.length, ...(agent ? { agent } : {}) },
        recording.channels,
        report,
      );
      reviewed.sessionId = summary.id;
      item.sessionId = summary.id;
    } catch (error) {
      // The review stays on screen (and can be exported); only keeping it failed.
      this.notify({ kind: 'not-saved', name: file.name, reason: error instanceof StorageError ? error.kind : 'failed' });
    }
    item.stage = 'done';
  }

  /** Runs the Worker on copies of the channels (it takes ownership of what it is given). */
  private async analyse(item: QueueItem, recording: Recording, roles: RoleOptions, locale: Locale, source?: Report['source']): Promise<Report | null> {
    item.stage = 'analysing';
    item.progress = 0;
    this.changed();
    const job = analyzeRecording(
      recording.channels.map((channel) => channel.slice()),
      recording.sampleRate,
      {
        roles,
        options: { coach: { locale }, ...(source ? { source } : {}) },
        onProgress: (fraction) => {
          item.progress = fraction;
          this.changed();
        },
      },
    );
    this.job = job;
    try {
      return await job.result;
    } catch (error) {
      if (error instanceof AnalysisCancelledError) {
        item.stage = 'cancelled';
        this.notify({ kind: 'cancelled', name: recording.name });
      } else {
        item.stage = 'failed';
        this.notify({ kind: 'analysis-failed', name: recording.name, detail: error instanceof Error ? error.message : String(error) });
      }
      return null;
    } finally {
      this.job = null;
    }
  }

  notify(notice: NoticeBody): void {
    this.notices = [...this.notices, { ...notice, id: this.nextId++ }];
    this.changed();
  }

  private changed(): void {
    this.host.requestUpdate();
  }
}
