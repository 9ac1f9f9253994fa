import { lowPassTaps } from './decimator.ts';

/**
 * Low-passes and decimates one window of samples into a preallocated buffer: for an analysis that
 * needs only the lower band of the frame. Pitch needs harmonics up to about 4 kHz, so YIN runs at
 * half the analysis rate, on FFTs half as long (the pitch tests show 8 kHz input loses nothing).
 * Stateless between calls, so frames stay independent of block sizes.
 */
export class WindowDecimator {
  readonly factor: number;
  /** The decimated window, `outputLength` samples, rewritten by each `run`. */
  readonly output: Float64Array;
  /** Input samples one `run` reads. */
  readonly inputLength: number;
  /** Offset in the input of the sample that output[k] is centred on, less factor·k. */
  readonly centreOffset: number;
  private readonly taps: Float64Array;

  /** @param zerosPerSide filter half-length in output samples: 6 keeps aliases of 4 kHz under −60 dB. */
  constructor(factor: number, outputLength: number, zerosPerSide = 6) {
    this.factor = factor;
    this.taps = lowPassTaps(factor, zerosPerSide);
    this.output = new Float64Array(outputLength);
    this.inputLength = factor * (outputLength - 1) + this.taps.length;
    this.centreOffset = (this.taps.length - 1) / 2;
  }

  /** Decimates `input[start .. start + inputLength)` into `output`. */
  run(input: Float64Array, start: number): void {
    const taps = this.taps;
    const length = taps.length;
    const output = this.output;
    for (let k = 0; k < output.length; k++) {
      const from = start + k * this.factor;
      let acc = 0;
      for (let j = 0; j < length; j++) acc += taps[j] * input[from + j];
      output[k] = acc;
    }
  }
}
