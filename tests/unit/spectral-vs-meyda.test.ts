import Meyda from 'meyda';
import { describe, expect, it } from 'vitest';
import { SpectralAnalyzer } from '../../src/dsp/spectral.ts';
import { ZeroCrossingStream } from '../../src/dsp/zero-crossings.ts';
import { pinkNoise, seededRandom, synthVoice } from '../support/signals.ts';

/**
 * The hand-written, allocation-free spectral kernels against meyda's extractors, the reference:
 * meyda works in bins and its roll-off uses a Nyquist bin of sampleRate / (2 (N/2 − 1)), so its
 * answers are converted to the same units before comparing.
 */
const SIZE = 512;
const RATE = 16000;

function meydaFeatures(frame: Float32Array) {
  Meyda.bufferSize = SIZE;
  Meyda.sampleRate = RATE;
  Meyda.windowingFunction = 'hanning';
  const spectral = Meyda.extract(['spectralCentroid', 'spectralSpread', 'spectralFlatness', 'spectralRolloff'], frame);
  // meyda's time-domain features see the windowed signal, whose zeroed ends add or drop a
  // crossing; Luister counts crossings of the signal itself, which is meyda with a rect window.
  Meyda.windowingFunction = 'rect';
  const temporal = Meyda.extract(['zcr'], frame);
  if (!spectral || !temporal) throw new Error('meyda returned nothing');
  return { ...spectral, ...temporal } as {
    spectralCentroid: number;
    spectralSpread: number;
    spectralFlatness: number;
    spectralRolloff: number;
    zcr: number;
  };
}

const frames: Record<string, Float32Array> = {
  'voiced 140 Hz': synthVoice({ sampleRate: RATE, durationSec: 0.1, f0At: () => 140 }).samples.subarray(400, 400 + SIZE),
  'pink noise': pinkNoise(SIZE, 5).map((v) => v * 0.1),
  'white noise': (() => {
    const r = seededRandom(9);
    return new Float32Array(SIZE).map(() => r() - 0.5);
  })(),
  'sine 1 kHz': new Float32Array(SIZE).map((_, i) => 0.5 * Math.sin((2 * Math.PI * 1000 * i) / RATE)),
};

/**
 * The frame's zero crossings as the core counts them: streamed through a history ring shorter
 * than the stream, after other samples, so the count's wrap-around and subtraction are exercised.
 */
function crossingsStreamed(frame: Float32Array): number {
  const capacity = SIZE + 37;
  const zcr = new ZeroCrossingStream(capacity);
  const lead = 1000;
  const random = seededRandom(4);
  let slot = 0;
  for (let i = 0; i < lead; i++, slot = (slot + 1) % capacity) zcr.push(random() - 0.5, slot);
  for (let i = 0; i < SIZE; i++, slot = (slot + 1) % capacity) zcr.push(frame[i], slot);
  // Now `slot` is where the next sample goes; the frame's first sample sits SIZE slots back.
  return zcr.within((slot - SIZE + capacity) % capacity, SIZE);
}

describe('spectral kernels agree with meyda', () => {
  for (const [name, frame] of Object.entries(frames)) {
    it(name, () => {
      const reference = meydaFeatures(frame);
      const analyzer = new SpectralAnalyzer(RATE, SIZE, 0.99, 300, 3000);
      const out = { centroidHz: 0, spreadHz: 0, flatness: 0, rolloffHz: 0, bandDb: 0, highBandDb: 0 };
      analyzer.analyze(Float64Array.from(frame), 0, out);
      const binHz = RATE / SIZE;
      // meyda computes in float32; a relative tolerance of 1e-4 covers that.
      expect(out.centroidHz / binHz).toBeCloseTo(reference.spectralCentroid, 2);
      expect(out.spreadHz / binHz).toBeCloseTo(reference.spectralSpread, 2);
      expect(Math.abs(out.flatness - reference.spectralFlatness)).toBeLessThan(1e-4 + 1e-4 * reference.spectralFlatness);
      const meydaNyquistBin = RATE / (2 * (SIZE / 2 - 1));
      expect(Math.round(out.rolloffHz / binHz)).toBe(Math.round(reference.spectralRolloff / meydaNyquistBin));
      expect(crossingsStreamed(frame)).toBe(reference.zcr);
    });
  }

  it('orders the cues the way sigh detection needs: noise flat and bright, voice tonal', () => {
    const analyzer = new SpectralAnalyzer(RATE, SIZE, 0.85, 300, 3000);
    const voice = { centroidHz: 0, spreadHz: 0, flatness: 0, rolloffHz: 0, bandDb: 0, highBandDb: 0 };
    const noise = { ...voice };
    analyzer.analyze(Float64Array.from(frames['voiced 140 Hz']), 0, voice);
    analyzer.analyze(Float64Array.from(frames['white noise']), 0, noise);
    expect(noise.flatness).toBeGreaterThan(0.5);
    expect(voice.flatness).toBeLessThan(0.2);
    expect(noise.centroidHz).toBeGreaterThan(voice.centroidHz * 3);
  });

  it('band level of a full-scale 1 kHz sine is −3 dBFS (its mean square is 1/2)', () => {
    const analyzer = new SpectralAnalyzer(RATE, SIZE, 0.85, 300, 3000);
    const out = { centroidHz: 0, spreadHz: 0, flatness: 0, rolloffHz: 0, bandDb: 0, highBandDb: 0 };
    const sine = new Float64Array(SIZE).map((_, i) => Math.sin((2 * Math.PI * 1000 * i) / RATE));
    analyzer.analyze(sine, 0, out);
    expect(out.bandDb).toBeCloseTo(-3.01, 1);
    expect(out.centroidHz).toBeGreaterThan(950);
    expect(out.centroidHz).toBeLessThan(1100);
  });
});
