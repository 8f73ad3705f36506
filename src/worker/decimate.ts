// Curves for the screen: a cumulative-accuracy curve of n points thinned to at most `maxPoints`, evenly
// spaced in examples and always keeping the first and the last, so a chart redrawn every animation frame
// costs the same after a million examples as after a thousand. (Exports use the full curves.)

/** Default points per curve in a frame. */
export const FRAME_POINTS = 1000;

/** Indices 0..n-1 to keep: all when n <= maxPoints, else round(k (n-1) / (maxPoints-1)), k = 0..maxPoints-1. */
export function decimationIndices(n: number, maxPoints = FRAME_POINTS): Uint32Array {
  if (!Number.isInteger(maxPoints) || maxPoints < 2) throw new Error(`decimate: maxPoints must be an integer >= 2, got ${maxPoints}`);
  if (n <= maxPoints) return Uint32Array.from({ length: n }, (_, i) => i);
  const step = (n - 1) / (maxPoints - 1);
  return Uint32Array.from({ length: maxPoints }, (_, k) => Math.round(k * step));
}

export interface DecimatedCurve {
  /** Examples seen at each point (1-based: point i of the full curve is after i + 1 examples). */
  readonly x: Float64Array;
  readonly mean: Float64Array;
  readonly std: Float64Array;
}

/** The points of a full curve (`mean`, `std` of equal length, of which the first `n`) at `indices`. */
export function pickPoints(mean: Float64Array, std: Float64Array, indices: Uint32Array): DecimatedCurve {
  const m = indices.length;
  const out = { x: new Float64Array(m), mean: new Float64Array(m), std: new Float64Array(m) };
  for (let k = 0; k < m; k++) {
    const i = indices[k];
    out.x[k] = i + 1;
    out.mean[k] = mean[i];
    out.std[k] = std[i];
  }
  return out;
}
