// The four non-meta-learned baselines of the official code (configs/sgd.yaml, models.py:300-360),
// as data: shallow = Linear(A -> K); deep = Linear(A -> 160) -> tanh -> Linear(160 -> K); outputs
// bounded by 100 tanh(z / 100); SGD lr 0.01 or Adam lr 1e-3 (optax defaults otherwise).
import { Adam, ADAM_DEFAULTS } from './adam';
import type { Optimizer, OptimizerSpec } from './optimizer';
import { Sgd } from './sgd';

export const BASELINE_NAMES = ['sgd', 'adam', 'sgd-deep', 'adam-deep'] as const;
export type BaselineName = (typeof BASELINE_NAMES)[number];

export interface BaselineSpec {
  readonly name: string;
  /** Hidden layer sizes between A and K (tanh after each). */
  readonly hidden: readonly number[];
  readonly optimizer: OptimizerSpec;
  /** y = tanhBound * tanh(z / tanhBound). */
  readonly tanhBound: number;
}

const SGD: OptimizerSpec = { kind: 'sgd', learningRate: 0.01 };
const ADAM: OptimizerSpec = { kind: 'adam', learningRate: 1e-3, ...ADAM_DEFAULTS };
const DEEP_HIDDEN = 160;

export const BASELINES: Readonly<Record<BaselineName, BaselineSpec>> = {
  sgd: { name: 'sgd', hidden: [], optimizer: SGD, tanhBound: 100 },
  adam: { name: 'adam', hidden: [], optimizer: ADAM, tanhBound: 100 },
  'sgd-deep': { name: 'sgd-deep', hidden: [DEEP_HIDDEN], optimizer: SGD, tanhBound: 100 },
  'adam-deep': { name: 'adam-deep', hidden: [DEEP_HIDDEN], optimizer: ADAM, tanhBound: 100 },
};

export const isBaselineName = (s: string): s is BaselineName => (BASELINE_NAMES as readonly string[]).includes(s);

/** The optimiser of a spec, with state for `runs` runs of `paramsPerRun` parameters. */
export function makeOptimizer(spec: OptimizerSpec, runs: number, paramsPerRun: number): Optimizer {
  if (spec.kind === 'sgd') return new Sgd(spec.learningRate);
  return new Adam(
    {
      learningRate: spec.learningRate,
      beta1: spec.beta1 ?? ADAM_DEFAULTS.beta1,
      beta2: spec.beta2 ?? ADAM_DEFAULTS.beta2,
      eps: spec.eps ?? ADAM_DEFAULTS.eps,
    },
    runs,
    paramsPerRun,
  );
}
