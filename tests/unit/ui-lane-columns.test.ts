import { describe, expect, it } from 'vitest';
import { laneColumns } from '../../src/ui/review/lane-drawing.ts';
import { practiceCallReport } from './ui-report-fixtures.ts';

function speakerWith(f0Hz: number[], levelDb: number[], meanF0Hz: number) {
  const speaker = structuredClone(practiceCallReport().speakers.agent!);
  speaker.frames = { hopSec: 0.01, startSec: 0, f0Hz, levelDb };
  speaker.summary.meanF0Hz = meanF0Hz;
  return speaker;
}

describe('lane columns', () => {
  // Four columns of 0.02 s: two frames each.
  const view = { start: 0, end: 0.08, width: 4 };

  it('pitch: mean semitones of the voiced frames re the speaker mean; a column with none is a gap', () => {
    const speaker = speakerWith([100, 200, 0, 0, 100, 0, 50, 50], new Array(8).fill(-20), 100);
    const columns = Array.from(laneColumns(speaker, 'pitch', view));
    expect(columns[0]).toBeCloseTo(6, 5); // (0 + 12) / 2
    expect(columns[1]).toBeNaN();
    expect(columns[2]).toBeCloseTo(0, 5); // unvoiced frames do not pull the mean
    expect(columns[3]).toBeCloseTo(-12, 5);
    // Drawn again (a scroll or zoom): the same answer, from the per-report cache.
    expect(Array.from(laneColumns(speaker, 'pitch', view))).toEqual(columns);
  });

  it('pitch follows a changed reference for the same frames', () => {
    const speaker = speakerWith([100, 100, 100, 100, 100, 100, 100, 100], new Array(8).fill(-20), 100);
    expect(laneColumns(speaker, 'pitch', view)[0]).toBeCloseTo(0, 5);
    speaker.summary.meanF0Hz = 200;
    expect(laneColumns(speaker, 'pitch', view)[0]).toBeCloseTo(-12, 5);
  });

  it('loudness: the loudest frame of each column', () => {
    const speaker = speakerWith(new Array(8).fill(0), [-50, -20, -60, -61, -10, -30, -70, -69], 100);
    expect(Array.from(laneColumns(speaker, 'loudness', view))).toEqual([-20, -60, -10, -69]);
  });
});
