/**
 * The contract between the recorder worklet and its main-thread side. Free of DOM and worklet
 * globals, since both ends compile it.
 */

/** Name the recorder is registered under in the AudioWorkletGlobalScope. */
export const RECORDER_NAME = 'luister-practice-recorder';

export interface RecorderOptions {
  /** Channels recorded: 1 (agent) or 2 (agent, customer). */
  channelCount: number;
  /** Samples per channel in one block sent to the main thread. */
  blockLength: number;
}

/** Audio thread → main thread: `length` new samples per channel (the arrays may be longer). */
export interface RecorderBlock {
  type: 'block';
  length: number;
  channels: Float32Array[];
}

/** Audio thread → main thread: everything has been sent; the recorder has stopped. */
export interface RecorderFlushed {
  type: 'flushed';
  /** Samples per channel recorded in all. */
  samples: number;
}

export type RecorderMessage = RecorderBlock | RecorderFlushed;

/** Main thread → audio thread: send what is buffered, then stop. */
export interface RecorderFlush {
  type: 'flush';
}
