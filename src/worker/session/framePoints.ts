// Curves for the screen: a cumulative-accuracy curve of n points thinned to at most `maxPoints`, evenly
// spaced in examples and always keeping the first and the last, so a chart redrawn every animation frame
// costs the same after a million examples as after a thousand. (Exports use the full curves.) A
// curve's points may be every `every` examples (accuracyTally.ts thins a long session's), and the
// point after the last example is added when it falls between two of them.

import type { DecimatedCurve } from './contract';

/** Default points per curve in a frame. */
export const FRAME_POINTS = 1000;

/** Indices 0..n-1 to keep: all when n <= maxPoints, else round(k (n-1) / (maxPoints-1)), k = 0..maxPoints-1. */
export function evenlySpacedIndices(n: number, maxPoints = FRAME_POINTS): Uint32Array {
  if (!Number.isInteger(maxPoints) || maxPoints < 2)
    throw new Error(`decimate: maxPoints must be an integer >= 2, got ${maxPoints}`);
  if (n <= maxPoints) return Uint32Array.from({ length: n }, (_, i) => i);
  const step = (n - 1) / (maxPoints - 1);
  return Uint32Array.from({ length: maxPoints }, (_, k) => Math.round(k * step));
}

/** The points of a curve (`mean`, `std` of equal length; point i after (i + 1) * every examples) at `indices`. */
export function pickPoints(mean: Float64Array, std: Float64Array, indices: Uint32Array, every = 1): DecimatedCurve {
  const m = indices.length;
  const out = { x: new Float64Array(m), mean: new Float64Array(m), std: new Float64Array(m) };
  for (let k = 0; k < m; k++) {
    const i = indices[k];
    out.x[k] = (i + 1) * every;
    out.mean[k] = mean[i];
    out.std[k] = std[i];
  }
  return out;
}

/**
 * A frame's curve: the kept points (point i after (i + 1) * every examples) thinned to at most
 * `maxPoints` (>= 3), ending with the value after the last example even when that is no kept point.
 */
export function framePoints(
  kept: { readonly mean: Float64Array; readonly std: Float64Array; readonly every: number },
  last: { readonly examples: number; readonly mean: number; readonly std: number },
  maxPoints = FRAME_POINTS,
): DecimatedCurve {
  const between = last.examples % kept.every !== 0;
  if (!between) return pickPoints(kept.mean, kept.std, evenlySpacedIndices(kept.mean.length, maxPoints), kept.every);
  if (!Number.isInteger(maxPoints) || maxPoints < 3)
    throw new Error(`decimate: maxPoints must be an integer >= 3 here, got ${maxPoints}`);
  const head = pickPoints(kept.mean, kept.std, evenlySpacedIndices(kept.mean.length, maxPoints - 1), kept.every);
  const join = (a: Float64Array, v: number): Float64Array => {
    const out = new Float64Array(a.length + 1);
    out.set(a);
    out[a.length] = v;
    return out;
  };
  return { x: join(head.x, last.examples), mean: join(head.mean, last.mean), std: join(head.std, last.std) };
}
