import type { Voice } from './signals.ts';

export interface PitchScore {
  /** Voiced frames (by truth) that the detector also called voiced. */
  compared: number;
  /** Share of compared frames more than 20 % off. */
  grossErrorRate: number;
  /** Median absolute error in cents over compared frames without gross errors. */
  medianCents: number;
  /** Share of evaluated frames (voiced or unvoiced by truth) whose voicing decision is wrong. */
  voicingErrorRate: number;
}

/**
 * Scores a frame-wise F0 track against the synthesised truth. Frames whose window straddles a
 * voicing boundary are left out, as in the usual pitch-tracker evaluations.
 */
export function scorePitch(f0: ArrayLike<number>, voice: Voice, sampleRate: number): PitchScore {
  let compared = 0;
  let gross = 0;
  let voicingErrors = 0;
  let evaluated = 0;
  const cents: number[] = [];
  for (let i = 0; i < f0.length; i++) {
    const centre = Math.round((i / 100) * sampleRate);
    const reach = Math.round(0.03 * sampleRate);
    const from = centre - reach;
    const to = centre + reach;
    if (from < 0 || to >= voice.f0.length) continue;
    let voicedSamples = 0;
    for (let j = from; j <= to; j++) if (voice.f0[j] > 0) voicedSamples++;
    const allVoiced = voicedSamples === to - from + 1;
    const noneVoiced = voicedSamples === 0;
    if (!allVoiced && !noneVoiced) continue;
    evaluated++;
    const estimated = f0[i];
    if (noneVoiced) {
      if (estimated > 0) voicingErrors++;
      continue;
    }
    if (estimated <= 0) {
      voicingErrors++;
      continue;
    }
    // Truth: the mean synthesised F0 over the central 25 ms the detector integrates.
    const half = Math.round(0.0125 * sampleRate);
    let sum = 0;
    for (let j = centre - half; j <= centre + half; j++) sum += voice.f0[j];
    const truth = sum / (2 * half + 1);
    compared++;
    if (Math.abs(estimated / truth - 1) > 0.2) gross++;
    else cents.push(Math.abs(1200 * Math.log2(estimated / truth)));
  }
  cents.sort((a, b) => a - b);
  return {
    compared,
    grossErrorRate: compared ? gross / compared : 1,
    medianCents: cents.length ? cents[Math.floor(cents.length / 2)] : Infinity,
    voicingErrorRate: evaluated ? voicingErrors / evaluated : 1,
  };
}
