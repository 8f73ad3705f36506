// The two products of a dense layer y = x W + b that do not touch the optimiser: the forward pass
// and the gradient with respect to the inputs. W is stored transposed, [m][n] row-major at `wOff`
// in `p` (see mlpLayout.ts): weight (i -> o) at wOff + o * n + i.

/** out[o] = b[o] + sum_i x[i] W[i][o]: one contiguous dot product per output, 4 accumulators. */
export function denseForward(
  p: Float32Array,
  wOff: number,
  bOff: number,
  x: Float64Array,
  n: number,
  m: number,
  out: Float64Array,
): void {
  for (let o = 0; o < m; o++) {
    const row = wOff + o * n;
    let a0 = 0;
    let a1 = 0;
    let a2 = 0;
    let a3 = 0;
    let i = 0;
    for (; i + 3 < n; i += 4) {
      a0 += x[i] * p[row + i];
      a1 += x[i + 1] * p[row + i + 1];
      a2 += x[i + 2] * p[row + i + 2];
      a3 += x[i + 3] * p[row + i + 3];
    }
    for (; i < n; i++) a0 += x[i] * p[row + i];
    out[o] = p[bOff + o] + (a0 + a1 + (a2 + a3));
  }
}

/** gIn[i] = sum_o W[i][o] gOut[o]: the gradient at the inputs, from the current (pre-update) W. */
export function denseInputGrad(
  p: Float32Array,
  wOff: number,
  gOut: Float64Array,
  n: number,
  m: number,
  gIn: Float64Array,
): void {
  gIn.fill(0, 0, n);
  for (let o = 0; o < m; o++) {
    const go = gOut[o];
    if (go === 0) continue;
    const row = wOff + o * n;
    for (let i = 0; i < n; i++) gIn[i] += p[row + i] * go;
  }
}
