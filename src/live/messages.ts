/**
 * The contract between the analysis worklet (audio thread) and its main-thread node. Both ends
 * import these types, so a message that one side sends and the other does not understand is a
 * compile error. Kept free of DOM and worklet globals: it is compiled under both.
 */
import type { CoreSettings, DeepPartial } from '../dsp/config.ts';
import type { SpeakerRole } from '../report/report-types.ts';

/** Name the processor is registered under in the AudioWorkletGlobalScope. */
export const PROCESSOR_NAME = 'luister-analysis';

/** One analysed input channel: whose voice it carries and that speaker's settings overrides. */
export interface AnalysedChannel {
  role: SpeakerRole;
  settings?: DeepPartial<CoreSettings>;
}

/** `processorOptions` of the AudioWorkletNode. The input rate is the worklet's global `sampleRate`. */
export interface ProcessorOptions {
  /** In input channel order: one channel (mono) or two (agent, customer) on the node's one input. */
  channels: AnalysedChannel[];
  /**
   * When set, the processor ends the stream by itself after this many samples, exactly as the
   * command line does at the end of a file (an OfflineAudioContext renders whole quanta, so the
   * last one would otherwise add padding the file does not have).
   */
  totalSamples?: number;
  /** Run the core once on a throwaway analyser before the first block (default true). */
  warmUp?: boolean;
}

/** Frames and events of one channel since the previous batch, in CoreOutput's layout. */
export interface ChannelBatch {
  /** Stream index of the first frame in `frames`. */
  firstFrame: number;
  frameCount: number;
  eventCount: number;
  /** FRAME_STRIDE numbers per frame; only the first `frameCount` frames are meaningful. */
  frames: Float64Array;
  /** [kind, frame] pairs (see CoreEventKind); only the first `eventCount` are meaningful. */
  events: Float64Array;
}

export interface ReadyMessage {
  type: 'ready';
  /** Time the constructor spent warming the core up, ms (0 when skipped). */
  warmUpMs: number;
  /** Delay from a sample's arrival to the frame centred on it, s. */
  latencySec: number;
}

export interface BatchMessage {
  type: 'batch';
  /** Input samples analysed so far, per channel. */
  samples: number;
  /** In the order of `ProcessorOptions.channels`. */
  channels: ChannelBatch[];
}

export interface FinishedMessage {
  type: 'finished';
  /** Input samples analysed in all, per channel. */
  samples: number;
}

/** Audio thread → main thread. */
export type ProcessorMessage = ReadyMessage | BatchMessage | FinishedMessage;

/** Main thread → audio thread: end the stream now (flushes the frames still in the core). */
export interface StopMessage {
  type: 'stop';
}

export type NodeMessage = StopMessage;
