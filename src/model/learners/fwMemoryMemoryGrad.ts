// The FWMemory's memory write and read (official models.py:585-595; fwMemoryStep.ts) in float64 and
// their reverses, for its gradient through the unroll (fwMemoryGrad.ts). M is m x m², row-major.
//   write: key = vec(k1 ⊗ k2);  d_row = β (v_row − M_row · key);  M̃ = M + d ⊗ key;  M' = M̃ / max(1, ‖M̃‖_F)
//   read:  q = vec(n ⊗ e');  r_row = M'_row · q;  r̂ = (r − mean r) / sqrt(var r + eps)   (no affine)

/** key[a m + b] = u[uOff + a] w[wOff + b]. */
export function outer(
  key: Float64Array,
  u: Float64Array,
  uOff: number,
  w: Float64Array,
  wOff: number,
  m: number,
): void {
  for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) key[a * m + b] = u[uOff + a] * w[wOff + b];
}

/** The reverse of outer: du[a] = Σ_b dkey[a m + b] w_b, dw[b] = Σ_a dkey[a m + b] u_a (overwritten). */
export function outerReverse(
  dkey: Float64Array,
  u: Float64Array,
  uOff: number,
  w: Float64Array,
  wOff: number,
  m: number,
  du: Float64Array,
  duOff: number,
  dw: Float64Array,
  dwOff: number,
): void {
  for (let b = 0; b < m; b++) dw[dwOff + b] = 0;
  for (let a = 0; a < m; a++) {
    let s = 0;
    for (let b = 0; b < m; b++) {
      const g = dkey[a * m + b];
      s += g * w[wOff + b];
      dw[dwOff + b] += g * u[uOff + a];
    }
    du[duOff + a] = s;
  }
}

/**
 * The write, in place on M at mOff, from key [m²], v [m] at vOff and β; writes d [m] at dOff and
 * returns the divisor max(1, ‖M̃‖_F).
 */
export function memoryWrite(
  M: Float64Array,
  mOff: number,
  m: number,
  key: Float64Array,
  v: Float64Array,
  vOff: number,
  beta: number,
  d: Float64Array,
  dOff: number,
): number {
  const mm = m * m;
  let norm2 = 0;
  for (let row = 0; row < m; row++) {
    const o = mOff + row * mm;
    let old = 0;
    for (let q = 0; q < mm; q++) old += M[o + q] * key[q];
    const dr = beta * (v[vOff + row] - old);
    d[dOff + row] = dr;
    for (let q = 0; q < mm; q++) {
      const x = M[o + q] + dr * key[q];
      M[o + q] = x;
      norm2 += x * x;
    }
  }
  const norm = Math.sqrt(norm2);
  if (norm <= 1) return 1;
  for (let q = mOff; q < mOff + m * mm; q++) M[q] /= norm;
  return norm;
}

/**
 * The reverse of memoryWrite: dM (at dOff) holds the adjoint of M' and becomes that of M before the
 * write; M' (after, at nOff) and M (before, at pOff) from the tape. Adds into dkey [m²] and dv [m]
 * (at dvOff) and returns dβ.
 */
export function memoryWriteReverse(
  dM: Float64Array,
  dOff: number,
  tape: Float64Array,
  pOff: number,
  nOff: number,
  divisor: number,
  m: number,
  key: Float64Array,
  v: Float64Array,
  vOff: number,
  beta: number,
  dkey: Float64Array,
  dv: Float64Array,
  dvOff: number,
): number {
  const mm = m * m;
  const size = m * mm;
  if (divisor !== 1) {
    // M' = M̃ / ‖M̃‖: dM̃ = (dM' − M' ⟨dM', M'⟩) / ‖M̃‖.
    let dot = 0;
    for (let q = 0; q < size; q++) dot += dM[dOff + q] * tape[nOff + q];
    for (let q = 0; q < size; q++) dM[dOff + q] = (dM[dOff + q] - tape[nOff + q] * dot) / divisor;
  }
  let dBeta = 0;
  for (let row = 0; row < m; row++) {
    const o = row * mm;
    let old = 0;
    let g = 0;
    for (let q = 0; q < mm; q++) {
      old += tape[pOff + o + q] * key[q];
      g += dM[dOff + o + q] * key[q];
    }
    const dr = beta * (v[vOff + row] - old);
    dv[dvOff + row] += beta * g;
    dBeta += g * (v[vOff + row] - old);
    for (let q = 0; q < mm; q++) {
      dkey[q] += dM[dOff + o + q] * dr - beta * g * tape[pOff + o + q];
      dM[dOff + o + q] -= beta * g * key[q];
    }
  }
  return dBeta;
}

/** The read: r̂ [m] at rOff from M at mOff and the query q [m²]; returns 1 / sqrt(var + eps). */
export function memoryRead(
  M: Float64Array,
  mOff: number,
  m: number,
  query: Float64Array,
  eps: number,
  r: Float64Array,
  rOff: number,
): number {
  const mm = m * m;
  let mean = 0;
  for (let row = 0; row < m; row++) {
    const o = mOff + row * mm;
    let acc = 0;
    for (let q = 0; q < mm; q++) acc += M[o + q] * query[q];
    r[rOff + row] = acc;
    mean += acc;
  }
  mean /= m;
  let variance = 0;
  for (let row = 0; row < m; row++) variance += (r[rOff + row] - mean) * (r[rOff + row] - mean);
  variance /= m;
  const inv = 1 / Math.sqrt(variance + eps);
  for (let row = 0; row < m; row++) r[rOff + row] = (r[rOff + row] - mean) * inv;
  return inv;
}

/**
 * The reverse of memoryRead for the adjoint dr̂ [m]: adds dr ⊗ q into dM (at dOff), writes the query's
 * adjoint into dq [m²]. r̂ at rOff and M at mOff from the tape; dr̂ is overwritten.
 */
export function memoryReadReverse(
  drHat: Float64Array,
  tape: Float64Array,
  rOff: number,
  inv: number,
  mOff: number,
  m: number,
  query: Float64Array,
  dM: Float64Array,
  dOff: number,
  dq: Float64Array,
): void {
  const mm = m * m;
  let meanD = 0;
  let meanDR = 0;
  for (let row = 0; row < m; row++) {
    meanD += drHat[row];
    meanDR += drHat[row] * tape[rOff + row];
  }
  meanD /= m;
  meanDR /= m;
  for (let row = 0; row < m; row++) drHat[row] = inv * (drHat[row] - meanD - tape[rOff + row] * meanDR);
  dq.fill(0);
  for (let row = 0; row < m; row++) {
    const g = drHat[row];
    const o = row * mm;
    for (let q = 0; q < mm; q++) {
      dM[dOff + o + q] += g * query[q];
      dq[q] += g * tape[mOff + o + q];
    }
  }
}
