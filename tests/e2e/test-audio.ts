/**
 * Synthetic test audio for the browser tests: a voice-like signal whose pitch is known, written
 * as a WAV file.
 */

/** One voiced stretch: F0 glides linearly from `fromHz` to `toHz`. */
interface Phrase {
  startSec: number;
  durationSec: number;
  fromHz: number;
  toHz: number;
}

/** Three phrases with silent gaps, F0 between 120 and 220 Hz, about 4 s in all. */
const PHRASES: Phrase[] = [
  { startSec: 0.3, durationSec: 1.2, fromHz: 120, toHz: 220 },
  { startSec: 1.9, durationSec: 0.9, fromHz: 210, toHz: 140 },
  { startSec: 3.2, durationSec: 0.6, fromHz: 150, toHz: 180 },
];
export const VOICE_LIKE_SEC = 4;

const HARMONICS = 12;
const FADE_SEC = 0.02;
/** Syllable-like loudness pulses, Hz, so the syllable detector has nuclei to find. */
const SYLLABLE_HZ = 4;
/** White noise under everything, dBFS RMS: low, but not digital silence. */
const NOISE_DBFS = -62;

/** Deterministic uniform noise in [-1, 1) (mulberry32), so every run writes the same file. */
function noiseSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) / 4294967296) * 2 - 1;
  };
}

/**
 * The voice-like signal at `sampleRate`: harmonics falling off at 6 dB per octave (only those
 * below 3.4 kHz, so no rate aliases them), 20 ms fades, 4 Hz syllable pulses, low noise.
 * `pitchScale` raises every F0 (1.6 makes a second, higher voice); `seed` picks the noise.
 */
export function voiceLikeSignal(sampleRate: number, { seed = 1, pitchScale = 1 } = {}): Float32Array {
  const samples = new Float32Array(Math.round(VOICE_LIKE_SEC * sampleRate));
  const noise = noiseSource(seed);
  // Uniform noise in [-a, a) has RMS a / √3.
  const noiseAmplitude = Math.sqrt(3) * 10 ** (NOISE_DBFS / 20);
  for (let n = 0; n < samples.length; n++) samples[n] = noiseAmplitude * noise();
  for (const phrase of PHRASES) {
    const start = Math.round(phrase.startSec * sampleRate);
    const length = Math.round(phrase.durationSec * sampleRate);
    let phase = 0;
    for (let i = 0; i < length; i++) {
      const t = i / sampleRate;
      const f0 = pitchScale * (phrase.fromHz + ((phrase.toHz - phrase.fromHz) * i) / length);
      phase += (2 * Math.PI * f0) / sampleRate;
      let x = 0;
      for (let k = 1; k <= HARMONICS && k * f0 < 3400; k++) x += Math.sin(k * phase) / k;
      const fade = Math.min(1, t / FADE_SEC, (phrase.durationSec - t) / FADE_SEC);
      const pulse = 0.6 + 0.4 * Math.cos(2 * Math.PI * SYLLABLE_HZ * t);
      samples[start + i] += 0.2 * fade * pulse * x;
    }
  }
  return samples;
}
