/** The pure decisions behind a practice call's robustness: default microphone, sound gaps, space left, interrupted sessions. */
import { describe, expect, it } from 'vitest';
import { recordingStateOf, START_GRACE_MS } from '../../src/ui/shared/recording-lock.ts';
import { movedDefaultInput, type DeviceEntry } from '../../src/ui/practice/microphone-follow.ts';
import { gapOf, pauseStarted, roundGap } from '../../src/ui/practice/sound-gap.ts';
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
