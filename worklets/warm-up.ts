import { ChannelAnalyzer, type ChannelAnalyzerOptions } from '../src/dsp/channel-analyzer.ts';
import { CoreOutput } from '../src/dsp/core-output.ts';
import { batchFrameCapacity } from './batch-sender.ts';

const SILENT_SEC = 1;
const VOICED_SEC = 1;

/**
 * Runs a throwaway analyser over a second of silence and a second of a gliding harmonic tone, so
 * that V8 has compiled and optimised the core (decimator, YIN, FFT, VAD, syllables) before the
 * first real block. Cold, the first blocks run in the interpreter and take several times the
 * render quantum's budget: the live context would glitch. The analyser is separate because the
 * core has no reset, and a fresh one for the real stream keeps its state untouched.
 *
 * @returns the time it took, ms.
 */
export function warmUpCore(sampleRate: number, options: ChannelAnalyzerOptions): number {
  const started = Date.now();
  const analyzer = new ChannelAnalyzer(sampleRate, options);
  const output = new CoreOutput(batchFrameCapacity(analyzer, analyzer.maxBlock));
  const block = new Float32Array(analyzer.maxBlock);
  const silent = Math.round(SILENT_SEC * sampleRate);
  const total = silent + Math.round(VOICED_SEC * sampleRate);
  let phase = 0;
  for (let start = 0; start < total; start += block.length) {
    const length = Math.min(block.length, total - start);
    for (let i = 0; i < length; i++) {
      const n = start + i;
      if (n < silent) {
        block[i] = 0;
        continue;
      }
      // F0 glides 120 → 220 Hz; three harmonics give YIN and the spectral cues real work.
      const f0 = 120 + (100 * (n - silent)) / (total - silent);
      phase += (2 * Math.PI * f0) / sampleRate;
      block[i] = 0.3 * Math.sin(phase) + 0.15 * Math.sin(2 * phase) + 0.08 * Math.sin(3 * phase);
    }
    analyzer.process(block, 0, length, output);
    output.clear();
  }
  analyzer.finish(output);
  return Date.now() - started;
}
