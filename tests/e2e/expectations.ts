/**
 * The assertion "a browser run gave the command line's numbers", shared by the dev-server and
 * production-build tests.
 */
import { expect } from 'vitest';
import type { OfflineRun } from './pages/api.ts';
import { differencesBeyond, fieldDifferences, type ReferenceRun } from './reference.ts';

export const F0_TOLERANCE_HZ = 1e-3;
export const LEVEL_TOLERANCE_DB = 1e-3;
/** Frames in a report are rounded to 3 decimals: one unit of that digit. */
export const REPORT_TOLERANCE = 1e-3 + 1e-9;

/**
 * Asserts that an offline worklet run matches the reference frame by frame on every channel, and
 * logs the numbers.
 * @param allFieldsWithin when given, every field of every frame must agree this closely (for
 *   input both hosts decode to the very same samples).
 */
export function expectSameAsCommandLine(run: OfflineRun, reference: ReferenceRun, label: string, allFieldsWithin?: number): void {
  expect(run.decodedLength).toBe(reference.channels[0].length);
  expect(run.tracks.map((t) => t.role)).toEqual(reference.tracks.length === 1 ? ['agent'] : ['agent', 'customer']);
  run.tracks.forEach((track, channel) => {
    const expected = reference.tracks[channel];
    const diffs = fieldDifferences(track, expected);
    console.info(
      `${label}, ${track.role}: ${track.frameCount} frames (reference ${expected.frameCount}), ` +
        `max |Δf0| ${diffs.f0Hz.toExponential(2)} Hz, max |Δlevel| ${diffs.levelDb.toExponential(2)} dB, ` +
        `${run.batches} batches (≤ ${run.maxFramesPerBatch} frames each), warm-up ${run.warmUpMs} ms`,
    );
    expect(track.frameCount).toBe(expected.frameCount);
    expect(diffs.f0Hz).toBeLessThanOrEqual(F0_TOLERANCE_HZ);
    expect(diffs.levelDb).toBeLessThanOrEqual(LEVEL_TOLERANCE_DB);
    expect(track.speech).toEqual(expected.speech);
    expect(track.speechFromEvents).toEqual(expected.speech);
    expect(track.syllableTimes).toEqual(expected.syllableTimes);
    if (allFieldsWithin !== undefined) expect(Math.max(...Object.values(diffs))).toBeLessThanOrEqual(allFieldsWithin);
  });
  expect(differencesBeyond(run.report, reference.report, REPORT_TOLERANCE)).toEqual([]);
}
