/** The waveform timeline's tick spacing: round steps, labels never closer than asked, ticks of just the view. */
import { describe, expect, it } from 'vitest';
import { tickSpacing, ticksIn } from '../../src/ui/review/timeline-ticks.ts';

/** A label of "1:00:00" with its gap is about 60 px. */
const LABEL_PX = 60;
const TICK_PX = 6;

describe('timeline tick spacing', () => {
  it('picks the smallest round label step at least a label wide, at every zoom', () => {
    // An hour fitted into 1,200 px: a label every 5 minutes.
    expect(tickSpacing(1200 / 3600, LABEL_PX, TICK_PX)).toEqual({ label: 300, minor: 30 });
    // A minute on screen: every 5 s, a tick a second.
    expect(tickSpacing(20, LABEL_PX, TICK_PX)).toEqual({ label: 5, minor: 0.5 });
    // The closest zoom (400 px/s): every second, a tick every tenth.
    expect(tickSpacing(400, LABEL_PX, TICK_PX)).toEqual({ label: 1, minor: 0.1 });
    // No step below a second: the labels read whole seconds.
    expect(tickSpacing(5000, LABEL_PX, TICK_PX).label).toBe(1);
    // More than a day on a narrow view: whole days.
    expect(tickSpacing(60 / (3 * 86400), LABEL_PX, TICK_PX)).toEqual({ label: 3 * 86400, minor: 43200 });
  });

  it('never puts labels closer than asked, and divides them into whole numbers of ticks', () => {
    for (let pxPerSec = 0.01; pxPerSec < 1000; pxPerSec *= 1.07) {
      const { label, minor } = tickSpacing(pxPerSec, LABEL_PX, TICK_PX);
      expect(label * pxPerSec).toBeGreaterThanOrEqual(LABEL_PX);
      expect(minor * pxPerSec).toBeGreaterThanOrEqual(Math.min(TICK_PX, label * pxPerSec));
      const perLabel = label / minor;
      expect(Math.abs(perLabel - Math.round(perLabel))).toBeLessThan(1e-6);
      // Not needlessly sparse: the next smaller round step would crowd (steps at most 2.5× apart).
      if (label > 1 && label < 86400) expect(label * pxPerSec).toBeLessThan(LABEL_PX * 3);
    }
  });

  it('lists only the ticks of the visible range, labelled on whole label steps', () => {
    const ticks = ticksIn(59.95, 62.05, { label: 1, minor: 0.5 });
    expect(ticks).toEqual([
      { time: 60, labelled: true },
      { time: 60.5, labelled: false },
      { time: 61, labelled: true },
      { time: 61.5, labelled: false },
      { time: 62, labelled: true },
    ]);
    // Tenths added up drift (0.1 × 3 is not 0.3); a labelled tick's time is exact.
    const fine = ticksIn(3599, 3601, { label: 1, minor: 0.1 });
    expect(fine).toHaveLength(21);
    expect(fine.filter((tick) => tick.labelled).map((tick) => tick.time)).toEqual([3599, 3600, 3601]);
    // Never before the start of the recording, nothing for an empty range.
    expect(ticksIn(-30, 10, { label: 10, minor: 5 }).map((tick) => tick.time)).toEqual([0, 5, 10]);
    expect(ticksIn(10, 5, { label: 10, minor: 5 })).toEqual([]);
  });
});
