/**
 * NaN and ±Infinity in the input. One such sample would turn every level, pitch and spectral sum it
 * touches into NaN for the rest of the stream (the core's filters and running sums carry it on), so
 * readers replace them with 0 — silence, the least surprising stand-in for a sample that holds
 * nothing — count them, and warn once.
 */

/** Replaces non-finite values in `samples` with 0; returns how many there were. */
export function replaceNonFinite(samples: Float32Array): number {
  let replaced = 0;
  for (let i = 0; i < samples.length; i++) {
    if (!Number.isFinite(samples[i])) {
      samples[i] = 0;
      replaced++;
    }
  }
  return replaced;
}

/** The warning for `count` replaced samples, or null when there were none. */
export function nonFiniteWarning(count: number): string | null {
  if (count === 0) return null;
  return `${count} sample${count === 1 ? ' was' : 's were'} not a number (NaN or infinite) and ${count === 1 ? 'was' : 'were'} read as silence`;
}
