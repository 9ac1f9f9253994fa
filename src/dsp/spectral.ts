import { RealFft } from './fft.ts';

/** Spectral cues of one frame, written into a caller-owned object. */
export interface SpectralFeatures {
  /** Amplitude-weighted mean frequency, Hz (meyda's spectralCentroid × bin width). */
  centroidHz: number;
  /** Amplitude-weighted standard deviation around the centroid, Hz. */
  spreadHz: number;
  /** Geometric over arithmetic mean of the amplitude spectrum, 0 (tonal) to 1 (white noise). */
  flatness: number;
  /** Frequency below which `rolloffFraction` of the amplitude sum lies, Hz. */
  rolloffHz: number;
  /** Power in the vowel band (config `bandLowHz`–`bandHighHz`), dB relative to full scale. */
  bandDb: number;
  /** Power above 2 kHz (fricatives, breath), dB relative to full scale. */
  highBandDb: number;
}

/** Lower edge of the high band: above the first two formants of most vowels. */
export const HIGH_BAND_LOW_HZ = 2000;
/** Upper edge of the high band; also capped below the analysis Nyquist. */
export const HIGH_BAND_HIGH_HZ = 7000;

/**
 * The spectral kernels, allocation-free: Hann window, real FFT, amplitude spectrum of the first
 * size/2 bins (as meyda does), and features over it. The same definitions as meyda's extractors,
 * which the unit tests use as the reference, but in Hz and without allocating.
 */
export class SpectralAnalyzer {
  readonly size: number;
  private readonly sampleRate: number;
  private readonly rolloffFraction: number;
  private readonly bandLowBin: number;
  private readonly bandHighBin: number;
  private readonly highLowBin: number;
  private readonly highHighBin: number;
  private readonly fft: RealFft;
  private readonly hann: Float64Array;
  private readonly re: Float64Array;
  private readonly im: Float64Array;
  readonly amplitude: Float64Array;
  /** Sum of squared window values, for a band power that does not depend on the FFT size. */
  private readonly windowPower: number;

  constructor(sampleRate: number, size: number, rolloffFraction: number, bandLowHz: number, bandHighHz: number) {
    this.size = size;
    this.sampleRate = sampleRate;
    this.rolloffFraction = rolloffFraction;
    this.fft = new RealFft(size);
    this.hann = new Float64Array(size);
    let power = 0;
    for (let i = 0; i < size; i++) {
      // Symmetric Hann, (size − 1) in the denominator, as meyda's "hanning".
      this.hann[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (size - 1));
      power += this.hann[i] * this.hann[i];
    }
    this.windowPower = power;
    this.re = new Float64Array(size / 2 + 1);
    this.im = new Float64Array(size / 2 + 1);
    this.amplitude = new Float64Array(size / 2);
    const binHz = sampleRate / size;
    this.bandLowBin = Math.max(1, Math.round(bandLowHz / binHz));
    this.bandHighBin = Math.min(size / 2 - 1, Math.round(bandHighHz / binHz));
    this.highLowBin = Math.round(HIGH_BAND_LOW_HZ / binHz);
    this.highHighBin = Math.min(Math.round((0.45 * sampleRate) / binHz), Math.round(HIGH_BAND_HIGH_HZ / binHz));
  }

  analyze(frame: Float64Array, start: number, out: SpectralFeatures): void {
    const size = this.size;
    this.fft.forwardWindowed(frame, start, this.hann, this.re, this.im);
    const amplitude = this.amplitude;
    const bins = amplitude.length;
    let sum = 0;
    let weighted = 0;
    let weighted2 = 0;
    // Σ log(a) as the log of a running product, taken only when the product nears the ends of a
    // double's range: a log per bin was most of this loop's time. The 1e-20 floor keeps log(0)
    // finite in digital silence and the product above 1e-170 between logs.
    let logSum = 0;
    let product = 1;
    for (let k = 0; k < bins; k++) {
      const a = Math.sqrt(this.re[k] * this.re[k] + this.im[k] * this.im[k]);
      amplitude[k] = a;
      sum += a;
      weighted += k * a;
      weighted2 += k * k * a;
      product *= a + 1e-20;
      if (product < 1e-150 || product > 1e150) {
        logSum += Math.log(product);
        product = 1;
      }
    }
    logSum += Math.log(product);
    let bandPower = 0;
    for (let k = this.bandLowBin; k <= this.bandHighBin; k++) bandPower += amplitude[k] * amplitude[k];
    let highPower = 0;
    for (let k = this.highLowBin; k <= this.highHighBin; k++) highPower += amplitude[k] * amplitude[k];
    const binHz = this.sampleRate / size;
    if (sum <= 1e-12) {
      out.centroidHz = 0;
      out.spreadHz = 0;
      out.flatness = 0;
      out.rolloffHz = 0;
      out.bandDb = -120;
      out.highBandDb = -120;
      return;
    }
    const centroidBins = weighted / sum;
    out.centroidHz = centroidBins * binHz;
    out.spreadHz = Math.sqrt(Math.max(0, weighted2 / sum - centroidBins * centroidBins)) * binHz;
    out.flatness = (Math.exp(logSum / bins) * bins) / sum;
    const target = this.rolloffFraction * sum;
    let cumulative = 0;
    let k = 0;
    while (k < bins - 1 && cumulative + amplitude[k] < target) cumulative += amplitude[k++];
    out.rolloffHz = k * binHz;
    // Parseval: one-sided band power over the window's power gives the band's mean square. Worked
    // out here rather than in a helper: a fractional number passed to a call V8 does not inline
    // is boxed, and this runs on the audio thread.
    const toMeanSquare = 2 / (this.size * this.windowPower);
    const bandMeanSquare = bandPower * toMeanSquare;
    const highMeanSquare = highPower * toMeanSquare;
    out.bandDb = bandMeanSquare > 1e-12 ? 10 * Math.log10(bandMeanSquare) : -120;
    out.highBandDb = highMeanSquare > 1e-12 ? 10 * Math.log10(highMeanSquare) : -120;
  }
}

/** FFT length of the spectral frame: the power of two nearest to 32 ms. */
export function spectralSizeFor(sampleRate: number): number {
  return 2 ** Math.round(Math.log2(0.032 * sampleRate));
}
