/** The pure decisions behind a practice call's robustness: default microphone, sound gaps, stalls, space left, interrupted sessions. */
import { describe, expect, it } from 'vitest';
import { recordingStateOf, START_GRACE_MS } from '../../src/ui/shared/recording-lock.ts';
import { DROPOUT_MIN_SEC, DropoutWatch, type ClockReading } from '../../src/ui/practice/dropout-watch.ts';
import { movedDefaultInput, type DeviceEntry } from '../../src/ui/practice/microphone-follow.ts';
import { roundGap } from '../../src/ui/format.ts';
import { gapOf, pauseStarted } from '../../src/ui/practice/sound-gap.ts';
import { bytesPerSecond, lowSpaceMinutes, minutesLeft } from '../../src/ui/practice/space-watch.ts';

const input = (deviceId: string, groupId: string, label = deviceId): DeviceEntry => ({ deviceId, groupId, kind: 'audioinput', label });

describe('following the default microphone', () => {
  const devices = [input('default', 'g-usb', 'Default - USB'), input('builtin', 'g-builtin'), input('usb', 'g-usb'), { ...input('speaker', 'g-usb'), kind: 'audiooutput' }];

  it('names the physical input that became the default', () => {
    expect(movedDefaultInput('g-builtin', devices)?.deviceId).toBe('usb');
  });

  it('moves nothing when the call already listens to the default, or the browser does not say', () => {
    expect(movedDefaultInput('g-usb', devices)).toBeNull();
    expect(movedDefaultInput('', devices)).toBeNull();
    expect(movedDefaultInput('g-builtin', devices.filter((d) => d.deviceId !== 'default'))).toBeNull();
  });
});

describe('the gap a suspended context leaves', () => {
  it('is the wall time the context did not advance', () => {
    const pause = pauseStarted(12.5, true, 1000);
    expect(gapOf(pause, 12.5, 5200)).toEqual({ pausedSec: 4.2, missingSec: 4.2, atSec: 12.5, hidden: true });
    // A context that kept running after all leaves no gap.
    expect(gapOf(pause, 16.7, 5200).missingSec).toBeCloseTo(0, 9);
    expect(roundGap(4.26)).toBe(4.3);
    expect(roundGap(754.4)).toBe(754);
  });
});

describe('the sound stalling while the call runs', () => {
  /** A check: the wall clock and the context's clock, s. */
  const at = (wallSec: number, contextSec: number): ClockReading => ({ wallMs: wallSec * 1000, contextSec });
  /** Checks every 0.25 s after `fromSec` while the context advances by `advances[i]` each time; every result. */
  function run(watch: DropoutWatch, fromSec: number, contextSec: number, advances: number[]): ReturnType<DropoutWatch['check']>[] {
    return advances.map((advance, i) => watch.check(at(fromSec + (i + 1) * 0.25, (contextSec += advance))));
  }

  it('is the wall time the context did not render, placed where the recording skips it', () => {
    const watch = new DropoutWatch();
    expect(watch.check(at(10, 4))).toBeNull(); // the first reading only sets the mark
    expect(watch.check(at(10.25, 4.25))).toBeNull();
    const dropout = watch.check(at(10.5, 4.3));
    expect(dropout?.atSec).toBe(4.25);
    expect(dropout?.stalledSec).toBeCloseTo(0.2, 9);
    expect(dropout?.missingSec).toBeCloseTo(0.2, 9);
    expect(watch.check(at(10.75, 4.55))).toBeNull();
    expect(watch.totals).toEqual({ count: 1, stalledSec: dropout?.stalledSec, missingSec: dropout?.missingSec });
    // Read from the recording's first sample (the context ran 0.5 s before it): the recording has it 0.5 s earlier.
    const late = new DropoutWatch();
    for (const [wall, context] of [[10, 4], [10.25, 4.25], [10.5, 4.3]]) late.check(at(wall, context - 0.5));
    expect(late.dropouts[0].atSec).toBe(3.75);
  });

  it('is one dropout over every check the stall lasts, its start included', () => {
    const watch = new DropoutWatch();
    watch.check(at(0, 0));
    // 0.8 s without rendering, from 0.05 s before a check: the checks find 0.05, 0.25, 0.25, 0.25 behind.
    const results = run(watch, 0, 0, [0.2, 0, 0, 0, 0.25, 0.25]);
    expect(results[0]).toBeNull(); // 0.05 s alone could be jitter
    expect(results[1]?.missingSec).toBeCloseTo(0.3, 9);
    expect(results[3]).toEqual({ atSec: 0, stalledSec: expect.closeTo(0.8, 9), missingSec: expect.closeTo(0.8, 9) });
    expect(results[4]).toBeNull(); // the clock runs steadily again: closed
    expect(watch.totals.count).toBe(1);
    // Later, another stall is another dropout.
    const later = run(watch, 1.5, 0.7, [0, 0.25]);
    expect(later[0]?.atSec).toBeCloseTo(0.7, 9);
    expect(watch.totals.count).toBe(2);
    expect(watch.totals.missingSec).toBeCloseTo(1.05, 9);
    // Each as it ended, for the session's notes: where the recording skips and how much.
    expect(watch.dropouts).toEqual([
      { atSec: 0, stalledSec: expect.closeTo(0.8, 9), missingSec: expect.closeTo(0.8, 9) },
      { atSec: expect.closeTo(0.7, 9), stalledSec: expect.closeTo(0.25, 9), missingSec: expect.closeTo(0.25, 9) },
    ]);
  });

  it('takes back what the context caught up on: late rendering leaves the recording whole', () => {
    const watch = new DropoutWatch();
    watch.check(at(0, 0));
    // Held up, then quanta rendered back to back: behind by 0.15, 0.25, 0.25, then 0.45 and 0.2 caught up.
    const results = run(watch, 0, 0, [0.1, 0, 0, 0.7, 0.45, 0.25]);
    expect(results[2]).toEqual({ atSec: 0, stalledSec: expect.closeTo(0.65, 9), missingSec: expect.closeTo(0.65, 9) });
    expect(results[3]?.missingSec).toBeCloseTo(0.2, 9);
    expect(results[4]).toEqual({ atSec: 0, stalledSec: expect.closeTo(0.65, 9), missingSec: 0 });
    expect(results[5]).toBeNull();
    expect(watch.totals).toEqual({ count: 1, stalledSec: expect.closeTo(0.65, 9), missingSec: 0 });
    expect(watch.dropouts).toEqual([{ atSec: 0, stalledSec: expect.closeTo(0.65, 9), missingSec: 0 }]);
  });

  it('lets clock granularity, a device clock slightly off and a slow timer pass', () => {
    const watch = new DropoutWatch();
    watch.check(at(0, 0));
    // A device 100 ppm slow over an hour is 0.36 s behind, but never DROPOUT_MIN_SEC in one check.
    for (let s = 1; s <= 3600; s++) expect(watch.check(at(s, s * (1 - 1e-4)))).toBeNull();
    // The context's clock moves in device buffers: 50 ms behind at one check, caught up at the next.
    expect(watch.check(at(3601, 3601 * (1 - 1e-4) - 0.05))).toBeNull();
    // The page's timer ran 5 s late (a busy main thread): both clocks moved on together.
    expect(watch.check(at(3606, 3606 * (1 - 1e-4)))).toBeNull();
    expect(watch.check(at(3607, 3607 * (1 - 1e-4) - DROPOUT_MIN_SEC - 0.01))).not.toBeNull();
    expect(watch.totals.count).toBe(1);
  });

  it('does not count a pause it was told to forget', () => {
    const watch = new DropoutWatch();
    watch.check(at(0, 0));
    watch.forget(); // suspended: the pause is told of by itself
    expect(watch.check(at(9, 1))).toBeNull();
    expect(watch.check(at(10, 2))).toBeNull();
    expect(watch.totals.count).toBe(0);
  });
});

describe('space left for recording', () => {
  const space = (freeBytes: number) => ({ usageBytes: 2e9 - freeBytes, quotaBytes: 2e9, freeFraction: freeBytes / 2e9, low: false });

  it('counts minutes of float samples, and warns under a quarter of an hour', () => {
    const rate = bytesPerSecond(48000, 1);
    expect(rate).toBe(192000);
    expect(minutesLeft(space(192000 * 60 * 10), rate)).toBeCloseTo(10, 9);
    expect(lowSpaceMinutes(space(40e6), rate)).toBe(3);
    expect(lowSpaceMinutes(space(192000 * 60 * 20), rate)).toBeNull();
    // Stereo fills twice as fast.
    expect(lowSpaceMinutes(space(192000 * 60 * 20), bytesPerSecond(48000, 2))).toBe(10);
    expect(lowSpaceMinutes(null, rate)).toBeNull();
  });
});

describe('a session left recording', () => {
  const now = 1_000_000;
  const session = { id: 'a', status: 'recording', createdAt: now - 60_000 };

  it('is being recorded while a tab holds its lock, interrupted once nobody does', () => {
    expect(recordingStateOf(session, new Set(['a']), now)).toBe('recording');
    expect(recordingStateOf(session, new Set(), now)).toBe('interrupted');
  });

  it('is not called interrupted when the browser cannot tell, or just after it was created', () => {
    expect(recordingStateOf(session, null, now)).toBe('unknown');
    expect(recordingStateOf({ ...session, createdAt: now - START_GRACE_MS + 1 }, new Set(), now)).toBe('unknown');
    expect(recordingStateOf({ ...session, status: 'complete' }, new Set(), now)).toBeNull();
  });
});
