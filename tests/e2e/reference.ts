/**
 * The command line's numbers for the browser tests to match: the command line's own file reader
 * and RecordingAnalyzer, run in Node over the same WAV, and the comparisons between two runs.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assignChannels } from '../../src/analysis/channel-roles.ts';
import { RecordingAnalyzer } from '../../src/analysis/recording-analyzer.ts';
import type { SpeakerTrack } from '../../src/analysis/speaker-track.ts';
import { openAudioFile } from '../../src/audio/decode-file.ts';
import { FRAME_FIELD_NAMES, type FrameFieldName } from '../../src/dsp/frame-layout.ts';
import type { Report } from '../../src/report/report-types.ts';
import type { TrackDump } from './pages/api.ts';

export interface ReferenceRun {
  report: Report;
  /** One per channel, in channel order (agent first). */
  tracks: SpeakerTrack[];
  /** The decoded channels the reference was computed from. */
  channels: Float32Array[];
}

/** Reads a WAV with the command line's reader (it reads files, so the bytes go to a temp file). */
export async function decodeLikeCommandLine(wav: Uint8Array): Promise<{ channels: Float32Array[]; sampleRate: number }> {
  const folder = await mkdtemp(join(tmpdir(), 'luister-reference-'));
  try {
    const path = join(folder, 'input.wav');
    await writeFile(path, wav);
    const stream = await openAudioFile(path);
    try {
      const pieces: Float32Array[][] = [];
      // Pieces may be reused by the reader: keep copies.
      for await (const piece of stream.pieces()) pieces.push(piece.map((samples) => samples.slice()));
      return { channels: concatenate(pieces, stream.channelCount), sampleRate: stream.sampleRate };
    } finally {
      await stream.close();
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

function concatenate(pieces: Float32Array[][], channelCount: number): Float32Array[] {
  const length = pieces.reduce((sum, piece) => sum + piece[0].length, 0);
  const channels = Array.from({ length: channelCount }, () => new Float32Array(length));
  let at = 0;
  for (const piece of pieces) {
    piece.forEach((samples, c) => channels[c].set(samples, at));
    at += piece[0].length;
  }
  return channels;
}

/** What the command line does with decoded channels: its channel roles, RecordingAnalyzer. */
export function analyzeLikeCommandLine(channels: Float32Array[], sampleRate: number): ReferenceRun {
  const analyzer = new RecordingAnalyzer(sampleRate, assignChannels(channels.length));
  analyzer.push(channels);
  const report = analyzer.finish();
  return { report, tracks: analyzer.tracks().map((t) => t.track), channels };
}

/** Decodes a WAV and analyses it, both as the command line does. */
export async function analyzeWavLikeCommandLine(wav: Uint8Array): Promise<ReferenceRun> {
  const { channels, sampleRate } = await decodeLikeCommandLine(wav);
  return analyzeLikeCommandLine(channels, sampleRate);
}

/** Largest |a[i] − b[i]| over two equally long series (Infinity when the lengths differ). */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Infinity;
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
  return max;
}

/** Per frame field, the largest difference between a browser run and the reference. */
export function fieldDifferences(dump: TrackDump, reference: SpeakerTrack): Record<FrameFieldName, number> {
  const diffs = {} as Record<FrameFieldName, number>;
  for (const name of FRAME_FIELD_NAMES) diffs[name] = maxAbsDiff(dump.fields[name], reference.fields[name].view());
  return diffs;
}

/**
 * The lag (in frames, 0 ≤ lag ≤ maxLag) at which `live[i]` best matches `reference[i + lag]`:
 * the one with the highest Pearson correlation of the two level contours.
 */
export function alignByLevel(live: ArrayLike<number>, reference: ArrayLike<number>, maxLag: number): { lag: number; correlation: number } {
  let best = { lag: 0, correlation: -Infinity };
  for (let lag = 0; lag <= maxLag && lag + live.length <= reference.length; lag++) {
    const correlation = pearson(live, 0, reference, lag, live.length);
    if (correlation > best.correlation) best = { lag, correlation };
  }
  return best;
}

/**
 * The lag for each live frame, followed window by window from `startLag`. A capture device that
 * falls behind under load drops or repeats a few milliseconds of audio, and from there on the
 * whole capture sits a frame or two off the single best lag; on a gliding pitch that alone moves
 * F0 by more than 1 %. Each window takes the lag, within ±`maxStep` of the window before, whose
 * level contour matches best. `correlations` holds each window's match, so a caller can tell a
 * shifted capture from one that does not match at all.
 */
export function followAlignment(
  live: ArrayLike<number>,
  reference: ArrayLike<number>,
  startLag: number,
  windowFrames: number,
  maxStep: number,
): { lags: Int32Array; correlations: number[] } {
  const lags = new Int32Array(live.length);
  const correlations: number[] = [];
  let lag = startLag;
  // The last window takes the frames left over, so no window is too short to correlate.
  const windows = Math.max(1, Math.floor(live.length / windowFrames));
  for (let w = 0; w < windows; w++) {
    const start = w * windowFrames;
    const length = w === windows - 1 ? live.length - start : windowFrames;
    let best = { lag, correlation: -Infinity };
    for (let candidate = Math.max(0, lag - maxStep); candidate <= lag + maxStep; candidate++) {
      if (start + candidate + length > reference.length) break;
      const correlation = pearson(live, start, reference, start + candidate, length);
      if (correlation > best.correlation) best = { lag: candidate, correlation };
    }
    lag = best.lag;
    correlations.push(best.correlation);
    lags.fill(lag, start, start + length);
  }
  return { lags, correlations };
}

/** Pearson correlation of `length` values of `a` from `aStart` with as many of `b` from `bStart`. */
function pearson(a: ArrayLike<number>, aStart: number, b: ArrayLike<number>, bStart: number, length: number): number {
  let meanA = 0;
  let meanB = 0;
  for (let i = 0; i < length; i++) {
    meanA += a[aStart + i];
    meanB += b[bStart + i];
  }
  meanA /= length;
  meanB /= length;
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < length; i++) {
    const da = a[aStart + i] - meanA;
    const db = b[bStart + i] - meanB;
    ab += da * db;
    aa += da * da;
    bb += db * db;
  }
  return aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : 0;
}

/**
 * Paths where two JSON values differ: numbers by more than `tolerance`, anything else at all.
 * Empty when they agree. Reports round their numbers, so two runs whose frames agree to 1e-7 can
 * still differ by one unit in the last digit where a value sits on a rounding boundary.
 */
export function differencesBeyond(actual: unknown, expected: unknown, tolerance: number, path = '$'): string[] {
  if (typeof actual === 'number' && typeof expected === 'number') {
    return Math.abs(actual - expected) <= tolerance ? [] : [`${path}: ${actual} ≠ ${expected}`];
  }
  if (Array.isArray(actual) && Array.isArray(expected)) {
    if (actual.length !== expected.length) return [`${path}: length ${actual.length} ≠ ${expected.length}`];
    return actual.flatMap((value, i) => differencesBeyond(value, expected[i], tolerance, `${path}[${i}]`));
  }
  if (isRecord(actual) && isRecord(expected)) {
    const keys = new Set([...Object.keys(actual), ...Object.keys(expected)]);
    return [...keys].flatMap((key) => differencesBeyond(actual[key], expected[key], tolerance, `${path}.${key}`));
  }
  return Object.is(actual, expected) ? [] : [`${path}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
