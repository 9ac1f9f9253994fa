import { ChannelAnalyzer, type ChannelAnalyzerOptions } from '../../src/dsp/channel-analyzer.ts';
import { CoreOutput } from '../../src/dsp/core-output.ts';
import { SpeakerTrack } from '../../src/analysis/speaker-track.ts';

/** Runs one channel through the core in blocks of `block` samples and returns what it measured. */
export function runCore(samples: ArrayLike<number>, sampleRate: number, block = 4096, options: ChannelAnalyzerOptions = {}): SpeakerTrack {
  const analyzer = new ChannelAnalyzer(sampleRate, { maxBlock: Math.max(block, 128), ...options });
  const out = new CoreOutput(analyzer.maxFramesPerBlock);
  const track = new SpeakerTrack();
  for (let from = 0; from < samples.length; from += block) {
    analyzer.process(samples, from, Math.min(samples.length, from + block), out);
    track.consume(out);
  }
  analyzer.finish(out);
  track.consume(out);
  return track;
}
