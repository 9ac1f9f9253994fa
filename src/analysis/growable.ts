/**
 * Columns of frame values. Single precision holds every frame field far finer than it is measured
 * (a 500 Hz pitch to 3e-5 Hz, a level to 8e-6 dB) at half the memory.
 */

/** One frame field of a track, indexed by stream frame number (0 = the first frame of the stream). */
export interface FrameColumn {
  /** Frames pushed so far (the next push gets this index). */
  readonly length: number;
  push(value: number): void;
  get(index: number): number;
  /** Every frame from 0, as one array; only a column that keeps every frame can give it. */
  view(): Float32Array;
}

/**
 * A Float32Array that grows when full: for collecting every frame off the audio thread (a file's
 * analysis, the report). An hour of one speaker's frames is 19 MB, not 37.
 */
export class GrowableFloat32 implements FrameColumn {
  private data: Float32Array;
  length = 0;

  constructor(initialCapacity = 1024) {
    this.data = new Float32Array(Math.max(1, initialCapacity));
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      // Half again, not double: at the end of a long recording a doubling could leave most of
      // the last copy empty, and the copy briefly holds both.
      const bigger = new Float32Array(Math.ceil(this.data.length * 1.5) + 16);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  get(index: number): number {
    return this.data[index];
  }

  /** A view of the filled part; valid until the next push. */
  view(): Float32Array {
    return this.data.subarray(0, this.length);
  }
}

/**
 * Keeps only the newest `capacity` frames, in a ring, so a call of any length holds the same
 * memory. Indices stay stream frame numbers. Reading a frame that is no longer (or not yet) held
 * throws: a reader that reaches back further than the retention must fail where it happens, not
 * get a number from another frame.
 */
export class RecentFloat32 implements FrameColumn {
  readonly capacity: number;
  private readonly data: Float32Array;
  length = 0;

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`a recent-frames column holds at least 1 frame, got ${capacity}`);
    this.capacity = capacity;
    this.data = new Float32Array(capacity);
  }

  /** The oldest frame still held. */
  get first(): number {
    return Math.max(0, this.length - this.capacity);
  }

  push(value: number): void {
    this.data[this.length % this.capacity] = value;
    this.length++;
  }

  get(index: number): number {
    if (!(index >= this.first && index < this.length)) {
      throw new RangeError(`frame ${index} is not held: only the newest ${this.capacity} frames are kept (now ${this.first}…${this.length - 1})`);
    }
    return this.data[index % this.capacity];
  }

  view(): Float32Array {
    throw new Error(`this column keeps only the newest ${this.capacity} frames; the whole stream is in storage`);
  }
}
