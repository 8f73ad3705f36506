// Method clone-backprop's step (paper §3.2): the regression loss of one sub-RNN tick onto the backprop
// rule on the cells of (seed, step), and its gradient (src/model/clone/backpropClone.ts). The deep
// curriculum: hidden-layer inputs and errors join the random data from step cloneDeepFrom on.
import { cloneBackpropGradient, type CloneBackpropSettings, type CloneLoss } from '../model/clone/backpropClone';
import type { MetaConfig } from './metaConfig';

/** The regression settings of step `step` of a clone-backprop config whose first layer has `fan` inputs. */
export function cloneSettings(cfg: MetaConfig, fan: number, step: number): CloneBackpropSettings {
  return {
    rule: { learningRate: cfg.cloneLearningRate, weightScale: cfg.cloneWeightScale },
    batch: cfg.cloneBatch,
    warmup: cfg.cloneWarmup,
    unroll: cfg.cloneUnroll,
    stateWeight: cfg.cloneStateWeight,
    deep: cfg.cloneDeepFrom > 0 && step >= cfg.cloneDeepFrom,
    fan,
  };
}

/** The loss of step `step` under theta, and its gradient (laid out as V_M). */
export function cloneStep(
  cfg: MetaConfig,
  theta: Float32Array,
  fan: number,
  step: number,
): { loss: CloneLoss; g: Float64Array } {
  const g = new Float64Array(theta.length);
  const loss = cloneBackpropGradient(cfg.model, theta, cloneSettings(cfg, fan, step), cfg.seed, step, g);
  return { loss, g };
}
