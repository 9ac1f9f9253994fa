import type { PitchSettings } from './config.ts';
import { RealFft, nextPowerOfTwo } from './fft.ts';

/** Where a pitch estimate is written; owned by the caller and reused. */
export interface PitchEstimate {
  /** Fundamental frequency in Hz, 0 when the frame is unvoiced. */
  f0Hz: number;
  /** 1 − aperiodicity, in [0, 1]: how clearly periodic the frame is. */
  voicing: number;
}

/**
 * YIN pitch detector (de Cheveigné & Kawahara 2002, J. Acoust. Soc. Am. 111(4)) for one
 * analysis rate and F0 range, with the difference function computed through the FFT.
 * All buffers are allocated here; `estimate` allocates nothing.
 *
 * Octave guards: YIN's absolute threshold takes the first dip, not the deepest, which keeps it off
 * sub-octaves (creaky voice, alternating periods); the difference function measures periodicity
 * rather than spectral peaks, so a weak or missing fundamental still gives the right period; and a
 * strong second harmonic only wins when the odd harmonics are nearly absent.
 */
export class YinPitchDetector {
  /** Samples the detector reads per frame: integration window + longest lag + 1. */
  readonly frameLength: number;
  /** Integration window W (eq. 1). */
  readonly window: number;
  private readonly minLag: number;
  private readonly maxLag: number;
  private readonly sampleRate: number;
  private readonly settings: PitchSettings;
  private readonly fft: RealFft;
  private readonly re: Float64Array;
  private readonly im: Float64Array;
  /** W / (L − τ): scales the difference over the L − τ pairs at lag τ to W pairs. */
  private readonly toWindow: Float64Array;
  private readonly correlation: Float64Array;
  private readonly energyPrefix: Float64Array;
  private readonly cmnd: Float64Array;

  constructor(sampleRate: number, settings: PitchSettings) {
    if (!(settings.minHz > 0 && settings.maxHz > settings.minHz && settings.maxHz < sampleRate / 4)) {
      throw new RangeError(`pitch range ${settings.minHz}–${settings.maxHz} Hz does not fit ${sampleRate} Hz`);
    }
    this.sampleRate = sampleRate;
    this.settings = settings;
    this.minLag = Math.max(2, Math.floor(sampleRate / settings.maxHz));
    this.maxLag = Math.ceil(sampleRate / settings.minHz);
    this.window = Math.ceil(sampleRate * integrationWindowSec(settings));
    this.frameLength = this.window + this.maxLag + 1;
    const size = nextPowerOfTwo(this.frameLength);
    this.fft = new RealFft(size);
    const bins = size / 2 + 1;
    this.re = new Float64Array(bins);
    this.im = new Float64Array(bins);
    this.toWindow = new Float64Array(this.maxLag + 1);
    for (let lag = 0; lag <= this.maxLag; lag++) this.toWindow[lag] = this.window / (this.frameLength - lag);
    this.correlation = new Float64Array(size);
    this.energyPrefix = new Float64Array(this.frameLength + 1);
    this.cmnd = new Float64Array(this.maxLag + 2);
  }

  /** Estimates F0 of `frame[start .. start + frameLength)` into `out`. */
  estimate(frame: Float64Array, start: number, out: PitchEstimate): void {
    const W = this.window;
    const L = this.frameLength;
    const maxLag = this.maxLag;
    const prefix = this.energyPrefix;
    prefix[0] = 0;
    for (let j = 0; j < L; j++) {
      const x = frame[start + j];
      prefix[j + 1] = prefix[j] + x * x;
    }
    const energy0 = prefix[W];
    // Below about -110 dBFS there is nothing to measure; avoids 0/0 in digital silence.
    if (energy0 < W * 1e-11) {
      out.f0Hz = 0;
      out.voicing = 0;
      return;
    }

    // R(τ) = Σ_{j<L−τ} x_j x_{j+τ}, the frame's own autocorrelation: one FFT there and back
    // (|X|² is real), where the fixed-window form (eq. 1) needs a third. The pairs at lag τ then
    // span the whole frame minus τ, at least W of them at the longest lag.
    const re = this.re;
    const im = this.im;
    this.fft.forwardSegment(frame, start, L, re, im);
    for (let k = 0; k < re.length; k++) {
      re[k] = re[k] * re[k] + im[k] * im[k];
      im[k] = 0;
    }
    this.fft.inverse(re, im, this.correlation);

    // Difference function d(τ) = Σ (x_j − x_{j+τ})² over those pairs (eq. 6, with eq. 2's
    // shrinking window), scaled to W pairs so that lags compare fairly, and its cumulative mean
    // normalised form d'(τ) = d(τ) / ((1/τ) Σ_{k≤τ} d(k)) (eq. 8).
    const cmnd = this.cmnd;
    const toWindow = this.toWindow;
    const total = prefix[L];
    cmnd[0] = 1;
    let running = 0;
    for (let lag = 1; lag <= maxLag; lag++) {
      let d = (prefix[L - lag] + (total - prefix[lag]) - 2 * this.correlation[lag]) * toWindow[lag];
      if (d < 0) d = 0;
      running += d;
      cmnd[lag] = running > 0 ? (d * lag) / running : 1;
    }

    // Step 4: the first lag whose dip goes below the threshold, followed down to its minimum;
    // otherwise the global minimum (which then usually fails the voicing test).
    const threshold = this.settings.yinThreshold;
    let best = -1;
    for (let lag = this.minLag; lag <= maxLag; lag++) {
      if (cmnd[lag] < threshold) {
        while (lag + 1 <= maxLag && cmnd[lag + 1] < cmnd[lag]) lag++;
        best = lag;
        break;
      }
    }
    if (best < 0) {
      best = this.minLag;
      for (let lag = this.minLag + 1; lag <= maxLag; lag++) if (cmnd[lag] < cmnd[best]) best = lag;
    }
    const aperiodicity = cmnd[best];
    // Math.max, not a branch giving the integer 0: a value that is sometimes an integer and
    // sometimes fractional is kept as a generic number by V8, and storing it allocates.
    out.voicing = Math.max(0, 1 - aperiodicity);
    if (aperiodicity > this.settings.voicingThreshold || best === this.minLag || best === maxLag) {
      // A minimum on the edge of the search range is a range error, not a pitch.
      out.f0Hz = 0;
      return;
    }
    // Step 5: parabolic interpolation of the dip for sub-sample precision.
    const a = cmnd[best - 1];
    const b = cmnd[best];
    const c = cmnd[best + 1];
    const denominator = a - 2 * b + c;
    // The same for the shift: the flat case gives 0 as a fractional number (0 · a), not an integer.
    const shift = denominator > 0 ? (0.5 * (a - c)) / denominator : 0 * a;
    out.f0Hz = this.sampleRate / (best + shift);
  }
}

/** YIN's integration window W in seconds: 25 ms as in the paper, and at least 1.5 periods of the lowest F0. */
export function integrationWindowSec(settings: PitchSettings): number {
  return Math.max(0.025, 1.5 / settings.minHz);
}
