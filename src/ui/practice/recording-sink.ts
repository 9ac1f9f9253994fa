/**
 * Where the practice view writes the call while it runs. The app's SessionStore
 * (src/storage/session-store.ts) satisfies it as it is.
 *
 * Chunks are appended in index order, 0, 1, 2, …, each at most one second per channel
 * (`chunkLength` of src/storage/audio-chunks.ts), channel 0 the agent and channel 1, when there is
 * a customer source, the customer. A session that is never finished (a crash, a closed tab) keeps
 * every chunk appended so far.
 *
 * The analysis frames go the same way, in records of about 10 s per channel (src/analysis/
 * frame-records.ts), so a long call need not hold them all in memory for its report. A sink
 * without the two frame calls still works: the call then keeps its frame records in memory.
 */
import type { FrameRecord } from '../../analysis/frame-records.ts';
import type { RecordingNote } from '../../report/recording-notes.ts';
import type { Report } from '../../report/report-types.ts';
import type { FinishedRecording, NewSession } from '../../storage/session-types.ts';

export interface RecordingSink {
  /** Opens a session for a new recording; resolves with its id. */
  createSession(session: NewSession): Promise<{ id: string }>;
  /** Stores chunk `index` (channels of equal length, at most a second each). */
  appendAudioChunk(sessionId: string, index: number, channels: Float32Array[]): Promise<void>;
  /** Marks the recording complete and stores its report and notes. */
  finishSession(sessionId: string, result: FinishedRecording): Promise<unknown>;
  /** Replaces what the session says about its recording while it is being made. */
  setNotes?(sessionId: string, notes: RecordingNote[]): Promise<void>;
  /** Stores a frame record; a channel's records come in index order, 0, 1, 2, …. */
  appendFrameRecord?(sessionId: string, record: FrameRecord): Promise<void>;
  /** One channel's stored frame records, in index order. */
  loadFrameRecords?(sessionId: string, channel: number): Promise<FrameRecord[]>;
}

interface MemorySession {
  session: NewSession;
  chunks: Float32Array[][];
  frames: FrameRecord[][];
  report: Report | null;
  notes: RecordingNote[];
  finished: boolean;
}

/**
 * A sink that keeps recordings in memory: what the view uses when the app gives it no store (a
 * demo page, the tests). Nothing survives a reload.
 */
export class MemoryRecordingSink implements RecordingSink {
  readonly sessions = new Map<string, MemorySession>();
  private next = 1;

  async createSession(session: NewSession): Promise<{ id: string }> {
    const id = `practice-${this.next++}`;
    this.sessions.set(id, { session, chunks: [], frames: [], report: null, notes: [], finished: false });
    return { id };
  }

  async appendAudioChunk(sessionId: string, index: number, channels: Float32Array[]): Promise<void> {
    const entry = this.sessions.get(sessionId);
    if (!entry) throw new Error(`no session ${sessionId}`);
    if (index !== entry.chunks.length) throw new Error(`chunk ${index} out of order: expected ${entry.chunks.length}`);
    entry.chunks.push(channels);
  }

  async appendFrameRecord(sessionId: string, record: FrameRecord): Promise<void> {
    const entry = this.sessions.get(sessionId);
    if (!entry) throw new Error(`no session ${sessionId}`);
    const records = (entry.frames[record.channel] ??= []);
    if (record.index !== records.length) throw new Error(`frame record ${record.index} out of order: expected ${records.length}`);
    records.push(record);
  }

  async loadFrameRecords(sessionId: string, channel: number): Promise<FrameRecord[]> {
    const entry = this.sessions.get(sessionId);
    if (!entry) throw new Error(`no session ${sessionId}`);
    return [...(entry.frames[channel] ?? [])];
  }

  async setNotes(sessionId: string, notes: RecordingNote[]): Promise<void> {
    const entry = this.sessions.get(sessionId);
    if (!entry) throw new Error(`no session ${sessionId}`);
    entry.notes = notes.map((note) => ({ ...note }));
  }

  async finishSession(sessionId: string, result: FinishedRecording): Promise<void> {
    const entry = this.sessions.get(sessionId);
    if (!entry) throw new Error(`no session ${sessionId}`);
    entry.report = result.report;
    if (result.notes) await this.setNotes(sessionId, result.notes);
    entry.finished = true;
  }
}
