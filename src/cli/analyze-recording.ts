/** Runs the analysis over a recording: roles, the core, the report. */
import { basename } from 'node:path';
import { assignChannels, type ChannelAssignment, type RoleOptions } from '../analysis/channel-roles.ts';
import { RecordingAnalyzer } from '../analysis/recording-analyzer.ts';
import { AudioInputError } from '../audio/audio-input-error.ts';
import type { AudioStream } from '../audio/audio-stream.ts';
import { openAudioFile } from '../audio/decode-file.ts';
import { MAX_SAMPLE_RATE, MIN_SAMPLE_RATE } from '../dsp/config.ts';
import type { Report } from '../report/report-types.ts';

export interface RecordingAnalysis {
  report: Report;
  /** For the user, about the input and the result; the report itself holds no warnings. */
  warnings: string[];
}

export interface AnalysisHooks {
  /**
   * Called once the file has been opened and its format read, before the first sample: the place
   * to fail early (an unusable --out) or to start a progress display.
   */
  opened?(stream: AudioStream): Promise<void> | void;
  /** Called with the frames analysed so far after each piece. */
  progress?(frames: number): void;
}

/**
 * The whole single-file analysis: opens `path`, analyses it and closes it again, whatever
 * happens. The command's one-file form and every batch worker go through here, so both give the
 * same report and the same errors for the same file. The report's `source.name` is the file name.
 */
export async function analyzeFile(path: string, roles: RoleOptions, hooks: AnalysisHooks = {}): Promise<RecordingAnalysis> {
  const stream = await openAudioFile(path);
  try {
    await hooks.opened?.(stream);
    return await analyzeRecording(stream, roles, basename(path), hooks.progress);
  } finally {
    await stream.close();
  }
}

/**
 * Analyses every piece of `stream`. Everything that can be judged from the format (sample rate,
 * channel count) is checked before the first sample is read, so a bad file fails at once.
 * @param name the recording's name for the report's `source`.
 * @param onProgress called with the frames analysed so far after each piece.
 */
export async function analyzeRecording(
  stream: AudioStream,
  roles: RoleOptions,
  name: string,
  onProgress?: (frames: number) => void,
): Promise<RecordingAnalysis> {
  checkSampleRate(stream.sampleRate);
  const assignments = assignRoles(stream.channelCount, roles);
  const warnings = unusedRoleOptions(stream.channelCount, roles);
  const analyzer = new RecordingAnalyzer(stream.sampleRate, assignments, {
    source: { name, channels: stream.channelCount, format: stream.format },
    ...(stream.expectedFrames !== null ? { expectedDurationSec: stream.expectedFrames / stream.sampleRate } : {}),
  });
  let frames = 0;
  for await (const piece of stream.pieces()) {
    analyzer.push(piece);
    frames += piece[0].length;
    onProgress?.(frames);
  }
  if (frames === 0) throw new AudioInputError('the file holds no audio samples; check that the recording is not empty');
  const report = analyzer.finish();
  warnings.push(...stream.warnings);
  if (Object.values(report.speakers).every((speaker) => !speaker || speaker.speech.length === 0)) {
    warnings.push('no speech was found: the recording is silent or too quiet, so the report is empty');
  }
  return { report, warnings };
}

function checkSampleRate(sampleRate: number): void {
  if (sampleRate < MIN_SAMPLE_RATE || sampleRate > MAX_SAMPLE_RATE) {
    throw new AudioInputError(
      `its sample rate is ${sampleRate} Hz and Luister analyses ${MIN_SAMPLE_RATE}–${MAX_SAMPLE_RATE} Hz; resample it first (sox IN -r 16000 OUT.wav)`,
    );
  }
}

/** assignChannels says plainly what is wrong with the channel count; it is the input's fault here. */
function assignRoles(channelCount: number, roles: RoleOptions): ChannelAssignment[] {
  try {
    return assignChannels(channelCount, roles);
  } catch (error) {
    if (error instanceof RangeError) throw new AudioInputError(error.message);
    throw error;
  }
}

function unusedRoleOptions(channelCount: number, roles: RoleOptions): string[] {
  if (channelCount === 1 && roles.agentChannel !== undefined) {
    return ['--agent-channel is ignored: the recording is mono (use --mono-speaker to say whose voice it is)'];
  }
  if (channelCount === 2 && roles.monoSpeaker !== undefined) {
    return ['--mono-speaker is ignored: the recording is stereo (use --agent-channel to say which channel is the agent)'];
  }
  return [];
}
