/**
 * The analysis frames of a practice call, stored as the call goes so the tab need not hold them:
 * each channel's batches are joined into records of about 10 s (FrameRecorder) and appended to the
 * sink in order (AppendQueue, as the audio chunks). At the end `tracks` reads them back into whole
 * SpeakerTracks for the report.
 *
 * Nothing is dropped: a record the sink cannot take yet (a busy or full disk) waits in memory and
 * is retried with the next one, and the report takes it from memory at the end. So the report
 * always covers the whole call, and memory grows only while storage fails (at about 5 kB per
 * channel per second, a thirtieth of the audio). A sink without frame storage keeps every record
 * in memory the same way.
 */
import { FrameRecorder, trackFromRecords, type FrameRecord } from '../../analysis/frame-records.ts';
import type { SpeakerTrack } from '../../analysis/speaker-track.ts';
import type { ChannelBatch } from '../../live/messages.ts';
import { AppendQueue } from './append-queue.ts';
import type { RecordingSink } from './recording-sink.ts';

export interface FrameWriterOptions {
  sink: RecordingSink;
  sessionId: string;
  channelCount: number;
  /** Attempts per waiting record at `finish` before it stays in memory only. */
  finalAttempts?: number;
}

/** The part of a sink that stores frames. */
type FrameStore = Required<Pick<RecordingSink, 'appendFrameRecord' | 'loadFrameRecords'>>;

export class FrameWriter {
  private readonly sessionId: string;
  private readonly finalAttempts: number;
  private readonly store: FrameStore | null;
  private readonly recorders: FrameRecorder[];
  private readonly queue: AppendQueue<FrameRecord> | null;
  /** Records only in memory: all of them without a store; after `finish`, those never stored. */
  private readonly kept: FrameRecord[] = [];
  private warned = false;
  private finished = false;

  constructor(options: FrameWriterOptions) {
    this.sessionId = options.sessionId;
    this.finalAttempts = options.finalAttempts ?? 3;
    const { sink } = options;
    this.store = sink.appendFrameRecord && sink.loadFrameRecords ? { appendFrameRecord: sink.appendFrameRecord.bind(sink), loadFrameRecords: sink.loadFrameRecords.bind(sink) } : null;
    const store = this.store;
    this.queue = store
      ? new AppendQueue<FrameRecord>({
          write: (record) => store.appendFrameRecord(this.sessionId, record),
          size: (record) => record.frameCount,
          onFailure: () => this.onFailure(),
        })
      : null;
    this.recorders = Array.from({ length: options.channelCount }, (_, channel) => new FrameRecorder(channel, (record) => this.take(record)));
  }

  /** Records the sink has stored so far (all channels). */
  get recordsStored(): number {
    return this.queue?.writtenCount ?? 0;
  }

  /** Records held in memory because the sink has not (yet) stored them. */
  get recordsInMemory(): number {
    return this.kept.length + (this.queue?.pendingCount ?? 0);
  }

  /** Takes one channel's batch as the analysis delivered it (its arrays may be reused afterwards). */
  push(channel: number, batch: ChannelBatch): void {
    if (this.finished) return;
    this.recorders[channel].add(batch.firstFrame, batch.frames, batch.frameCount, batch.events, batch.eventCount);
  }

  /** Stores what is left and waits for every write; safe to call twice. */
  async finish(): Promise<void> {
    if (!this.finished) {
      this.finished = true;
      for (const recorder of this.recorders) recorder.flush();
    }
    if (!this.queue) return;
    await this.queue.settle(this.finalAttempts);
    this.kept.push(...this.queue.takePending());
  }

  /**
   * Every channel's whole track, from storage and memory, one channel at a time so only one
   * channel's records are held besides the tracks. `expectedFrames` (per channel) is what the live
   * tracks counted: a mismatch throws rather than give a report over part of the call.
   */
  async tracks(expectedFrames: readonly number[]): Promise<SpeakerTrack[]> {
    await this.finish();
    const tracks: SpeakerTrack[] = [];
    for (let channel = 0; channel < this.recorders.length; channel++) {
      const stored = this.store ? await this.store.loadFrameRecords(this.sessionId, channel) : [];
      const kept = this.kept.filter((r) => r.channel === channel);
      tracks.push(trackFromRecords([...stored, ...kept], expectedFrames[channel]));
    }
    return tracks;
  }

  private take(record: FrameRecord): void {
    if (this.queue) this.queue.push(record);
    else this.kept.push(record);
  }

  private onFailure(): void {
    // The user hears about a failing disk from the audio, which needs 30 times the room and fails
    // first; the frames lose nothing (they wait in memory), so one line for the console is enough.
    if (this.warned || !this.queue) return;
    this.warned = true;
    console.warn(`analysis frames wait in memory: storage ${this.queue.lastFull ? 'is full' : 'failed'} (${this.queue.lastError})`);
  }
}
