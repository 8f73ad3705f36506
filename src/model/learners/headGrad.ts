// The bounded output head every learned kind shares (errorFeedback.ts, boundedLoss.ts) in the form
// its gradient needs: ŷ = B tanh(z / B), p = softmax(ŷ), loss CE, the fed-back error e = p − onehot,
// and the reverse of each, for the unrolls of metaRnnGrad.ts, hebbianGrad.ts and fwMemoryGrad.ts.
// The official BPTT has no stop-gradient: the loss reaches ŷ_t both directly and through e_t.

/**
 * dŷ from the adjoint `de` of the fed-back error e = p − onehot and the loss weight w: w (p − onehot) + p ⊙ (de − ⟨de,
 * p⟩).
 */
export function headReverse(
  prob: Float64Array,
  probOff: number,
  label: number,
  de: Float64Array,
  deOff: number,
  w: number,
  dy: Float64Array,
  K: number,
): void {
  let dot = 0;
  for (let k = 0; k < K; k++) dot += de[deOff + k] * prob[probOff + k];
  for (let k = 0; k < K; k++) {
    const pk = prob[probOff + k];
    dy[k] = w * (pk - (k === label ? 1 : 0)) + pk * (de[deOff + k] - dot);
  }
}

/**
 * The bounded head forward: from logits z [K], ŷ = B tanh(z / B) and prob = softmax(ŷ) into `y` and
 * `prob` at their offsets; returns CE and correctness (first maximum), as boundedSoftmaxCe.
 */
export function headForward(
  z: Float64Array,
  K: number,
  bound: number,
  label: number,
  y: Float64Array,
  yOff: number,
  prob: Float64Array,
  probOff: number,
): { loss: number; correct: boolean } {
  let max = -Infinity;
  let arg = 0;
  for (let k = 0; k < K; k++) {
    const v = bound * Math.tanh(z[k] / bound);
    y[yOff + k] = v;
    if (v > max) {
      max = v;
      arg = k;
    }
  }
  let sum = 0;
  for (let k = 0; k < K; k++) sum += prob[probOff + k] = Math.exp(y[yOff + k] - max);
  for (let k = 0; k < K; k++) prob[probOff + k] /= sum;
  return { loss: Math.log(sum) + max - y[yOff + label], correct: arg === label };
}

/** dz = dŷ (1 − (ŷ / B)²), the reverse of the tanh bound, in place on dy. */
export function boundReverse(dy: Float64Array, y: Float64Array, yOff: number, bound: number, K: number): void {
  for (let k = 0; k < K; k++) {
    const t = y[yOff + k] / bound;
    dy[k] *= 1 - t * t;
  }
}
