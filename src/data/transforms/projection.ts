// Random linear projection (official data.py:148-156): a square D x D matrix P with entries
// U(-l, l), l = sqrt(6 / (2D)) (Glorot uniform, variance 1/D), applied after normalisation as
// x' = x P. Fixed per task seed: drawn from new Rng(seed, SEED_STREAMS.projection), row-major.
import { Rng } from '../../model/rng';
import { SEED_STREAMS } from '../seeds';

/** l = sqrt(6 / (fanIn + fanOut)) with fanIn = fanOut = D. */
export const projectionBound = (D: number): number => Math.sqrt(6 / (2 * D));

/** P [D][D], row i = input i. */
export function projectionMatrix(D: number, seed: number): Float32Array {
  const rng = new Rng(seed, SEED_STREAMS.projection);
  const l = projectionBound(D);
  const P = new Float32Array(D * D);
  for (let k = 0; k < P.length; k++) P[k] = rng.uniformIn(-l, l);
  return P;
}

/** out[j] = sum_i x[i] P[i][j], accumulated in float64 in `acc` (length >= D). */
export function project(
  x: Float32Array, xOffset: number, P: Float32Array, D: number, out: Float32Array, outOffset: number, acc: Float64Array,
): void {
  acc.fill(0, 0, D);
  for (let i = 0; i < D; i++) {
    const xi = x[xOffset + i];
    if (xi === 0) continue;
    const row = i * D;
    for (let j = 0; j < D; j++) acc[j] += xi * P[row + j];
  }
  for (let j = 0; j < D; j++) out[outOffset + j] = acc[j];
}
