/**
 * The live host of the DSP core: an AudioWorkletProcessor that runs one ChannelAnalyzer per
 * analysed channel and sends frames and events to the main thread in batches.
 *
 * Input layout: ONE input. Mono analysis takes it as one channel (the node down-mixes whatever
 * is connected); agent + customer take it as two discrete channels, 0 = agent, 1 = customer,
 * built on the main thread with a ChannelMergerNode (src/live/live-graph.ts). One input rather
 * than two keeps a single channel-count rule and lets any stereo source be connected directly.
 *
 * Nothing in `process` allocates or logs: every buffer is made in the constructor.
 */
import { ChannelAnalyzer } from '../src/dsp/channel-analyzer.ts';
import {
  PROCESSOR_NAME,
  type NodeMessage,
  type ProcessorOptions,
  type ReadyMessage,
  type FinishedMessage,
} from '../src/live/messages.ts';
import { BatchSender, batchFrameCapacity } from './batch-sender.ts';
import { warmUpCore } from './warm-up.ts';

/** Largest block handed to the core; a render quantum is 128 frames unless the context says more. */
const CORE_BLOCK = 128;
/** Batches per second at most: often enough for a live display, rare enough to cost nothing. */
const BATCHES_PER_SEC = 20;

/** JIT warm-up is per global scope: a second node in the same context finds the code compiled. */
let coreIsWarm = false;

class LuisterProcessor extends AudioWorkletProcessor implements AudioWorkletProcessorImpl {
  private readonly analyzers: ChannelAnalyzer[] = [];
  private readonly sender: BatchSender;
  /** Fed to the core for blocks where nothing is connected, so time keeps running. */
  private readonly silence = new Float32Array(CORE_BLOCK);
  private readonly totalSamples: number;
  private readonly samplesPerBatch: number;
  private samples = 0;
  private samplesSinceBatch = 0;
  private finished = false;

  constructor(options: { processorOptions?: ProcessorOptions }) {
    super();
    const config = options.processorOptions;
    const channels = config?.channels ?? [];
    if (channels.length < 1 || channels.length > 2) {
      throw new RangeError(`${PROCESSOR_NAME} analyses one or two channels, got ${channels.length}`);
    }
    const total = config?.totalSamples;
    if (total !== undefined && !(Number.isInteger(total) && total >= 0)) {
      throw new RangeError(`totalSamples must be a whole number of samples, got ${total}`);
    }
    this.totalSamples = total ?? Infinity;
    this.samplesPerBatch = Math.ceil(sampleRate / BATCHES_PER_SEC);

    let warmUpMs = 0;
    if (config?.warmUp !== false && !coreIsWarm) {
      warmUpMs = warmUpCore(sampleRate, { maxBlock: CORE_BLOCK, settings: channels[0].settings });
      coreIsWarm = true;
    }
    for (const channel of channels) {
      this.analyzers.push(new ChannelAnalyzer(sampleRate, { maxBlock: CORE_BLOCK, settings: channel.settings }));
    }
    const capacity = Math.max(...this.analyzers.map((a) => batchFrameCapacity(a, this.samplesPerBatch)));
    this.sender = new BatchSender(this.port, channels.length, capacity);

    this.port.onmessage = (event: MessageEvent<NodeMessage>) => {
      if (event.data.type === 'stop') this.finish();
    };
    const ready: ReadyMessage = { type: 'ready', warmUpMs, latencySec: this.analyzers[0].latencySec };
    this.port.postMessage(ready);
  }

  process(inputs: Float32Array[][], outputs: Float32Array[][]): boolean {
    if (this.finished) return false;
    const input = inputs[0];
    // A disconnected input has no channels; the output always carries the quantum's length.
    const quantum = input.length > 0 ? input[0].length : (outputs[0]?.[0]?.length ?? CORE_BLOCK);
    const length = Math.min(quantum, this.totalSamples - this.samples);
    for (let from = 0; from < length; from += CORE_BLOCK) {
      const to = Math.min(length, from + CORE_BLOCK);
      for (let c = 0; c < this.analyzers.length; c++) {
        if (c < input.length) this.analyzers[c].process(input[c], from, to, this.sender.output(c));
        else this.analyzers[c].process(this.silence, 0, to - from, this.sender.output(c));
      }
      this.samples += to - from;
      this.samplesSinceBatch += to - from;
      if (this.samplesSinceBatch >= this.samplesPerBatch) this.sendBatch();
    }
    if (this.samples >= this.totalSamples) this.finish();
    return !this.finished;
  }

  private sendBatch(): void {
    this.sender.send(this.samples);
    this.samplesSinceBatch = 0;
  }

  /** Ends the stream: flushes the core's latency, closes open segments, reports 'finished'. */
  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.sendBatch();
    for (let c = 0; c < this.analyzers.length; c++) this.analyzers[c].finish(this.sender.output(c));
    this.sendBatch();
    // Allocated once, at the end of the stream.
    const finished: FinishedMessage = { type: 'finished', samples: this.samples };
    this.port.postMessage(finished);
  }
}

registerProcessor(PROCESSOR_NAME, LuisterProcessor);
