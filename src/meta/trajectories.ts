// What pair (or trajectory) p of meta-training step s sees, whichever way the step estimates the
// meta-gradient: its examples (the first T of its own seeded shuffle of its variant's split, projected
// per step when the variant asks for it) and its initial state. Everything from (seed, step, p).
import { OnlineStream } from '../data/stream';
import { projectionMatrix, projectRows, transposeSquare } from '../data/transforms/projection';
import { initRunState } from '../model/init';
import type { Trajectory } from '../model/grad/trajectoryGradient';
import type { LayerShape } from '../model/state';
import type { MetaConfig } from './metaConfig';
import { dataSeed, stateRng, stepProjectionSeed } from './seeds';
import type { VariantTask } from './taskSet';

/** The transposed per-step projection of pair p in step s, or null when its variant has none. */
export function stepProjection(cfg: MetaConfig, task: VariantTask, step: number, pair: number): Float32Array | null {
  const A = task.task.inputSize;
  return task.projectPerStep ? transposeSquare(projectionMatrix(A, stepProjectionSeed(cfg.seed, step, pair)), A) : null;
}

/** The online stream of pair p in step s (examples in order, not yet projected). */
export const pairStream = (cfg: MetaConfig, task: VariantTask, step: number, pair: number): OnlineStream =>
  new OnlineStream(task.task, dataSeed(cfg.seed, step), pair);

/** Pair p's whole trajectory of step s: T examples and the initial state, for a network of `shapes`. */
export function pairTrajectory(cfg: MetaConfig, task: VariantTask, step: number, pair: number, shapes: readonly LayerShape[]): Trajectory {
  const T = cfg.trajectoryLength;
  const A = task.task.inputSize;
  const inputs = new Float32Array(T * A);
  const labels = new Int32Array(T);
  pairStream(cfg, task, step, pair).next(T, inputs, 0, labels, 0);
  const PT = stepProjection(cfg, task, step, pair);
  if (PT) projectRows(inputs, 0, T, PT, A, inputs, 0, new Float32Array(4 * A));
  return { inputs, labels, steps: T, state: initRunState(cfg.model, shapes, stateRng(cfg.seed, step, pair)) };
}
