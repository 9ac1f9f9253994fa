/**
 * Main-thread side of the recorder worklet: loads it, creates the node and hands each block of
 * audio to a callback (the ChunkWriter).
 */
// Bundled like the analysis worklet (see src/live/analysis-node.ts for why `?worker&url`).
import recorderUrl from './recorder-processor.ts?worker&url';
import { RECORDER_NAME, type RecorderFlush, type RecorderMessage, type RecorderOptions } from './recorder-messages.ts';

/** Blocks per second the recorder sends: small copies, and at most 0.1 s waits on the audio thread. */
const BLOCKS_PER_SEC = 10;
/** How long `flush` waits for the audio thread before giving up (a closed or stalled context). */
const FLUSH_TIMEOUT_MS = 2000;

const loads = new WeakMap<BaseAudioContext, Promise<void>>();

export function loadRecorderWorklet(ctx: BaseAudioContext): Promise<void> {
  let load = loads.get(ctx);
  if (!load) {
    load = ctx.audioWorklet.addModule(recorderUrl);
    load.catch(() => loads.delete(ctx));
    loads.set(ctx, load);
  }
  return load;
}

export type BlockListener = (channels: Float32Array[], length: number) => void;

export class RecorderNode {
  readonly node: AudioWorkletNode;
  readonly channelCount: number;
  private listener: BlockListener | null = null;
  private flushed: (() => void) | null = null;
  private done = false;
  /** Samples per channel the audio thread reported at the end. */
  samples = 0;

  /** Call after `loadRecorderWorklet(ctx)` has resolved. */
  constructor(ctx: BaseAudioContext, channelCount: number) {
    this.channelCount = channelCount;
    const processorOptions: RecorderOptions = {
      channelCount,
      // A whole number of render quanta, so blocks end where quanta end.
      blockLength: Math.ceil(ctx.sampleRate / BLOCKS_PER_SEC / 128) * 128,
    };
    this.node = new AudioWorkletNode(ctx, RECORDER_NAME, {
      numberOfInputs: 1,
      numberOfOutputs: 1,
      outputChannelCount: [1],
      channelCount,
      channelCountMode: 'explicit',
      // Two channels are agent and customer and must stay apart; one channel down-mixes a stereo mic.
      channelInterpretation: channelCount === 2 ? 'discrete' : 'speakers',
      processorOptions,
    });
    this.node.port.onmessage = (event: MessageEvent<RecorderMessage>) => this.receive(event.data);
  }

  /** Where blocks go; one listener at a time. */
  onBlock(listener: BlockListener | null): void {
    this.listener = listener;
  }

  /**
   * Asks the audio thread for the samples it still holds and waits until they have arrived (or
   * the timeout passes: a closed context answers nothing). The recorder stops afterwards.
   */
  flush(timeoutMs = FLUSH_TIMEOUT_MS): Promise<void> {
    if (this.done) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.flushed = null;
        resolve();
      }, timeoutMs);
      this.flushed = () => {
        clearTimeout(timer);
        resolve();
      };
      const message: RecorderFlush = { type: 'flush' };
      this.node.port.postMessage(message);
    });
  }

  /** Disconnects the node and drops the listener. */
  dispose(): void {
    this.listener = null;
    this.node.port.onmessage = null;
    this.node.disconnect();
  }

  private receive(message: RecorderMessage): void {
    if (message.type === 'block') {
      this.listener?.(message.channels, message.length);
    } else {
      this.done = true;
      this.samples = message.samples;
      this.flushed?.();
      this.flushed = null;
    }
  }
}
