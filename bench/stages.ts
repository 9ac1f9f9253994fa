/**
 * The core's stages one by one on speech: mean time per call and heap bytes per call. Narrows down
 * where time and allocations go. The stages are taken out of a real ChannelAnalyzer (its private
 * members, read through a cast) so they carry exactly the analyzer's configuration.
 */
import { performance } from 'node:perf_hooks';
import { ChannelAnalyzer } from '../src/dsp/channel-analyzer.ts';
import { CoreOutput } from '../src/dsp/core-output.ts';
import type { Decimator } from '../src/dsp/decimator.ts';
import { RealFft, nextPowerOfTwo } from '../src/dsp/fft.ts';
import type { PitchEstimate, YinPitchDetector } from '../src/dsp/pitch.ts';
import type { SpectralAnalyzer, SpectralFeatures } from '../src/dsp/spectral.ts';
import { measureAllocation, type AllocationResult, type GcFunction, type GcLog } from './measure.ts';

/** Sum of the stages' outputs (never read; it only keeps the work alive). */
export let stageSink = 0;

export interface StageResult extends AllocationResult {
  stage: string;
  /** Where the stage lives, for the printout. */
  where: string;
  per: 'quantum' | 'frame' | 'call';
}

interface AnalyzerInternals {
  decimator: Decimator;
  pitch: YinPitchDetector;
  spectral: SpectralAnalyzer;
  pitchResult: PitchEstimate;
  spectralResult: SpectralFeatures;
}

function internalsOf(analyzer: ChannelAnalyzer): AnalyzerInternals {
  const inner = analyzer as unknown as Partial<AnalyzerInternals>;
  if (!inner.decimator || !inner.pitch || !inner.spectral || !inner.pitchResult || !inner.spectralResult) {
    throw new Error('ChannelAnalyzer no longer has private members decimator/pitch/spectral/pitchResult/spectralResult: update bench/stages.ts');
  }
  return inner as AnalyzerInternals;
}

/**
 * @param input48 speech at 48 kHz (one channel of the loop)
 * @param input16 the same speech at 16 kHz (the analysis rate for 48 kHz input)
 */
export async function measureStages(gc: GcFunction, log: GcLog, input48: Float32Array, input16: Float32Array): Promise<StageResult[]> {
  const source = new ChannelAnalyzer(48000, { maxBlock: 128 });
  // The analyzer's own result objects, so their shape always matches the source.
  const { decimator, pitch, spectral, pitchResult: pitchOut, spectralResult: spectralOut } = internalsOf(source);
  const analysisRate = source.analysisRate;
  const frames = Float64Array.from(input16);
  const hop = analysisRate / 100;
  const lastStart = frames.length - Math.max(pitch.frameLength, spectral.size) - 1;
  let frameStart = 0;
  const nextFrame = (): number => {
    frameStart += hop;
    if (frameStart > lastStart) frameStart = 0;
    return frameStart;
  };

  const decimated = new Float64Array(64);
  let quantumStart = 0;
  const lastQuantum = input48.length - 480;

  const fftSize = nextPowerOfTwo(pitch.frameLength);
  const fft = new RealFft(fftSize);
  const re = new Float64Array(fftSize / 2 + 1);
  const im = new Float64Array(fftSize / 2 + 1);
  const fftIn = new Float64Array(fftSize);
  const fftOut = new Float64Array(fftSize);
  fftIn.set(frames.subarray(analysisRate, analysisRate + fftSize));

  // The whole analyzer fed one hop (480 samples at 48 kHz) per call: exactly one frame each.
  const whole = new ChannelAnalyzer(48000, { maxBlock: 480 });
  const wholeOut = new CoreOutput(whole.maxFramesPerBlock);
  let wholeStart = 0;
  // A typed array, not a closure variable: storing a double in a closure context allocates.
  const sink = new Float64Array(1);

  const stages: { stage: string; where: string; per: StageResult['per']; calls: number; step: () => void }[] = [
    {
      stage: `Decimator.process, 128 samples in (÷${decimator.factor})`,
      where: 'src/dsp/decimator.ts',
      per: 'quantum',
      calls: 20000,
      step: () => {
        sink[0] += decimator.process(input48, quantumStart, quantumStart + 128, decimated);
        quantumStart = quantumStart + 128 > lastQuantum ? 0 : quantumStart + 128;
      },
    },
    {
      stage: `YinPitchDetector.estimate (${pitch.frameLength} samples, FFT ${fftSize})`,
      where: 'src/dsp/pitch.ts',
      per: 'frame',
      calls: 4000,
      step: () => {
        pitch.estimate(frames, nextFrame(), pitchOut);
        sink[0] += pitchOut.f0Hz;
      },
    },
    {
      stage: `  inside it: RealFft(${fftSize}).forward (x1)`,
      where: 'src/dsp/fft.ts',
      per: 'call',
      calls: 8000,
      step: () => {
        fft.forward(fftIn, re, im);
        sink[0] += re[1];
      },
    },
    {
      stage: `  inside it: RealFft(${fftSize}).inverse (x1)`,
      where: 'src/dsp/fft.ts',
      per: 'call',
      calls: 8000,
      step: () => {
        fft.inverse(re, im, fftOut);
        sink[0] += fftOut[1];
      },
    },
    {
      stage: `SpectralAnalyzer.analyze (FFT ${spectral.size})`,
      where: 'src/dsp/spectral.ts',
      per: 'frame',
      calls: 8000,
      step: () => {
        spectral.analyze(frames, nextFrame(), spectralOut);
        sink[0] += spectralOut.bandDb;
      },
    },
    {
      stage: 'ChannelAnalyzer.process, one 10 ms hop (480 in, 1 frame out)',
      where: 'src/dsp/channel-analyzer.ts',
      per: 'frame',
      calls: 4000,
      step: () => {
        whole.process(input48, wholeStart, wholeStart + 480, wholeOut);
        sink[0] += wholeOut.frameCount + wholeOut.eventCount;
        wholeOut.clear();
        wholeStart = wholeStart + 480 > lastQuantum ? 0 : wholeStart + 480;
      },
    },
    {
      stage: 'harness only: two process.hrtime.bigint() calls',
      where: 'bench (timing calls, not the core)',
      per: 'quantum',
      calls: 20000,
      step: () => {
        const t0 = process.hrtime.bigint();
        const t1 = process.hrtime.bigint();
        sink[0] += Number(t1 - t0) > 1e12 ? 1 : 0;
      },
    },
  ];

  const results: StageResult[] = [];
  for (const s of stages) {
    // Long enough for the optimising compiler to finish, then the least of three runs: code
    // objects made by a late (re)compilation land on the heap too and are not the stage's doing.
    for (let i = 0; i < 3000; i++) s.step();
    const runs: AllocationResult[] = [];
    for (let r = 0; r < 3; r++) runs.push(await measureAllocation(gc, log, s.calls, s.step));
    const least = runs.reduce((a, b) => (b.deltaBytes < a.deltaBytes ? b : a));
    results.push({ ...least, stage: s.stage, where: s.where, per: s.per });
  }
  // Time: short batches of every stage in turn, several rounds, the fastest batch per stage. On a
  // shared machine this keeps the stages comparable (they all see the same quiet moments).
  const best = stages.map(() => Infinity);
  for (let round = 0; round < 25; round++) {
    stages.forEach((s, i) => {
      const batch = Math.max(20, Math.round(s.calls / 40));
      const t0 = performance.now();
      for (let k = 0; k < batch; k++) s.step();
      best[i] = Math.min(best[i], ((performance.now() - t0) * 1000) / batch);
    });
  }
  results.forEach((r, i) => (r.usPerCall = best[i]));
  stageSink = sink[0];
  return results;
}
