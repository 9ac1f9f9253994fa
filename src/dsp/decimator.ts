/**
 * Integer-factor decimator: a linear-phase windowed-sinc low-pass evaluated only at the kept
 * samples (polyphase in effect). Streaming and allocation-free after construction.
 *
 * Output sample m is centred on input sample m·factor − delayInput, so a consumer that wants
 * zero-latency timestamps subtracts `delayOutput` output samples.
 */
export class Decimator {
  readonly factor: number;
  /** Group delay in output samples (an integer by construction). */
  readonly delayOutput: number;
  /** The filter's taps folded about its centre: folded[j] = taps[centre ± j]. */
  private readonly folded: Float64Array;
  /**
   * The last `taps.length − 1` input samples, then room for a chunk of new ones: the filter reads
   * one contiguous run. Shifting the tail down once per chunk costs far less than keeping a ring
   * sample by sample.
   */
  private readonly buffer: Float64Array;
  private readonly chunk: number;
  /** Input samples since the last kept one, modulo factor. */
  private phase = 0;

  /** @param zerosPerSide filter half-length in output samples: more gives a steeper cut-off. */
  constructor(factor: number, zerosPerSide = 8, chunk = 1024) {
    if (!Number.isInteger(factor) || factor < 1) throw new RangeError(`bad decimation factor ${factor}`);
    this.factor = factor;
    this.delayOutput = factor === 1 ? 0 : zerosPerSide;
    this.folded = foldTaps(lowPassTaps(factor, zerosPerSide));
    this.chunk = chunk;
    this.buffer = new Float64Array(2 * (this.folded.length - 1) + chunk);
  }

  /**
   * Filters `input[start..end)` and writes the kept samples to `output` from index 0.
   * @returns how many samples were written (at most ceil((end - start) / factor)).
   */
  process(input: ArrayLike<number>, start: number, end: number, output: Float64Array): number {
    const factor = this.factor;
    if (factor === 1) {
      for (let n = start; n < end; n++) output[n - start] = input[n];
      return end - start;
    }
    const folded = this.folded;
    const buffer = this.buffer;
    const half = folded.length - 1;
    const keep = 2 * half;
    let written = 0;
    for (let from = start; from < end; ) {
      const count = Math.min(this.chunk, end - from);
      for (let i = 0; i < count; i++) buffer[keep + i] = input[from + i];
      // New sample i sits at buffer[keep + i] with the filter's reach before it; every factor-th is kept.
      for (let i = (factor - this.phase) % factor; i < count; i += factor) {
        symmetricFir(folded, buffer, keep + i - half, output, written++);
      }
      this.phase = (this.phase + count) % factor;
      buffer.copyWithin(0, count, count + keep);
      from += count;
    }
    return written;
  }

  reset(): void {
    this.buffer.fill(0);
    this.phase = 0;
  }
}

/** The first half of symmetric taps, centre first: folded[j] = taps[centre + j] = taps[centre − j]. */
export function foldTaps(taps: Float64Array): Float64Array {
  const half = (taps.length - 1) >> 1;
  return Float64Array.from({ length: half + 1 }, (_, j) => taps[half + j]);
}

/**
 * A symmetric FIR filter's output centred on `data[mid]`, from its folded taps, written to
 * `out[at]` (not returned: a fractional number returned from a call V8 does not inline is boxed).
 * Each pair of samples shares one multiply, and two running sums halve the wait on each addition
 * (the loop is bound by the adder's latency, not by arithmetic).
 */
export function symmetricFir(folded: Float64Array, data: Float64Array, mid: number, out: Float64Array, at: number): void {
  const half = folded.length - 1;
  let even = folded[0] * data[mid];
  let odd = 0;
  let j = 1;
  for (; j < half; j += 2) {
    odd += folded[j] * (data[mid - j] + data[mid + j]);
    even += folded[j + 1] * (data[mid - j - 1] + data[mid + j + 1]);
  }
  if (j === half) odd += folded[j] * (data[mid - j] + data[mid + j]);
  out[at] = even + odd;
}

/**
 * Linear-phase low-pass taps for decimating by `factor`: a windowed sinc of 2·zerosPerSide·factor
 * + 1 taps, pass band up to 90 % of the output Nyquist, a Blackman window (about −74 dB of stop
 * band), unity gain at DC. One tap, [1], for a factor of 1.
 */
export function lowPassTaps(factor: number, zerosPerSide: number): Float64Array {
  const half = factor === 1 ? 0 : zerosPerSide * factor;
  const length = 2 * half + 1;
  const taps = new Float64Array(length);
  const cutoff = (0.9 * 0.5) / factor;
  let sum = 0;
  for (let j = 0; j < length; j++) {
    const n = j - half;
    const sinc = n === 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * n) / (Math.PI * n);
    const w = length === 1 ? 1 : 0.42 - 0.5 * Math.cos((2 * Math.PI * j) / (length - 1)) + 0.08 * Math.cos((4 * Math.PI * j) / (length - 1));
    taps[j] = sinc * w;
    sum += taps[j];
  }
  for (let j = 0; j < length; j++) taps[j] /= sum;
  return taps;
}

/**
 * The decimation factor for an input rate: the analysis runs near 16 kHz, enough for F0 up to
 * 500 Hz and the spectral cues of breath noise, and cheap. 8–22.05 kHz input is used as it is.
 */
export function decimationFactorFor(sampleRate: number): number {
  return Math.max(1, Math.round(sampleRate / 16000));
}
