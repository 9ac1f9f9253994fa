/**
 * Quantiles without sorting: the coach asks for a median or quartiles of a window of up to
 * a few thousand frames many times a second of speech, and a full sort each time was the
 * largest cost of coaching. Quickselect finds one order statistic in linear time on average.
 */

/**
 * The linear-interpolated quantile `q` of `values[0..n)` (as of the sorted values), reordering
 * them in place; 0 when n is 0. Successive calls on the same values stay correct.
 */
export function quantileInPlace(values: Float64Array, n: number, q: number): number {
  if (n === 0) return 0;
  const pos = q * (n - 1);
  const lo = Math.floor(pos);
  const below = select(values, n, lo);
  if (lo + 1 >= n || pos === lo) return below;
  // After the select, everything past `lo` is at least as large: the next order statistic is
  // their least.
  let above = values[lo + 1];
  for (let i = lo + 2; i < n; i++) if (values[i] < above) above = values[i];
  return below + (above - below) * (pos - lo);
}

/** Puts the k-th smallest of values[0..n) at index k, smaller before it, larger after; returns it. */
function select(values: Float64Array, n: number, k: number): number {
  let left = 0;
  let right = n - 1;
  while (right > left) {
    // Median of three as the pivot: sorted or constant runs stay linear.
    const mid = (left + right) >> 1;
    if (values[mid] < values[left]) swap(values, mid, left);
    if (values[right] < values[left]) swap(values, right, left);
    if (values[right] < values[mid]) swap(values, right, mid);
    const pivot = values[mid];
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        swap(values, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return values[k];
}

function swap(values: Float64Array, a: number, b: number): void {
  const t = values[a];
  values[a] = values[b];
  values[b] = t;
}
