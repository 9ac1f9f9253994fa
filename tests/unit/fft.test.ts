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

  for (const length of [0, 1, 200, 335, 511, 512]) {
    it(`forwardSegment reads a segment in place as if zero-padded, length ${length} of 512`, () => {
      const random = seededRandom(length + 7);
      const stream = new Float64Array(1000).map(() => random() - 0.5);
      const start = 123;
      const padded = new Float64Array(512);
      padded.set(stream.subarray(start, start + length));
      const fft = new RealFft(512);
      const expected = { re: new Float64Array(257), im: new Float64Array(257) };
      fft.forward(padded, expected.re, expected.im);
      // Garbage left in the output arrays must not leak into the result.
      const re = new Float64Array(257).fill(9);
      const im = new Float64Array(257).fill(9);
      fft.forwardSegment(stream, start, length, re, im);
      expect(Array.from(re)).toEqual(Array.from(expected.re));
      expect(Array.from(im)).toEqual(Array.from(expected.im));
    });
  }

  it('forwardWindowed equals the transform of the windowed copy', () => {
    const random = seededRandom(5);
    const stream = new Float64Array(800).map(() => random() - 0.5);
    const window = new Float64Array(256).map((_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / 255));
    const start = 77;
    const windowed = new Float64Array(256).map((_, i) => stream[start + i] * window[i]);
    const fft = new RealFft(256);
    const expected = { re: new Float64Array(129), im: new Float64Array(129) };
    fft.forward(windowed, expected.re, expected.im);
    const re = new Float64Array(129);
    const im = new Float64Array(129);
    fft.forwardWindowed(stream, start, window, re, im);
    expect(Array.from(re)).toEqual(Array.from(expected.re));
    expect(Array.from(im)).toEqual(Array.from(expected.im));
  });

  it('rejects sizes that are not powers of two', () => {
    expect(() => new RealFft(100)).toThrow(/power of two/);
  });
});
