import { describe, expect, it } from 'vitest';
import { addNoiseAtSnr, pinkNoise, synthVoice, type VoiceSpec } from '../support/signals.ts';
import { scorePitch } from '../support/pitch-eval.ts';
import { runCore } from '../support/run-core.ts';

/**
 * Voiced stretches of 0.6 s gliding between F0 targets across 80–480 Hz, with 0.3 s of no voice
 * between them: the answers are known per sample.
 */
const SEGMENT = 0.6;
const GAP = 0.3;
const TARGETS: [number, number][] = [
  [100, 130],
  [220, 180],
  [85, 95],
  [300, 380],
  [150, 120],
  [260, 240],
  // High voices: without their fundamental, they fall an octave if pitch runs at too low a rate.
  [420, 480],
];
const DURATION = 0.3 + TARGETS.length * (SEGMENT + GAP);

function contour(vibrato: boolean): (t: number) => number {
  return (t) => {
    const local = t - 0.3;
    if (local < 0) return 0;
    const k = Math.floor(local / (SEGMENT + GAP));
    const within = local - k * (SEGMENT + GAP);
    if (k >= TARGETS.length || within >= SEGMENT) return 0;
    const [from, to] = TARGETS[k];
    const glide = from + ((to - from) * within) / SEGMENT;
    // Vibrato: 5.5 Hz, ±3 % (about ±50 cents), typical of expressive speech and singing.
    return vibrato ? glide * (1 + 0.03 * Math.sin(2 * Math.PI * 5.5 * t)) : glide;
  };
}

type Variant = { name: string } & Partial<VoiceSpec>;
const VARIANTS: Variant[] = [
  { name: 'glottal −12 dB/oct' },
  { name: 'vibrato', f0At: contour(true) },
  { name: 'jitter 0.5 %', jitter: 0.005 },
  { name: 'weak fundamental', harmonicAmplitude: (h) => (h === 1 ? 0.05 : 1 / (h * h)) * (h === 1 ? 1 : 4) },
  { name: 'missing fundamental', harmonicAmplitude: (h) => (h === 1 ? 0 : 1 / (h - 1)) },
  { name: 'strong second harmonic', harmonicAmplitude: (h) => (h === 2 ? 2.5 : 1 / (h * h)) },
];

function voiced(rate: number, variant: Variant, snrDb: number | null) {
  const voice = synthVoice({ sampleRate: rate, durationSec: DURATION, f0At: contour(false), seed: 3, ...variant });
  if (snrDb === null) return { voice, samples: voice.samples };
  const noise = pinkNoise(voice.samples.length, 11);
  return { voice, samples: addNoiseAtSnr(voice.samples, noise, snrDb, (i) => voice.f0[i] > 0) };
}

describe('pitch accuracy on synthetic voices with known F0', () => {
  for (const rate of [8000, 16000, 48000]) {
    for (const variant of VARIANTS) {
      it(`${variant.name}, ${rate / 1000} kHz, clean and at 20 dB SNR pink noise`, () => {
        for (const snr of [null, 20]) {
          const { voice, samples } = voiced(rate, variant, snr);
          const score = scorePitch(runCore(samples, rate).fields.f0Hz.view(), voice, rate);
          const label = `${variant.name} @${rate} Hz, SNR ${snr ?? '∞'}: ${JSON.stringify(score)}`;
          expect(score.compared, label).toBeGreaterThan(200);
          expect(score.grossErrorRate, label).toBeLessThan(0.01);
          expect(score.medianCents, label).toBeLessThan(10);
          expect(score.voicingErrorRate, label).toBeLessThan(0.05);
        }
      });
    }
    it(`glottal voice at 10 dB SNR pink noise, ${rate / 1000} kHz: still tracked`, () => {
      const { voice, samples } = voiced(rate, VARIANTS[0], 10);
      const score = scorePitch(runCore(samples, rate).fields.f0Hz.view(), voice, rate);
      const label = JSON.stringify(score);
      expect(score.grossErrorRate, label).toBeLessThan(0.02);
      expect(score.medianCents, label).toBeLessThan(10);
      expect(score.voicingErrorRate, label).toBeLessThan(0.05);
    });
  }
});
