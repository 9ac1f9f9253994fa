/**
 * Main-thread side of the analysis worklet: loads the module, creates the AudioWorkletNode,
 * collects its batches into SpeakerTracks and turns them into typed events.
 */
// `?worker&url` makes Vite bundle the worklet and its imports into one module in a build and
// serve it transformed in dev; a plain `new URL('….ts', import.meta.url)` would ship raw TypeScript.
import type { CoachReportOptions } from '../coach/coach-report.ts';
import workletUrl from '../../worklets/luister-processor.ts?worker&url';
import { SpeakerTrack } from '../analysis/speaker-track.ts';
import type { CoreSettings, DeepPartial } from '../dsp/config.ts';
import { CoreEventKind, EVENT_STRIDE, eventTimeSec } from '../dsp/events.ts';
import { buildReport } from '../report/build-report.ts';
import type { Report, SpeakerRole } from '../report/report-types.ts';
import { TypedEmitter } from './emitter.ts';
import { buildLiveGraph, type AnalysisInput, type AnalysisTarget, type LiveGraph } from './live-graph.ts';
import {
  PROCESSOR_NAME,
  type BatchMessage,
  type ChannelBatch,
  type NodeMessage,
  type ProcessorMessage,
  type ProcessorOptions,
  type ReadyMessage,
} from './messages.ts';

export interface LiveAnalysisOptions {
  /** Settings overrides per speaker, e.g. a known speaker's pitch range. */
  settings?: Partial<Record<SpeakerRole, DeepPartial<CoreSettings>>>;
  /** End the stream after this many samples (offline rendering of a file of known length). */
  totalSamples?: number;
  /** Warm the core up before the first block (default true; the cost is reported on 'ready'). */
  warmUp?: boolean;
}

export interface FramesAddedEvent {
  role: SpeakerRole;
  track: SpeakerTrack;
  /** Stream index of the first new frame; the new frames are `firstFrame … firstFrame + frameCount - 1`. */
  firstFrame: number;
  frameCount: number;
}

/** One channel's batch as the processor sent it; its arrays are valid only during the event. */
export interface BatchAddedEvent {
  role: SpeakerRole;
  channel: number;
  batch: ChannelBatch;
}

export interface SpeechBoundaryEvent {
  role: SpeakerRole;
  /** Backdated to the first (start) or last (end) active frame's centre, s. */
  timeSec: number;
}

export interface LiveAnalysisEvents {
  ready: Omit<ReadyMessage, 'type'>;
  /** Before 'frames', for every batch (also one with events only): what a store of the frames needs. */
  batch: BatchAddedEvent;
  frames: FramesAddedEvent;
  speechstart: SpeechBoundaryEvent;
  speechend: SpeechBoundaryEvent;
  finished: { durationSec: number };
}

const moduleLoads = new WeakMap<BaseAudioContext, Promise<void>>();

/** Adds the worklet module to the context once; later calls share the first load. */
export function loadAnalysisWorklet(ctx: BaseAudioContext): Promise<void> {
  let load = moduleLoads.get(ctx);
  if (!load) {
    load = ctx.audioWorklet.addModule(workletUrl);
    // A failed load is not cached, so a retry can succeed.
    load.catch(() => moduleLoads.delete(ctx));
    moduleLoads.set(ctx, load);
  }
  return load;
}

/**
 * One analysis node and everything it has measured. Create it through `startLiveAnalysis`, or
 * directly once `loadAnalysisWorklet` has resolved for the context.
 */
export class LiveAnalysis extends TypedEmitter<LiveAnalysisEvents> implements AnalysisTarget {
  readonly node: AudioWorkletNode;
  readonly roles: readonly SpeakerRole[];
  /** One per input channel, in channel order. */
  get tracks(): readonly SpeakerTrack[] {
    return this.channelTracks;
  }
  private channelTracks: SpeakerTrack[];
  readonly sampleRate: number;
  /** Resolves when the processor has ended the stream; rejects if the processor failed. */
  readonly finished: Promise<void>;
  private samples = 0;

  constructor(ctx: BaseAudioContext, input: AnalysisInput, options: LiveAnalysisOptions = {}) {
    super();
    this.roles = input.roles;
    this.channelTracks = input.roles.map(() => new SpeakerTrack());
    this.sampleRate = ctx.sampleRate;
    const processorOptions: ProcessorOptions = {
      channels: input.roles.map((role) => ({ role, settings: options.settings?.[role] })),
      totalSamples: options.totalSamples,
      warmUp: options.warmUp,
    };
    this.node = new AudioWorkletNode(ctx, PROCESSOR_NAME, {
      numberOfInputs: 1,
      numberOfOutputs: 1,
      outputChannelCount: [1],
      channelCount: input.channelCount,
      channelCountMode: input.channelCountMode,
      channelInterpretation: input.channelInterpretation,
      processorOptions,
    });
    this.finished = new Promise<void>((resolve, reject) => {
      this.node.port.onmessage = (event: MessageEvent<ProcessorMessage>) => {
        if (this.receive(event.data)) resolve();
      };
      this.node.onprocessorerror = () => reject(new Error(`the ${PROCESSOR_NAME} processor failed`));
    });
    // Callers that never await `finished` must not see an unhandled rejection.
    this.finished.catch(() => undefined);
  }

  /** The track of one speaker, if this analysis has that speaker. */
  track(role: SpeakerRole): SpeakerTrack | undefined {
    const channel = this.roles.indexOf(role);
    return channel < 0 ? undefined : this.tracks[channel];
  }

  /**
   * From now on the tracks keep only the newest `frames` frames (SpeakerTrack.recent): for a long
   * live call whose frames are stored elsewhere as they come (see the 'batch' event). Call it
   * before the stream starts: the tracks are replaced, so whoever reads them must take them after.
   */
  keepRecentFrames(frames: number): void {
    if (this.samples > 0 || this.channelTracks.some((t) => t.frameCount > 0)) throw new Error('keepRecentFrames must be called before the first frame');
    this.channelTracks = this.roles.map(() => SpeakerTrack.recent(frames));
  }

  /** Seconds of input analysed so far. */
  get durationSec(): number {
    return this.samples / this.sampleRate;
  }

  /** Ends the stream now: the processor flushes its last frames and reports 'finished'. */
  stop(): Promise<void> {
    const stop: NodeMessage = { type: 'stop' };
    this.node.port.postMessage(stop);
    return this.finished;
  }

  /**
   * The report over everything analysed so far, in the command line's format. Needs tracks that
   * kept every frame: after `keepRecentFrames`, use `reportFrom` with the stored frames.
   */
  report(): Report {
    return this.reportFrom(this.tracks);
  }

  /** The report over `tracks` (one per channel, in channel order) for this analysis' call. */
  reportFrom(tracks: readonly SpeakerTrack[], coach?: CoachReportOptions): Report {
    if (tracks.length !== this.roles.length) throw new Error(`expected ${this.roles.length} tracks, got ${tracks.length}`);
    return buildReport({
      tracks: this.roles.map((role, channel) => ({ role, channel, track: tracks[channel] })),
      durationSec: this.durationSec,
      sampleRate: this.sampleRate,
      ...(coach ? { coach } : {}),
    });
  }

  /** @returns true once the stream has finished. */
  private receive(message: ProcessorMessage): boolean {
    switch (message.type) {
      case 'ready':
        this.emit('ready', { warmUpMs: message.warmUpMs, latencySec: message.latencySec });
        return false;
      case 'batch':
        this.addBatch(message);
        return false;
      case 'finished':
        this.samples = message.samples;
        this.emit('finished', { durationSec: this.durationSec });
        return true;
    }
  }

  private addBatch(message: BatchMessage): void {
    this.samples = message.samples;
    message.channels.forEach((batch, channel) => {
      const role = this.roles[channel];
      const track = this.channelTracks[channel];
      track.addBatch(batch.frames, batch.frameCount, batch.events, batch.eventCount);
      if (batch.frameCount > 0 || batch.eventCount > 0) this.emit('batch', { role, channel, batch });
      if (batch.frameCount > 0) {
        this.emit('frames', { role, track, firstFrame: batch.firstFrame, frameCount: batch.frameCount });
      }
      for (let e = 0; e < batch.eventCount; e++) {
        const kind = batch.events[e * EVENT_STRIDE];
        const timeSec = eventTimeSec(batch.events[e * EVENT_STRIDE + 1]);
        if (kind === CoreEventKind.SpeechStart) this.emit('speechstart', { role, timeSec });
        else if (kind === CoreEventKind.SpeechEnd) this.emit('speechend', { role, timeSec });
      }
    });
  }
}

/**
 * Loads the worklet and wires `agentSource` (and `customerSource`, when given) into a new
 * LiveAnalysis. Works the same in an AudioContext (microphone, call audio) and an
 * OfflineAudioContext (a file rendered faster than real time, with `totalSamples`).
 */
export async function startLiveAnalysis(
  ctx: BaseAudioContext,
  agentSource: AudioNode,
  customerSource?: AudioNode,
  options: LiveAnalysisOptions = {},
): Promise<LiveGraph<LiveAnalysis>> {
  await loadAnalysisWorklet(ctx);
  return buildLiveGraph(ctx, agentSource, customerSource, (c, input) => new LiveAnalysis(c, input, options));
}
