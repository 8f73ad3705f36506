// The loss of one online trajectory and its exact gradient with respect to V_M, by backpropagation
// through the whole unroll (official configs/backprop.yaml: value_and_grad through the 500 steps, no
// truncation, no stop-gradient on the fed-back error).
//
// The loss is the meta-loss: mean over t of CE(softmax(y_t), label_t), y_t predicted before label_t
// is seen, the error softmax(y_t) - onehot fed back (reference.ts: tickNetwork).
// Checkpointed recomputation keeps memory from growing with T: the forward pass keeps the incoming
// carry (states and backward inputs) of every `segment`-th example only (default ceil(sqrt T)); the
// reverse pass walks the segments backwards, recomputes a segment's carries from its checkpoint,
// then each example with a tape (layerTape.ts). Memory is (ceil(T / segment) + segment) carries plus
// one example's tape (2 sqrt(T) carries by default: 45 at T = 500 instead of 500), for one more forward
// pass; the forward pass is deterministic, so the gradient is bit-identical for every segment length.
// config.backwardPass (a reverse tick per example) is refused, field named (GRADIENT_BACKWARD_PASS).
import type { VsmlConfig } from '../config';
import type { LayerShape, RunState } from '../state';
import { layerBackward, layerForward, newLayerTape, paramViews, type LayerTape } from './layerTape';

/**
 * The top of the unroll: given the bounded outputs y_t ([K], y = tanhBound tanh(m / tanhBound)),
 * `forward` writes the backward input of the last layer for the next example ([K][M], zeroed) and
 * returns example t's loss (already weighted: the trajectory's loss is the sum); `backward` turns
 * dTop (adjoint of what forward wrote) into dy ([K], overwritten), for the same t and y.
 */
interface Objective {
  forward(t: number, y: Float64Array, top: Float64Array): { loss: number; correct: boolean };
  backward(t: number, y: Float64Array, dTop: Float64Array, dy: Float64Array): void;
}

/** The meta-loss: mean cross-entropy of the online predictions, their errors fed back. */
function onlineCrossEntropy(cfg: VsmlConfig, labels: ArrayLike<number>, steps: number): Objective {
  const M = cfg.messageSize;
  let prob = new Float64Array(0);
  return {
    forward(t, y, top) {
      const K = y.length;
      if (prob.length !== K) prob = new Float64Array(K);
      const label = labels[t];
      let max = -Infinity;
      let arg = 0;
      for (let b = 0; b < K; b++) if (y[b] > max) [max, arg] = [y[b], b];
      let sum = 0;
      for (let b = 0; b < K; b++) sum += prob[b] = Math.exp(y[b] - max);
      for (let b = 0; b < K; b++) prob[b] /= sum;
      top.fill(0);
      for (let b = 0; b < K; b++) {
        const onehot = b === label ? 1 : 0;
        top[b * M] = prob[b] - onehot;
        if (cfg.feedLabel) top[b * M + 1] = onehot;
      }
      return { loss: (Math.log(sum) + max - y[label]) / steps, correct: arg === label };
    },
    backward(t, _y, dTop, dy) {
      // d(loss_t)/dy = (p - onehot)/T, plus the error fed back: top[b*M] = p_b - onehot_b.
      const K = dy.length;
      let dot = 0;
      for (let b = 0; b < K; b++) dot += dTop[b * M] * prob[b];
      for (let b = 0; b < K; b++) dy[b] = (prob[b] - (b === labels[t] ? 1 : 0)) / steps + prob[b] * (dTop[b * M] - dot);
    },
  };
}

export interface Trajectory {
  /** [T][A] inputs of the first layer. */
  readonly inputs: Float32Array;
  /** [T] labels in [0, K). */
  readonly labels: ArrayLike<number>;
  readonly steps: number;
  /** The state before the first example (h, c per layer). */
  readonly state: RunState;
}

export interface TrajectoryGradient {
  /** Mean cross-entropy over the T predictions. */
  readonly loss: number;
  /** Online accuracy over the T predictions (argmax, first maximum). */
  readonly accuracy: number;
}

interface Carry {
  readonly h: Float64Array[];
  readonly c: Float64Array[];
  /** Backward input of each layer ([B_l][M]). */
  readonly bwd: Float64Array[];
}

/** Why trajectoryGradient refuses a backwardPass config: its tape follows the forward tick only. */
export const GRADIENT_BACKWARD_PASS =
  'config.backwardPass: the gradient through the unroll (trajectoryGradient) does not follow the reverse tick of backwardPass=true; meta-train it with method es or cma-es';

/** Examples between two kept carries by default: ceil(sqrt(T)), which minimises T / segment + segment. */
export const defaultSegment = (steps: number): number => Math.max(1, Math.ceil(Math.sqrt(steps)));

/** Carries held at once by trajectoryGradient's reverse pass: the checkpoints plus one segment's. */
export const carriesHeld = (steps: number, segment = defaultSegment(steps)): number =>
  Math.ceil(steps / segment) + Math.min(segment, steps);

/**
 * Adds d(loss)/d(V_M) of `traj` into `grad` (float64, `paramLayout` order; null: the loss only) and
 * returns the loss. `params` is V_M (float32 from a learner, or float64 for finite differences).
 * `segment`: examples between two kept carries (checkpointed recomputation; any value gives the same bits).
 */
export function trajectoryGradient(
  cfg: VsmlConfig,
  params: ArrayLike<number>,
  shapes: readonly LayerShape[],
  traj: Trajectory,
  grad: Float64Array | null,
  segment = defaultSegment(traj.steps),
): TrajectoryGradient {
  if (!(Number.isInteger(segment) && segment >= 1))
    throw new RangeError(`segment: must be an integer >= 1, got ${segment}`);
  if (cfg.backwardPass) throw new Error(GRADIENT_BACKWARD_PASS);
  const objective = onlineCrossEntropy(cfg, traj.labels, traj.steps);
  const flat = Float64Array.from(params);
  const p = paramViews(cfg, flat);
  const M = cfg.messageSize;
  const L = shapes.length;
  const K = shapes[L - 1].B;
  const A0 = shapes[0].A;
  const T = traj.steps;
  const carry: Carry = {
    h: traj.state.map((s) => Float64Array.from(s.h)),
    c: traj.state.map((s) => Float64Array.from(s.c)),
    bwd: shapes.map(({ B }) => new Float64Array(B * M)),
  };
  const checkpoints: Carry[] = [];
  const fwdOut = shapes.map(({ B }) => new Float64Array(B * M));
  const bwdOut = shapes.map(({ A }) => new Float64Array(A * M));
  const x0 = new Float64Array(A0 * M);
  const y = new Float64Array(K);
  const dy = new Float64Array(K);
  let lossSum = 0;
  let correct = 0;

  /** One example: layers in order, readout, softmax; the carry advances in place. */
  const tick = (t: number, tapes: LayerTape[] | null, count = false): number => {
    for (let a = 0; a < A0; a++) x0[a * M] = traj.inputs[t * A0 + a];
    let fwdIn: Float64Array = x0;
    for (let l = 0; l < L; l++) {
      layerForward(
        p,
        shapes[l].A,
        shapes[l].B,
        carry.h[l],
        carry.c[l],
        fwdIn,
        carry.bwd[l],
        fwdOut[l],
        bwdOut[l],
        tapes ? tapes[l] : null,
      );
      if (l > 0) carry.bwd[l - 1].set(bwdOut[l]);
      fwdIn = fwdOut[l];
    }
    for (let b = 0; b < K; b++) y[b] = cfg.tanhBound * Math.tanh(fwdIn[b * M + cfg.outputIndex] / cfg.tanhBound);
    const r = objective.forward(t, y, carry.bwd[L - 1]);
    if (r.correct && count) correct++;
    return r.loss;
  };
  const snapshot = (): Carry => ({
    h: carry.h.map((x) => new Float64Array(x)),
    c: carry.c.map((x) => new Float64Array(x)),
    bwd: carry.bwd.map((x) => new Float64Array(x)),
  });

  for (let t = 0; t < T; t++) {
    if (grad && t % segment === 0) checkpoints.push(snapshot());
    lossSum += tick(t, null, true);
  }
  const result = { loss: lossSum, accuracy: correct / T };
  if (!grad) return result;

  // Reverse: adjoints of the carry after example t, walked back to before it.
  const dp = paramViews(cfg, grad);
  const dH = shapes.map(({ A, B }) => new Float64Array(A * B * cfg.stateSize));
  const dC = shapes.map(({ A, B }) => new Float64Array(A * B * cfg.stateSize));
  const dBwd = shapes.map(({ B }) => new Float64Array(B * M));
  const tapes = shapes.map(({ A, B }) => newLayerTape(p, A, B));
  const dFwdOut = shapes.map(({ B }) => new Float64Array(B * M));
  const dBwdOut = shapes.map(({ A }) => new Float64Array(A * M));
  const dFwdIn = shapes.map(({ A }) => new Float64Array(A * M));
  const dBwdIn = shapes.map(({ B }) => new Float64Array(B * M));
  const restore = (s: Carry): void => {
    for (let l = 0; l < L; l++) {
      carry.h[l].set(s.h[l]);
      carry.c[l].set(s.c[l]);
      carry.bwd[l].set(s.bwd[l]);
    }
  };
  let saved: Carry[] = [];
  let first = T; // the first example of the segment whose carries are in `saved`
  for (let t = T - 1; t >= 0; t--) {
    if (t < first) {
      // Recompute the carries of t's segment from its checkpoint.
      first = t - (t % segment);
      saved = [];
      restore(checkpoints[first / segment]);
      for (let u = first; u <= t; u++) {
        saved.push(snapshot());
        if (u < t) tick(u, null);
      }
    }
    restore(saved[t - first]);
    tick(t, tapes);
    objective.backward(t, y, dBwd[L - 1], dy);
    const last = fwdOut[L - 1];
    dFwdOut[L - 1].fill(0);
    for (let b = 0; b < K; b++) {
      const th = Math.tanh(last[b * M + cfg.outputIndex] / cfg.tanhBound);
      dFwdOut[L - 1][b * M + cfg.outputIndex] = dy[b] * (1 - th * th);
    }
    // bwdIn_{l-1} after the tick is layer l's backward message; layer 0's goes nowhere.
    dBwdOut[0].fill(0);
    for (let l = 1; l < L; l++) dBwdOut[l].set(dBwd[l - 1]);
    for (let l = L - 1; l >= 0; l--) {
      layerBackward(p, tapes[l], carry.h[l], dFwdOut[l], dBwdOut[l], dH[l], dC[l], dFwdIn[l], dBwdIn[l], dp);
      if (l > 0) dFwdOut[l - 1].set(dFwdIn[l]);
    }
    for (let l = 0; l < L; l++) dBwd[l].set(dBwdIn[l]);
  }
  return result;
}
