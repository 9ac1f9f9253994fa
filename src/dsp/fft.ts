/**
 * Real-input FFT of one fixed power-of-two size, allocation-free after construction.
 *
 * A real sequence of length N is packed as N/2 complex values (even samples real, odd samples
 * imaginary), transformed with an iterative radix-2 complex FFT and split into the N/2 + 1
 * non-negative-frequency bins (the standard "two real FFTs for the price of one" identity,
 * e.g. Oppenheim & Schafer, Discrete-Time Signal Processing, 3rd ed., sec. 9.3 problem 9.51).
 * Written by hand because it runs on the audio thread: library FFTs allocate per call.
 */
export class RealFft {
  readonly size: number;
  private readonly half: number;
  private readonly bitReverse: Uint32Array;
  /** cos/sin of 2πk/half for the complex stages. */
  private readonly cosHalf: Float64Array;
  private readonly sinHalf: Float64Array;
  /** cos/sin of 2πk/size for the real split. */
  private readonly cosFull: Float64Array;
  private readonly sinFull: Float64Array;
  private readonly workRe: Float64Array;
  private readonly workIm: Float64Array;

  constructor(size: number) {
    if (size < 4 || (size & (size - 1)) !== 0) {
      throw new RangeError(`FFT size must be a power of two of at least 4, got ${size}`);
    }
    this.size = size;
    const half = size >> 1;
    this.half = half;
    this.bitReverse = new Uint32Array(half);
    const bits = Math.log2(half);
    for (let i = 0; i < half; i++) {
      let reversed = 0;
      for (let b = 0; b < bits; b++) reversed |= ((i >> b) & 1) << (bits - 1 - b);
      this.bitReverse[i] = reversed;
    }
    this.cosHalf = new Float64Array(half / 2 || 1);
    this.sinHalf = new Float64Array(half / 2 || 1);
    for (let k = 0; k < half / 2; k++) {
      this.cosHalf[k] = Math.cos((2 * Math.PI * k) / half);
      this.sinHalf[k] = Math.sin((2 * Math.PI * k) / half);
    }
    this.cosFull = new Float64Array(half + 1);
    this.sinFull = new Float64Array(half + 1);
    for (let k = 0; k <= half; k++) {
      this.cosFull[k] = Math.cos((2 * Math.PI * k) / size);
      this.sinFull[k] = Math.sin((2 * Math.PI * k) / size);
    }
    this.workRe = new Float64Array(half);
    this.workIm = new Float64Array(half);
  }

  /** Spectrum of `input[0..size)` into `re`/`im[0..size/2]` (length at least size/2 + 1). */
  forward(input: ArrayLike<number>, re: Float64Array, im: Float64Array): void {
    const half = this.half;
    const zr = this.workRe;
    const zi = this.workIm;
    for (let n = 0; n < half; n++) {
      const j = this.bitReverse[n];
      zr[j] = input[2 * n];
      zi[j] = input[2 * n + 1];
    }
    this.butterflies(-1);
    // Split: X[k] = E[k] + W^k O[k], E = (Z[k] + conj Z[M-k]) / 2, O = (Z[k] - conj Z[M-k]) / 2i.
    re[0] = zr[0] + zi[0];
    im[0] = 0;
    re[half] = zr[0] - zi[0];
    im[half] = 0;
    for (let k = 1; k < half; k++) {
      const ar = zr[k];
      const ai = zi[k];
      const br = zr[half - k];
      const bi = -zi[half - k];
      const er = 0.5 * (ar + br);
      const ei = 0.5 * (ai + bi);
      // (a - b) / 2i = (ai - bi) / 2 - i (ar - br) / 2
      const or = 0.5 * (ai - bi);
      const oi = -0.5 * (ar - br);
      const wr = this.cosFull[k];
      const wi = -this.sinFull[k];
      re[k] = er + wr * or - wi * oi;
      im[k] = ei + wr * oi + wi * or;
    }
  }

  /** Real signal `output[0..size)` from bins `re`/`im[0..size/2]`, scaled so inverse(forward(x)) = x. */
  inverse(re: Float64Array, im: Float64Array, output: Float64Array): void {
    const half = this.half;
    const zr = this.workRe;
    const zi = this.workIm;
    // Undo the split: E[k] = (X[k] + conj X[M-k]) / 2, O[k] = (X[k] - conj X[M-k]) W^-k / 2,
    // Z[k] = E[k] + i O[k]; then an inverse complex FFT of Z gives the packed samples.
    for (let k = 0; k < half; k++) {
      const ar = re[k];
      const ai = im[k];
      const br = re[half - k];
      const bi = -im[half - k];
      const er = 0.5 * (ar + br);
      const ei = 0.5 * (ai + bi);
      const dr = 0.5 * (ar - br);
      const di = 0.5 * (ai - bi);
      const wr = this.cosFull[k];
      const wi = this.sinFull[k];
      const or = dr * wr - di * wi;
      const oi = dr * wi + di * wr;
      const j = this.bitReverse[k];
      zr[j] = er - oi;
      zi[j] = ei + or;
    }
    this.butterflies(1);
    const scale = 1 / half;
    for (let n = 0; n < half; n++) {
      output[2 * n] = zr[n] * scale;
      output[2 * n + 1] = zi[n] * scale;
    }
  }

  /** In-place iterative radix-2 butterflies on bit-reversed work arrays; sign -1 forward, +1 inverse. */
  private butterflies(sign: number): void {
    const half = this.half;
    const zr = this.workRe;
    const zi = this.workIm;
    for (let span = 1; span < half; span <<= 1) {
      const stride = half / (span << 1);
      for (let start = 0; start < half; start += span << 1) {
        for (let k = 0; k < span; k++) {
          const wr = this.cosHalf[k * stride];
          const wi = sign * this.sinHalf[k * stride];
          const a = start + k;
          const b = a + span;
          const tr = zr[b] * wr - zi[b] * wi;
          const ti = zr[b] * wi + zi[b] * wr;
          zr[b] = zr[a] - tr;
          zi[b] = zi[a] - ti;
          zr[a] += tr;
          zi[a] += ti;
        }
      }
    }
  }
}

export function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p <<= 1;
  return p;
}
