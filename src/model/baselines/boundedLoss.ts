// The output head every baseline shares with VSML: bounded outputs y = B tanh(z / B) (B = 100 in
// the official code), loss = cross-entropy of softmax(y), and its gradient back through the bound:
//   dL/dy_k = softmax(y)_k - [k = label],   dL/dz_k = dL/dy_k * (1 - (y_k / B)^2).

export interface HeadResult {
  readonly loss: number;
  /** argmax y (first maximum) equals the label. */
  readonly correct: boolean;
}

/**
 * From logits z [K] write y [K] and the gradient dL/dz [K]; return the loss and correctness.
 * Stable softmax (shifted by max y); the first maximum wins ties, as in the engine.
 */
export function boundedSoftmaxCe(
  z: Float64Array,
  K: number,
  bound: number,
  label: number,
  y: Float64Array,
  gz: Float64Array,
): HeadResult {
  let max = -Infinity;
  let arg = 0;
  for (let k = 0; k < K; k++) {
    const v = bound * Math.tanh(z[k] / bound);
    y[k] = v;
    if (v > max) {
      max = v;
      arg = k;
    }
  }
  let sum = 0;
  for (let k = 0; k < K; k++) sum += gz[k] = Math.exp(y[k] - max);
  for (let k = 0; k < K; k++) {
    const t = y[k] / bound;
    gz[k] = (gz[k] / sum - (k === label ? 1 : 0)) * (1 - t * t);
  }
  return { loss: Math.log(sum) + max - y[label], correct: arg === label };
}
