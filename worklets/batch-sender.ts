import type { ChannelAnalyzer } from '../src/dsp/channel-analyzer.ts';
import { FRAMES_PER_SEC } from '../src/dsp/config.ts';
import { CoreOutput } from '../src/dsp/core-output.ts';
import type { BatchMessage, ChannelBatch } from '../src/live/messages.ts';

/**
 * Collects the core's output for every channel and posts it to the main thread as one batch.
 *
 * Transport: the batch message is allocated once and points straight at each CoreOutput's
 * arrays; `send` fills in the counts, posts it and clears the outputs. postMessage clones the
 * message synchronously, so the arrays can be reused at once. A pool of transferred ArrayBuffers
 * was the alternative, but every buffer the main thread hands back arrives on the audio thread as
 * a new MessageEvent and ArrayBuffer object, i.e. garbage on the audio thread's heap 20 times a
 * second; the copy made here is under 2 kB per channel per batch and leaves nothing behind.
 */
export class BatchSender {
  private readonly port: MessagePort;
  private readonly outputs: CoreOutput[] = [];
  private readonly message: BatchMessage;

  constructor(port: MessagePort, channelCount: number, frameCapacity: number) {
    this.port = port;
    const channels: ChannelBatch[] = [];
    for (let c = 0; c < channelCount; c++) {
      const output = new CoreOutput(frameCapacity);
      this.outputs.push(output);
      channels.push({ firstFrame: 0, frameCount: 0, eventCount: 0, frames: output.frames, events: output.events });
    }
    this.message = { type: 'batch', samples: 0, channels };
  }

  /** Where the core writes channel `c`'s frames and events. */
  output(channel: number): CoreOutput {
    return this.outputs[channel];
  }

  /** Posts what has accumulated, if anything, and empties the outputs. */
  send(samples: number): void {
    let pending = 0;
    for (let c = 0; c < this.outputs.length; c++) {
      const output = this.outputs[c];
      const batch = this.message.channels[c];
      batch.firstFrame = output.firstFrameIndex;
      batch.frameCount = output.frameCount;
      batch.eventCount = output.eventCount;
      pending += output.frameCount + output.eventCount;
    }
    if (pending === 0) return;
    this.message.samples = samples;
    this.port.postMessage(this.message);
    for (let c = 0; c < this.outputs.length; c++) this.outputs[c].clear();
  }
}

/**
 * Frames a CoreOutput must hold when it is sent after at most `samplesPerBatch` samples: what
 * `process` emits over that span plus one block, and then what one `finish` may add.
 */
export function batchFrameCapacity(analyzer: ChannelAnalyzer, samplesPerBatch: number): number {
  const hop = analyzer.sampleRate / FRAMES_PER_SEC;
  return Math.ceil((samplesPerBatch + analyzer.maxBlock) / hop) + 1 + analyzer.maxFramesPerBlock;
}
