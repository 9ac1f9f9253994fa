import { EVENT_STRIDE, type CoreEventKind, type EventWriter } from './events.ts';
import { FRAME_STRIDE } from './frame-layout.ts';

/**
 * Caller-owned storage the core writes into: frames (FRAME_STRIDE numbers each) and events
 * ([kind, frame] pairs, see CoreEventKind). Allocated once for a known largest input block; the caller reads it
 * after each `process` call and then calls `clear`.
 */
export class CoreOutput implements EventWriter {
  readonly frames: Float64Array;
  readonly events: Float64Array;
  readonly frameCapacity: number;
  readonly eventCapacity: number;
  /** Index (in the whole stream) of the first frame now held. */
  firstFrameIndex = 0;
  frameCount = 0;
  eventCount = 0;

  constructor(frameCapacity: number, eventCapacity = frameCapacity * 3 + 4) {
    this.frameCapacity = frameCapacity;
    this.eventCapacity = eventCapacity;
    this.frames = new Float64Array(frameCapacity * FRAME_STRIDE);
    this.events = new Float64Array(eventCapacity * EVENT_STRIDE);
  }

  /** Offset of frame slot `i` in `frames`, for writing the next frame. */
  claimFrame(streamIndex: number): number {
    if (this.frameCount === this.frameCapacity) throw new RangeError('CoreOutput frame capacity exceeded: read and clear it more often');
    if (this.frameCount === 0) this.firstFrameIndex = streamIndex;
    return this.frameCount++ * FRAME_STRIDE;
  }

  pushEvent(kind: CoreEventKind, frame: number): void {
    if (this.eventCount === this.eventCapacity) throw new RangeError('CoreOutput event capacity exceeded: read and clear it more often');
    const at = this.eventCount++ * EVENT_STRIDE;
    this.events[at] = kind;
    this.events[at + 1] = frame;
  }

  clear(): void {
    this.frameCount = 0;
    this.eventCount = 0;
  }
}
