// Random linear projection (official data.py:148-156): a square D x D matrix P with entries
// U(-l, l), l = sqrt(6 / (2D)) (Glorot uniform, variance 1/D), applied after normalisation as
// x' = x P. Fixed per task seed: drawn from new Rng(seed, SEED_STREAMS.projection), row-major.
// Applied as dot products with the columns of P (rows of its transpose), four examples at a time
// so each column is loaded once per four examples.
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

/** The transpose of a square D x D matrix. */
export function transposeSquare(P: Float32Array, D: number): Float32Array {
  const T = new Float32Array(D * D);
  for (let i = 0; i < D; i++) for (let j = 0; j < D; j++) T[j * D + i] = P[i * D + j];
  return T;
}

/**
 * Project `rows` consecutive rows of D values: out row r = (x row r) P, with PT = P transposed.
 * x and out may be the same array (the rows are buffered in `scratch`, length >= 4D). Sums in float64.
 */
export function projectRows(
  x: Float32Array,
  xOffset: number,
  rows: number,
  PT: Float32Array,
  D: number,
  out: Float32Array,
  outOffset: number,
  scratch: Float32Array,
): void {
  let r = 0;
  for (; r + 4 <= rows; r += 4) {
    scratch.set(x.subarray(xOffset + r * D, xOffset + (r + 4) * D));
    const o = outOffset + r * D;
    for (let j = 0; j < D; j++) {
      const col = j * D;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let i = 0; i < D; i++) {
        const p = PT[col + i];
        s0 += scratch[i] * p;
        s1 += scratch[D + i] * p;
        s2 += scratch[2 * D + i] * p;
        s3 += scratch[3 * D + i] * p;
      }
      out[o + j] = s0;
      out[o + D + j] = s1;
      out[o + 2 * D + j] = s2;
      out[o + 3 * D + j] = s3;
    }
  }
  for (; r < rows; r++) {
    scratch.set(x.subarray(xOffset + r * D, xOffset + (r + 1) * D));
    const o = outOffset + r * D;
    for (let j = 0; j < D; j++) {
      const col = j * D;
      let s = 0;
      for (let i = 0; i < D; i++) s += scratch[i] * PT[col + i];
      out[o + j] = s;
    }
  }
}
