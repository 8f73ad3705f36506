// Seeded random fixtures for tests: configs, params, states and streams.
import { DEFAULT_CONFIG, parseConfig, type VsmlConfig } from '../../src/model/config';
import { specShapes, type EngineSpec, type StreamBlock } from '../../src/model/engine';
import { initParams, initRunStates } from '../../src/model/init';
import { asVmParams, type VmParams } from '../../src/model/layout';
import { Rng } from '../../src/model/rng';
import type { RunState } from '../../src/model/state';

export function config(overrides: Partial<VsmlConfig> = {}): VsmlConfig {
  const r = parseConfig({ ...DEFAULT_CONFIG, ...overrides });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** initParams, with every value scaled so the dynamics are far from trivial in a few steps. */
export function randomParams(cfg: VsmlConfig, seed: number, scale = 3): VmParams {
  const p = initParams(cfg, new Rng(seed));
  const rng = new Rng(seed, 1);
  for (let k = 0; k < p.length; k++) p[k] = p[k] * scale + 0.1 * rng.normal();
  return asVmParams(p);
}

export function randomStates(spec: EngineSpec, seed: number): RunState[] {
  return initRunStates(spec.config, specShapes(spec), new Rng(seed, 2), spec.runs);
}

/** Q streams of T examples: inputs ~ N(0, 1), labels uniform in [0, K). */
export function randomBlock(spec: EngineSpec, steps: number, streams: number, seed: number): StreamBlock {
  const rng = new Rng(seed, 3);
  const inputs = Float32Array.from({ length: streams * steps * spec.inputSize }, () => rng.normal());
  const labels = Int32Array.from({ length: streams * steps }, () => rng.int(spec.numClasses));
  return { inputs, labels, steps };
}

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} vs ${b.length}`);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}
