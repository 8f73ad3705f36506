// Method "gradient" for a learned learner without variable sharing (Meta RNN, Hebbian, FWMemory): the
// exact meta-gradient through each trajectory's unroll (learnedTrajectoryGradient,
// src/model/learners/learnedGrad.ts), as VSML's gradient method (trainer.ts, gradientStep.ts; official
// configs/backprop.yaml). Step s has P trajectories (config.pairs); trajectory p reads exactly what
// ES pair p would (learnedRollouts.ts: pairStream and stepProjection of trajectories.ts, every example
// zero-padded to the learner's shape.inputSize, official pad.yaml) and starts from the kind's zero
// state. g = the mean of the P gradients, summed in trajectory order; the caller clips and steps Adam.
// A non-finite loss or gradient rejects the step, named as VSML's ("trajectory 2: loss is NaN",
// "gradient: Infinity at index 7").
import type { LearnedKind, LearnedShape } from '../model/learners/learned';
import { learnedTrajectoryGradient } from '../model/learners/learnedGrad';
import type { LearnedSpecValues } from '../model/learners/learnedSpec';
import type { LearnedTrajectory } from '../model/learners/learnedUnroll';
import { formatFieldError } from '../model/result';
import type { MetaConfig } from './metaConfig';
import type { VariantTask } from './taskSet';
import { pairExamples } from './trajectories';

/** Pair p's trajectory of step s (T examples), each example zero-padded to `inputSize` inputs. */
export function learnedPairTrajectory(
  cfg: MetaConfig,
  task: VariantTask,
  step: number,
  pair: number,
  inputSize: number,
): LearnedTrajectory {
  const T = cfg.trajectoryLength;
  const A = task.task.inputSize;
  const { inputs: own, labels } = pairExamples(cfg, task, step, pair);
  const inputs = new Float32Array(T * inputSize);
  for (let t = 0; t < T; t++) inputs.set(own.subarray(t * A, (t + 1) * A), t * inputSize);
  return { inputs, labels, steps: T };
}

export interface LearnedGradientEstimate {
  /** [P] each trajectory's mean cross-entropy. */
  readonly losses: Float64Array;
  /** Mean of the losses, summed in trajectory order. */
  readonly metaLoss: number;
  /** Mean of the trajectories' gradients [D] (not clipped). */
  readonly g: Float64Array;
  /** Why the step is rejected (the first non-finite loss, else the first non-finite gradient entry), or null. */
  readonly rejection: string | null;
}

/** The P trajectories' losses and mean gradient at theta for step s (pair p reads variant variantOfPair[p]). */
export function learnedGradientEstimate(
  cfg: MetaConfig,
  learner: { readonly kind: LearnedKind; readonly shape: LearnedShape; readonly spec: LearnedSpecValues },
  theta: Float32Array,
  tasks: readonly VariantTask[],
  variantOfPair: Uint32Array,
  step: number,
): LearnedGradientEstimate {
  const P = cfg.pairs;
  const losses = new Float64Array(P);
  const g = new Float64Array(theta.length);
  for (let p = 0; p < P; p++) {
    const traj = learnedPairTrajectory(cfg, tasks[variantOfPair[p]], step, p, learner.shape.inputSize);
    const r = learnedTrajectoryGradient(learner.kind, learner.shape, learner.spec, theta, traj);
    if (!r.ok) throw new Error(`trajectory ${p}: ${formatFieldError(r.error)}`);
    losses[p] = r.value.loss;
    const gp = r.value.grad;
    for (let k = 0; k < g.length; k++) g[k] += gp[k];
  }
  let sum = 0;
  for (let p = 0; p < P; p++) sum += losses[p];
  for (let k = 0; k < g.length; k++) g[k] /= P;
  const badLoss = losses.findIndex((l) => !Number.isFinite(l));
  const badGrad = g.findIndex((v) => !Number.isFinite(v));
  const rejection =
    badLoss >= 0
      ? `trajectory ${badLoss}: loss is ${losses[badLoss]}`
      : badGrad >= 0
        ? `gradient: ${g[badGrad]} at index ${badGrad}`
        : null;
  return { losses, metaLoss: sum / P, g, rejection };
}
