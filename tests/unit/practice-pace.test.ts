import { describe, expect, it } from 'vitest';
import { countWithin, paceAt, PACE_LAG_SEC, speechWithin } from '../../src/ui/practice/pace.ts';

/** Syllables every `interval` s from `from` to `to` (exclusive). */
function syllables(from: number, to: number, interval: number): number[] {
  const times: number[] = [];
  for (let t = from; t < to - 1e-9; t += interval) times.push(Math.round(t * 1000) / 1000);
  return times;
}

describe('pace from syllable times', () => {
  it('is syllables per second of speech over the window', () => {
    // 6 syllables/s of continuous speech from 0 to 10 s.
    const pace = paceAt({ syllableTimes: syllables(0.05, 10, 1 / 6), speech: [{ start: 0, end: 10 }], openSpeechStart: null, nowSec: 10 }, { lagSec: 0 });
    expect(pace).toBeCloseTo(6, 1);
  });

  it('leaves pauses out: speaking fast with long pauses is still fast', () => {
    // 1 s turns at 7 syllables/s with 1 s pauses in between.
    const speech = [0, 2, 4, 6, 8].map((start) => ({ start, end: start + 1 }));
    const times = speech.flatMap((s) => syllables(s.start + 0.05, s.end, 1 / 7));
    const pace = paceAt({ syllableTimes: times, speech, openSpeechStart: null, nowSec: 9.5 }, { windowSec: 5, lagSec: 0 });
    expect(pace).toBeCloseTo(7, 0);
  });

  it('counts the segment still going on up to now', () => {
    const pace = paceAt({ syllableTimes: syllables(3.1, 6, 0.25), speech: [], openSpeechStart: 3, nowSec: 6 }, { windowSec: 5, lagSec: 0 });
    expect(pace).toBeCloseTo(12 / 3, 1);
  });

  it('gives no number for too little speech in the window', () => {
    expect(paceAt({ syllableTimes: [1.1, 1.3], speech: [{ start: 1, end: 1.5 }], openSpeechStart: null, nowSec: 3 })).toBeNull();
    expect(paceAt({ syllableTimes: [], speech: [], openSpeechStart: null, nowSec: 0.1 })).toBeNull();
    // Speech long gone out of the window.
    expect(paceAt({ syllableTimes: syllables(0, 4, 0.2), speech: [{ start: 0, end: 4 }], openSpeechStart: null, nowSec: 20 })).toBeNull();
  });

  it('ends the window a syllable decay before now, where syllables are not confirmed yet', () => {
    // Speech up to now, syllables confirmed only up to now - lag: without the lag the newest
    // speech (no syllables yet) would pull the rate down.
    const now = 8;
    const times = syllables(0.05, now - PACE_LAG_SEC, 1 / 6);
    const withLag = paceAt({ syllableTimes: times, speech: [], openSpeechStart: 0, nowSec: now });
    const without = paceAt({ syllableTimes: times, speech: [], openSpeechStart: 0, nowSec: now }, { lagSec: 0 });
    expect(withLag).toBeCloseTo(6, 1);
    expect(without).toBeLessThan(withLag ?? 0);
  });

  it('counts and sums only what lies in the window', () => {
    expect(countWithin([1, 2, 3, 4, 5], 2, 4)).toBe(2);
    expect(countWithin([], 0, 10)).toBe(0);
    expect(speechWithin([{ start: 0, end: 2 }, { start: 3, end: 6 }], null, 1, 4)).toBeCloseTo(2);
    expect(speechWithin([{ start: 0, end: 2 }], 5, 1, 6)).toBeCloseTo(2);
  });
});
