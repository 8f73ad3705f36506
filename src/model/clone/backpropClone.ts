// Learning-algorithm cloning of backprop (paper §3.2, appendix C.1): V_M is regressed so that one
// tick of a sub-RNN does what backpropRule.ts says, on random data, one step at a time.
//
// One regression step draws `batch` cells from (seed, step). Each starts from a fresh initial state
// (h = 0, the first floor(p N) cell dims ~ truncnormal(1/sqrt(fan)), as a run starts), its w and b
// dims set to a drawn scale, then runs up to `warmup` ticks of random inputs under V_M itself (the
// paper's state buffer: the free state dims take the values V_M's own dynamics give them; w and b are
// teacher-forced to their targets after each of these ticks), and then `unroll` ticks on which the
// loss is taken, against the teacher's own w and b as they evolve (the gradient is exact through
// these ticks' micro-steps, not through the warm-up):
//   loss = mean over cells and regressed ticks of
//            stateWeight ((c0' - w*)^2 / U(t delta)^2 + (c1' - b*)^2 / U(delta)^2)
//          + sum over m of ((fwd_m - fwd*_m)^2 + (bwd_m - bwd*_m)^2) / kappa^2 / M
// with u = eta / kappa, U(g) = u (|g| + 0.05) / 1.05: a state error is judged against the update it
// belongs to (floored at 0.05 u), because over a run the updates are mostly small (a forward tick has
// none) and a cell's errors add up over thousands of ticks; the messages in the weight's scale;
// fwd* = [t w + b, 0, ...], bwd* = [(1 - t^2) w delta, 0, ...].
//
// Random data (what a cell sees in a network, by where it sits):
//   x: a normalised pixel (MNIST statistics: 75 % background -0.424, else uniform up to 2.82); with the
//      deep curriculum on, half the cells instead get a hidden pre-activation, normal with a scale drawn
//      log-uniform in [0.05, 3];
//   delta: 0 on 40 % of cells (a forward tick); else an output error of a random softmax (drawError);
//      with the deep curriculum on, half of those instead get a hidden error e', normal with a scale
//      log-uniform in [1e-3, 0.3];
//   w, b: normal with a scale drawn log-uniform in [0.02, 1] (scaled units).
import { randomCellDims, type VsmlConfig } from '../config';
import { paramViews } from '../grad/layerTape';
import { Rng } from '../rng';
import { B_DIM, cellTargets, W_DIM, type CloneRule } from './backpropRule';
import { cellTick, cellTickBackward, newCellBatch, newCellTape, type CellBatch } from './cellTape';

export interface CloneBackpropSettings {
  readonly rule: CloneRule;
  /** Cells per regression step. */
  readonly batch: number;
  /** Most warm-up ticks before the regressed ones (each cell draws 0..warmup). */
  readonly warmup: number;
  /**
   * Weight of the w and b errors against the messages' (the state's errors accumulate over a run, the messages' do
   * not).
   */
  readonly stateWeight: number;
  /** Regressed ticks per cell, the gradient through all of them (1: one-step regression). */
  readonly unroll: number;
  /** Hidden-layer inputs and errors join the random data (the deep curriculum's second stage). */
  readonly deep: boolean;
  /** Fan of the initial state's random dims (the first layer's input size A). */
  readonly fan: number;
}

/** The loss and its parts (each a mean over the batch, in the loss's units). */
export interface CloneLoss {
  readonly loss: number;
  readonly w: number;
  readonly b: number;
  readonly fwd: number;
  readonly bwd: number;
}

/** A normalised MNIST pixel's range, (0 - 0.13066) / 0.30811 .. (1 - 0.13066) / 0.30811 (src/data/normalisation.ts). */
export const MNIST_BACKGROUND = -0.13066 / 0.30811;
export const MNIST_MAX = (1 - 0.13066) / 0.30811;

/** Floor of the relative state error: an update smaller than this (in units of u) is judged as if this big. */
export const UPDATE_FLOOR = 0.05;

/** What a state error is divided by: the update's own size |g| u (1 at |g| = 1), floored at UPDATE_FLOOR. */
const updateUnit = (u: number, g: number): number => (u * (Math.abs(g) + UPDATE_FLOOR)) / (1 + UPDATE_FLOOR);

const logUniform = (rng: Rng, lo: number, hi: number): number => Math.exp(rng.uniformIn(Math.log(lo), Math.log(hi)));

/** A random input x of a cell. */
export function drawInput(rng: Rng, deep: boolean): number {
  if (deep && rng.uniform() < 0.5) return rng.normal() * logUniform(rng, 0.05, 3);
  return rng.uniform() < 0.75 ? MNIST_BACKGROUND : rng.uniformIn(MNIST_BACKGROUND, MNIST_MAX);
}

/** Classes of the softmax an output error is drawn from. */
const ERROR_CLASSES = 10;

/**
 * A random error delta of a cell (0 on a forward tick): an output error p_b - [b = label] of a softmax
 * over 10 classes whose logits are normal with a scale drawn log-uniform in [0.1, 10], for the label
 * (1 in 10) or another class; with the deep curriculum, half of them a hidden error e' instead.
 */
export function drawError(rng: Rng, deep: boolean): number {
  if (rng.uniform() < 0.4) return 0;
  if (deep && rng.uniform() < 0.5) return rng.normal() * logUniform(rng, 1e-3, 0.3);
  const scale = logUniform(rng, 0.1, 10);
  let sum = 0;
  let first = 0;
  for (let k = 0; k < ERROR_CLASSES; k++) {
    const e = Math.exp(scale * rng.normal());
    if (k === 0) first = e;
    sum += e;
  }
  return first / sum - (rng.uniform() < 1 / ERROR_CLASSES ? 1 : 0);
}

/** The cells of a step: their state where regression starts, and the inputs of each regressed tick. */
export interface DrawnCells {
  readonly batch: CellBatch;
  /** [unroll][n] inputs and errors of the regressed ticks. */
  readonly xs: Float64Array[];
  readonly deltas: Float64Array[];
}

/** The cells of step `step`: drawn, warmed up under `params`, with the inputs of their regressed ticks. */
export function drawCells(
  cfg: VsmlConfig,
  s: CloneBackpropSettings,
  params: ReturnType<typeof paramViews>,
  seed: number,
  step: number,
): DrawnCells {
  const N = cfg.stateSize;
  const batch = newCellBatch(s.batch, N, cfg.messageSize);
  const nRand = randomCellDims(cfg);
  const std = 1 / Math.sqrt(s.fan);
  const root = new Rng(seed, 0xc10e).fork(step);
  const one = newCellBatch(1, N, cfg.messageSize);
  const xs = Array.from({ length: s.unroll }, () => new Float64Array(s.batch));
  const deltas = Array.from({ length: s.unroll }, () => new Float64Array(s.batch));
  for (let n = 0; n < s.batch; n++) {
    const rng = root.fork(n);
    one.h.fill(0);
    one.c.fill(0);
    for (let j = 0; j < nRand; j++) one.c[j] = rng.truncNormal(std);
    const scale = logUniform(rng, 0.02, 1);
    one.c[W_DIM] = rng.normal() * scale;
    one.c[B_DIM] = rng.normal() * scale * rng.uniform();
    const ticks = rng.int(s.warmup + 1);
    for (let k = 0; k < ticks; k++) {
      one.x[0] = drawInput(rng, s.deep);
      one.delta[0] = drawError(rng, s.deep);
      const t = cellTargets(s.rule, one.c[W_DIM], one.c[B_DIM], one.x[0], one.delta[0]);
      cellTick(params, one, null);
      one.c[W_DIM] = t.w;
      one.c[B_DIM] = t.b;
    }
    for (let k = 0; k < s.unroll; k++) {
      xs[k][n] = drawInput(rng, s.deep);
      deltas[k][n] = drawError(rng, s.deep);
    }
    batch.h.set(one.h, n * N);
    batch.c.set(one.c, n * N);
  }
  return { batch, xs, deltas };
}

/**
 * The cloning loss of step `step` and (when `grad` is given) its gradient, added into `grad` (laid
 * out as V_M). Deterministic in (params, seed, step, settings). Over `unroll` regressed ticks the
 * targets follow the teacher's own w and b (not the cell's), and the gradient runs through all of
 * them, so an error that compounds is seen as such.
 */
export function cloneBackpropGradient(
  cfg: VsmlConfig,
  params: ArrayLike<number>,
  s: CloneBackpropSettings,
  seed: number,
  step: number,
  grad: Float64Array | null,
): CloneLoss {
  const N = cfg.stateSize;
  const M = cfg.messageSize;
  const K = s.unroll;
  const p = paramViews(cfg, Float64Array.from(params));
  const { batch, xs, deltas } = drawCells(cfg, s, p, seed, step);
  const n = batch.n;
  const k = s.rule.weightScale;
  const u = s.rule.learningRate / k;
  const per = 1 / (n * K);
  const sw = s.stateWeight;
  const tw = new Float64Array(n);
  const tb = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    tw[i] = batch.c[i * N + W_DIM];
    tb[i] = batch.c[i * N + B_DIM];
  }
  const tapes: Float64Array[] = [];
  const hAfter: Float64Array[] = [];
  const dcs: Float64Array[] = [];
  const dFwds: Float64Array[] = [];
  const dBwds: Float64Array[] = [];
  let lw = 0;
  let lb = 0;
  let lf = 0;
  let lbw = 0;
  for (let t = 0; t < K; t++) {
    batch.x.set(xs[t]);
    batch.delta.set(deltas[t]);
    const tape = grad ? newCellTape(p, n) : null;
    cellTick(p, batch, tape);
    const dc = new Float64Array(n * N);
    const dFwd = new Float64Array(n * M);
    const dBwd = new Float64Array(n * M);
    for (let i = 0; i < n; i++) {
      const target = cellTargets(s.rule, tw[i], tb[i], xs[t][i], deltas[t][i]);
      tw[i] = target.w;
      tb[i] = target.b;
      const uw = updateUnit(u, Math.tanh(xs[t][i]) * deltas[t][i]);
      const ub = updateUnit(u, deltas[t][i]);
      const ew = (batch.c[i * N + W_DIM] - target.w) / uw;
      const eb = (batch.c[i * N + B_DIM] - target.b) / ub;
      lw += sw * ew * ew * per;
      lb += sw * eb * eb * per;
      dc[i * N + W_DIM] = (2 * sw * ew * per) / uw;
      dc[i * N + B_DIM] = (2 * sw * eb * per) / ub;
      for (let m = 0; m < M; m++) {
        const ef = (batch.fwd[i * M + m] - (m === 0 ? target.fwd : 0)) / k;
        const eB = (batch.bwd[i * M + m] - (m === 0 ? target.bwd : 0)) / k;
        lf += (ef * ef * per) / M;
        lbw += (eB * eB * per) / M;
        dFwd[i * M + m] = (2 * ef * per) / M / k;
        dBwd[i * M + m] = (2 * eB * per) / M / k;
      }
    }
    if (tape) {
      tapes.push(tape);
      hAfter.push(batch.h.slice());
      dcs.push(dc);
      dFwds.push(dFwd);
      dBwds.push(dBwd);
    }
  }
  if (grad) {
    const dp = paramViews(cfg, grad);
    const dh = new Float64Array(n * N);
    const dc = new Float64Array(n * N);
    for (let t = K - 1; t >= 0; t--) {
      for (let i = 0; i < n * N; i++) dc[i] += dcs[t][i];
      cellTickBackward(p, { n, x: xs[t], delta: deltas[t], h: hAfter[t] }, tapes[t], dh, dc, dFwds[t], dBwds[t], dp);
    }
  }
  return { loss: lw + lb + lf + lbw, w: lw, b: lb, fwd: lf, bwd: lbw };
}
