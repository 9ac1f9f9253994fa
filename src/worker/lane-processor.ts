/**
 * The lane Worker's work, without the Worker: one channel through the core, its output handed
 * back in batches that SpeakerTrack.addBatch takes as they are. The core is built as
 * RecordingAnalyzer builds it for that speaker (same block size and settings), so the frames are
 * the ones RecordingAnalyzer would have made.
 */
import { createSpeakerCore, RECORDING_BLOCK, type RecordingAnalyzerOptions } from '../analysis/recording-analyzer.ts';
import type { ChannelAssignment } from '../analysis/channel-roles.ts';
import type { ChannelAnalyzer } from '../dsp/channel-analyzer.ts';
import type { CoreOutput } from '../dsp/core-output.ts';
import { EVENT_STRIDE } from '../dsp/events.ts';
import { FRAME_STRIDE } from '../dsp/frame-layout.ts';
import type { LaneResponse } from './lane-messages.ts';

export class LaneProcessor {
  private readonly analyzer: ChannelAnalyzer;
  private readonly output: CoreOutput;
  private frames: Float64Array = new Float64Array(1024 * FRAME_STRIDE);
  private events: Float64Array = new Float64Array(64 * EVENT_STRIDE);
  private frameCount = 0;
  private eventCount = 0;

  constructor(sampleRate: number, role: ChannelAssignment['role'], options: RecordingAnalyzerOptions = {}) {
    ({ analyzer: this.analyzer, output: this.output } = createSpeakerCore(sampleRate, role, options));
  }

  /** Analyses the next stretch; returns what the core made of it. */
  push(samples: Float32Array): Extract<LaneResponse, { type: 'batch' }> {
    for (let from = 0; from < samples.length; from += RECORDING_BLOCK) {
      this.analyzer.process(samples, from, Math.min(samples.length, from + RECORDING_BLOCK), this.output);
      this.collect();
    }
    return this.take();
  }

  /** The frames still pending at the end of the recording. */
  finish(): Extract<LaneResponse, { type: 'batch' }> {
    this.analyzer.finish(this.output);
    this.collect();
    return this.take();
  }

  private collect(): void {
    const out = this.output;
    this.frames = ensure(this.frames, (this.frameCount + out.frameCount) * FRAME_STRIDE);
    this.frames.set(out.frames.subarray(0, out.frameCount * FRAME_STRIDE), this.frameCount * FRAME_STRIDE);
    this.frameCount += out.frameCount;
    this.events = ensure(this.events, (this.eventCount + out.eventCount) * EVENT_STRIDE);
    this.events.set(out.events.subarray(0, out.eventCount * EVENT_STRIDE), this.eventCount * EVENT_STRIDE);
    this.eventCount += out.eventCount;
    out.clear();
  }

  private take(): Extract<LaneResponse, { type: 'batch' }> {
    const batch = {
      type: 'batch' as const,
      frames: this.frames.slice(0, this.frameCount * FRAME_STRIDE),
      frameCount: this.frameCount,
      events: this.events.slice(0, this.eventCount * EVENT_STRIDE),
      eventCount: this.eventCount,
    };
    this.frameCount = 0;
    this.eventCount = 0;
    return batch;
  }
}

function ensure(buffer: Float64Array, length: number): Float64Array {
  if (length <= buffer.length) return buffer;
  const grown = new Float64Array(Math.max(length, buffer.length * 2));
  grown.set(buffer);
  return grown;
}
