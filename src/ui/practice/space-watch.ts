/**
 * How much recording still fits in the browser's storage. A practice call writes raw float
 * samples (192 kB a second for one 48 kHz channel), so a nearly full quota fills within minutes:
 * the call warns while there is still time to free space, not when a write fails.
 */
import type { StorageSpace } from '../../storage/storage-space.ts';

/** How often a running call asks the browser for its estimate, ms. */
export const SPACE_CHECK_MS = 30_000;
/** Warn when less than this many minutes of recording fit. */
export const WARN_MINUTES = 15;

/** Bytes one second of the call takes in storage (Float32 samples, per channel). */
export function bytesPerSecond(sampleRate: number, channels: number): number {
  return sampleRate * channels * Float32Array.BYTES_PER_ELEMENT;
}

/** Minutes of recording the free space holds. */
export function minutesLeft(space: StorageSpace, bytesPerSec: number): number {
  return Math.max(0, space.quotaBytes - space.usageBytes) / bytesPerSec / 60;
}

/** Whole minutes left when that is few enough to warn about, else null. */
export function lowSpaceMinutes(space: StorageSpace | null, bytesPerSec: number): number | null {
  if (!space) return null;
  const minutes = minutesLeft(space, bytesPerSec);
  return minutes < WARN_MINUTES ? Math.floor(minutes) : null;
}
