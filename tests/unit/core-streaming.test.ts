import { describe, expect, it } from 'vitest';
import { ChannelAnalyzer } from '../../src/dsp/channel-analyzer.ts';
import { mergeSettings, defaultCoreSettings } from '../../src/dsp/config.ts';
import { CoreOutput } from '../../src/dsp/core-output.ts';
import { Decimator } from '../../src/dsp/decimator.ts';
import { FRAME_FIELD_NAMES } from '../../src/dsp/frame-layout.ts';
import { runCore } from '../support/run-core.ts';
import { pinkNoise, synthVoice } from '../support/signals.ts';

function voiceWithGaps(rate: number) {
  return synthVoice({
    sampleRate: rate,
    durationSec: 2.3,
    f0At: (t) => (t > 0.4 && t < 1.1) || (t > 1.5 && t < 2.1) ? 110 + 60 * t : 0,
  }).samples;
}

describe('the streaming core', () => {
  it('gives identical numbers whatever the block size (128, 4096, odd sizes)', () => {
    const samples = voiceWithGaps(48000);
    const reference = runCore(samples, 48000, 4096);
    for (const block of [128, 1000, 4095]) {
      const track = runCore(samples, 48000, block);
      expect(track.frameCount).toBe(reference.frameCount);
      for (const name of FRAME_FIELD_NAMES) expect(Array.from(track.fields[name].view())).toEqual(Array.from(reference.fields[name].view()));
      expect(track.speech).toEqual(reference.speech);
      expect(track.syllableTimes).toEqual(reference.syllableTimes);
    }
  });

  for (const rate of [8000, 11025, 16000, 22050, 44100, 48000, 96000, 192000]) {
    it(`emits ceil(duration × 100) frames, frame i centred at i × 10 ms, at ${rate} Hz`, () => {
      // A 30 ms burst of noise centred at 1.000 s in silence: its level peaks at frame 100.
      const n = Math.round(rate * 1.7345);
      const samples = new Float32Array(n);
      const burst = pinkNoise(Math.round(rate * 0.03), 3);
      const start = Math.round(rate * 1.0) - (burst.length >> 1);
      samples.set(burst.map((v) => v * 0.2), start);
      const track = runCore(samples, rate);
      expect(track.frameCount).toBe(Math.ceil((n * 100) / rate));
      const level = track.fields.levelDb.view();
      let loudest = 0;
      for (let i = 1; i < level.length; i++) if (level[i] > level[loudest]) loudest = i;
      expect(loudest).toBe(100);
    });
  }

  it('rejects sample rates outside 8–192 kHz with a clear message', () => {
    expect(() => new ChannelAnalyzer(4000)).toThrow(/4000 Hz is outside 8000–192000 Hz/);
    expect(() => new ChannelAnalyzer(384000)).toThrow(/outside/);
    expect(() => new ChannelAnalyzer(Number.NaN)).toThrow(/outside/);
  });

  it('gives finite numbers and no speech for digital silence, and zero frames for zero samples', () => {
    const silent = runCore(new Float32Array(48000), 48000);
    expect(silent.frameCount).toBe(100);
    expect(silent.speech).toEqual([]);
    for (const name of FRAME_FIELD_NAMES) for (const v of silent.fields[name].view()) expect(Number.isFinite(v)).toBe(true);
    expect(runCore(new Float32Array(0), 48000).frameCount).toBe(0);
    expect(runCore(new Float32Array(1), 48000).frameCount).toBe(1);
  });

  it('finish() fits in a CoreOutput of maxFramesPerBlock, whatever the stream length (128-sample blocks)', () => {
    for (const rate of [16000, 44100, 48000]) {
      const analyzer0 = new ChannelAnalyzer(rate, { maxBlock: 128 });
      const capacity = analyzer0.maxFramesPerBlock;
      const block = new Float32Array(128).fill(0.01);
      for (let length = 128; length < 128 * 60; length += 128 * 7 + 1) {
        const analyzer = new ChannelAnalyzer(rate, { maxBlock: 128 });
        const out = new CoreOutput(capacity);
        for (let at = 0; at < length; at += 128) {
          analyzer.process(block, 0, Math.min(128, length - at), out);
          out.clear();
        }
        expect(() => analyzer.finish(out), `${rate} Hz, ${length} samples`).not.toThrow();
        expect(out.frameCount).toBeLessThanOrEqual(capacity);
      }
    }
  });

  it('merges settings field by field, later layers winning', () => {
    const merged = mergeSettings({ vad: { onsetDb: 15 } }, { vad: { hangoverFrames: 20 }, pitch: { minHz: 100 } });
    expect(merged.vad).toEqual({ ...defaultCoreSettings.vad, onsetDb: 15, hangoverFrames: 20 });
    expect(merged.pitch).toEqual({ ...defaultCoreSettings.pitch, minHz: 100 });
    expect(new ChannelAnalyzer(16000, { settings: [{ vad: { onsetDb: 15 } }, { vad: { hangoverFrames: 20 } }] }).settings.vad.onsetDb).toBe(15);
    // The defaults themselves are never changed by a merge.
    expect(defaultCoreSettings.vad.onsetDb).toBe(10);
  });

  it('decimator passes speech frequencies and stops aliases', () => {
    const decimator = new Decimator(3);
    const gainAt = (hz: number) => {
      decimator.reset();
      const input = new Float64Array(48000).map((_, i) => Math.sin((2 * Math.PI * hz * i) / 48000));
      const output = new Float64Array(16001);
      const count = decimator.process(input, 0, input.length, output);
      let peak = 0;
      for (let i = 2000; i < count; i++) peak = Math.max(peak, Math.abs(output[i]));
      return 20 * Math.log10(peak);
    };
    expect(Math.abs(gainAt(200))).toBeLessThan(0.1);
    expect(Math.abs(gainAt(5000))).toBeLessThan(0.5);
    // 12 kHz would fold onto 4 kHz after decimation to 16 kHz.
    expect(gainAt(12000)).toBeLessThan(-60);
  });
});
