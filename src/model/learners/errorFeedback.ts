// The head every learned learner shares: from logits z, the bounded outputs ŷ = B tanh(z / B), the
// loss and correctness (boundedSoftmaxCe, the baselines' head), and the error fed back to the learner
// e = softmax(ŷ) − onehot(label): the gradient of cross-entropy with respect to ŷ (official
// models.py `_loss_func_grad(out, label)` on the bounded output; batch size 1, so no 1/B factor).
import { boundedSoftmaxCe, type HeadResult } from '../baselines/boundedLoss';

/** Buffers for one head of K classes. */
export interface FeedbackScratch {
  /** Bounded outputs ŷ [K]. */
  readonly y: Float64Array;
  /** e = softmax(ŷ) − onehot(label) [K]. */
  readonly e: Float64Array;
  /** dL/dz [K] (written by boundedSoftmaxCe; unused by the learners). */
  readonly gz: Float64Array;
}

export const feedbackScratch = (K: number): FeedbackScratch => ({
  y: new Float64Array(K),
  e: new Float64Array(K),
  gz: new Float64Array(K),
});

/** ŷ into s.y, the error into s.e; returns the loss and whether argmax ŷ (first maximum) is the label. */
export function feedbackHead(z: Float64Array, K: number, bound: number, label: number, s: FeedbackScratch): HeadResult {
  const head = boundedSoftmaxCe(z, K, bound, label, s.y, s.gz);
  const { y, e } = s;
  let max = -Infinity;
  for (let k = 0; k < K; k++) if (y[k] > max) max = y[k];
  let sum = 0;
  for (let k = 0; k < K; k++) sum += e[k] = Math.exp(y[k] - max);
  for (let k = 0; k < K; k++) e[k] = e[k] / sum - (k === label ? 1 : 0);
  return head;
}
