import { describe, expect, it } from 'vitest';
import { packReport, unpackReport } from '../../src/report/packed-frames.ts';
import { practiceCallReport } from './ui-report-fixtures.ts';

describe('reports with packed frame lists', () => {
  it('come back equal to the original after a structured clone that moves the buffers', () => {
    const report = practiceCallReport();
    // Values as the report rounds them, and the ones a float32 would not keep.
    report.speakers.agent!.frames.f0Hz = [0, 123.456, 0.001, 499.999, 87.125];
    report.speakers.agent!.frames.levelDb = [-120, -33.333, -0.001, -61.777, -7];
    const original = structuredClone(report);
    const { packed, transfer } = packReport(report);
    expect(packed.speakers.agent!.frames.f0Hz).toBeInstanceOf(Float64Array);
    expect(transfer.length).toBe(2 * Object.keys(report.speakers).length);
    const moved = structuredClone(packed, { transfer });
    // The buffers moved: nothing is left behind to copy.
    expect(packed.speakers.agent!.frames.f0Hz.length).toBe(0);
    expect(unpackReport(moved)).toEqual(original);
    // Packing leaves the report it was given as it was.
    expect(report).toEqual(original);
  });

  it('take a report that was never packed (stored by an older version) as it is', () => {
    const report = practiceCallReport();
    const unpacked = unpackReport(structuredClone(report));
    expect(unpacked).toEqual(report);
    expect(Array.isArray(unpacked.speakers.agent!.frames.f0Hz)).toBe(true);
  });
});
