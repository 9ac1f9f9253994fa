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
  /**
   * Twiddles of the complex stages from span 4 up, each stage's run contiguous: cos/sin(πk/span)
   * at index span + k. Reading them in order, not at k·stride, is most of what makes the
   * butterflies fast.
   */
  private readonly stageCos: Float64Array;
  private readonly stageSin: Float64Array;
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
    this.stageCos = new Float64Array(half);
    this.stageSin = new Float64Array(half);
    for (let span = 4; span < half; span <<= 1) {
      for (let k = 0; k < span; k++) {
        this.stageCos[span + k] = Math.cos((Math.PI * k) / span);
        this.stageSin[span + k] = Math.sin((Math.PI * k) / span);
      }
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
    const zr = this.workRe;
    const zi = this.workIm;
    for (let n = 0; n < this.half; n++) {
      const j = this.bitReverse[n];
      zr[j] = input[2 * n];
      zi[j] = input[2 * n + 1];
    }
    this.transformLoaded(re, im);
  }

  /**
   * Spectrum of `input[start .. start + length)` zero-padded to the FFT size (length ≤ size).
   * Reads the caller's samples in place: no padded copy per call.
   */
  forwardSegment(input: Float64Array, start: number, length: number, re: Float64Array, im: Float64Array): void {
    const zr = this.workRe;
    const zi = this.workIm;
    const bitReverse = this.bitReverse;
    const pairs = length >> 1;
    for (let n = 0; n < pairs; n++) {
      const j = bitReverse[n];
      zr[j] = input[start + 2 * n];
      zi[j] = input[start + 2 * n + 1];
    }
    let n = pairs;
    if (length & 1) {
      const j = bitReverse[n++];
      zr[j] = input[start + length - 1];
      zi[j] = 0;
    }
    for (; n < this.half; n++) {
      const j = bitReverse[n];
      zr[j] = 0;
      zi[j] = 0;
    }
    this.transformLoaded(re, im);
  }

  /** Spectrum of `input[start .. start + size)` times `window[0..size)`, without a windowed copy. */
  forwardWindowed(input: Float64Array, start: number, window: Float64Array, re: Float64Array, im: Float64Array): void {
    const zr = this.workRe;
    const zi = this.workIm;
    const bitReverse = this.bitReverse;
    for (let n = 0; n < this.half; n++) {
      const j = bitReverse[n];
      zr[j] = input[start + 2 * n] * window[2 * n];
      zi[j] = input[start + 2 * n + 1] * window[2 * n + 1];
    }
    this.transformLoaded(re, im);
  }

  /** Butterflies and the real split, on samples already packed into the work arrays. */
  private transformLoaded(re: Float64Array, im: Float64Array): void {
    const half = this.half;
    const zr = this.workRe;
    const zi = this.workIm;
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

  /**
   * In-place iterative butterflies on the bit-reversed work arrays; sign −1 forward, +1 inverse.
   * The first two radix-2 stages have trivial twiddles (1 and ∓i) and run fused as one pass; the
   * rest run two stages per pass too, with the per-stage twiddle runs.
   */
  private butterflies(sign: number): void {
    const half = this.half;
    const zr = this.workRe;
    const zi = this.workIm;
    if (half === 2) {
      const r = zr[1];
      const i = zi[1];
      zr[1] = zr[0] - r;
      zi[1] = zi[0] - i;
      zr[0] += r;
      zi[0] += i;
      return;
    }
    for (let a = 0; a < half; a += 4) {
      const r0 = zr[a] + zr[a + 1];
      const i0 = zi[a] + zi[a + 1];
      const r1 = zr[a] - zr[a + 1];
      const i1 = zi[a] - zi[a + 1];
      const r2 = zr[a + 2] + zr[a + 3];
      const i2 = zi[a + 2] + zi[a + 3];
      // (x2 − x3)·(±i): the span-2 twiddle of the second pair.
      const r3 = -sign * (zi[a + 2] - zi[a + 3]);
      const i3 = sign * (zr[a + 2] - zr[a + 3]);
      zr[a] = r0 + r2;
      zi[a] = i0 + i2;
      zr[a + 2] = r0 - r2;
      zi[a + 2] = i0 - i2;
      zr[a + 1] = r1 + r3;
      zi[a + 1] = i1 + i3;
      zr[a + 3] = r1 - r3;
      zi[a + 3] = i1 - i3;
    }
    const stageCos = this.stageCos;
    const stageSin = this.stageSin;
    let span = 4;
    // Two radix-2 stages (span and 2·span) per pass over the data, as one radix-4 butterfly: half
    // the loads and stores, and three twiddle products per four points instead of four. The
    // twiddle index k is the outer loop so each k's three twiddles are worked out once.
    for (; 2 * span < half; span <<= 2) {
      const span2 = span << 1;
      const stride = span << 2;
      for (let k = 0; k < span; k++) {
        // w1 = W(2·span)^k, w2 = W(4·span)^k, w3 = w1·w2.
        const w1r = stageCos[span + k];
        const w1i = sign * stageSin[span + k];
        const w2r = stageCos[span2 + k];
        const w2i = sign * stageSin[span2 + k];
        const w3r = w1r * w2r - w1i * w2i;
        const w3i = w1r * w2i + w1i * w2r;
        for (let a0 = k; a0 < half; a0 += stride) {
          const a1 = a0 + span;
          const a2 = a1 + span;
          const a3 = a2 + span;
          // p1 = w1·x1, p2 = w2·x2, p3 = w3·x3; then
          // out0,2 = (x0 + p1) ± (p2 + p3), out1,3 = (x0 − p1) ± (±i)(p2 − p3).
          let r = zr[a1];
          let i = zi[a1];
          const p1r = r * w1r - i * w1i;
          const p1i = r * w1i + i * w1r;
          r = zr[a2];
          i = zi[a2];
          const p2r = r * w2r - i * w2i;
          const p2i = r * w2i + i * w2r;
          r = zr[a3];
          i = zi[a3];
          const p3r = r * w3r - i * w3i;
          const p3i = r * w3i + i * w3r;
          const x0r = zr[a0];
          const x0i = zi[a0];
          const sumR = x0r + p1r;
          const sumI = x0i + p1i;
          const difR = x0r - p1r;
          const difI = x0i - p1i;
          const hiSumR = p2r + p3r;
          const hiSumI = p2i + p3i;
          // (p2 − p3)·(±i): the span-2·span twiddle of the odd pair.
          const hiDifR = -sign * (p2i - p3i);
          const hiDifI = sign * (p2r - p3r);
          zr[a0] = sumR + hiSumR;
          zi[a0] = sumI + hiSumI;
          zr[a2] = sumR - hiSumR;
          zi[a2] = sumI - hiSumI;
          zr[a1] = difR + hiDifR;
          zi[a1] = difI + hiDifI;
          zr[a3] = difR - hiDifR;
          zi[a3] = difI - hiDifI;
        }
      }
    }
    // An odd number of stages leaves one radix-2 stage.
    if (span < half) {
      for (let k = 0; k < span; k++) {
        const wr = stageCos[span + k];
        const wi = sign * stageSin[span + k];
        const b = k + span;
        const br = zr[b];
        const bi = zi[b];
        const tr = br * wr - bi * wi;
        const ti = br * wi + bi * wr;
        const ar = zr[k];
        const ai = zi[k];
        zr[b] = ar - tr;
        zi[b] = ai - ti;
        zr[k] = ar + tr;
        zi[k] = ai + ti;
      }
    }
  }
}

export function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p <<= 1;
  return p;
}
