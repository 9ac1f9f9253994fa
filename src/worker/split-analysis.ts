/**
 * A stereo recording analysed on two cores: the first speaker's channel here (RecordingAnalyzer,
 * as in the single-core case), the second's in a lane Worker, whose core output is added to a
 * SpeakerTrack here; the report is then built from both tracks, as RecordingAnalyzer builds it.
 * Samples go to the lane in half-second pieces (few messages), and at most a few pieces are in
 * flight, so a slow lane holds the decoder back instead of piling up audio in memory.
 */
import type { ChannelAssignment } from '../analysis/channel-roles.ts';
import { createSpeakerTrack, RecordingAnalyzer, type RecordingAnalyzerOptions } from '../analysis/recording-analyzer.ts';
import { SpeakerTrack } from '../analysis/speaker-track.ts';
import { buildReport } from '../report/build-report.ts';
import type { Report } from '../report/report-types.ts';
import type { LaneRequest, LaneResponse } from './lane-messages.ts';

/** Pieces sent to the lane but not yet answered, at most. */
const MAX_IN_FLIGHT = 4;
const PIECE_SEC = 0.5;

/** What the lane Worker looks like from here (a Worker, or a MessagePort in the tests). */
export interface LanePort {
  postMessage(message: LaneRequest, options?: { transfer?: Transferable[] }): void;
  onmessage: ((event: MessageEvent<LaneResponse>) => void) | null;
}

/** Analyses chunks of a recording; the report at the end. */
export interface ChunkAnalysis {
  push(planes: readonly Float32Array[], frames: number): void | Promise<void>;
  finish(): Report | Promise<Report>;
}

export class SplitAnalysis implements ChunkAnalysis {
  private readonly local: RecordingAnalyzer;
  private readonly remote: ChannelAssignment;
  private readonly remoteTrack: SpeakerTrack;
  private readonly assignments: ChannelAssignment[];
  private readonly options: RecordingAnalyzerOptions;
  private readonly sampleRate: number;
  private readonly port: LanePort;
  private piece: Float32Array;
  private filled = 0;
  private inFlight = 0;
  private failure: Error | null = null;
  private wake: (() => void) | null = null;
  private finished: (() => void) | null = null;

  /** `assignments`: two lanes; the second is analysed by the lane behind `port`. */
  constructor(sampleRate: number, assignments: ChannelAssignment[], options: RecordingAnalyzerOptions, port: LanePort) {
    if (assignments.length !== 2) throw new RangeError('a split analysis has two lanes');
    this.sampleRate = sampleRate;
    this.assignments = assignments;
    this.options = options;
    this.remote = assignments[1];
    this.remoteTrack = createSpeakerTrack(options.expectedDurationSec);
    this.local = new RecordingAnalyzer(sampleRate, [assignments[0]], options);
    this.piece = new Float32Array(Math.round(PIECE_SEC * sampleRate));
    this.port = port;
    port.onmessage = (event) => this.receive(event.data);
    port.postMessage({ type: 'start', sampleRate, role: this.remote.role, options });
  }

  async push(planes: readonly Float32Array[], frames: number): Promise<void> {
    this.check();
    const channel = planes[this.remote.channel];
    if (!channel) throw new RangeError(`channel ${this.remote.channel} is missing`);
    for (let at = 0; at < frames; ) {
      const take = Math.min(frames - at, this.piece.length - this.filled);
      this.piece.set(channel.subarray(at, at + take), this.filled);
      this.filled += take;
      at += take;
      if (this.filled === this.piece.length) await this.send();
    }
    // After handing the lane its piece: both cores work on the same stretch at once.
    this.local.push(planes as Float32Array[], 0, frames);
  }

  async finish(): Promise<Report> {
    if (this.filled > 0) await this.send();
    const done = new Promise<void>((resolve) => (this.finished = resolve));
    this.port.postMessage({ type: 'finish' });
    // The local lane's tail, while the remote one finishes; its one-speaker report is not used.
    this.local.finish();
    await done;
    this.check();
    const tracks = this.local.tracks();
    return buildReport({
      tracks: this.assignments.map((a) => ({
        role: a.role,
        channel: a.channel,
        track: a === this.remote ? this.remoteTrack : (tracks.find((t) => t.role === a.role)?.track ?? new SpeakerTrack()),
      })),
      durationSec: this.local.durationSec,
      sampleRate: this.sampleRate,
      source: this.options.source,
      coach: this.options.coach,
    });
  }

  private async send(): Promise<void> {
    while (this.inFlight >= MAX_IN_FLIGHT) {
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.check();
    }
    const length = this.piece.length;
    const full = this.filled === length;
    const samples = full ? this.piece : this.piece.slice(0, this.filled);
    this.inFlight++;
    this.port.postMessage({ type: 'samples', samples }, { transfer: [samples.buffer as ArrayBuffer] });
    // A full piece's buffer moved to the lane (it is empty here now): a fresh one for the next.
    if (full) this.piece = new Float32Array(length);
    this.filled = 0;
  }

  private receive(message: LaneResponse): void {
    if (message.type === 'batch') {
      this.remoteTrack.addBatch(message.frames, message.frameCount, message.events, message.eventCount);
      this.inFlight = Math.max(0, this.inFlight - 1);
    } else if (message.type === 'done') {
      this.finished?.();
    } else {
      this.failure = new Error(`lane worker: ${message.message}`);
      this.finished?.();
    }
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }
}
