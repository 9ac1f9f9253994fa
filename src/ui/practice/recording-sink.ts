/**
 * Where the practice view writes the call while it runs. The app's SessionStore
 * (src/storage/session-store.ts) satisfies it as it is; the view needs only these three calls.
 *
 * Chunks are appended in index order, 0, 1, 2, …, each at most one second per channel
 * (`chunkLength` of src/storage/audio-chunks.ts), channel 0 the agent and channel 1, when there is
 * a customer source, the customer. A session that is never finished (a crash, a closed tab) keeps
 * every chunk appended so far.
 */
import type { Report } from '../../report/report-types.ts';
import type { NewSession } from '../../storage/session-types.ts';

export interface RecordingSink {
  /** Opens a session for a new recording; resolves with its id. */
  createSession(session: NewSession): Promise<{ id: string }>;
  /** Stores chunk `index` (channels of equal length, at most a second each). */
  appendAudioChunk(sessionId: string, index: number, channels: Float32Array[]): Promise<void>;
  /** Marks the recording complete and stores its report (null when none could be made). */
  finishSession(sessionId: string, result: { report: Report | null; durationSec?: number }): Promise<unknown>;
}

interface MemorySession {
  session: NewSession;
  chunks: Float32Array[][];
  report: Report | null;
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
    this.sessions.set(id, { session, chunks: [], report: null, finished: false });
    return { id };
  }

  async appendAudioChunk(sessionId: string, index: number, channels: Float32Array[]): Promise<void> {
    const entry = this.sessions.get(sessionId);
    if (!entry) throw new Error(`no session ${sessionId}`);
    if (index !== entry.chunks.length) throw new Error(`chunk ${index} out of order: expected ${entry.chunks.length}`);
    entry.chunks.push(channels);
  }

  async finishSession(sessionId: string, result: { report: Report | null; durationSec?: number }): Promise<void> {
    const entry = this.sessions.get(sessionId);
    if (!entry) throw new Error(`no session ${sessionId}`);
    entry.report = result.report;
    entry.finished = true;
  }
}
