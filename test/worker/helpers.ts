// Shared set-up of the worker tests: a tiny two-layer learner (N = 4, M = 2, one hidden layer of 3),
// the built-in MNIST read from disk once, the CPU engine, and settings at 7x7 with 3 runs.
import { openDataset } from '../../src/data/open';
import { loadBuiltinMnistNode } from '../../src/data/node/builtinMnist';
import type { DataSource } from '../../src/data/types';
import { parseConfig } from '../../src/model/config';
import { learnerToJson } from '../../src/model/formats/learner';
import { initParams } from '../../src/model/init';
import type { Result } from '../../src/model/result';
import { Rng } from '../../src/model/rng';
import { chooseEngine } from '../../src/worker/shared/engineChoice';
import {
  createSessionApi,
  type PacingClock,
  type SessionDeps,
  type SessionSettings,
} from '../../src/worker/session/sessionApi';

const parsed = parseConfig({ stateSize: 4, messageSize: 2, microTicks: 1, hiddenSizes: [3] });
if (!parsed.ok) throw new Error(parsed.error.message);
const config = parsed.value;

/** A learner document: the tiny config and initParams(config, new Rng(5)) scaled by 3. */
export function tinyLearnerDoc(): Record<string, unknown> {
  const params = initParams(config, new Rng(5)).map((v) => v * 3) as ReturnType<typeof initParams>;
  return JSON.parse(JSON.stringify(learnerToJson({ config, params })));
}

export const settings: SessionSettings = {
  dataset: 'mnist',
  split: 'test',
  resize: 7,
  runs: 3,
  seed: 22,
  baselines: ['sgd'],
  classes: null,
  shuffle: false,
  project: false,
  stream: 'iid',
};

/** The built-in set is read once; other data sets open as in the worker (files passed through). */
const builtin = new Map<string, Promise<Result<DataSource>>>();
export const openData: SessionDeps['openData'] = (dataset, split, seed, files) => {
  if (dataset !== 'mnist') return openDataset(dataset, { split, seed, files, builtin: loadBuiltinMnistNode });
  const hit = builtin.get(split) ?? openDataset(dataset, { split, seed, files, builtin: loadBuiltinMnistNode });
  builtin.set(split, hit);
  return hit;
};

export const cpuDeps = (over: Partial<SessionDeps> = {}): SessionDeps => ({
  makeEngine: (spec) => chooseEngine(spec, null),
  openData,
  ...over,
});

export const cpuApi = (over: Partial<SessionDeps> = {}) => createSessionApi(cpuDeps(over));

/** Poll `test` every 5 ms until it holds (or fail after `ms`). */
export async function until(test: () => Promise<boolean> | boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > end) throw new Error('until: timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

export const NO_GPU = 'WebGPU is not available in this browser (navigator.gpu is missing)';

/**
 * A fake clock whose sleeps return at once, advancing its time, until a sleep would pass `limit` ms:
 * that sleep never returns and `reached` resolves (the player is then held there).
 */
export function heldClock(limit = 9999): { clock: PacingClock; reached: Promise<void>; now: () => number } {
  let t = 0;
  let held!: () => void;
  const reached = new Promise<void>((r) => (held = r));
  const clock: PacingClock = {
    now: () => t,
    sleep(ms) {
      if (t + ms > limit) {
        held();
        return new Promise(() => {});
      }
      t += ms;
      return Promise.resolve();
    },
  };
  return { clock, reached, now: () => t };
}
