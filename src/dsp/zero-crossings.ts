/**
 * Zero crossings of a stream, counted once per sample as it arrives, so that the count over any
 * recent window is one subtraction. Counting them per frame instead read the 32 ms spectral
 * window again every 10 ms: three times the work, and a tenth of a frame's cost.
 *
 * The rule is meyda's zcr: a crossing is a sign change between neighbouring samples, with 0
 * counted as positive.
 */
export class ZeroCrossingStream {
  /** Running count at each of the newest `capacity` samples, written twice (see `at`). */
  private readonly counts: Int32Array;
  private readonly capacity: number;
  private total = 0;
  private previousNegative = 0;

  /** @param capacity samples of history a window may reach back over */
  constructor(capacity: number) {
    this.capacity = capacity;
    this.counts = new Int32Array(2 * capacity);
  }

  /**
   * Takes the next sample, stored at `slot` (0 ≤ slot < capacity, advancing by one per sample
   * and wrapping, as the caller's own sample ring does).
   */
  push(x: number, slot: number): void {
    const negative = x < 0 ? 1 : 0;
    // Branch-free: in noise the signs are a coin toss, which a branch predictor cannot learn.
    // `| 0` wraps like the Int32 store, so differences stay right past 2^31 crossings.
    this.total = (this.total + (negative ^ this.previousNegative)) | 0;
    this.previousNegative = negative;
    this.counts[slot] = this.total;
    this.counts[slot + this.capacity] = this.total;
  }

  /**
   * Crossings between the samples at positions `from .. from + length` of the doubled history
   * (from < capacity; the window must lie within the newest `capacity` samples).
   */
  within(from: number, length: number): number {
    return (this.counts[from + length - 1] - this.counts[from]) | 0;
  }
}
