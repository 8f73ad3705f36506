// The engines a meta-training run will ask its factory for, each task shape (A, K) at the most runs
// any of its batches can hold, so that a device's limits can be checked once before the first step
// (a limit grows with the runs S: the parameter buffer, one example's inputs of all streams) rather
// than failing some steps in.
//   ES (and cma-es) rollouts: the batches of planBatches (rollouts.ts) for every assignment a step can draw:
//     cycle: pair p of step s gets (s P + p) mod V, so steps s = 0..V-1 give every assignment;
//     random: any pair may get any variant, so all P pairs may share one shape.
//   Methods gradient and clone-backprop compute on the CPU: no rollout engines.
//   Held-out evaluations: R runs per held-out task.
import type { EngineSpec } from '../model/engine';
import { usesRollouts, type MetaConfig } from './metaConfig';
import { planBatches } from './rollouts';
import type { ShapedTask } from './taskSet';
import { assignVariants } from './variants';

export interface EngineShape {
  readonly inputSize: number;
  readonly numClasses: number;
  readonly runs: number;
}

/** One spec per (A, K), with the largest S any step or evaluation of the run uses; in order of first use. */
export function runEngineSpecs(
  cfg: MetaConfig,
  tasks: readonly ShapedTask[],
  heldOut: readonly EngineShape[],
  maxRunsPerBatch: number,
): EngineSpec[] {
  const most = new Map<string, EngineShape>();
  const note = (inputSize: number, numClasses: number, runs: number) => {
    const key = `${inputSize}x${numClasses}`;
    const seen = most.get(key);
    if (!seen || seen.runs < runs) most.set(key, { inputSize, numClasses, runs: Math.max(runs, seen?.runs ?? 0) });
  };
  const noteBatches = (variantOfPair: Uint32Array) => {
    for (const b of planBatches(tasks, variantOfPair, maxRunsPerBatch))
      note(b.inputSize, b.numClasses, 2 * b.pairs.length);
  };
  if (usesRollouts(cfg.method)) {
    if (cfg.tasks.assign === 'cycle') {
      for (let s = 0; s < tasks.length; s++) noteBatches(assignVariants(cfg, tasks.length, s));
    } else {
      const firstOfShape = new Map<string, number>();
      tasks.forEach((t, v) => {
        const key = `${t.task.inputSize}x${t.task.numClasses}`;
        if (!firstOfShape.has(key)) firstOfShape.set(key, v);
      });
      for (const v of firstOfShape.values()) noteBatches(new Uint32Array(cfg.pairs).fill(v));
    }
  }
  for (const h of heldOut) note(h.inputSize, h.numClasses, h.runs);
  return [...most.values()].map((s) => ({ config: cfg.model, ...s }));
}
