// Learning-algorithm cloning (paper §3.2), per cell: one VSML layer (A x K) runs a trajectory fed the
// teacher's errors (teacher forcing: cell (a, b) sees x_a now and the teacher's e_b of the previous
// example, exactly what it would see in a network learning by online SGD), and every cell's forward
// message (dim outputIndex) is regressed onto what the teacher's weight would send: w_ab(t) x_a(t).
//
//   loss = mean over t, a, b of (m_ab(t) - w_ab(t) x_a(t))^2
//
// With every message right, the network's prediction mean_a m_ab is the teacher's y_b, so the VSML
// network learns as online SGD does. The gradient is exact, through the whole unroll (layerTape.ts).
import type { VsmlConfig } from '../config';
import type { Trajectory } from '../grad/trajectoryGradient';
import { layerBackward, layerForward, newLayerTape, paramViews } from '../grad/layerTape';
import { SgdTeacher } from './sgdTeacher';

/** What the teacher did on a trajectory. */
export interface TeacherRecord {
  /** [T][A*K]: w_ab(t) x_a(t), the message cell (a, b) should send for example t. */
  readonly targets: Float64Array;
  /** [T][K]: e(t) = softmax(y(t)) - onehot(label t), fed back with example t + 1. */
  readonly errors: Float64Array;
  /** [T]: argmax of the teacher's prediction. */
  readonly predictions: Int32Array;
}

/** Online SGD (learning rate eta, w from 0) over a trajectory's T examples ([T][A] inputs). */
export function recordTeacher(
  eta: number,
  A: number,
  K: number,
  traj: Pick<Trajectory, 'inputs' | 'labels' | 'steps'>,
): TeacherRecord {
  const T = traj.steps;
  const teacher = new SgdTeacher({ inputSize: A, numClasses: K, runs: 1 }, eta);
  const targets = new Float64Array(T * A * K);
  const errors = new Float64Array(T * K);
  const predictions = new Int32Array(T);
  const err = new Float64Array(K);
  for (let t = 0; t < T; t++) {
    for (let a = 0; a < A; a++) {
      const x = traj.inputs[t * A + a];
      for (let b = 0; b < K; b++) targets[(t * A + a) * K + b] = teacher.w[a * K + b] * x;
    }
    const y = teacher.predict(0, traj.inputs, t * A);
    let arg = 0;
    for (let b = 1; b < K; b++) if (y[b] > y[arg]) arg = b;
    predictions[t] = arg;
    teacher.step(0, traj.inputs, t * A, traj.labels[t], err);
    errors.set(err, t * K);
  }
  return { targets, errors, predictions };
}

/**
 * Adds d(loss)/d(V_M) into `grad` (null: the loss only). Returns the loss and how often the network's
 * prediction (argmax of mean_a m_ab) agrees with the teacher's.
 */
export function cellCloneGradient(
  cfg: VsmlConfig,
  params: ArrayLike<number>,
  A: number,
  K: number,
  traj: Trajectory,
  eta: number,
  grad: Float64Array | null,
): { loss: number; accuracy: number } {
  const N = cfg.stateSize;
  const M = cfg.messageSize;
  const oi = cfg.outputIndex;
  const T = traj.steps;
  const p = paramViews(cfg, Float64Array.from(params));
  const teacher = recordTeacher(eta, A, K, traj);
  const h = Float64Array.from(traj.state[0].h);
  const c = Float64Array.from(traj.state[0].c);
  const fwdIn = new Float64Array(A * M);
  const bwdIn = new Float64Array(K * M);
  const fwdOut = new Float64Array(K * M);
  const bwdOut = new Float64Array(A * M);
  const cellFwd = new Float64Array(A * K * M);
  const scale = 1 / (T * A * K);
  /** The inputs of example t: x_t, and the teacher's error of example t - 1 (zero before the first). */
  const inputsOf = (t: number) => {
    for (let a = 0; a < A; a++) fwdIn[a * M] = traj.inputs[t * A + a];
    bwdIn.fill(0);
    for (let b = 0; b < K; b++) {
      if (t > 0) bwdIn[b * M] = teacher.errors[(t - 1) * K + b];
      if (cfg.feedLabel && t > 0) bwdIn[b * M + 1] = traj.labels[t - 1] === b ? 1 : 0;
    }
  };
  const saved: { h: Float64Array; c: Float64Array }[] = [];
  let loss = 0;
  let agree = 0;
  for (let t = 0; t < T; t++) {
    if (grad) saved.push({ h: new Float64Array(h), c: new Float64Array(c) });
    inputsOf(t);
    layerForward(p, A, K, h, c, fwdIn, bwdIn, fwdOut, bwdOut, null, cellFwd);
    for (let k = 0; k < A * K; k++) loss += (cellFwd[k * M + oi] - teacher.targets[t * A * K + k]) ** 2 * scale;
    let arg = 0;
    for (let b = 1; b < K; b++) if (fwdOut[b * M + oi] > fwdOut[arg * M + oi]) arg = b;
    if (arg === teacher.predictions[t]) agree++;
  }
  if (grad) {
    const dp = paramViews(cfg, grad);
    const tape = newLayerTape(p, A, K);
    const dh = new Float64Array(A * K * N);
    const dc = new Float64Array(A * K * N);
    const zeroK = new Float64Array(K * M);
    const zeroA = new Float64Array(A * M);
    const dFwdIn = new Float64Array(A * M);
    const dBwdIn = new Float64Array(K * M);
    const dCell = new Float64Array(A * K * M);
    for (let t = T - 1; t >= 0; t--) {
      h.set(saved[t].h);
      c.set(saved[t].c);
      inputsOf(t);
      layerForward(p, A, K, h, c, fwdIn, bwdIn, fwdOut, bwdOut, tape, cellFwd);
      for (let k = 0; k < A * K; k++)
        dCell[k * M + oi] = 2 * (cellFwd[k * M + oi] - teacher.targets[t * A * K + k]) * scale;
      layerBackward(p, tape, h, zeroK, zeroA, dh, dc, dFwdIn, dBwdIn, dp, dCell);
    }
  }
  return { loss, accuracy: agree / T };
}
