// Shared set-up of the trainer worker tests: the API on the CPU reference (as where WebGPU is absent)
// with a memory store, the built-in MNIST read from disk once, a clock the tests control, and engines
// that can act inside a step (pause the run, poison a loss, advance the clock).
import { openDataset } from '../../src/data/open';
import { loadBuiltinMnistNode } from '../../src/data/node/builtinMnist';
import type { DataSource } from '../../src/data/types';
import type { BlockResult, EngineSpec, VsmlEngine } from '../../src/model/engine';
import type { Result } from '../../src/model/result';
import { createMemoryStore, type KeyValueStore } from '../../src/worker/storage/keyValueStore';
import {
  createTrainerApi,
  type TrainerApi,
  type TrainerDeps,
  type TrainerFrame,
} from '../../src/worker/trainer/trainerApi';
import { chooseTrainerEngine } from '../../src/worker/trainer/trainerEngine';
import { cpuWithRunHook } from '../meta/trainerHelpers';

const builtin = new Map<string, Promise<Result<DataSource>>>();

/** openDataset with the built-in set from disk (read once per split). */
export const openData: TrainerDeps['openData'] = (dataset, request) => {
  const open = () => openDataset(dataset, { ...request, builtin: loadBuiltinMnistNode });
  if (dataset !== 'mnist') return open();
  const hit = builtin.get(request.split) ?? open();
  builtin.set(request.split, hit);
  return hit;
};

/** A clock at `t` ms that the tests (or engines) advance; "saved at" is fixed. */
export class TestClock {
  t = 1000;
  now = (): number => this.t;
  iso = (): string => '2030-01-02T03:04:05.000Z';
}

/** What an engine of `spec` does after block number `call` of all engines with that spec's runs. */
export type RunHook = (spec: EngineSpec, call: number, result: BlockResult) => void;

/** The CPU reference, with `hook` called after every block it runs. */
export function hookedCpu(spec: EngineSpec, hook: RunHook, calls: Map<number, number>): VsmlEngine {
  return cpuWithRunHook(spec, (r) => {
    const n = calls.get(spec.runs) ?? 0;
    calls.set(spec.runs, n + 1);
    hook(spec, n, r);
  });
}

export interface TestApi {
  readonly api: TrainerApi;
  readonly store: KeyValueStore;
  readonly clock: TestClock;
}

/** The API on the CPU reference (no WebGPU here), a memory store (or `store`), and an optional hook in every engine. */
export function cpuTrainerApi(
  opts: { store?: KeyValueStore; hook?: RunHook; deps?: Partial<TrainerDeps> } = {},
): TestApi {
  const store = opts.store ?? createMemoryStore();
  const clock = new TestClock();
  const calls = new Map<number, number>();
  const hook = opts.hook;
  const api = createTrainerApi({
    makeEngine: async (spec) => {
      const choice = await chooseTrainerEngine(spec, null);
      return hook ? { ...choice, engine: hookedCpu(spec, hook, calls) } : choice;
    },
    openData,
    store,
    clock,
    ...opts.deps,
  });
  return { api, store, clock };
}

/** Poll frames every 5 ms until `test` holds (or fail after `ms`); the last frame. */
export async function untilFrame(
  api: TrainerApi,
  test: (f: TrainerFrame) => boolean,
  ms = 60_000,
): Promise<TrainerFrame> {
  const end = Date.now() + ms;
  for (;;) {
    const f = await api.frame();
    if (f && test(f)) return f;
    if (f?.state === 'failed' && !test(f)) throw new Error(`run failed: ${f.notice}`);
    if (Date.now() > end) throw new Error(`untilFrame: timed out at ${f ? `${f.state} step ${f.step}` : 'no run'}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export const finished = (f: TrainerFrame): boolean => f.state === 'done';
