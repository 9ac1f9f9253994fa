import { describe, expect, it } from 'vitest';
import { quantileInPlace } from '../../src/coach/select.ts';
import { quantile } from '../../src/coach/speech-window.ts';
import { seededRandom } from '../support/signals.ts';

describe('quantileInPlace', () => {
  it('equals the quantile of the sorted values, for any order, duplicates and sizes', () => {
    const random = seededRandom(11);
    for (const n of [1, 2, 3, 4, 5, 10, 101, 1000]) {
      for (const shape of ['random', 'sorted', 'reversed', 'few distinct'] as const) {
        const values = Array.from({ length: n }, (_, i) =>
          shape === 'random' ? random() * 20 - 10 : shape === 'sorted' ? i : shape === 'reversed' ? n - i : Math.floor(random() * 3),
        );
        const sorted = [...values].sort((a, b) => a - b);
        const work = new Float64Array(n + 5).fill(-1e9);
        work.set(values);
        // Several quantiles in a row on the same (reordered) buffer, as the coach asks for them.
        for (const q of [0.5, 0.75, 0.25, 0, 1, 0.1]) {
          expect(quantileInPlace(work, n, q), `${shape} n=${n} q=${q}`).toBeCloseTo(quantile(sorted, q), 12);
        }
      }
    }
  });

  it('gives 0 for no values and reads nothing past n', () => {
    const work = new Float64Array([5, 1, 1e9, -1e9]);
    expect(quantileInPlace(work, 0, 0.5)).toBe(0);
    expect(quantileInPlace(work, 2, 1)).toBe(5);
    expect(quantileInPlace(work, 2, 0)).toBe(1);
  });
});
