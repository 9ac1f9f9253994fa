/**
 * Semitones for the pitch trace. Pitch is heard on a log scale, so the trace plots semitones
 * (12 per octave) around the speaker's own reference: a rise of 3 semitones looks the same for a
 * low and a high voice, which hertz would not.
 */

/** Semitones of `hz` above (or below, negative) `refHz`. */
export function hzToSemitones(hz: number, refHz: number): number {
  return 12 * Math.log2(hz / refHz);
}

/** The frequency `semitones` above `refHz`. */
export function semitonesToHz(semitones: number, refHz: number): number {
  return refHz * 2 ** (semitones / 12);
}

/**
 * Median F0 of the voiced frames (f0 > 0) among `f0[from..to)`, or 0 when none is voiced. The
 * median rather than the mean: a few octave errors or creaky frames must not shift the centre line.
 */
export function medianVoicedHz(f0: ArrayLike<number>, from = 0, to = f0.length): number {
  const voiced: number[] = [];
  for (let i = Math.max(0, from); i < Math.min(to, f0.length); i++) if (f0[i] > 0) voiced.push(f0[i]);
  if (voiced.length === 0) return 0;
  voiced.sort((a, b) => a - b);
  const mid = voiced.length >> 1;
  return voiced.length % 2 === 1 ? voiced[mid] : Math.sqrt(voiced[mid - 1] * voiced[mid]);
}

/**
 * Vertical position, in pixels from the top, of `semitones` on a plot `height` high that shows
 * ±`rangeSt` around its middle; values beyond the range stick to the edge.
 */
export function semitoneToY(semitones: number, rangeSt: number, height: number): number {
  const clamped = Math.max(-rangeSt, Math.min(rangeSt, semitones));
  return height / 2 - (clamped / rangeSt) * (height / 2);
}
