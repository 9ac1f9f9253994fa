import { ChannelAnalyzer } from '../dsp/channel-analyzer.ts';
import type { CoachReportOptions } from '../coach/coach-report.ts';
import { FRAMES_PER_SEC, type CoreSettings, type DeepPartial } from '../dsp/config.ts';
import { CoreOutput } from '../dsp/core-output.ts';
import { buildReport } from '../report/build-report.ts';
import type { Report } from '../report/report-types.ts';
import type { ChannelAssignment } from './channel-roles.ts';
import { SpeakerTrack } from './speaker-track.ts';

/** Samples per core call: the core's scratch buffers are sized for it. */
export const RECORDING_BLOCK = 4096;

export interface RecordingAnalyzerOptions {
  settings?: DeepPartial<CoreSettings>;
  /** Per role, settings that override `settings` (e.g. a speaker's own pitch range). */
  speakerSettings?: Partial<Record<ChannelAssignment['role'], DeepPartial<CoreSettings>>>;
  source?: Report['source'];
  /** Language, norms and agent profile for the report's coaching. */
  coach?: CoachReportOptions;
  /** How long the recording is, when known: the tracks are sized for it once instead of growing. */
  expectedDurationSec?: number;
}

/** One speaker's core, set up as every host of a recording sets it up: their own settings over the call's. */
export function createSpeakerCore(
  sampleRate: number,
  role: ChannelAssignment['role'],
  options: RecordingAnalyzerOptions = {},
): { analyzer: ChannelAnalyzer; output: CoreOutput } {
  const own = options.speakerSettings?.[role];
  const analyzer = new ChannelAnalyzer(sampleRate, { maxBlock: RECORDING_BLOCK, settings: [options.settings ?? {}, own ?? {}] });
  return { analyzer, output: new CoreOutput(analyzer.maxFramesPerBlock) };
}

/** A track for one speaker of a recording of about `durationSec` (default growth when unknown). */
export function createSpeakerTrack(durationSec: number | undefined): SpeakerTrack {
  // A little over the frame count: finish() may add a frame or two.
  return durationSec !== undefined && durationSec > 0 ? new SpeakerTrack(Math.ceil(durationSec * FRAMES_PER_SEC) + 16) : new SpeakerTrack();
}

/**
 * Runs the core over a recording given in pieces (the command line and the file Worker both use
 * it): one ChannelAnalyzer per assigned channel, one SpeakerTrack each, then the report.
 */
export class RecordingAnalyzer {
  readonly sampleRate: number;
  private readonly lanes: { assignment: ChannelAssignment; analyzer: ChannelAnalyzer; output: CoreOutput; track: SpeakerTrack }[];
  private samples = 0;
  private readonly source: Report['source'] | undefined;
  private readonly coach: CoachReportOptions | undefined;

  constructor(sampleRate: number, assignments: ChannelAssignment[], options: RecordingAnalyzerOptions = {}) {
    this.sampleRate = sampleRate;
    this.source = options.source;
    this.coach = options.coach;
    this.lanes = assignments.map((assignment) => ({
      assignment,
      ...createSpeakerCore(sampleRate, assignment.role, options),
      track: createSpeakerTrack(options.expectedDurationSec),
    }));
  }

  /** Analyses `channels[c][start..end)` for every channel (all the same length). */
  push(channels: ArrayLike<number>[], start = 0, end = channels[0]?.length ?? 0): void {
    for (let from = start; from < end; from += RECORDING_BLOCK) {
      const to = Math.min(end, from + RECORDING_BLOCK);
      for (const lane of this.lanes) {
        const data = channels[lane.assignment.channel];
        if (!data) throw new RangeError(`channel ${lane.assignment.channel} is missing`);
        lane.analyzer.process(data, from, to, lane.output);
        lane.track.consume(lane.output);
      }
      this.samples += to - from;
    }
  }

  get durationSec(): number {
    return this.samples / this.sampleRate;
  }

  finish(): Report {
    for (const lane of this.lanes) {
      lane.analyzer.finish(lane.output);
      lane.track.consume(lane.output);
    }
    return buildReport({
      tracks: this.lanes.map((l) => ({ role: l.assignment.role, channel: l.assignment.channel, track: l.track })),
      durationSec: this.durationSec,
      sampleRate: this.sampleRate,
      source: this.source,
      coach: this.coach,
    });
  }

  /** The tracks, for analyses beyond the report (coaching reads the spectral fields). */
  tracks(): { role: ChannelAssignment['role']; track: SpeakerTrack }[] {
    return this.lanes.map((l) => ({ role: l.assignment.role, track: l.track }));
  }
}
