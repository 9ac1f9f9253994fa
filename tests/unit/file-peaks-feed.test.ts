/**
 * The pure parts of the review's streaming pass: waveform peaks built chunk by chunk, and the
 * feed that gives each decoded chunk to the analysis and the peaks. Whatever the chunk sizes, the
 * result must be what the whole recording at once gives.
 */
import { describe, expect, it } from 'vitest';
import { assignChannels } from '../../src/analysis/channel-roles.ts';
import { RecordingAnalyzer } from '../../src/analysis/recording-analyzer.ts';
import { PeakAccumulator, peaksOf } from '../../src/worker/peaks.ts';
import type { LaneRequest, LaneResponse } from '../../src/worker/lane-messages.ts';
import { LaneProcessor } from '../../src/worker/lane-processor.ts';
import { RecordingFeed } from '../../src/worker/recording-feed.ts';
import { SplitAnalysis, type LanePort } from '../../src/worker/split-analysis.ts';
import { voiceLikeSignal } from '../e2e/test-audio.ts';

/** Feeds `channels` to `push` in chunks of the given sizes (cycled), like a decoder would. */
function inChunks(channels: Float32Array[], sizes: number[], push: (planes: Float32Array[], frames: number) => void): void {
  const length = channels[0].length;
  for (let at = 0, k = 0; at < length; k++) {
    const frames = Math.min(sizes[k % sizes.length], length - at);
    // A reused, oversized buffer, as the Worker's decode loop hands them over.
    const planes = channels.map((c) => {
      const plane = new Float32Array(frames + 17).fill(9);
      plane.set(c.subarray(at, at + frames));
      return plane;
    });
    push(planes, frames);
    at += frames;
  }
}

describe('PeakAccumulator', () => {
  it('gives the peak magnitude of each step, a trailing partial step included', () => {
    const acc = new PeakAccumulator(1, 1000, 1, 100); // 10 samples a peak
    const samples = Float32Array.from({ length: 25 }, (_, i) => (i === 3 ? -0.8 : i === 14 ? 0.5 : i === 24 ? -0.25 : 0.1));
    acc.push([samples]);
    expect(Array.from(acc.result()[0])).toEqual([Math.fround(0.8), Math.fround(0.5), Math.fround(0.25)]);
  });

  it('chunked pushes equal one push of everything, and it grows past the expected length', () => {
    const rate = 8000;
    const voice = voiceLikeSignal(rate);
    const other = voiceLikeSignal(rate, { seed: 2 });
    const whole = peaksOf([voice, other], rate);
    expect(whole[0].length).toBe(Math.ceil(voice.length / Math.floor(rate / 200)));
    // Expected 0.1 s: it has to grow (by doubling) many times.
    const acc = new PeakAccumulator(2, rate, 0.1);
    inChunks([voice, other], [1, 7, 40, 333, 1024], (planes, frames) => acc.push(planes, 0, frames));
    const chunked = acc.result();
    expect(chunked.map((c) => Array.from(c))).toEqual(whole.map((c) => Array.from(c)));
    expect(Math.max(...chunked[0])).toBeGreaterThan(0.1);
  });
});

describe('RecordingFeed', () => {
  const rate = 16000;
  const agent = voiceLikeSignal(rate, { seed: 3 });
  const customer = voiceLikeSignal(rate, { seed: 4, pitchScale: 1.6 });

  it('gives the report RecordingAnalyzer gives on the whole recording, for any chunking', async () => {
    const reference = new RecordingAnalyzer(rate, assignChannels(2, { agentChannel: 1 }));
    reference.push([agent, customer]);
    const expected = reference.finish();

    const feed = new RecordingFeed({ sampleRate: rate, channelCount: 2, roles: { agentChannel: 1 }, expectedSeconds: 1 });
    inChunks([agent, customer], [1024, 4095, 17, 8192], (planes, frames) => feed.push(planes, frames));
    expect(feed.seconds).toBeCloseTo(agent.length / rate, 9);
    const outcome = await feed.finish();
    if (!outcome.ok) throw new Error(`no report: ${outcome.kind}`);
    expect(outcome.result.report).toEqual(expected);
    expect(outcome.result.report.speakers.agent?.channel).toBe(1);
    expect(outcome.result.channels).toBe(2);
    expect(outcome.result.notes).toEqual([]);
    expect(outcome.result.peaks.map((p) => Array.from(p))).toEqual(peaksOf([agent, customer], rate).map((p) => Array.from(p)));
  });

  it('of six channels analyses the first two and notes it', async () => {
    const silent = new Float32Array(agent.length);
    const feed = new RecordingFeed({ sampleRate: rate, channelCount: 6 });
    inChunks([agent, customer, silent, silent, silent, silent], [2048], (planes, frames) => feed.push(planes, frames));
    const outcome = await feed.finish();
    if (!outcome.ok) throw new Error(`no report: ${outcome.kind}`);
    expect(outcome.result.channels).toBe(2);
    expect(outcome.result.peaks).toHaveLength(2);
    expect(outcome.result.notes).toEqual([{ kind: 'channels-picked', channels: 6 }]);
    expect(Object.keys(outcome.result.report.speakers).sort()).toEqual(['agent', 'customer']);
  });

  it('refuses silence, nothing at all, and less than a second', async () => {
    const silent = new RecordingFeed({ sampleRate: rate, channelCount: 1 });
    silent.push([new Float32Array(rate * 2).fill(2 ** -18)], rate * 2);
    await expect(silent.finish()).resolves.toEqual({ ok: false, kind: 'no-audio', amount: 0 });

    await expect(new RecordingFeed({ sampleRate: rate, channelCount: 1 }).finish()).resolves.toEqual({ ok: false, kind: 'no-audio', amount: 0 });

    const short = new RecordingFeed({ sampleRate: rate, channelCount: 1 });
    short.push([agent.subarray(0, rate / 2)], rate / 2);
    await expect(short.finish()).resolves.toEqual({ ok: false, kind: 'too-short', amount: 0.5 });
  });

  it('will not read past what a chunk holds', () => {
    const feed = new RecordingFeed({ sampleRate: rate, channelCount: 2 });
    expect(() => feed.push([agent.subarray(0, 100), customer.subarray(0, 50)], 100)).toThrow(RangeError);
    expect(() => feed.push([agent.subarray(0, 100)], 100)).toThrow(RangeError);
  });
});

/**
 * The lane Worker in-process: each request is handled by a LaneProcessor, its answer delivered
 * a few milliseconds later (as a real Worker's would be), and the most pieces ever waiting noted.
 */
function fakeLane(): LanePort & { maxInFlight: number } {
  let lane: LaneProcessor | null = null;
  let waiting = 0;
  const port: LanePort & { maxInFlight: number } = {
    onmessage: null,
    maxInFlight: 0,
    postMessage(request: LaneRequest, options?: { transfer?: Transferable[] }) {
      // Moved, as to a real Worker: the sender's buffers are empty afterwards.
      if (options?.transfer?.length) request = structuredClone(request, { transfer: options.transfer as ArrayBuffer[] });
      const answer = (message: LaneResponse): void => {
        setTimeout(() => {
          if (message.type === 'batch') waiting--;
          port.onmessage?.({ data: message } as MessageEvent<LaneResponse>);
        }, 3);
      };
      if (request.type === 'start') lane = new LaneProcessor(request.sampleRate, request.role, request.options);
      else if (request.type === 'samples') {
        waiting++;
        port.maxInFlight = Math.max(port.maxInFlight, waiting);
        answer(lane!.push(request.samples));
      } else {
        waiting++;
        answer(lane!.finish());
        answer({ type: 'done' });
      }
    },
  };
  return port;
}

describe('SplitAnalysis (two speakers on two cores)', () => {
  it('gives exactly the report of one RecordingAnalyzer, and keeps few pieces in flight', async () => {
    const rate = 16000;
    // Long enough for many half-second pieces.
    const agentVoice = voiceLikeSignal(rate, { seed: 5 });
    const customerVoice = voiceLikeSignal(rate, { seed: 6, pitchScale: 1.6 });
    const agent = Float32Array.from({ length: rate * 12 }, (_, i) => agentVoice[i % agentVoice.length]);
    const customer = Float32Array.from({ length: rate * 12 }, (_, i) => customerVoice[i % customerVoice.length]);
    const assignments = assignChannels(2, { agentChannel: 1 });
    const reference = new RecordingAnalyzer(rate, assignments, { coach: { locale: 'en' } });
    reference.push([agent, customer]);
    const expected = reference.finish();

    const lane = fakeLane();
    const feed = new RecordingFeed({
      sampleRate: rate,
      channelCount: 2,
      roles: { agentChannel: 1 },
      options: { coach: { locale: 'en' } },
      analysis: (a) => new SplitAnalysis(rate, a, { coach: { locale: 'en' } }, lane),
    });
    // One push at a time, each awaited, as the Worker's decode loop does.
    const chunks: [Float32Array[], number][] = [];
    inChunks([agent, customer], [3000, 777, 12000], (planes, frames) => chunks.push([planes, frames]));
    for (const [planes, frames] of chunks) await feed.push(planes, frames);
    const outcome = await feed.finish();
    if (!outcome.ok) throw new Error(`no report: ${outcome.kind}`);
    expect(outcome.result.report).toEqual(expected);
    expect(outcome.result.report.speakers.customer?.channel).toBe(0);
    expect(lane.maxInFlight).toBeLessThanOrEqual(4);
    expect(lane.maxInFlight).toBeGreaterThan(0);
  });
});
