/**
 * Cuts the recorder's short blocks into chunks of at most a second and appends them to the sink in
 * order (through an AppendQueue: one write at a time, a failed write retried with the next chunk),
 * so the sink always receives indices 0, 1, 2, … without holes; at most `maxPendingSec` of audio
 * waits in memory, beyond that audio is counted as lost rather than letting a full disk grow the
 * tab's memory without bound.
 */
import { AppendQueue } from './append-queue.ts';
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
  private readonly queue: AppendQueue<PendingChunk>;
  private current: Float32Array[];
  private fill = 0;
  private nextIndex = 0;
  private finished = false;
  private lost = 0;

  constructor(options: ChunkWriterOptions) {
    this.options = { maxPendingSec: 300, finalAttempts: 3, ...options };
    this.current = this.newChunk();
    this.queue = new AppendQueue<PendingChunk>({
      write: (chunk) => this.options.sink.appendAudioChunk(this.options.sessionId, chunk.index, chunk.channels),
      size: (chunk) => chunk.channels[0]?.length ?? 0,
      onFailure: () => this.problem(this.queue.lastFull ? 'full' : 'retrying', this.queue.pendingSize),
    });
  }

  /** Chunks the sink has accepted so far. */
  get chunksWritten(): number {
    return this.queue.writtenCount;
  }

  /** Seconds of audio the sink has accepted so far. */
  get secondsWritten(): number {
    return this.queue.writtenSize / this.options.sampleRate;
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
    await this.queue.settle(this.options.finalAttempts);
    const left = this.queue.pendingSize;
    if (this.queue.takePending().length > 0) {
      this.lost += left;
      this.problem('lost', this.lost);
    }
    return { chunks: this.queue.writtenCount, samples: this.queue.writtenSize, lostSamples: this.lost, full: this.queue.lastFull };
  }

  private problem(kind: WriteProblemKind, samples: number): void {
    const rate = this.options.sampleRate;
    this.options.onProblem?.({ kind, detail: this.queue.lastError, seconds: samples / rate, savedSeconds: this.queue.writtenSize / rate });
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
    if ((this.queue.pendingSize + samples) / this.options.sampleRate > this.options.maxPendingSec) {
      // Storage has failed for minutes: keep memory bounded, and say how much is gone. The index
      // is not used up: the store takes indices without holes, so should it recover, the next
      // chunk follows on (the recording then skips this stretch, as the message says).
      this.lost += samples;
      this.problem('lost', this.lost);
      return;
    }
    this.queue.push({ index: this.nextIndex++, channels });
  }
}
