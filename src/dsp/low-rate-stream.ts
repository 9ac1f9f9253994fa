import { foldTaps, lowPassTaps, symmetricFir } from './decimator.ts';

/** Filter half-length in output samples: 6 keeps aliases under −60 dB. */
const ZEROS_PER_SIDE = 6;

/**
 * Input samples by which the stream's outputs lag (its filter's half-length), for a caller that
 * must size its own buffers before the stream exists.
 */
export function lowRateDelay(factor: number): number {
  return foldTaps(lowPassTaps(factor, ZEROS_PER_SIDE)).length - 1;
}

/**
 * A low-passed copy of the analysis signal at 1/factor of its rate, kept as it streams in, for a
 * stage that needs only the lower band: YIN finds the period of voices up to 500 Hz as well from
 * the band below 3.6 kHz, on FFTs half as long as at 16 kHz.
 *
 * Outputs are centred on the input samples whose index is a multiple of `factor`; each costs one
 * symmetric filter (half the multiplies of a plain one) when its last input arrives, so the
 * copy is the same whatever the block sizes. They are kept in a ring written twice, so any
 * window is one contiguous run: no copy per frame.
 */
export class LowRateStream {
  readonly factor: number;
  /** Output c is computed when input c + delay arrives (the filter's half-length). */
  readonly delay: number;
  /** The copy, `2·capacity` long: window positions come from `startFor`. */
  readonly ring: Float64Array;
  /** The low-pass's taps, folded (see foldTaps). */
  private readonly folded: Float64Array;
  private readonly capacity: number;
  /** Phase of the next input sample's output centre, and that output's ring slot. */
  private nextPhase: number;
  private nextSlot: number;

  /**
   * @param windowLength low-rate samples one window holds
   * @param lookahead input samples by which the newest input may run ahead of a window's end
   */
  constructor(factor: number, windowLength: number, lookahead: number) {
    this.factor = factor;
    this.folded = foldTaps(lowPassTaps(factor, ZEROS_PER_SIDE));
    this.delay = lowRateDelay(factor);
    this.capacity = windowLength + Math.ceil(lookahead / factor) + 2;
    this.ring = new Float64Array(2 * this.capacity);
    // The first input sample completes the output centred `delay` samples before the stream.
    this.nextPhase = mod(-this.delay, factor);
    this.nextSlot = mod(Math.ceil(-this.delay / factor), this.capacity);
  }

  /** The last input sample at or before `index` that an output is centred on. */
  alignDown(index: number): number {
    return index - mod(index, this.factor);
  }

  /** Where in `ring` the window whose first output is centred on input `first` starts. */
  startFor(first: number): number {
    return mod(first / this.factor, this.capacity);
  }

  /**
   * Takes the next input sample (call once per sample, in order), found at `history[newestAt]`
   * with the samples before it at lower indices (at least `2·delay` of them).
   */
  push(history: Float64Array, newestAt: number): void {
    const phase = this.nextPhase;
    this.nextPhase = phase + 1 === this.factor ? 0 : phase + 1;
    if (phase !== 0) return;
    const slot = this.nextSlot;
    const ring = this.ring;
    symmetricFir(this.folded, history, newestAt - this.delay, ring, slot);
    ring[slot + this.capacity] = ring[slot];
    this.nextSlot = slot + 1 === this.capacity ? 0 : slot + 1;
  }
}

/** Remainder in [0, m), for negative n too (the first outputs are centred before the input). */
function mod(n: number, m: number): number {
  const r = n % m;
  return r < 0 ? r + m : r;
}
