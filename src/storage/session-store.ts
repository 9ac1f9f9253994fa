/**
 * Sessions in IndexedDB: the summary, the report and the audio in chunks, each in its own object
 * store. Every write is its own committed transaction (or a batch of chunks), so when the disk
 * fills up the write that failed is the only thing lost: what was saved before stays.
 *
 * The live practice view records through `createSession` → `appendAudioChunk`… → `finishSession`.
 * The review view stores the chosen file itself before analysing it (`addPendingReview`, status
 * 'analysing'), then adds the report and peaks (`completeReview`): a tab closed in between leaves
 * the file, listed as an interrupted analysis. Reviews saved by older versions of the app hold PCM
 * chunks like practice calls (`saveRecording`); both kinds live in the same stores, so no schema
 * upgrade was needed: a file is one record of the audio store, at index 0, with `file` set.
 *
 * A practice call also stores its analysis frames as it goes (`appendFrameRecord`, records of
 * about 10 s per channel, see src/analysis/frame-records.ts), so the tab keeps only the last
 * minute of them and the report is built from the stored ones at the end. They live in their own
 * store, added in schema version 2; opening an older database adds the store and keeps the rest.
 * They stay with the session (a closed tab leaves them, like the audio) until it is deleted.
 */
import { frameRecordProblem, type FrameRecord } from '../analysis/frame-records.ts';
import { packReport, unpackReport, type PackedReport } from '../report/packed-frames.ts';
import type { RoleOptions } from '../analysis/channel-roles.ts';
import type { RecordingNote } from '../report/recording-notes.ts';
import type { Report } from '../report/report-types.ts';
import { agentFiguresOf } from './agent-figures.ts';
import { chunkProblem, chunksOf, joinChunks } from './audio-chunks.ts';
import { inTransaction, openDatabase, request } from './idb.ts';
import { StorageError } from './storage-errors.ts';
import { requestPersistence } from './storage-space.ts';
import type { CoachComment, FileAnalysis, FinishedRecording, NewSession, Session, SessionChange, SessionSummary, StoredFile } from './session-types.ts';

const SESSIONS = 'sessions';
const REPORTS = 'reports';
const AUDIO = 'audio';
const FRAMES = 'frames';
const ALL_STORES = [SESSIONS, REPORTS, AUDIO, FRAMES];
/** Version 1: sessions, reports, audio. Version 2: frames. */
const SCHEMA_VERSION = 2;

/** Chunks written per transaction by `saveRecording`: a minute of audio. */
const CHUNKS_PER_BATCH = 60;

interface ReportRecord {
  sessionId: string;
  /**
   * Frame lists packed as typed arrays (see packed-frames.ts): put() clones its value on the
   * page's main thread, and an hour-long review's lists took 0.3–0.5 s as numbers. Records written
   * by older versions hold plain lists; reading takes both.
   */
  report: PackedReport | Report;
}

interface AudioRecord {
  sessionId: string;
  index: number;
  channels: Float32Array[];
}

/** A reviewed file: the one audio record of a session whose `audio` is 'file'. */
interface FileRecord extends StoredFile {
  sessionId: string;
  index: 0;
}

function isFileRecord(record: AudioRecord | FileRecord | undefined): record is FileRecord {
  return record !== undefined && 'file' in record;
}

/** All chunks of one session: keys [id, 0] … [id, +∞]. */
function audioRange(sessionId: string): IDBKeyRange {
  return IDBKeyRange.bound([sessionId, 0], [sessionId, Infinity]);
}

interface FrameRecordRow extends FrameRecord {
  sessionId: string;
}

/** Frame records of one session, keyed [id, channel, index]: one channel's, or all of them. */
function frameRange(sessionId: string, channel?: number): IDBKeyRange {
  return channel === undefined
    ? IDBKeyRange.bound([sessionId, 0, 0], [sessionId, Infinity, Infinity])
    : IDBKeyRange.bound([sessionId, channel, 0], [sessionId, channel, Infinity]);
}

/**
 * `summary` with the list `key` replaced: none when the list is empty, unchanged when there is no
 * list (a call finished later without its notes keeps those stored while it ran). Copies, so no
 * caller's array is kept.
 */
function withList<K extends 'notes' | 'comments'>(summary: SessionSummary, key: K, items: SessionSummary[K]): SessionSummary {
  if (items === undefined) return summary;
  const rest: SessionSummary = { ...summary };
  delete rest[key];
  return items.length > 0 ? { ...rest, [key]: items.map((item) => ({ ...item })) } : rest;
}

/** `summary` saying `notes` about its recording (see withList). */
function withNotes(summary: SessionSummary, notes: RecordingNote[] | undefined): SessionSummary {
  return withList(summary, 'notes', notes);
}

export class SessionStore {
  readonly databaseName: string;
  private db: Promise<IDBDatabase> | null = null;
  private readonly listeners = new Set<(change: SessionChange) => void>();
  /** Tells the app's other tabs; null where BroadcastChannel is missing. */
  private readonly channel: BroadcastChannel | null;

  constructor(databaseName = 'luister') {
    this.databaseName = databaseName;
    this.channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(`${databaseName}-sessions`) : null;
    if (this.channel) this.channel.onmessage = (event: MessageEvent<SessionChange>) => this.deliver(event.data);
  }

  /** Calls `listener` after every change, in this tab or another; returns the unsubscribe. */
  onChange(listener: (change: SessionChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async createSession(init: NewSession): Promise<SessionSummary> {
    if (init.channels < 1 || init.channels > 2) throw new StorageError('invalid', `a session has 1 or 2 channels, got ${init.channels}`);
    if (!(init.sampleRate > 0)) throw new StorageError('invalid', `invalid sample rate ${init.sampleRate}`);
    const summary: SessionSummary = {
      id: crypto.randomUUID(),
      kind: init.kind,
      name: init.name,
      ...(init.agent ? { agent: init.agent } : {}),
      createdAt: init.createdAt ?? Date.now(),
      durationSec: 0,
      sampleRate: init.sampleRate,
      channels: init.channels,
      status: 'recording',
      chunkCount: 0,
      samples: 0,
    };
    const db = await this.open();
    await inTransaction(db, [SESSIONS], 'readwrite', (tx) => request(tx.objectStore(SESSIONS).add(summary)));
    void requestPersistence();
    this.notify({ type: 'created', id: summary.id });
    return summary;
  }

  /**
   * Stores chunk `index` (at most one second per channel). Chunks are appended in order: `index`
   * must be the session's `chunkCount`, so a retry after a failure cannot leave a hole.
   * @throws StorageError 'full' when the disk is full; the chunks stored before stay.
   */
  async appendAudioChunk(sessionId: string, index: number, channels: Float32Array[]): Promise<void> {
    await this.appendChunks(sessionId, index, [channels]);
  }

  /**
   * Stores one frame record of a call being recorded. A channel's records come in index order
   * (record `index` needs record `index - 1`), so what is stored never has a hole.
   * @throws StorageError 'full' when the disk is full; the records stored before stay.
   */
  async appendFrameRecord(sessionId: string, record: FrameRecord): Promise<void> {
    const db = await this.open();
    await inTransaction(db, [SESSIONS, FRAMES], 'readwrite', async (tx) => {
      const current = await this.summaryIn(tx, sessionId);
      if (current.status !== 'recording' || current.audio === 'file') throw new StorageError('invalid', 'the session is finished; it takes no more frames');
      const problem = frameRecordProblem(record, current.channels);
      if (problem) throw new StorageError('invalid', problem);
      const frames = tx.objectStore(FRAMES);
      if (record.index > 0) {
        const before = await request(frames.getKey([sessionId, record.channel, record.index - 1]));
        if (before === undefined) throw new StorageError('invalid', `frame records are appended in order: record ${record.index - 1} of channel ${record.channel} is missing`);
      }
      const row: FrameRecordRow = {
        sessionId,
        channel: record.channel,
        index: record.index,
        firstFrame: record.firstFrame,
        frameCount: record.frameCount,
        // Copies own their buffer: a view on larger memory would clone all of it.
        frames: new Float32Array(record.frames),
        events: new Float64Array(record.events),
      };
      await request(frames.add(row));
    });
  }

  /** One channel's frame records of a session, in index order (none for a session without). */
  async loadFrameRecords(sessionId: string, channel: number): Promise<FrameRecord[]> {
    const db = await this.open();
    const rows = await inTransaction(db, [FRAMES], 'readonly', (tx) => request<FrameRecordRow[]>(tx.objectStore(FRAMES).getAll(frameRange(sessionId, channel))));
    return rows.map(({ channel: c, index, firstFrame, frameCount, frames, events }) => ({ channel: c, index, firstFrame, frameCount, frames, events }));
  }

  /**
   * Marks the session complete with its report and what the user was told about the recording;
   * the duration defaults to the audio stored.
   */
  async finishSession(sessionId: string, result: FinishedRecording): Promise<SessionSummary> {
    const db = await this.open();
    const summary = await inTransaction(db, [SESSIONS, REPORTS], 'readwrite', async (tx) => {
      const current = await this.summaryIn(tx, sessionId);
      const figures = agentFiguresOf(result.report);
      const finished = withNotes(
        {
          ...current,
          status: 'complete',
          durationSec: result.durationSec ?? current.samples / current.sampleRate,
          ...(figures ? { figures } : {}),
        },
        result.notes,
      );
      if (result.report) await request(tx.objectStore(REPORTS).put({ sessionId, report: packReport(result.report).packed } satisfies ReportRecord));
      await request(tx.objectStore(SESSIONS).put(finished));
      return finished;
    });
    this.notify({ type: 'updated', id: sessionId });
    return summary;
  }

  /**
   * Saves a whole recording and its report as one session. When it cannot be stored completely
   * (a full disk) the partial session is removed again, so no half session is left behind; the
   * sessions saved before are untouched either way.
   */
  async saveRecording(init: NewSession, channels: Float32Array[], report: Report): Promise<SessionSummary> {
    const summary = await this.createSession({ ...init, channels: channels.length });
    try {
      let batch: Float32Array[][] = [];
      let index = 0;
      for (const chunk of chunksOf(channels, init.sampleRate)) {
        batch.push(chunk);
        if (batch.length === CHUNKS_PER_BATCH) {
          await this.appendChunks(summary.id, index, batch);
          index += batch.length;
          batch = [];
        }
      }
      if (batch.length > 0) await this.appendChunks(summary.id, index, batch);
      return await this.finishSession(summary.id, { report, durationSec: report.durationSec });
    } catch (error) {
      await this.deleteSession(summary.id).catch(() => undefined);
      throw error;
    }
  }

  /**
   * Stores a chosen file before it is analysed, as a review session with status 'analysing'. One
   * transaction: when the disk is full nothing of it stays.
   */
  async addPendingReview(init: { name: string; agent?: string; roles?: RoleOptions; createdAt?: number; id?: string }, file: Blob): Promise<SessionSummary> {
    const summary: SessionSummary = {
      id: init.id ?? crypto.randomUUID(),
      kind: 'review',
      name: init.name,
      ...(init.agent ? { agent: init.agent } : {}),
      ...(init.roles ? { roles: { ...init.roles } } : {}),
      createdAt: init.createdAt ?? Date.now(),
      durationSec: 0,
      sampleRate: 0,
      channels: 0,
      status: 'analysing',
      audio: 'file',
      chunkCount: 0,
      samples: 0,
    };
    const record: FileRecord = { sessionId: summary.id, index: 0, file, peaks: null, peaksPerSecond: 0 };
    const db = await this.open();
    await inTransaction(db, [SESSIONS, AUDIO], 'readwrite', async (tx) => {
      await request(tx.objectStore(SESSIONS).add(summary));
      await request(tx.objectStore(AUDIO).add(record));
    });
    void requestPersistence();
    this.notify({ type: 'created', id: summary.id });
    return summary;
  }

  /**
   * Adds the finished analysis of a stored file: report, peaks, and the recording's facts. Also
   * replaces an earlier analysis, when the file is analysed again with other channel roles.
   */
  async completeReview(sessionId: string, analysis: FileAnalysis): Promise<SessionSummary> {
    const db = await this.open();
    const summary = await inTransaction(db, [SESSIONS, REPORTS, AUDIO], 'readwrite', async (tx) => {
      const current = await this.summaryIn(tx, sessionId);
      const record = await request<AudioRecord | FileRecord | undefined>(tx.objectStore(AUDIO).get([sessionId, 0]));
      if (current.audio !== 'file' || !isFileRecord(record)) throw new StorageError('invalid', 'the session holds no file');
      // An analysis run again (agent and customer swapped) may find no agent: its old figures go.
      const { figures: _earlier, ...unfinished } = current;
      const figures = agentFiguresOf(analysis.report);
      const finished = withNotes(
        {
          ...unfinished,
          status: 'complete',
          sampleRate: analysis.sampleRate,
          channels: analysis.channels,
          durationSec: analysis.report.durationSec,
          samples: Math.round(analysis.report.durationSec * analysis.sampleRate),
          ...(figures ? { figures } : {}),
          ...(analysis.roles ? { roles: { ...analysis.roles } } : {}),
        },
        analysis.notes,
      );
      const peaks = analysis.peaks.map((p) => new Float32Array(p));
      await request(tx.objectStore(AUDIO).put({ ...record, peaks, peaksPerSecond: analysis.peaksPerSecond } satisfies FileRecord));
      await request(tx.objectStore(REPORTS).put({ sessionId, report: packReport(analysis.report).packed } satisfies ReportRecord));
      await request(tx.objectStore(SESSIONS).put(finished));
      return finished;
    });
    this.notify({ type: 'updated', id: sessionId });
    return summary;
  }

  /**
   * Replaces what the session says about its recording: a practice call keeps its skipped
   * stretches as they happen, so a tab closed mid-call leaves them with the audio.
   */
  async setNotes(sessionId: string, notes: RecordingNote[]): Promise<void> {
    const db = await this.open();
    await inTransaction(db, [SESSIONS], 'readwrite', async (tx) => {
      await request(tx.objectStore(SESSIONS).put(withNotes(await this.summaryIn(tx, sessionId), notes)));
    });
    this.notify({ type: 'updated', id: sessionId });
  }

  /**
   * Replaces the coach's comments on a session, in time order. Refused (StorageError 'full') when
   * the disk is full: the caller keeps what was typed.
   */
  async setComments(sessionId: string, comments: readonly CoachComment[]): Promise<SessionSummary> {
    const sorted = [...comments].sort((a, b) => a.atSec - b.atSec || a.createdAt - b.createdAt);
    const db = await this.open();
    const summary = await inTransaction(db, [SESSIONS], 'readwrite', async (tx) => {
      const updated = withList(await this.summaryIn(tx, sessionId), 'comments', sorted);
      await request(tx.objectStore(SESSIONS).put(updated));
      return updated;
    });
    this.notify({ type: 'updated', id: sessionId });
    return summary;
  }

  /** The stored file of a review session (see `addPendingReview`). */
  async loadFile(id: string): Promise<StoredFile> {
    const db = await this.open();
    return inTransaction(db, [AUDIO], 'readonly', async (tx) => {
      const record = await request<AudioRecord | FileRecord | undefined>(tx.objectStore(AUDIO).get([id, 0]));
      if (!isFileRecord(record)) throw new StorageError('not-found', `session ${id} holds no file`);
      return { file: record.file, peaks: record.peaks, peaksPerSecond: record.peaksPerSecond };
    });
  }

  /** Every session, newest first, without reports or audio. */
  async listSessions(): Promise<SessionSummary[]> {
    const db = await this.open();
    const all = await inTransaction(db, [SESSIONS], 'readonly', (tx) => request<SessionSummary[]>(tx.objectStore(SESSIONS).getAll()));
    return all.sort((a, b) => b.createdAt - a.createdAt);
  }

  async getSession(id: string): Promise<Session> {
    const db = await this.open();
    return inTransaction(db, [SESSIONS, REPORTS], 'readonly', async (tx) => {
      const summary = await this.summaryIn(tx, id);
      const record = await request<ReportRecord | undefined>(tx.objectStore(REPORTS).get(id));
      return { ...summary, report: record ? unpackReport(record.report) : null };
    });
  }

  /** The session's audio, one array per channel; for a session that holds a file, see `loadFile`. */
  async loadAudio(id: string): Promise<Float32Array[]> {
    const db = await this.open();
    return inTransaction(db, [SESSIONS, AUDIO], 'readonly', async (tx) => {
      const summary = await this.summaryIn(tx, id);
      if (summary.audio === 'file') throw new StorageError('invalid', `session ${id} holds a file, not samples`);
      const records = await request<AudioRecord[]>(tx.objectStore(AUDIO).getAll(audioRange(id)));
      // Keys sort by index already; joinChunks trusts that order.
      return joinChunks(records.map((r) => r.channels), summary.channels);
    });
  }

  /** Renames the session and/or sets its agent (an empty agent removes it). */
  async updateSession(id: string, changes: { name?: string; agent?: string }): Promise<SessionSummary> {
    const db = await this.open();
    const updated = await inTransaction(db, [SESSIONS], 'readwrite', async (tx) => {
      const current = await this.summaryIn(tx, id);
      const next: SessionSummary = { ...current };
      if (changes.name !== undefined) {
        const name = changes.name.trim();
        if (!name) throw new StorageError('invalid', 'a session needs a name');
        next.name = name;
      }
      if (changes.agent !== undefined) {
        const agent = changes.agent.trim();
        if (agent) next.agent = agent;
        else delete next.agent;
      }
      await request(tx.objectStore(SESSIONS).put(next));
      return next;
    });
    this.notify({ type: 'updated', id });
    return updated;
  }

  async deleteSession(id: string): Promise<void> {
    const db = await this.open();
    await inTransaction(db, ALL_STORES, 'readwrite', async (tx) => {
      await request(tx.objectStore(SESSIONS).delete(id));
      await request(tx.objectStore(REPORTS).delete(id));
      await request(tx.objectStore(AUDIO).delete(audioRange(id)));
      await request(tx.objectStore(FRAMES).delete(frameRange(id)));
    });
    this.notify({ type: 'deleted', id });
  }

  /** Removes every session, report and recording. */
  async deleteAllData(): Promise<void> {
    const db = await this.open();
    await inTransaction(db, ALL_STORES, 'readwrite', async (tx) => {
      for (const store of ALL_STORES) await request(tx.objectStore(store).clear());
    });
    this.notify({ type: 'cleared' });
  }

  /** Closes the connection (tests; a page that is going away). */
  async close(): Promise<void> {
    const db = this.db;
    this.db = null;
    if (db) (await db.catch(() => null))?.close();
  }

  private async appendChunks(sessionId: string, firstIndex: number, chunks: Float32Array[][]): Promise<void> {
    const db = await this.open();
    await inTransaction(db, [SESSIONS, AUDIO], 'readwrite', async (tx) => {
      const current = await this.summaryIn(tx, sessionId);
      if (current.status !== 'recording' || current.audio === 'file') throw new StorageError('invalid', 'the session is finished; it takes no more audio');
      if (firstIndex !== current.chunkCount) {
        throw new StorageError('invalid', `chunks are appended in order: expected chunk ${current.chunkCount}, got ${firstIndex}`);
      }
      let samples = current.samples;
      const audio = tx.objectStore(AUDIO);
      for (const [offset, channels] of chunks.entries()) {
        const problem = chunkProblem(channels, current.channels, current.sampleRate);
        if (problem) throw new StorageError('invalid', problem);
        // Copies own their buffer: a view on shared or larger memory would clone all of it.
        const record: AudioRecord = { sessionId, index: firstIndex + offset, channels: channels.map((c) => new Float32Array(c)) };
        await request(audio.add(record));
        samples += channels[0].length;
      }
      const next: SessionSummary = {
        ...current,
        chunkCount: firstIndex + chunks.length,
        samples,
        durationSec: samples / current.sampleRate,
      };
      await request(tx.objectStore(SESSIONS).put(next));
    });
  }

  private async summaryIn(tx: IDBTransaction, id: string): Promise<SessionSummary> {
    const summary = await request<SessionSummary | undefined>(tx.objectStore(SESSIONS).get(id));
    if (!summary) throw new StorageError('not-found', `no session ${id}`);
    return summary;
  }

  private open(): Promise<IDBDatabase> {
    if (!this.db) {
      this.db = openDatabase({
        name: this.databaseName,
        version: SCHEMA_VERSION,
        // Each step only adds: a database of an older version keeps every session it holds.
        upgrade: (db, oldVersion) => {
          if (oldVersion < 1) {
            db.createObjectStore(SESSIONS, { keyPath: 'id' });
            db.createObjectStore(REPORTS, { keyPath: 'sessionId' });
            db.createObjectStore(AUDIO, { keyPath: ['sessionId', 'index'] });
          }
          if (oldVersion < 2) db.createObjectStore(FRAMES, { keyPath: ['sessionId', 'channel', 'index'] });
        },
      });
      // A failed open is not kept: the next call tries again (e.g. after the user freed space).
      this.db.catch(() => {
        this.db = null;
      });
    }
    return this.db;
  }

  private notify(change: SessionChange): void {
    this.deliver(change);
    this.channel?.postMessage(change);
  }

  private deliver(change: SessionChange): void {
    for (const listener of this.listeners) listener(change);
  }
}

/** The app's store. */
export const sessionStore = new SessionStore();
