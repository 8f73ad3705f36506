// ES rollouts as indexed blocks (src/meta/rollouts.ts): the index streams visit exactly the examples
// of the pair streams; on the CPU reference the fitness is bit-identical to each pair's trajectory
// run on its own (the values path: pairTrajectory, projection on the CPU); on the GPU, where the
// examples are gathered and projected on the device, within 1e-4 of the CPU; and the bytes uploaded
// per ES step, indexed against values, at the tiny shape and at MNIST 784 x 10 (logged for the docs).
import { describe, expect, it } from 'vitest';
import { nodeDataProvider } from '../../src/cli/metaTrainData';
import { uploadedBytes } from '../../src/gpu/upload';
import { EngineCache, type EngineFactory } from '../../src/meta/engineCache';
import type { MetaConfig } from '../../src/meta/metaConfig';
import { runRollouts, type Fitness } from '../../src/meta/rollouts';
import { buildVariantTasks, SourceCache, type VariantTask } from '../../src/meta/taskSet';
import { pairIndices, pairStream, pairTrajectory } from '../../src/meta/trajectories';
import { assignVariants, taskVariants } from '../../src/meta/variants';
import { fillNoise } from '../../src/model/es/noise';
import { perturbPair } from '../../src/model/es/perturb';
import { initParams } from '../../src/model/init';
import type { VsmlEngine } from '../../src/model/engine';
import { ReferenceEngine } from '../../src/model/referenceEngine';
import { Rng } from '../../src/model/rng';
import type { ExampleTask } from '../../src/data/types';
import { gpuEngine, testDevice } from '../gpu/fixture';
import { cpuFactory, tinyConfig } from './trainerHelpers';

const built = new Map<MetaConfig, Promise<VariantTask[]>>();

/** The config's tasks, built once per config (as the trainer does: engines keep them resident by object). */
function tasksOf(cfg: MetaConfig): Promise<VariantTask[]> {
  let t = built.get(cfg);
  if (!t) {
    t = buildVariantTasks(cfg, taskVariants(cfg), new SourceCache(nodeDataProvider)).then((r) => {
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    });
    built.set(cfg, t);
  }
  return t;
}

const thetaOf = (cfg: MetaConfig): Float32Array => initParams(cfg.model, new Rng(cfg.seed, 5));

async function rollouts(cfg: MetaConfig, factory: EngineFactory, step: number, cache?: EngineCache): Promise<Fitness> {
  const tasks = await tasksOf(cfg);
  const engines = cache ?? new EngineCache(factory, cfg.model);
  try {
    return await runRollouts(cfg, thetaOf(cfg), tasks, assignVariants(cfg, tasks.length, step), step, engines);
  } finally {
    if (!cache) engines.dispose();
  }
}

/** Pair p's fitness from its own trajectory (values and projection on the CPU), one block of T on the reference. */
async function pairFitness(cfg: MetaConfig, task: VariantTask, step: number, p: number): Promise<[number, number]> {
  const A = task.task.inputSize;
  const engine = new ReferenceEngine({ config: cfg.model, inputSize: A, numClasses: task.task.numClasses, runs: 2 });
  const theta = thetaOf(cfg);
  const eps = new Float64Array(theta.length);
  fillNoise(cfg.seed, step, p, eps);
  const pair = perturbPair(theta, eps, cfg.sigma);
  const tr = pairTrajectory(cfg, task, step, p, engine.shapes);
  engine.setParams([pair.plus, pair.minus]);
  engine.setState([tr.state, tr.state]);
  const r = await engine.run(
    {
      inputs: Float32Array.from(tr.inputs),
      labels: Int32Array.from(tr.labels),
      steps: tr.steps,
      streamOfRun: new Uint32Array(2),
    },
    { outputs: false },
  );
  const T = tr.steps;
  const from = cfg.objective === 'final-loss' ? T - cfg.finalSteps : 0;
  const mean = (s: number) => {
    let acc = 0;
    for (let t = from; t < T; t++) acc += r.loss[s * T + t];
    return acc / (T - from);
  };
  return [mean(0), mean(1)];
}

/** The engine without runIndexed: rollouts then upload values (the path before resident data). */
const valuesOnly = (e: VsmlEngine): VsmlEngine => ({
  backend: e.backend,
  description: e.description,
  spec: e.spec,
  shapes: e.shapes,
  setParams: (p) => e.setParams(p),
  setState: (s) => e.setState(s),
  run: (b, o) => e.run(b, o),
  readState: (r) => e.readState(r),
  readStateSlice: (r, l, v, j) => e.readStateSlice(r, l, v, j),
  dispose: () => e.dispose(),
});

const maxDiff = (a: Fitness, b: Fitness): number =>
  Math.max(
    ...Array.from(a.plus, (v, i) => Math.abs(v - b.plus[i])),
    ...Array.from(a.minus, (v, i) => Math.abs(v - b.minus[i])),
  );

describe('pairIndices', () => {
  it('visits the examples of pairStream, in order, across epochs (3 classes of MNIST 7x7, 2 epochs and a bit)', async () => {
    const cfg = tinyConfig();
    const [vt] = await tasksOf(cfg);
    const task = vt.task as ExampleTask;
    const n = 2 * task.count + 7;
    const idx = new Uint32Array(n);
    const ix = pairIndices(cfg, vt, 3, 1);
    ix.next(5, idx, 0);
    ix.next(n - 5, idx, 5);
    const inputs = new Float32Array(n * task.inputSize);
    const labels = new Int32Array(n);
    pairStream(cfg, vt, 3, 1).next(n, inputs, 0, labels, 0);
    const A = task.inputSize;
    const gathered = new Float32Array(n * A);
    idx.forEach((i, t) => gathered.set(task.inputs.subarray(i * A, (i + 1) * A), t * A));
    expect(gathered).toEqual(inputs);
    expect(Int32Array.from(idx, (i) => task.labels[i])).toEqual(labels);
  });
});

describe('runRollouts', () => {
  it.each(['fixed', 'per-step'] as const)(
    'CPU reference, projection %s: fitness bit-identical to each pair run alone on its trajectory',
    async (projection) => {
      const cfg = tinyConfig({
        tasks: { datasets: ['mnist'], project: [false, true], resize: [7], classes: [[0, 1, 2]], projection },
      });
      const step = 2;
      const got = await rollouts(cfg, cpuFactory, step);
      const tasks = await tasksOf(cfg);
      const variants = assignVariants(cfg, tasks.length, step);
      for (let p = 0; p < cfg.pairs; p++) {
        const [plus, minus] = await pairFitness(cfg, tasks[variants[p]], step, p);
        expect(got.plus[p]).toBe(plus);
        expect(got.minus[p]).toBe(minus);
      }
    },
  );

  it('objective final-loss: the mean loss of the last finalSteps predictions, each pair within 1e-12 of it run alone, across chunk boundaries (T 12, chunks of 5, last 4)', async () => {
    const cfg = tinyConfig({
      objective: 'final-loss',
      finalSteps: 4,
      tasks: { datasets: ['mnist'], project: [false], resize: [7], classes: [[0, 1, 2]] },
    });
    const step = 1;
    const tasks = await tasksOf(cfg);
    const variants = assignVariants(cfg, tasks.length, step);
    const engines = new EngineCache(cpuFactory, cfg.model);
    try {
      expect([cfg.trajectoryLength, cfg.pairs]).toEqual([12, 4]);
      const got = await runRollouts(cfg, thetaOf(cfg), tasks, variants, step, engines, { blockValues: 4 * 49 * 5 });
      const all = await runRollouts({ ...cfg, objective: 'meta-loss' }, thetaOf(cfg), tasks, variants, step, engines);
      for (let p = 0; p < cfg.pairs; p++) {
        const [plus, minus] = await pairFitness(cfg, tasks[variants[p]], step, p);
        // Chunks add their partial sums: the order of the float64 additions differs from one block.
        expect(Math.abs(got.plus[p] - plus)).toBeLessThan(1e-12);
        expect(Math.abs(got.minus[p] - minus)).toBeLessThan(1e-12);
        expect(got.plus[p]).not.toBe(all.plus[p]);
      }
    } finally {
      engines.dispose();
    }
  });

  it.each(['fixed', 'per-step'] as const)(
    'WebGPU, projection %s: indexed fitness within 1e-4 of the CPU, uploading less',
    async (projection) => {
      const cfg = tinyConfig({
        tasks: { datasets: ['mnist'], project: [false, true], resize: [7], classes: [[0, 1, 2]], projection },
      });
      const queue = (await testDevice()).device.queue;
      const cpu = await rollouts(cfg, cpuFactory, 1);
      const indexedCache = new EngineCache((spec) => gpuEngine(spec), cfg.model);
      const valuesCache = new EngineCache(async (spec) => valuesOnly(await gpuEngine(spec)), cfg.model);
      try {
        await rollouts(cfg, cpuFactory, 0, indexedCache); // step 0 (datasets uploaded once)
        let at = uploadedBytes(queue);
        const gpu = await rollouts(cfg, cpuFactory, 1, indexedCache);
        const indexedBytes = uploadedBytes(queue) - at;
        await rollouts(cfg, cpuFactory, 0, valuesCache);
        at = uploadedBytes(queue);
        const values = await rollouts(cfg, cpuFactory, 1, valuesCache);
        const valuesBytes = uploadedBytes(queue) - at;
        console.log(
          `tiny (A 49, K 3, P ${cfg.pairs}, T ${cfg.trajectoryLength}, ${projection}): |GPU - CPU| ${maxDiff(gpu, cpu).toExponential(2)}, bytes per ES step: indexed ${indexedBytes}, values ${valuesBytes}`,
        );
        expect(maxDiff(gpu, cpu)).toBeLessThan(1e-4);
        expect(maxDiff(values, cpu)).toBeLessThan(1e-4);
        expect(indexedBytes).toBeLessThan(valuesBytes);
      } finally {
        indexedCache.dispose();
        valuesCache.dispose();
      }
    },
  );

  it('WebGPU bytes uploaded per ES step at MNIST 784 x 10 (P 2, T 4; unprojected + fixed, and per-step projection): indexed steps upload less', async () => {
    const queue = (await testDevice()).device.queue;
    for (const projection of ['fixed', 'per-step'] as const) {
      const cfg = tinyConfig({
        pairs: 2,
        trajectoryLength: 4,
        tasks: { datasets: ['mnist'], project: [false, true], resize: [null], classes: [null], projection },
      });
      const row: string[] = [];
      const next: number[] = [];
      for (const [name, factory] of [
        ['indexed', (spec) => gpuEngine(spec)],
        ['values', async (spec) => valuesOnly(await gpuEngine(spec))],
      ] as [string, EngineFactory][]) {
        const cache = new EngineCache(factory, cfg.model);
        try {
          let at = uploadedBytes(queue);
          await rollouts(cfg, factory, 0, cache);
          const first = uploadedBytes(queue) - at;
          at = uploadedBytes(queue);
          await rollouts(cfg, factory, 1, cache);
          next.push(uploadedBytes(queue) - at);
          row.push(`${name}: first step ${first}, next step ${uploadedBytes(queue) - at}`);
        } finally {
          cache.dispose();
        }
      }
      console.log(`MNIST 784x10, P 2, T 4, projection ${projection}: ${row.join('; ')}`);
      // Values upload P streams (a pair's two runs share one) x T examples x 784 floats of input per step
      // (25,088 B); the indexed path uploads 4 bytes per stream-example and a few lists instead.
      expect(next[1] - next[0]).toBeGreaterThan(2 * 4 * 784 * 4 * 0.95);
    }
  }, 600_000);
});
