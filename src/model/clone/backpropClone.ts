// Learning-algorithm cloning of backprop (paper §3.2, appendix C.1): V_M is regressed so that one
// tick of a sub-RNN does what backpropRule.ts says, on random data, one step at a time.
//
// One regression step draws `batch` cells from (seed, step). Each starts from a fresh initial state
// (h = 0, the first floor(p N) cell dims ~ truncnormal(1/sqrt(fan)), as a run starts), its w and b
// dims set to a drawn scale, then runs up to `warmup` ticks of random inputs under V_M itself (the
// paper's state buffer: the free state dims take the values V_M's own dynamics give them; w and b are
// teacher-forced to their targets after each of these ticks), and then one tick on which the loss is
// taken (the gradient is exact through that tick's micro-steps, not through the warm-up):
//   loss = mean over cells of  ((c0' - w*)^2 + (c1' - b*)^2) / u^2
//                            + sum over m of ((fwd_m - fwd*_m)^2 + (bwd_m - bwd*_m)^2) / kappa^2 / M
// with u = eta / kappa the size of one update (so the state is judged in updates, the messages in the
// weight's scale) and fwd* = [t w + b, 0, ...], bwd* = [(1 - t^2) w delta, 0, ...].
//
// Random data (what a cell sees in a network, by where it sits):
//   x: a normalised pixel (MNIST statistics: 60 % background -0.424, else uniform up to 2.82); with the
//      deep curriculum on, half the cells instead get a hidden pre-activation, normal with a scale drawn
//      log-uniform in [0.05, 3];
//   delta: 0 on 40 % of cells (a forward tick); else an output error (for the label, -U(0,1); else
//      U(0,1)^2); with the deep curriculum on, half of those instead get a hidden error e', normal with a
//      scale log-uniform in [1e-3, 0.3];
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
  /** Most warm-up ticks before the regressed one (each cell draws 0..warmup). */
  readonly warmup: number;
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

const logUniform = (rng: Rng, lo: number, hi: number): number => Math.exp(rng.uniformIn(Math.log(lo), Math.log(hi)));

/** A random input x of a cell. */
export function drawInput(rng: Rng, deep: boolean): number {
  if (deep && rng.uniform() < 0.5) return rng.normal() * logUniform(rng, 0.05, 3);
  return rng.uniform() < 0.6 ? MNIST_BACKGROUND : rng.uniformIn(MNIST_BACKGROUND, MNIST_MAX);
}

/** A random error delta of a cell (0 on a forward tick). */
export function drawError(rng: Rng, deep: boolean): number {
  if (rng.uniform() < 0.4) return 0;
  if (deep && rng.uniform() < 0.5) return rng.normal() * logUniform(rng, 1e-3, 0.3);
  if (rng.uniform() < 0.1) return -rng.uniform();
  const u = rng.uniform();
  return u * u;
}

/** The cells of step `step`: drawn, warmed up under `params`, ready for the regressed tick. */
export function drawCells(cfg: VsmlConfig, s: CloneBackpropSettings, params: ReturnType<typeof paramViews>, seed: number, step: number): CellBatch {
  const N = cfg.stateSize;
  const batch = newCellBatch(s.batch, N, cfg.messageSize);
  const nRand = randomCellDims(cfg);
  const std = 1 / Math.sqrt(s.fan);
  const root = new Rng(seed, 0xc10e).fork(step);
  const one = newCellBatch(1, N, cfg.messageSize);
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
    batch.x[n] = drawInput(rng, s.deep);
    batch.delta[n] = drawError(rng, s.deep);
    batch.h.set(one.h, n * N);
    batch.c.set(one.c, n * N);
  }
  return batch;
}

/**
 * The cloning loss of step `step` and (when `grad` is given) its gradient, added into `grad` (laid
 * out as V_M). Deterministic in (params, seed, step, settings).
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
  const p = paramViews(cfg, Float64Array.from(params));
  const batch = drawCells(cfg, s, p, seed, step);
  const before = batch.c.slice();
  const tape = grad ? newCellTape(p, batch.n) : null;
  cellTick(p, batch, tape);
  const k = s.rule.weightScale;
  const u = s.rule.learningRate / k;
  const per = 1 / batch.n;
  const dh = new Float64Array(batch.n * N);
  const dc = new Float64Array(batch.n * N);
  const dFwd = new Float64Array(batch.n * M);
  const dBwd = new Float64Array(batch.n * M);
  let lw = 0;
  let lb = 0;
  let lf = 0;
  let lbw = 0;
  for (let n = 0; n < batch.n; n++) {
    const t = cellTargets(s.rule, before[n * N + W_DIM], before[n * N + B_DIM], batch.x[n], batch.delta[n]);
    const ew = (batch.c[n * N + W_DIM] - t.w) / u;
    const eb = (batch.c[n * N + B_DIM] - t.b) / u;
    lw += ew * ew * per;
    lb += eb * eb * per;
    dc[n * N + W_DIM] = (2 * ew * per) / u;
    dc[n * N + B_DIM] = (2 * eb * per) / u;
    for (let m = 0; m < M; m++) {
      const ef = (batch.fwd[n * M + m] - (m === 0 ? t.fwd : 0)) / k;
      const eB = (batch.bwd[n * M + m] - (m === 0 ? t.bwd : 0)) / k;
      lf += (ef * ef * per) / M;
      lbw += (eB * eB * per) / M;
      dFwd[n * M + m] = (2 * ef * per) / M / k;
      dBwd[n * M + m] = (2 * eB * per) / M / k;
    }
  }
  if (grad && tape) cellTickBackward(p, batch, tape, dh, dc, dFwd, dBwd, paramViews(cfg, grad));
  return { loss: lw + lb + lf + lbw, w: lw, b: lb, fwd: lf, bwd: lbw };
}
