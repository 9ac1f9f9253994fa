/**
 * The browser side of the tests: drives the real worklet and Worker through the app's own
 * modules and hands plain results back to Node.
 */
import type { SpeakerTrack } from '../../../src/analysis/speaker-track.ts';
import { FRAME_FIELD_NAMES, type FrameFieldName } from '../../../src/dsp/frame-layout.ts';
import type { SpeakerRole, TimeSpan } from '../../../src/report/report-types.ts';
import { startLiveAnalysis, type LiveAnalysis, type LiveAnalysisOptions } from '../../../src/live/analysis-node.ts';
import { AnalysisCancelledError, analyzeRecording } from '../../../src/worker/analysis-client.ts';
import type { CancelledRun, E2EApi, LiveRun, OfflineRun, TrackDump, WorkerRun } from './api.ts';

/** Rejects when `promise` has not settled within `ms`, so a stuck run fails at once, with a reason. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Collects what a LiveAnalysis reports through its events, alongside its tracks. */
function observe(analysis: LiveAnalysis): () => LiveRun {
  const speech = new Map<SpeakerRole, TimeSpan[]>();
  const openStart = new Map<SpeakerRole, number>();
  const seen = { batches: 0, maxFramesPerBatch: 0, warmUpMs: Number.NaN, latencySec: Number.NaN };
  analysis.on('ready', (e) => {
    seen.warmUpMs = e.warmUpMs;
    seen.latencySec = e.latencySec;
  });
  analysis.on('frames', (e) => {
    if (e.role !== analysis.roles[0]) return;
    seen.batches++;
    seen.maxFramesPerBatch = Math.max(seen.maxFramesPerBatch, e.frameCount);
  });
  analysis.on('speechstart', (e) => openStart.set(e.role, e.timeSec));
  analysis.on('speechend', (e) => {
    const list = speech.get(e.role) ?? [];
    list.push({ start: openStart.get(e.role) ?? Number.NaN, end: e.timeSec });
    speech.set(e.role, list);
  });
  return (): LiveRun => ({
    sampleRate: analysis.sampleRate,
    durationSec: analysis.durationSec,
    tracks: analysis.roles.map((role, channel) => dumpTrack(role, analysis.tracks[channel], speech.get(role) ?? [])),
    report: analysis.report(),
    warmUpMs: seen.warmUpMs,
    latencySec: seen.latencySec,
    batches: seen.batches,
    maxFramesPerBatch: seen.maxFramesPerBatch,
  });
}

function dumpTrack(role: SpeakerRole, track: SpeakerTrack, speechFromEvents: TimeSpan[]): TrackDump {
  const fields = {} as Record<FrameFieldName, number[]>;
  for (const name of FRAME_FIELD_NAMES) fields[name] = Array.from(track.fields[name].view());
  return {
    role,
    frameCount: track.frameCount,
    fields,
    speech: track.speech.map((s) => ({ ...s })),
    syllableTimes: [...track.syllableTimes],
    speechFromEvents,
  };
}

/** Decodes without resampling: the decoding context runs at the file's own rate. */
async function decodeAt(url: string, sampleRate: number): Promise<AudioBuffer> {
  const bytes = await (await fetch(url)).arrayBuffer();
  return new OfflineAudioContext(1, 1, sampleRate).decodeAudioData(bytes);
}

/** One source per channel of `decoded` (agent, then customer), each playing from frame 0. */
function channelSources(ctx: BaseAudioContext, decoded: AudioBuffer): AudioBufferSourceNode[] {
  return Array.from({ length: decoded.numberOfChannels }, (_, c) => {
    const buffer = new AudioBuffer({ length: decoded.length, sampleRate: decoded.sampleRate, numberOfChannels: 1 });
    buffer.copyToChannel(decoded.getChannelData(c), 0);
    return new AudioBufferSourceNode(ctx, { buffer });
  });
}

async function renderOffline(url: string, sampleRate: number): Promise<OfflineRun> {
  const decoded = await decodeAt(url, sampleRate);
  const ctx = new OfflineAudioContext(1, decoded.length, sampleRate);
  const [agent, customer] = channelSources(ctx, decoded);
  const options: LiveAnalysisOptions = { totalSamples: decoded.length };
  const { analysis } = await startLiveAnalysis(ctx, agent, customer, options);
  const result = observe(analysis);
  agent.start(0);
  customer?.start(0);
  await ctx.startRendering();
  await within(analysis.finished, 10_000, 'the worklet did not report the end of the stream');
  return { ...result(), decodedLength: decoded.length };
}

async function captureMicrophone(seconds: number): Promise<LiveRun> {
  const stream = await navigator.mediaDevices.getUserMedia({
    audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false },
  });
  const ctx = new AudioContext();
  try {
    const source = ctx.createMediaStreamSource(stream);
    const graph = await startLiveAnalysis(ctx, source);
    const analysis = graph.analysis;
    const result = observe(analysis);
    await ctx.resume();
    const enough = new Promise<void>((resolve) => {
      const off = analysis.on('frames', () => {
        if (analysis.durationSec < seconds) return;
        off();
        resolve();
      });
    });
    await within(enough, (3 * seconds + 10) * 1000, `the microphone analysis did not reach ${seconds} s`);
    await within(analysis.stop(), 10_000, 'the worklet did not confirm the stop');
    graph.disconnect();
    return result();
  } finally {
    for (const track of stream.getTracks()) track.stop();
    await ctx.close();
  }
}

async function analyzeInWorker(url: string, sampleRate: number): Promise<WorkerRun> {
  const decoded = await decodeAt(url, sampleRate);
  const progress: number[] = [];
  const job = analyzeRecording([decoded.getChannelData(0).slice()], sampleRate, {
    onProgress: (fraction) => progress.push(fraction),
  });
  return { report: await job.result, progress };
}

async function cancelWorkerAnalysis(seconds: number, sampleRate: number): Promise<CancelledRun> {
  // A tone in noise: any content will do, the point is the length.
  const samples = new Float32Array(Math.round(seconds * sampleRate));
  for (let n = 0; n < samples.length; n++) samples[n] = 0.1 * Math.sin((2 * Math.PI * 150 * n) / sampleRate) + 0.01 * (Math.random() - 0.5);
  const progress: number[] = [];
  const job = analyzeRecording([samples], sampleRate, {
    onProgress: (fraction) => {
      if (progress.length === 0) job.cancel();
      progress.push(fraction);
    },
  });
  try {
    await job.result;
    return { progress, reportArrived: true, error: { name: '', message: '', fraction: null } };
  } catch (error) {
    const fraction = error instanceof AnalysisCancelledError ? error.fraction : null;
    const { name, message } = error instanceof Error ? error : new Error(String(error));
    return { progress, reportArrived: false, error: { name, message, fraction } };
  }
}

const api: E2EApi = { renderOffline, captureMicrophone, analyzeInWorker, cancelWorkerAnalysis };
window.luisterE2E = api;
