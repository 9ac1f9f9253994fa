import { HOP_SEC } from '../../src/dsp/config.ts';
import { defaultCoachNorms } from '../../src/coach/norms.ts';
import type { TimeSpan } from '../../src/report/report-types.ts';

/** Speech boundaries fall on 10 ms frames, so a 0.25 s gap can measure one hop less. */
const MEASURED_MIN_PAUSE_SEC = defaultCoachNorms.turns.pauseMinSec - HOP_SEC - 1e-9;

/**
 * The pause rule written plainly over whole speech segments, as an oracle for the coach, which
 * applies it frame by frame as the audio comes: gaps of at least the pause norm between one
 * speaker's segments during which nobody else speaks. A gap another speaker fills is a turn
 * exchange, not a pause.
 */
export function pausesOf(speech: TimeSpan[], others: TimeSpan[][]): TimeSpan[] {
  const pauses: TimeSpan[] = [];
  for (let i = 1; i < speech.length; i++) {
    const gap = { start: speech[i - 1].end, end: speech[i].start };
    if (gap.end - gap.start < MEASURED_MIN_PAUSE_SEC) continue;
    const filled = others.some((segments) => segments.some((s) => s.start < gap.end && s.end > gap.start));
    if (!filled) pauses.push({ start: Math.round(gap.start * 1000) / 1000, end: Math.round(gap.end * 1000) / 1000 });
  }
  return pauses;
}
