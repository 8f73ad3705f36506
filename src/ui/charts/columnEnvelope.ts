// What a line chart draws of a long series (each pixel column's envelope: first, lowest, highest,
// last) and the nearest-x lookup behind the hover rule. Pure (no DOM).
import { bisectLeft } from 'd3-array';

/**
 * Indices of the points worth drawing among the first n of (x, y), x ascending: of the points that fall
 * in one pixel column (floor(toPixel(x))) only the first, the lowest, the highest and the last are kept,
 * in index order, so the drawn line has the same envelope with at most 4 points per column.
 */
export function columnEnvelopeIndices(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  n: number,
  toPixel: (x: number) => number,
): Int32Array {
  const out = new Int32Array(Math.max(0, n));
  let count = 0;
  let column = NaN;
  let first = -1;
  let lo = -1;
  let hi = -1;
  let last = -1;
  const flush = (): void => {
    if (first < 0) return;
    const keep = [first, lo, hi, last].sort((p, q) => p - q);
    for (let k = 0; k < keep.length; k++) if (k === 0 || keep[k] !== keep[k - 1]) out[count++] = keep[k];
  };
  for (let i = 0; i < n; i++) {
    const c = Math.floor(toPixel(x[i]));
    if (c !== column) {
      flush();
      column = c;
      first = lo = hi = last = i;
      continue;
    }
    if (y[i] < y[lo]) lo = i;
    if (y[i] > y[hi]) hi = i;
    last = i;
  }
  flush();
  return out.slice(0, count);
}

/**
 * Index of the x nearest to `target` among the first n of x (ascending), distances measured after
 * `transform` (Math.log for a log axis); a tie goes to the lower index. -1 when n is 0.
 */
export function nearestIndex(
  x: ArrayLike<number>,
  n: number,
  target: number,
  transform: (v: number) => number = (v) => v,
): number {
  if (n <= 0) return -1;
  const i = bisectLeft(x, target, 0, n);
  if (i <= 0) return 0;
  if (i >= n) return n - 1;
  const t = transform(target);
  return Math.abs(transform(x[i]) - t) < Math.abs(transform(x[i - 1]) - t) ? i : i - 1;
}
