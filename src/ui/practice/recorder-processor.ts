/**
 * The recorder: an AudioWorkletProcessor that copies its input (the same channels the analysis
 * node receives: agent, and customer when there is one) into preallocated blocks and posts each
 * full block to the main thread, which writes them to storage in chunks of at most a second.
 *
 * Why a second worklet and not the analysis worklet: the analysis worklet decimates to ~16 kHz
 * inside the core and sends only frames; teaching it to forward raw audio would put recording
 * concerns into the DSP host that the command line and the file Worker share. Why not a
 * ScriptProcessorNode: it runs on the main thread, so a busy page would drop audio, and it is
 * deprecated. Why not MediaRecorder: it encodes compressed audio on its own clock, with no sample
 * alignment to the analysis and no way to put two sources on two channels without a merger
 * anyway.
 *
 * The audio thread is never blocked: `process` only copies into buffers made in the constructor;
 * posting the block reuses one message object, and postMessage copies the data synchronously, so
 * the same arrays are filled again at once (the trade-off src/live's BatchSender explains). A block
 * of ~0.1 s keeps that copy around 20 kB per channel, ten times a second.
 */
import { RECORDER_NAME, type RecorderBlock, type RecorderFlush, type RecorderFlushed, type RecorderOptions } from './recorder-messages.ts';

// The AudioWorkletGlobalScope's globals. This file is compiled with the app (DOM types), so they
// are declared here instead of pulling the audioworklet types into every module.
declare const sampleRate: number;
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
  constructor(options?: AudioWorkletNodeOptions);
}
declare function registerProcessor(
  name: string,
  processor: new (options: AudioWorkletNodeOptions & { processorOptions?: RecorderOptions }) => AudioWorkletProcessor,
): void;

class RecorderProcessor extends AudioWorkletProcessor {
  private readonly blocks: Float32Array[] = [];
  private readonly blockLength: number;
  private readonly message: RecorderBlock;
  private fill = 0;
  private samples = 0;
  private stopped = false;

  constructor(options: AudioWorkletNodeOptions & { processorOptions?: RecorderOptions }) {
    super(options);
    const config = options.processorOptions;
    const channelCount = config?.channelCount ?? 1;
    this.blockLength = Math.max(128, config?.blockLength ?? Math.round(sampleRate / 10));
    for (let c = 0; c < channelCount; c++) this.blocks.push(new Float32Array(this.blockLength));
    this.message = { type: 'block', length: 0, channels: this.blocks };
    this.port.onmessage = (event: MessageEvent<RecorderFlush>) => {
      if (event.data.type === 'flush') this.flush();
    };
  }

  process(inputs: Float32Array[][]): boolean {
    if (this.stopped) return false;
    const input = inputs[0];
    // Nothing connected: no channels. The quantum is 128 frames unless the context says otherwise.
    const quantum = input.length > 0 ? input[0].length : 128;
    let from = 0;
    while (from < quantum) {
      const take = Math.min(quantum - from, this.blockLength - this.fill);
      for (let c = 0; c < this.blocks.length; c++) {
        const block = this.blocks[c];
        if (c < input.length) {
          const source = input[c];
          for (let i = 0; i < take; i++) block[this.fill + i] = source[from + i];
        } else {
          block.fill(0, this.fill, this.fill + take);
        }
      }
      this.fill += take;
      from += take;
      if (this.fill === this.blockLength) this.send();
    }
    this.samples += quantum;
    return true;
  }

  private send(): void {
    if (this.fill === 0) return;
    this.message.length = this.fill;
    this.port.postMessage(this.message);
    this.fill = 0;
  }

  /** Sends the partial block and stops; called once, at the end of the call. */
  private flush(): void {
    if (this.stopped) return;
    this.send();
    this.stopped = true;
    const flushed: RecorderFlushed = { type: 'flushed', samples: this.samples };
    this.port.postMessage(flushed);
  }
}

registerProcessor(RECORDER_NAME, RecorderProcessor);
