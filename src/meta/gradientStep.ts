// Meta-gradients through the unroll (official configs/backprop.yaml): the exact gradient of each
// trajectory's meta-loss (src/model/grad), averaged over the step's trajectories, clipped to a global
// norm, then Adam. The per-trajectory work goes through an injected runner, so the CLI can spread it
// over worker threads and the browser over a Web Worker, with the same sums in the same order.
import { layerSizes, type VsmlConfig } from '../model/config';
import { cellCloneGradient } from '../model/clone/cellClone';
import { trajectoryGradient, type Trajectory } from '../model/grad/trajectoryGradient';
import { paramLayout } from '../model/layout';
import { layerShapes } from '../model/state';

/** What a job's gradient is of: the meta-loss, or cloning online SGD with learning rate eta. */
export type JobObjective = { readonly kind: 'meta-loss' } | { readonly kind: 'clone-sgd'; readonly eta: number };

export interface GradientJob {
  readonly inputSize: number;
  readonly numClasses: number;
  readonly trajectory: Trajectory;
  readonly objective: JobObjective;
}

export interface GradientResult {
  /** [J] meta-loss of each job. */
  readonly losses: Float64Array;
  /** [J] online accuracy of each job. */
  readonly accuracies: Float64Array;
  /** [J][D]: d(meta-loss)/d(V_M) of each job, float64. */
  readonly grads: Float64Array;
}

/** Computes the jobs' gradients at `params` (any order of work; results indexed by job). */
export type GradientRunner = (
  model: VsmlConfig,
  params: Float32Array,
  jobs: readonly GradientJob[],
) => Promise<GradientResult>;

/** Job j's meta-loss and gradient into `grad` (zeroed first); the unit of work of every runner. */
export function runGradientJob(
  model: VsmlConfig,
  params: Float32Array,
  job: GradientJob,
  grad: Float64Array,
): { loss: number; accuracy: number } {
  grad.fill(0);
  const { trajectory: tr, objective: o } = job;
  if (o.kind === 'clone-sgd') return cellCloneGradient(model, params, job.inputSize, job.numClasses, tr, o.eta, grad);
  return trajectoryGradient(model, params, layerShapes(layerSizes(model, job.inputSize, job.numClasses)), tr, grad);
}

/** The runner that does every job on the calling thread. */
export const inThreadGradients: GradientRunner = async (model, params, jobs) => {
  const D = paramLayout(model).size;
  const losses = new Float64Array(jobs.length);
  const accuracies = new Float64Array(jobs.length);
  const grads = new Float64Array(jobs.length * D);
  jobs.forEach((job, j) => {
    const r = runGradientJob(model, params, job, grads.subarray(j * D, (j + 1) * D));
    losses[j] = r.loss;
    accuracies[j] = r.accuracy;
  });
  return { losses, accuracies, grads };
};

/** Mean of the J gradients, summed in job order (so the result does not depend on the runner). */
export function meanGradient(grads: Float64Array, jobs: number, size: number): Float64Array {
  const g = new Float64Array(size);
  for (let j = 0; j < jobs; j++) for (let k = 0; k < size; k++) g[k] += grads[j * size + k];
  for (let k = 0; k < size; k++) g[k] /= jobs;
  return g;
}

/** L2 norm of g; when above maxNorm > 0, g is rescaled in place to that norm (optax clip_by_global_norm). */
export function clipGlobalNorm(g: Float64Array, maxNorm: number): number {
  let sq = 0;
  for (let k = 0; k < g.length; k++) sq += g[k] * g[k];
  const norm = Math.sqrt(sq);
  if (maxNorm > 0 && norm > maxNorm) {
    const s = maxNorm / norm;
    for (let k = 0; k < g.length; k++) g[k] *= s;
  }
  return norm;
}
