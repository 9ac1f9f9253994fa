import { describe, expect, it } from 'vitest';
import { RealFft } from '../../src/dsp/fft.ts';
import { seededRandom } from '../support/signals.ts';

function naiveDft(x: Float64Array) {
  const n = x.length;
  const re = new Float64Array(n / 2 + 1);
  const im = new Float64Array(n / 2 + 1);
  for (let k = 0; k <= n / 2; k++) {
    for (let t = 0; t < n; t++) {
      re[k] += x[t] * Math.cos((2 * Math.PI * k * t) / n);
      im[k] -= x[t] * Math.sin((2 * Math.PI * k * t) / n);
    }
  }
  return { re, im };
}

describe('RealFft', () => {
  for (const size of [4, 8, 16, 32, 64, 128, 512, 1024, 2048]) {
    it(`matches a naive DFT and inverts exactly, size ${size}`, () => {
      const random = seededRandom(size);
      const x = new Float64Array(size).map(() => random() - 0.5);
      const fft = new RealFft(size);
      const re = new Float64Array(size / 2 + 1);
      const im = new Float64Array(size / 2 + 1);
      fft.forward(x, re, im);
      const reference = naiveDft(x);
      for (let k = 0; k <= size / 2; k++) {
        expect(re[k]).toBeCloseTo(reference.re[k], 9);
        expect(im[k]).toBeCloseTo(reference.im[k], 9);
      }
      const back = new Float64Array(size);
      fft.inverse(re, im, back);
      for (let t = 0; t < size; t++) expect(back[t]).toBeCloseTo(x[t], 12);
    });
  }

  it('rejects sizes that are not powers of two', () => {
    expect(() => new RealFft(100)).toThrow(/power of two/);
  });
});
