import { describe, expect, it } from 'vitest';
import { hzToSemitones, medianVoicedHz, semitonesToHz, semitoneToY } from '../../src/ui/practice/pitch-scale.ts';

describe('semitones for the pitch trace', () => {
  it('counts 12 semitones per octave, either way', () => {
    expect(hzToSemitones(200, 100)).toBeCloseTo(12, 10);
    expect(hzToSemitones(50, 100)).toBeCloseTo(-12, 10);
    expect(hzToSemitones(100, 100)).toBe(0);
    // A fifth (3:2) is about 7.02 semitones.
    expect(hzToSemitones(150, 100)).toBeCloseTo(7.0196, 3);
  });

  it('converts back', () => {
    for (const st of [-9.5, -1, 0, 3.3, 14]) expect(hzToSemitones(semitonesToHz(st, 123), 123)).toBeCloseTo(st, 10);
  });

  it('takes the median of the voiced frames only', () => {
    expect(medianVoicedHz([0, 100, 0, 120, 110, 0])).toBe(110);
    // Even count: the geometric mean of the middle two (the middle on a semitone scale).
    expect(medianVoicedHz([100, 400])).toBeCloseTo(200, 10);
    expect(medianVoicedHz([0, 0, 0])).toBe(0);
    // One octave error does not move the median.
    expect(medianVoicedHz([100, 101, 99, 100, 400])).toBe(100);
    expect(medianVoicedHz([100, 200, 300, 400], 1, 3)).toBeCloseTo(Math.sqrt(200 * 300), 10);
  });

  it('maps semitones to rows, with the reference in the middle and the range at the edges', () => {
    expect(semitoneToY(0, 12, 100)).toBe(50);
    expect(semitoneToY(12, 12, 100)).toBe(0);
    expect(semitoneToY(-12, 12, 100)).toBe(100);
    expect(semitoneToY(6, 12, 100)).toBe(25);
    expect(semitoneToY(30, 12, 100)).toBe(0);
    expect(semitoneToY(-30, 12, 100)).toBe(100);
  });
});
