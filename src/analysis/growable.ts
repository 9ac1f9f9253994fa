/** A Float64Array that doubles when full: for collecting frames off the audio thread. */
export class GrowableFloat64 {
  private data: Float64Array;
  length = 0;

  constructor(initialCapacity = 1024) {
    this.data = new Float64Array(Math.max(1, initialCapacity));
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  get(index: number): number {
    return this.data[index];
  }

  /** A view of the filled part; valid until the next push. */
  view(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}
