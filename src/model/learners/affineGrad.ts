// y = v W + b for a matrix stored [in][out] (haiku's layout, every learned kind's), and its reverse,
// on float64 parameter vectors; the products of the learned kinds' gradients (metaRnnGrad.ts,
// hebbianGrad.ts, fwMemoryGrad.ts). Zero inputs are skipped (exact: they add nothing).

/** out[0..cols) = p[bOff..) + Σ_i v[vOff + i] p[wOff + i cols ..+cols) over i < n. */
export function affine(
  out: Float64Array,
  p: Float64Array,
  wOff: number,
  bOff: number,
  v: Float64Array,
  vOff: number,
  n: number,
  cols: number,
): void {
  for (let j = 0; j < cols; j++) out[j] = p[bOff + j];
  addRows(out, p, wOff, v, vOff, n, cols);
}

/** out[0..cols) += Σ_i v[vOff + i] p[wOff + i cols ..+cols) over i < n. */
export function addRows(
  out: Float64Array,
  p: Float64Array,
  wOff: number,
  v: ArrayLike<number>,
  vOff: number,
  n: number,
  cols: number,
): void {
  for (let i = 0; i < n; i++) {
    const a = v[vOff + i];
    if (a === 0) continue;
    const o = wOff + i * cols;
    for (let j = 0; j < cols; j++) out[j] += a * p[o + j];
  }
}

/**
 * The reverse of `affine` for the adjoint `dy` [cols] of its output: dW += v ⊗ dy, db += dy (bOff <
 * 0: no bias), and, when `dv` is given, dv[dvOff + i] += W[i] · dy.
 */
export function affineReverse(
  dy: Float64Array,
  p: Float64Array,
  dp: Float64Array,
  wOff: number,
  bOff: number,
  v: ArrayLike<number>,
  vOff: number,
  n: number,
  cols: number,
  dv: Float64Array | null,
  dvOff = 0,
): void {
  if (bOff >= 0) for (let j = 0; j < cols; j++) dp[bOff + j] += dy[j];
  for (let i = 0; i < n; i++) {
    const a = v[vOff + i];
    const o = wOff + i * cols;
    if (a !== 0) for (let j = 0; j < cols; j++) dp[o + j] += a * dy[j];
    if (dv) {
      let s = 0;
      for (let j = 0; j < cols; j++) s += p[o + j] * dy[j];
      dv[dvOff + i] += s;
    }
  }
}
