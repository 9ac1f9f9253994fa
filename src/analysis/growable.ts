/**
 * A Float32Array that grows when full: for collecting frames off the audio thread. Single
 * precision holds every frame field far finer than it is measured (a 500 Hz pitch to 3e-5 Hz, a
 * level to 8e-6 dB) at half the memory: an hour of one speaker's frames is 19 MB, not 37.
 */
export class GrowableFloat32 {
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
