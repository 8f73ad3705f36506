// What pair (or trajectory) p of meta-training step s sees, whichever way the step estimates the
// meta-gradient: its examples (the first T of its own seeded shuffle of its variant's split, projected
// per step when the variant asks for it) and its initial state. Everything from (seed, step, p).
// For engines that keep datasets resident (the GPU), the same examples as indices (pairIndices) and
// the projection as a seed (stepProjectionSeedOf).
import { OnlineStream } from '../data/stream';
import type { ExampleTask } from '../data/types';
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

/**
 * The seed of pair p's per-step projection in step s (P = projectionMatrix(A, seed)), or null when its variant has
 * none.
 */
export const stepProjectionSeedOf = (cfg: MetaConfig, task: VariantTask, step: number, pair: number): number | null =>
  task.projectPerStep ? stepProjectionSeed(cfg.seed, step, pair) : null;

/** The example indices an OnlineStream of an example task visits, in order (the same epochs and shuffles). */
export class IndexStream {
  private epoch = -1;
  private at: number;
  private readonly order: Uint32Array;

  constructor(private readonly stream: OnlineStream) {
    const task = stream.task as ExampleTask;
    this.order = new Uint32Array(task.count);
    this.at = task.count;
  }

  /** The next `count` example indices into out[offset..]. */
  next(count: number, out: Uint32Array, offset: number): void {
    const N = this.order.length;
    for (let t = 0; t < count; t++) {
      if (this.at === N) {
        this.epoch++;
        this.stream.epochOrder(this.epoch, this.order);
        this.at = 0;
      }
      out[offset + t] = this.order[this.at++];
    }
  }
}

/** Pair p's examples in step s as indices into its task's examples (an example task; pairStream gives their values). */
export const pairIndices = (cfg: MetaConfig, task: VariantTask, step: number, pair: number): IndexStream =>
  new IndexStream(pairStream(cfg, task, step, pair));

/** The online stream of pair p in step s (examples in order, not yet projected). */
export const pairStream = (cfg: MetaConfig, task: VariantTask, step: number, pair: number): OnlineStream =>
  new OnlineStream(task.task, dataSeed(cfg.seed, step), pair);

/** Pair p's T examples of step s ([T][A] inputs, projected when the task is, and [T] labels). */
export function pairExamples(
  cfg: MetaConfig,
  task: VariantTask,
  step: number,
  pair: number,
): { inputs: Float32Array; labels: Int32Array } {
  const T = cfg.trajectoryLength;
  const A = task.task.inputSize;
  const inputs = new Float32Array(T * A);
  const labels = new Int32Array(T);
  pairStream(cfg, task, step, pair).next(T, inputs, 0, labels, 0);
  const PT = stepProjection(cfg, task, step, pair);
  if (PT) projectRows(inputs, 0, T, PT, A, inputs, 0, new Float32Array(4 * A));
  return { inputs, labels };
}

/** Pair p's whole trajectory of step s: T examples and the initial state, for a network of `shapes`. */
export function pairTrajectory(
  cfg: MetaConfig,
  task: VariantTask,
  step: number,
  pair: number,
  shapes: readonly LayerShape[],
): Trajectory {
  const { inputs, labels } = pairExamples(cfg, task, step, pair);
  return {
    inputs,
    labels,
    steps: cfg.trajectoryLength,
    state: initRunState(cfg.model, shapes, stateRng(cfg.seed, step, pair)),
  };
}
