/**
 * Synthetic test signals with known answers: voice-like harmonic complexes with a known F0 track,
 * pink noise at a set SNR, silences at known times. Seeded, so every run is the same.
 */

/** mulberry32: a small seeded PRNG, good enough for test noise. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function gaussian(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

export interface VoiceSpec {
  sampleRate: number;
  durationSec: number;
  /** F0 in Hz as a function of time; return 0 for unvoiced (silent) stretches. */
  f0At: (t: number) => number;
  /** Amplitude of harmonic h (1-based). Default: glottal-like −12 dB/octave. */
  harmonicAmplitude?: (h: number) => number;
  /** Cycle-to-cycle period jitter, fraction (0.005 = 0.5 %). */
  jitter?: number;
  /** Peak amplitude of the voiced signal before noise. */
  amplitude?: number;
  seed?: number;
}

export interface Voice {
  samples: Float32Array;
  /** The instantaneous F0 actually synthesised per sample (0 where silent). */
  f0: Float32Array;
}

/** Sums harmonics below 0.45 × the sample rate with a continuous phase, so glides are smooth. */
export function synthVoice(spec: VoiceSpec): Voice {
  const { sampleRate, durationSec } = spec;
  const n = Math.round(sampleRate * durationSec);
  const samples = new Float32Array(n);
  const f0 = new Float32Array(n);
  const random = seededRandom(spec.seed ?? 1);
  const amplitudeOf = spec.harmonicAmplitude ?? ((h: number) => 1 / (h * h));
  const amplitude = spec.amplitude ?? 0.3;
  let phase = 0;
  let jitterFactor = 1;
  const maxHarmonics = 60;
  const weights = new Float64Array(maxHarmonics + 1);
  let norm = 0;
  for (let h = 1; h <= maxHarmonics; h++) {
    weights[h] = amplitudeOf(h);
    norm += Math.abs(weights[h]);
  }
  for (let i = 0; i < n; i++) {
    const base = spec.f0At(i / sampleRate);
    if (base <= 0) {
      phase = 0;
      continue;
    }
    const hz = base * jitterFactor;
    f0[i] = hz;
    phase += (2 * Math.PI * hz) / sampleRate;
    if (phase >= 2 * Math.PI) {
      phase -= 2 * Math.PI;
      // A new glottal cycle: a new period perturbation.
      if (spec.jitter) jitterFactor = 1 + spec.jitter * gaussian(random);
    }
    let v = 0;
    const top = Math.min(maxHarmonics, Math.floor((0.45 * sampleRate) / hz));
    for (let h = 1; h <= top; h++) v += weights[h] * Math.sin(h * phase);
    samples[i] = (amplitude * v) / norm;
  }
  return { samples, f0 };
}

/** Pink (1/f) noise by Paul Kellet's economy filter on white noise, unit-ish RMS. */
export function pinkNoise(n: number, seed = 7): Float32Array {
  const random = seededRandom(seed);
  const out = new Float32Array(n);
  let b0 = 0;
  let b1 = 0;
  let b2 = 0;
  for (let i = 0; i < n; i++) {
    const white = random() * 2 - 1;
    b0 = 0.99765 * b0 + white * 0.099046;
    b1 = 0.963 * b1 + white * 0.2965164;
    b2 = 0.57 * b2 + white * 1.0526913;
    out[i] = b0 + b1 + b2 + white * 0.1848;
  }
  return out;
}

export function meanSquare(x: ArrayLike<number>, mask?: (i: number) => boolean): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < x.length; i++) {
    if (mask && !mask(i)) continue;
    sum += x[i] * x[i];
    count++;
  }
  return count ? sum / count : 0;
}

/**
 * Adds noise so that the signal's power over its active samples stands `snrDb` above the noise.
 * Returns a new array.
 */
export function addNoiseAtSnr(signal: Float32Array, noise: Float32Array, snrDb: number, isActive: (i: number) => boolean): Float32Array {
  const signalPower = meanSquare(signal, isActive);
  const noisePower = meanSquare(noise);
  const gain = Math.sqrt(signalPower / (noisePower * 10 ** (snrDb / 10)));
  const out = new Float32Array(signal.length);
  for (let i = 0; i < signal.length; i++) out[i] = signal[i] + gain * noise[i % noise.length];
  return out;
}
