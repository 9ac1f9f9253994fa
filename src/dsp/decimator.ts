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
  private readonly taps: Float64Array;
  private readonly history: Float64Array;
  private writePos = 0;
  private phase = 0;

  /** @param zerosPerSide filter half-length in output samples: more gives a steeper cut-off. */
  constructor(factor: number, zerosPerSide = 8) {
    if (!Number.isInteger(factor) || factor < 1) throw new RangeError(`bad decimation factor ${factor}`);
    this.factor = factor;
    this.delayOutput = factor === 1 ? 0 : zerosPerSide;
    this.taps = lowPassTaps(factor, zerosPerSide);
    const length = this.taps.length;
    // Written twice so the newest `length` samples are always one contiguous run.
    this.history = new Float64Array(2 * length);
  }

  /**
   * Filters `input[start..end)` and writes the kept samples to `output` from index 0.
   * @returns how many samples were written (at most ceil((end - start) / factor)).
   */
  process(input: ArrayLike<number>, start: number, end: number, output: Float64Array): number {
    if (this.factor === 1) {
      for (let n = start; n < end; n++) output[n - start] = input[n];
      return end - start;
    }
    const length = this.taps.length;
    const taps = this.taps;
    const history = this.history;
    // The taps are symmetric about `half`: each pair of samples shares one multiply.
    const half = (length - 1) >> 1;
    let written = 0;
    for (let n = start; n < end; n++) {
      const x = input[n];
      history[this.writePos] = x;
      history[this.writePos + length] = x;
      this.writePos = this.writePos + 1 === length ? 0 : this.writePos + 1;
      if (this.phase === 0) {
        // The newest `length` samples are history[writePos .. writePos + length), oldest first.
        const mid = this.writePos + half;
        let acc = taps[half] * history[mid];
        for (let j = 1; j <= half; j++) acc += taps[half - j] * (history[mid - j] + history[mid + j]);
        output[written++] = acc;
      }
      this.phase = this.phase + 1 === this.factor ? 0 : this.phase + 1;
    }
    return written;
  }

  reset(): void {
    this.history.fill(0);
    this.writePos = 0;
    this.phase = 0;
  }
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
