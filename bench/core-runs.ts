/**
 * The in-process measurements: the core per render quantum as the worklet runs it, its allocation
 * per quantum, heap growth over a long stream, and offline throughput of the whole analysis.
 */
import { performance } from 'node:perf_hooks';
import { assignChannels } from '../src/analysis/channel-roles.ts';
import { RecordingAnalyzer } from '../src/analysis/recording-analyzer.ts';
import { ChannelAnalyzer } from '../src/dsp/channel-analyzer.ts';
import { CoreOutput } from '../src/dsp/core-output.ts';
import { EVENT_STRIDE } from '../src/dsp/events.ts';
import { FRAME_STRIDE, FrameField } from '../src/dsp/frame-layout.ts';
import { allocationSites, measureAllocation, type AllocationResult, type AllocationSite, type GcFunction, type GcLog } from './measure.ts';
import { distribution, type Distribution } from './report.ts';
import { LoopSource } from './speech-source.ts';

export const QUANTUM = 128;

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * What a worklet does with the output: read every frame and event, then clear. Allocation-free:
 * the sum goes into a typed array, as a returned double could be boxed if this is not inlined.
 */
function drain(out: CoreOutput, sink: Float64Array): void {
  let sum = 0;
  const frames = out.frames;
  for (let f = 0; f < out.frameCount; f++) {
    const at = f * FRAME_STRIDE;
    sum += frames[at + FrameField.f0Hz] + frames[at + FrameField.levelDb] + frames[at + FrameField.bandDb];
  }
  for (let e = 0; e < out.eventCount; e++) sum += out.events[e * EVENT_STRIDE + 1];
  sink[0] += sum;
  out.clear();
}

/** One worklet-like host: a ChannelAnalyzer and CoreOutput per channel, fed 128 samples at a time. */
class QuantumHost {
  readonly analyzers: ChannelAnalyzer[];
  readonly outputs: CoreOutput[];
  readonly inputs: Float32Array[];
  readonly source: LoopSource;
  /** Keeps what was read observable; a typed array so that storing into it never allocates. */
  readonly sink = new Float64Array(1);

  constructor(loop: Float32Array[], sampleRate: number) {
    this.source = new LoopSource(loop);
    this.analyzers = loop.map(() => new ChannelAnalyzer(sampleRate, { maxBlock: QUANTUM }));
    this.outputs = this.analyzers.map((a) => new CoreOutput(a.maxFramesPerBlock));
    this.inputs = loop.map(() => new Float32Array(QUANTUM));
  }

  /** The audio callback's input arrives: copy the next quantum in (not part of the core's cost). */
  feed(): void {
    this.source.fill(this.inputs, QUANTUM);
  }

  /** The core's work for one quantum, all channels; returns frames emitted. */
  run(): number {
    let frames = 0;
    for (let c = 0; c < this.analyzers.length; c++) {
      const out = this.outputs[c];
      this.analyzers[c].process(this.inputs[c], 0, QUANTUM, out);
      frames += out.frameCount;
      drain(out, this.sink);
    }
    return frames;
  }
}

export interface QuantumTiming {
  channels: number;
  quanta: number;
  /** Per quantum, all channels, µs. */
  total: Distribution;
  /** Per quantum per channel (total / channels), µs. */
  perChannel: Distribution;
  /** Median of quanta in which a frame was emitted, and of those in which none was, µs. */
  medianWithFrame: number;
  medianWithoutFrame: number;
  over500PerChannel: number;
  gcsDuringTiming: number;
  /**
   * Process CPU time over wall time during the timed run: well under 100 % means other work on
   * the machine took the CPU away, and the tail (p99.9, max) shows that rather than the core.
   */
  cpuShare: number;
}

export async function timeQuanta(log: GcLog, loop: Float32Array[], sampleRate: number, warmupSec: number, measureSec: number): Promise<QuantumTiming> {
  const host = new QuantumHost(loop, sampleRate);
  const warm = Math.ceil((warmupSec * sampleRate) / QUANTUM);
  const n = Math.ceil((measureSec * sampleRate) / QUANTUM);
  for (let q = 0; q < warm; q++) {
    host.feed();
    host.run();
  }
  const durations = new Float64Array(n);
  const emitted = new Uint8Array(n);
  const cpuBefore = process.cpuUsage();
  const from = performance.now();
  for (let q = 0; q < n; q++) {
    host.feed();
    const t0 = process.hrtime.bigint();
    const frames = host.run();
    const t1 = process.hrtime.bigint();
    durations[q] = Number(t1 - t0) / 1000;
    emitted[q] = frames > 0 ? 1 : 0;
  }
  const to = performance.now();
  const cpu = process.cpuUsage(cpuBefore);
  await log.flush();
  const channels = loop.length;
  const perChannelValues = durations.map((d) => d / channels);
  const withFrame = durations.filter((_, i) => emitted[i] === 1);
  const withoutFrame = durations.filter((_, i) => emitted[i] === 0);
  return {
    channels,
    quanta: n,
    total: distribution(durations, n),
    perChannel: distribution(perChannelValues, n),
    medianWithFrame: withFrame.length > 0 ? distribution(withFrame, withFrame.length).median : NaN,
    medianWithoutFrame: withoutFrame.length > 0 ? distribution(withoutFrame, withoutFrame.length).median : NaN,
    over500PerChannel: perChannelValues.filter((d) => d > 500).length,
    gcsDuringTiming: log.countBetween(from, to),
    cpuShare: (cpu.user + cpu.system) / 1000 / (to - from),
  };
}

export interface QuantumAllocation {
  channels: number;
  /** The repetition with the least growth (one-off JIT work can land in any single one). */
  core: AllocationResult;
  coreRuns: AllocationResult[];
  /** The same loop without the core (input copy only), to show what the harness itself costs. */
  control: AllocationResult;
  /** When the core allocates: which functions, from V8's sampling heap profiler. */
  sites: AllocationSite[];
}

export async function quantumAllocation(
  gc: GcFunction,
  log: GcLog,
  loop: Float32Array[],
  sampleRate: number,
  quanta: number,
  root: string,
): Promise<QuantumAllocation> {
  const host = new QuantumHost(loop, sampleRate);
  const step = (): void => {
    host.feed();
    host.run();
  };
  const feedOnly = (): void => host.feed();
  // Warm-up: a minute of audio, so everything is optimised before counting. With a few seconds
  // only, the optimising compiler was still at work during the first measurement: its code
  // objects, and heap numbers from code not yet optimised, showed up as about 10 B/quantum. It
  // can still be settling in the first repetitions after that, hence five, the least kept.
  for (let q = 0; q < Math.ceil((60 * sampleRate) / QUANTUM); q++) step();
  const least = (runs: AllocationResult[]): AllocationResult => runs.reduce((a, b) => (b.deltaBytes < a.deltaBytes ? b : a));
  const controlRuns: AllocationResult[] = [];
  const coreRuns: AllocationResult[] = [];
  for (let r = 0; r < 5; r++) {
    controlRuns.push(await measureAllocation(gc, log, quanta, feedOnly));
    coreRuns.push(await measureAllocation(gc, log, quanta, step));
  }
  const core = least(coreRuns);
  const control = least(controlRuns);
  const sites = core.deltaBytes - control.deltaBytes > 1024 ? (await allocationSites(quanta, step, root)).sites : [];
  return { channels: loop.length, core, coreRuns, control, sites };
}

export interface HeapGrowth {
  audioSec: number;
  startBytes: number;
  endBytes: number;
  gcs: number;
  wallSec: number;
}

/** heapUsed after gc() before and after `audioSec` of streamed quanta through ChannelAnalyzer alone. */
export async function heapGrowth(gc: GcFunction, log: GcLog, loop: Float32Array[], sampleRate: number, audioSec: number): Promise<HeapGrowth> {
  const host = new QuantumHost(loop, sampleRate);
  const n = Math.ceil((audioSec * sampleRate) / QUANTUM);
  gc();
  const startBytes = process.memoryUsage().heapUsed;
  const from = performance.now();
  for (let q = 0; q < n; q++) {
    host.feed();
    host.run();
    if (q % 16384 === 16383) await yieldToEventLoop();
  }
  const to = performance.now();
  gc();
  const endBytes = process.memoryUsage().heapUsed;
  await log.flush();
  // The forced gc() at the end is not part of the run.
  return { audioSec, startBytes, endBytes, gcs: log.countBetween(from, to), wallSec: (to - from) / 1000 };
}

export interface OfflineRun {
  sampleRate: number;
  channels: number;
  audioSec: number;
  wallSec: number;
  finishSec: number;
  /** Audio seconds per wall second, all channels together. */
  xRealTime: number;
  /** Channel-seconds per wall second. */
  xRealTimePerChannel: number;
  speechSec: number[];
  syllables: number[];
  frames: number;
  heapAfterBytes: number;
  /** CPU seconds (user + system) of this process during the run: the analysis runs on one thread. */
  cpuSec: number;
}

/**
 * The whole offline analysis (RecordingAnalyzer incl. report building) on `audioSec` of looped
 * speech, generated block by block (4096 samples), never held whole.
 */
export async function offlineRun(gc: GcFunction, loop: Float32Array[], sampleRate: number, audioSec: number): Promise<OfflineRun> {
  gc();
  const channels = loop.length;
  const source = new LoopSource(loop);
  const block = 4096;
  const buffers = loop.map(() => new Float32Array(block));
  const total = Math.round(audioSec * sampleRate);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const analyzer = new RecordingAnalyzer(sampleRate, assignChannels(channels));
  for (let done = 0, blocks = 0; done < total; blocks++) {
    const n = Math.min(block, total - done);
    source.fill(buffers, n);
    analyzer.push(buffers, 0, n);
    done += n;
    // Let the event loop in now and then (well under a second apart) so Ctrl-C is handled.
    if (blocks % 128 === 127) await yieldToEventLoop();
  }
  const t1 = performance.now();
  const report = analyzer.finish();
  const t2 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  const heapAfterBytes = process.memoryUsage().heapUsed;
  const speakers = Object.values(report.speakers).filter((s) => s !== undefined);
  const wallSec = (t2 - t0) / 1000;
  return {
    sampleRate,
    channels,
    audioSec,
    wallSec,
    finishSec: (t2 - t1) / 1000,
    xRealTime: audioSec / wallSec,
    xRealTimePerChannel: (audioSec * channels) / wallSec,
    speechSec: speakers.map((s) => s.summary.speechSec),
    syllables: speakers.map((s) => s.summary.syllables),
    frames: speakers[0]?.frames.f0Hz.length ?? 0,
    heapAfterBytes,
    cpuSec: (cpu.user + cpu.system) / 1e6,
  };
}
