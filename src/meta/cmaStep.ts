// Method cma-es, the pieces of one trainer step s around the sep-CMA-ES state (src/model/es/sepCma.ts):
// pair p's two V_M are float32(m + sigma sqrt(c) z_p) and float32(m - sigma sqrt(c) z_p) with
// z_p = fillNoise(seed, s, p), the very noise ES pair p would draw, and they run as the ES rollouts
// (rollouts.ts: same tasks, initial states, streams and batching). The fitness is the ES one (the
// mean cross-entropy over the T online predictions, or the last finalSteps with objective
// final-loss); the trainer rejects a step with a non-finite
// fitness before anything here changes the state.
import { asVmParams } from '../model/layout';
import { sepCmaNoise, sepCmaStep, sepCmaTell, type SepCmaParams, type SepCmaState } from '../model/es/sepCma';
import type { PairParams } from './rollouts';

/** The two V_M of each pair of step `step`, from the state's mean, step size and covariance. */
export function cmaPairParams(state: SepCmaState, seed: number, step: number): PairParams {
  const D = state.mean.length;
  const noise = sepCmaNoise(seed, step);
  const z = new Float64Array(D);
  const y = new Float64Array(D);
  return (p) => {
    noise(p, z);
    sepCmaStep(state, z, y);
    const plus = asVmParams(new Float32Array(D));
    const minus = asVmParams(new Float32Array(D));
    for (let k = 0; k < D; k++) {
      plus[k] = state.mean[k] + y[k];
      minus[k] = state.mean[k] - y[k];
    }
    return { plus, minus };
  };
}

export interface CmaUpdate {
  readonly next: SepCmaState;
  /** |m_next - m|, L2 (reported as the step's gradientNorm). */
  readonly meanShift: number;
}

/** The next state from the pairs' finite fitness (plus[p] of m + ..., minus[p] of m - ...). */
export function cmaUpdate(
  state: SepCmaState,
  params: SepCmaParams,
  plus: Float64Array,
  minus: Float64Array,
  seed: number,
  step: number,
): CmaUpdate {
  const next = sepCmaTell(state, params, plus, minus, sepCmaNoise(seed, step));
  let sq = 0;
  for (let k = 0; k < next.mean.length; k++) sq += (next.mean[k] - state.mean[k]) ** 2;
  return { next, meanShift: Math.sqrt(sq) };
}
