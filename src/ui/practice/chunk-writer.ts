/**
 * Cuts the recorder's short blocks into chunks of at most a second and appends them to the sink in
 * order, one write at a time. A failed write is kept and retried with the next chunk (storage that
 * is briefly busy), so the sink always receives indices 0, 1, 2, … without holes; at most
 * `maxPendingSec` of audio waits in memory, beyond that audio is counted as lost rather than
 * letting a full disk grow the tab's memory without bound.
 */
import { StorageError } from '../../storage/storage-errors.ts';
import type { RecordingSink } from './recording-sink.ts';

export type WriteProblemKind = 'retrying' | 'full' | 'lost';

export interface WriteProblem {
  kind: WriteProblemKind;
  /** The storage's own message. */
  detail: string;
  /** Seconds of audio concerned: waiting (retrying) or lost. */
  seconds: number;
  /** Seconds of audio stored so far: the recording is intact up to here. */
  savedSeconds: number;
}

export interface ChunkWriterOptions {
  sink: RecordingSink;
  sessionId: string;
  channelCount: number;
  sampleRate: number;
  /** Samples per channel in a full chunk. */
  chunkLength: number;
  /** Audio held for retrying at most, s. */
  maxPendingSec?: number;
  /** Attempts per chunk at `finish` before it counts as lost. */
  finalAttempts?: number;
  onProblem?: (problem: WriteProblem) => void;
}

export interface ChunkWriterResult {
  chunks: number;
  /** Samples per channel stored. */
  samples: number;
  /** Samples per channel that could not be stored. */
  lostSamples: number;
  /** Whether the last failed write found the storage full (so the loss is about space). */
  full: boolean;
}

interface PendingChunk {
  index: number;
  channels: Float32Array[];
}

export class ChunkWriter {
  private readonly options: Required<Omit<ChunkWriterOptions, 'onProblem'>> & Pick<ChunkWriterOptions, 'onProblem'>;
  private current: Float32Array[];
  private fill = 0;
  private nextIndex = 0;
  private readonly pending: PendingChunk[] = [];
  private pendingSamples = 0;
  private writing: Promise<void> = Promise.resolve();
  private finished = false;
  private writtenChunks = 0;
  private writtenSamples = 0;
  private lost = 0;
  private lastError = '';
  private lastFull = false;

  constructor(options: ChunkWriterOptions) {
    this.options = { maxPendingSec: 300, finalAttempts: 3, ...options };
    this.current = this.newChunk();
  }

  /** Chunks the sink has accepted so far. */
  get chunksWritten(): number {
    return this.writtenChunks;
  }

  /** Seconds of audio the sink has accepted so far. */
  get secondsWritten(): number {
    return this.writtenSamples / this.options.sampleRate;
  }

  /** Takes `length` samples of each channel (the arrays may be reused by the caller afterwards). */
  push(channels: readonly Float32Array[], length: number): void {
    if (this.finished) return;
    const size = this.options.chunkLength;
    let from = 0;
    while (from < length) {
      const take = Math.min(length - from, size - this.fill);
      for (let c = 0; c < this.options.channelCount; c++) {
        const source = channels[c];
        // A missing channel (nothing connected yet) is recorded as silence, keeping channels aligned.
        if (source) this.current[c].set(source.subarray(from, from + take), this.fill);
      }
      this.fill += take;
      from += take;
      if (this.fill === size) this.seal();
    }
  }

  /** Writes what is left (a partial chunk too) and waits for every write; safe to call twice. */
  async finish(): Promise<ChunkWriterResult> {
    if (!this.finished) {
      this.finished = true;
      if (this.fill > 0) this.seal();
    }
    await this.writing;
    for (let attempt = 1; attempt < this.options.finalAttempts && this.pending.length > 0; attempt++) {
      this.kick();
      await this.writing;
    }
    if (this.pending.length > 0) {
      this.lost += this.pendingSamples;
      this.pending.length = 0;
      this.pendingSamples = 0;
      this.problem('lost', this.lost);
    }
    return { chunks: this.writtenChunks, samples: this.writtenSamples, lostSamples: this.lost, full: this.lastFull };
  }

  private problem(kind: WriteProblemKind, samples: number): void {
    const rate = this.options.sampleRate;
    this.options.onProblem?.({ kind, detail: this.lastError, seconds: samples / rate, savedSeconds: this.writtenSamples / rate });
  }

  private newChunk(): Float32Array[] {
    return Array.from({ length: this.options.channelCount }, () => new Float32Array(this.options.chunkLength));
  }

  /** Closes the current chunk (trimmed to what it holds) and queues it. */
  private seal(): void {
    const channels = this.fill === this.options.chunkLength ? this.current : this.current.map((c) => c.slice(0, this.fill));
    const samples = this.fill;
    this.current = this.newChunk();
    this.fill = 0;
    if ((this.pendingSamples + samples) / this.options.sampleRate > this.options.maxPendingSec) {
      // Storage has failed for minutes: keep memory bounded, and say how much is gone. The index
      // is not used up: the store takes indices without holes, so should it recover, the next
      // chunk follows on (the recording then skips this stretch, as the message says).
      this.lost += samples;
      this.problem('lost', this.lost);
      return;
    }
    this.pending.push({ index: this.nextIndex++, channels });
    this.pendingSamples += samples;
    this.kick();
  }

  /** Starts a write pass after the one in progress, if any. */
  private kick(): void {
    this.writing = this.writing.then(() => this.writePending());
  }

  /** Writes pending chunks in order; stops at the first failure (the order must have no holes). */
  private async writePending(): Promise<void> {
    while (this.pending.length > 0) {
      const head = this.pending[0];
      try {
        await this.options.sink.appendAudioChunk(this.options.sessionId, head.index, head.channels);
      } catch (error) {
        this.lastError = error instanceof Error ? error.message : String(error);
        this.lastFull = error instanceof StorageError && error.kind === 'full';
        this.problem(this.lastFull ? 'full' : 'retrying', this.pendingSamples);
        return;
      }
      this.pending.shift();
      const samples = head.channels[0]?.length ?? 0;
      this.pendingSamples -= samples;
      this.writtenChunks++;
      this.writtenSamples += samples;
    }
  }
}
