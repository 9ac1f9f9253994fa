/**
 * One streaming pass over a decoded recording: each decoded chunk goes to the analysis and to the
 * waveform's peaks, then is dropped, so memory does not grow with the recording's length (only
 * the frames, the peaks and the report do). No DOM here: the Worker and Node tests both use it.
 */
import type { ChannelAssignment, RoleOptions } from '../analysis/channel-roles.ts';
import { assignChannels } from '../analysis/channel-roles.ts';
import { RecordingAnalyzer, type RecordingAnalyzerOptions } from '../analysis/recording-analyzer.ts';
import type { Report } from '../report/report-types.ts';
import { PeakAccumulator } from './peaks.ts';
import type { ChunkAnalysis } from './split-analysis.ts';
import type { RecordingNote } from '../report/recording-notes.ts';
import { MAX_ANALYSED_CHANNELS, durationProblem, type RecordingErrorKind } from './recording-checks.ts';

export interface FeedInit {
  sampleRate: number;
  /** Channels in the file; more than two are cut to the first two (with a note). */
  channelCount: number;
  roles?: RoleOptions;
  options?: RecordingAnalyzerOptions;
  /** Expected length, to size the peak arrays once (they grow when it is short). */
  expectedSeconds?: number;
  peaksPerSecond?: number;
  /**
   * Runs the analysis some other way (on two cores: split-analysis.ts); by default one
   * RecordingAnalyzer over all lanes, here.
   */
  analysis?: (assignments: ChannelAssignment[]) => ChunkAnalysis;
}

export interface FeedResult {
  report: Report;
  /** Per analysed channel. */
  peaks: Float32Array[];
  peaksPerSecond: number;
  sampleRate: number;
  /** The analysed channels (1 or 2). */
  channels: number;
  notes: RecordingNote[];
}

export type FeedOutcome = { ok: true; result: FeedResult } | { ok: false; kind: RecordingErrorKind; amount: number };

export class RecordingFeed {
  /** The default analysis: one RecordingAnalyzer over all lanes, on this thread. */
  static inPlace(sampleRate: number, assignments: ChannelAssignment[], options?: RecordingAnalyzerOptions): ChunkAnalysis {
    return inPlace(new RecordingAnalyzer(sampleRate, assignments, options));
  }

  readonly sampleRate: number;
  /** How many of the file's channels are analysed. */
  readonly channels: number;
  private readonly analysis: ChunkAnalysis;
  private readonly peaks: PeakAccumulator;
  private readonly notes: RecordingNote[] = [];
  private frames = 0;

  constructor(init: FeedInit) {
    if (init.channelCount < 1) throw new RangeError('a recording has at least one channel');
    this.sampleRate = init.sampleRate;
    this.channels = Math.min(MAX_ANALYSED_CHANNELS, init.channelCount);
    if (init.channelCount > MAX_ANALYSED_CHANNELS) this.notes.push({ kind: 'channels-picked', channels: init.channelCount });
    const assignments = assignChannels(this.channels, init.roles);
    this.analysis = init.analysis ? init.analysis(assignments) : inPlace(new RecordingAnalyzer(init.sampleRate, assignments, init.options));
    this.peaks = new PeakAccumulator(this.channels, init.sampleRate, init.expectedSeconds, init.peaksPerSecond);
  }

  /** Seconds of audio fed so far. */
  get seconds(): number {
    return this.frames / this.sampleRate;
  }

  /**
   * Feeds `frames` samples of each plane (one per file channel; extra planes are ignored). Await
   * it before the next push: a parallel analysis holds the decoder back when it falls behind.
   */
  push(planes: readonly Float32Array[], frames: number): void | Promise<void> {
    if (frames <= 0) return;
    const used = planes.slice(0, this.channels);
    if (used.length < this.channels || used.some((p) => p.length < frames)) throw new RangeError('a decoded chunk is shorter than it says');
    this.peaks.push(used, 0, frames);
    this.frames += frames;
    return this.analysis.push(used, frames);
  }

  /** Adds a note to the result (the decoder saw the file end early). */
  note(note: RecordingNote): void {
    this.notes.push(note);
  }

  /** The report and peaks, or why there is none (silent, too short). */
  async finish(): Promise<FeedOutcome> {
    const peaks = this.peaks.result();
    // The loudest sample is the loudest peak: no second scan of the audio.
    let loudest = 0;
    for (const lane of peaks) for (const v of lane) if (v > loudest) loudest = v;
    const problem = durationProblem(this.frames, this.sampleRate, loudest);
    if (problem) return { ok: false, ...problem };
    return {
      ok: true,
      result: {
        report: await this.analysis.finish(),
        peaks,
        peaksPerSecond: this.peaks.perSecond,
        sampleRate: this.sampleRate,
        channels: this.channels,
        notes: this.notes,
      },
    };
  }
}

/** RecordingAnalyzer as a ChunkAnalysis. */
function inPlace(analyzer: RecordingAnalyzer): ChunkAnalysis {
  return { push: (planes, frames) => analyzer.push(planes as Float32Array[], 0, frames), finish: () => analyzer.finish() };
}
