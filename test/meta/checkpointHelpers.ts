// Checkpoints made by hand (no trainer steps): tiny config, seeded V_M, moments filled, any step.
import { checkpointToJson, type Checkpoint } from '../../src/meta/checkpoint';
import { paramLayout } from '../../src/model/layout';
import { initParams } from '../../src/model/init';
import { Rng } from '../../src/model/rng';
import { tinyConfig } from './trainerHelpers';

/** A checkpoint at `step` of the tiny config; theta is seeded by `step`, so two steps differ. */
export function handCheckpoint(step: number, overrides: Record<string, unknown> = {}): Checkpoint {
  const config = tinyConfig({ steps: Math.max(step, 6), ...overrides });
  const params = initParams(config.model, new Rng(1000 + step));
  const D = paramLayout(config.model).size;
  const m = Float64Array.from({ length: D }, (_, i) => (i % 7) * 1e-3);
  const v = Float64Array.from({ length: D }, (_, i) => (i % 5) * 1e-6);
  return { config, step, rejected: 0, learner: { config: config.model, params }, optimizer: { m, v, t: step } };
}

/** The JSON document of `handCheckpoint(step)`, as JSON.parse would give it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const checkpointDoc = (step = 1): Record<string, any> =>
  JSON.parse(JSON.stringify(checkpointToJson(handCheckpoint(step))));
