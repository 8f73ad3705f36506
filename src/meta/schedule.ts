// When a meta-training run writes a checkpoint and runs its held-out evaluations, the same for
// `vsml meta-train` (src/cli/metaTrainSession.ts) and the studio's trainer worker:
//   checkpoint: after every checkpointEvery-th step and after the last step;
//   evaluation: at step 0, after every evaluation.every-th step and after the last step; never when
//               evaluation.every is 0 or no held-out dataset is configured.
import type { MetaConfig } from './metaConfig';

/** Whether a checkpoint is due once `step` steps are done. */
export const checkpointDue = (cfg: MetaConfig, step: number): boolean =>
  step % cfg.checkpointEvery === 0 || step === cfg.steps;

/** Whether the held-out evaluations are due with `step` steps done. */
export const evaluationDue = (cfg: MetaConfig, step: number): boolean =>
  cfg.evaluation.every > 0 &&
  cfg.evaluation.datasets.length > 0 &&
  (step === 0 || step % cfg.evaluation.every === 0 || step === cfg.steps);
