// Tiny meta-training set-ups for the trainer tests: built-in MNIST at 7x7 with 3 classes (A = 49,
// K = 3), with and without projection, T = 12, 4 pairs, on the CPU reference.
import { nodeDataProvider } from '../../src/cli/metaTrainData';
import type { MetaConfig } from '../../src/meta/metaConfig';
import { parseMetaConfig } from '../../src/meta/metaConfigParse';
import { createTrainer, type EngineFactory, type Trainer, type TrainerOptions } from '../../src/meta/trainer';
import { ReferenceEngine } from '../../src/model/referenceEngine';
import type { BlockResult, EngineSpec, VsmlEngine } from '../../src/model/engine';

export const tinyConfigDoc = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  format: 'vsml-meta-config',
  version: 1,
  seed: 7,
  steps: 6,
  pairs: 4,
  trajectoryLength: 12,
  checkpointEvery: 2,
  tasks: { datasets: ['mnist'], project: [false, true], resize: [7], classes: [[0, 1, 2]] },
  evaluation: { every: 3, steps: 10, runs: 2, datasets: [{ dataset: 'mnist', resize: 7, classes: [0, 1, 2] }] },
  ...overrides,
});

export function tinyConfig(overrides: Record<string, unknown> = {}): MetaConfig {
  const r = parseMetaConfig(tinyConfigDoc(overrides));
  if (!r.ok) throw new Error(`${r.error.field}: ${r.error.message}`);
  return r.value;
}

export const cpuFactory: EngineFactory = async (spec) => new ReferenceEngine(spec);

/** The CPU reference for `spec`, with `after(block result)` called on every block it runs (it may change the result). */
export function cpuWithRunHook(spec: EngineSpec, after: (r: BlockResult) => void): VsmlEngine {
  const inner = new ReferenceEngine(spec);
  return {
    backend: inner.backend,
    description: inner.description,
    spec: inner.spec,
    shapes: inner.shapes,
    setParams: (p) => inner.setParams(p),
    setState: (s) => inner.setState(s),
    readState: (r) => inner.readState(r),
    readStateSlice: (r, l, v, j) => inner.readStateSlice(r, l, v, j),
    dispose: () => inner.dispose(),
    run: async (block, opts) => {
      const r = await inner.run(block, opts);
      after(r);
      return r;
    },
  };
}

export async function tinyTrainer(
  config = tinyConfig(),
  factory = cpuFactory,
  options: TrainerOptions = {},
): Promise<Trainer> {
  const r = await createTrainer(config, factory, nodeDataProvider, options);
  if (!r.ok) throw new Error(`${r.error.field}: ${r.error.message}`);
  return r.value;
}

/** An engine whose loss at every step is mean_k (V_M[k] - c_k)^2 of the run's own V_M, c_k = 0.2 sin k: a known landscape. */
export const quadraticFactory: EngineFactory = async (spec) => {
  let params: readonly Float32Array[] = [];
  const c = (k: number) => 0.2 * Math.sin(k);
  return {
    backend: 'cpu',
    description: 'quadratic',
    spec,
    shapes: [],
    setParams: (p) => (params = p),
    setState: () => undefined,
    dispose: () => undefined,
    readState: async () => [],
    readStateSlice: async () => new Float32Array(0),
    run: async (block) => {
      const S = spec.runs;
      const T = block.steps;
      const loss = new Float32Array(S * T);
      for (let s = 0; s < S; s++) {
        const p = params[s];
        let f = 0;
        for (let k = 0; k < p.length; k++) f += (p[k] - c(k)) ** 2 / p.length;
        loss.fill(f, s * T, (s + 1) * T);
      }
      return { runs: S, steps: T, outputs: null, loss, correct: new Uint8Array(S * T) };
    },
  };
};
