// The 2P rollouts of one ES step as batched engine runs. Pairs whose tasks have the same shape
// (A, K) share an engine batch of S = 2n runs: run 2i holds theta + sigma eps_p and run 2i+1
// theta - sigma eps_p, both read stream i (streamOfRun[2i] = streamOfRun[2i+1] = i) and start from
// the same initial state, so the two halves of a pair see the same trajectory; every pair gets its
// own. Batches hold at most `maxRunsPerBatch` runs (split evenly). Nothing here depends on how the
// pairs are batched: each run's result depends only on its own V_M, state and stream.
// When every task of a batch is a set of examples, the batch runs as indexed blocks (example indices
// into the tasks, per-pair projection seeds): the GPU engine gathers and projects them on the device,
// uploading indices instead of images; other engines run their expansion, the same values as before.
// The two V_M of a pair are theta +- sigma eps_p unless the caller passes its own (`PairParams`:
// method cma-es's m +- sigma sqrt(c) z_p); the batching, states and streams are the same either way.
import { runIndexedOn } from '../data/indexedBlock';
import { projectRows } from '../data/transforms/projection';
import type { ExampleTask } from '../data/types';
import type { BlockResult, IndexedBlock, VsmlEngine } from '../model/engine';
import type { VmParams } from '../model/layout';
import { initRunState } from '../model/init';
import { fillNoise } from '../model/es/noise';
import { perturbPair, type AntitheticPair } from '../model/es/perturb';
import type { RunState } from '../model/state';
import type { EngineCache } from './engineCache';
import type { MetaConfig } from './metaConfig';
import { stateRng } from './seeds';
import type { ShapedTask, VariantTask } from './taskSet';
import { pairIndices, pairStream, stepProjection, stepProjectionSeedOf } from './trajectories';

export interface Fitness {
  /**
   * [P] mean cross-entropy over the T online predictions of theta + sigma eps_p (objective final-loss: over the last
   * finalSteps).
   */
  readonly plus: Float64Array;
  /** [P] the same for theta - sigma eps_p. */
  readonly minus: Float64Array;
}

/** Largest engine batch (runs) unless RolloutOptions.maxRunsPerBatch says otherwise. */
export const DEFAULT_MAX_RUNS_PER_BATCH = 256;

export interface RolloutOptions {
  /** Largest engine batch (runs); default DEFAULT_MAX_RUNS_PER_BATCH (256). */
  readonly maxRunsPerBatch?: number;
  /** Input values per engine block (bounds memory); default 8 Mi (32 MiB of float32). */
  readonly blockValues?: number;
}

/** Examples per block for a batch of n pairs of A inputs: at most opts.blockValues (8 Mi) input values, 1..T. */
export const blockSteps = (T: number, opts: RolloutOptions, n: number, A: number): number =>
  Math.max(1, Math.min(T, Math.floor((opts.blockValues ?? 8 * 1024 * 1024) / (n * A))));

/** The first prediction the fitness counts: 0, or T − finalSteps under objective final-loss. */
export const firstCounted = (cfg: MetaConfig): number =>
  cfg.objective === 'final-loss' ? cfg.trajectoryLength - cfg.finalSteps : 0;

/**
 * sums[s] += run s's losses at steps first..c-1 of a block of c steps (`loss` [runs][c]), one at a
 * time in step order: a run's sum is the same whatever blocks its trajectory was cut into.
 */
export function addBlockLosses(sums: Float64Array, loss: Float32Array, c: number, first: number): void {
  for (let s = 0; s < sums.length; s++) {
    for (let t = first; t < c; t++) sums[s] += loss[s * c + t];
  }
}

/** Each pair's fitness: plus[at(p)] and minus[at(p)] are its runs' sums (2i, 2i + 1) over `count` predictions. */
export function setPairMeans(
  fitness: Fitness,
  pairs: readonly number[],
  sums: Float64Array,
  count: number,
  at: (pair: number) => number = (p) => p,
): void {
  pairs.forEach((p, i) => {
    fitness.plus[at(p)] = sums[2 * i] / count;
    fitness.minus[at(p)] = sums[2 * i + 1] / count;
  });
}

/**
 * Where a trainer's ES pairs run instead of this process (TrainerOptions.rollouts), e.g. on the workers
 * of a job queue (src/cli/queue): every pair's fitness for step `step` from theta, the same bits as runRollouts.
 */
export type RolloutRunner = (theta: Float32Array, variantOfPair: Uint32Array, step: number) => Promise<Fitness>;

/** The two V_M (float32) of pair p; run 2i holds `plus`, run 2i+1 `minus`. */
export type PairParams = (pair: number) => AntitheticPair;

interface Batch {
  readonly inputSize: number;
  readonly numClasses: number;
  readonly pairs: readonly number[];
}

/** The pairs `from..to-1` of a step: what one job of a distributed step runs (src/cli/queue). */
export interface PairRange {
  readonly from: number;
  readonly to: number;
}

/**
 * Pairs (default all; else `range`) grouped by task shape (in order of first appearance), each group cut into even
 * batches.
 */
export function planBatches(
  tasks: readonly ShapedTask[],
  variantOfPair: Uint32Array,
  maxRunsPerBatch: number,
  range?: PairRange,
): Batch[] {
  const groups = new Map<string, { inputSize: number; numClasses: number; pairs: number[] }>();
  const { from, to } = range ?? { from: 0, to: variantOfPair.length };
  for (let p = from; p < to; p++) {
    const { inputSize, numClasses } = tasks[variantOfPair[p]].task;
    const key = `${inputSize}x${numClasses}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { inputSize, numClasses, pairs: [] }));
    g.pairs.push(p);
  }
  const maxPairs = Math.max(1, Math.floor(maxRunsPerBatch / 2));
  const out: Batch[] = [];
  for (const g of groups.values()) {
    const chunks = Math.ceil(g.pairs.length / maxPairs);
    let at = 0;
    for (let c = 0; c < chunks; c++) {
      const n = Math.floor(g.pairs.length / chunks) + (c < g.pairs.length % chunks ? 1 : 0);
      out.push({ inputSize: g.inputSize, numClasses: g.numClasses, pairs: g.pairs.slice(at, at + n) });
      at += n;
    }
  }
  return out;
}

/**
 * Run every pair of ES step `step` (0-based) from theta; the fitness of each half of each pair.
 * `pairParams` replaces theta +- sigma eps_p (theta then only gives D). With `range`, only the pairs
 * range.from..to-1 run (one job of a distributed step), pair p's fitness at index p - range.from: the
 * same bits as in the whole step.
 */
export async function runRollouts(
  cfg: MetaConfig,
  theta: Float32Array,
  tasks: readonly VariantTask[],
  variantOfPair: Uint32Array,
  step: number,
  engines: EngineCache,
  opts: RolloutOptions = {},
  pairParams?: PairParams,
  range: PairRange = { from: 0, to: cfg.pairs },
): Promise<Fitness> {
  const T = cfg.trajectoryLength;
  const plus = new Float64Array(range.to - range.from);
  const minus = new Float64Array(range.to - range.from);
  const eps = new Float64Array(theta.length);
  const paramsOf = pairParams ?? ((p: number) => perturbPair(theta, fillNoise(cfg.seed, step, p, eps), cfg.sigma));
  for (const batch of planBatches(tasks, variantOfPair, opts.maxRunsPerBatch ?? DEFAULT_MAX_RUNS_PER_BATCH, range)) {
    const { inputSize: A, numClasses: K, pairs } = batch;
    const n = pairs.length;
    const engine = await engines.get(A, K, 2 * n);
    const params: VmParams[] = [];
    const states: RunState[] = [];
    for (const p of pairs) {
      const pair = paramsOf(p);
      params.push(pair.plus, pair.minus);
      const state = initRunState(cfg.model, engine.shapes, stateRng(cfg.seed, step, p));
      states.push(state, state);
    }
    engine.setParams(params);
    engine.setState(states);
    const C = blockSteps(T, opts, n, A);
    const streamOfRun = Uint32Array.from({ length: 2 * n }, (_, s) => s >> 1);
    const chunks = pairs.every((p) => tasks[variantOfPair[p]].task.kind === 'examples')
      ? indexedChunks(cfg, tasks, variantOfPair, step, pairs, engine, streamOfRun)
      : streamChunks(cfg, tasks, variantOfPair, step, pairs, engine, streamOfRun);
    const sums = new Float64Array(2 * n);
    // Objective final-loss: only the last F predictions count.
    const from = firstCounted(cfg);
    for (let t0 = 0; t0 < T; t0 += C) {
      const c = Math.min(C, T - t0);
      const r = await chunks(c);
      addBlockLosses(sums, r.loss, c, Math.max(0, from - t0));
    }
    setPairMeans({ plus, minus }, pairs, sums, T - from, (p) => p - range.from);
  }
  return { plus, minus };
}

/** Runs the next c examples of every pair of a batch on the engine. */
type ChunkRunner = (c: number) => Promise<BlockResult>;

/** The batch's examples as values, projected on the CPU (tasks that generate their examples). */
function streamChunks(
  cfg: MetaConfig,
  tasks: readonly VariantTask[],
  variantOfPair: Uint32Array,
  step: number,
  pairs: readonly number[],
  engine: VsmlEngine,
  streamOfRun: Uint32Array,
): ChunkRunner {
  const A = engine.spec.inputSize;
  const n = pairs.length;
  const streams = pairs.map((p) => pairStream(cfg, tasks[variantOfPair[p]], step, p));
  const projections = pairs.map((p) => stepProjection(cfg, tasks[variantOfPair[p]], step, p));
  const scratch = new Float32Array(4 * A);
  return (c) => {
    const inputs = new Float32Array(n * c * A);
    const labels = new Int32Array(n * c);
    streams.forEach((s, i) => {
      s.next(c, inputs, i * c * A, labels, i * c);
      const PT = projections[i];
      if (PT) projectRows(inputs, i * c * A, c, PT, A, inputs, i * c * A, scratch);
    });
    return engine.run({ inputs, labels, steps: c, streamOfRun }, { outputs: false });
  };
}

/** The batch's examples as indices into its tasks and projection seeds (tasks of examples). */
function indexedChunks(
  cfg: MetaConfig,
  tasks: readonly VariantTask[],
  variantOfPair: Uint32Array,
  step: number,
  pairs: readonly number[],
  engine: VsmlEngine,
  streamOfRun: Uint32Array,
): ChunkRunner {
  const n = pairs.length;
  const datasets: ExampleTask[] = [];
  const datasetOfStream = Uint32Array.from(pairs, (p) => {
    const t = tasks[variantOfPair[p]].task as ExampleTask;
    const at = datasets.indexOf(t);
    return at >= 0 ? at : datasets.push(t) - 1;
  });
  const streams = pairs.map((p) => pairIndices(cfg, tasks[variantOfPair[p]], step, p));
  const seeds = pairs.map((p) => stepProjectionSeedOf(cfg, tasks[variantOfPair[p]], step, p));
  const projectionSeeds = seeds.some((s) => s !== null) ? seeds : undefined;
  return (c) => {
    const indices = new Uint32Array(n * c);
    streams.forEach((s, i) => s.next(c, indices, i * c));
    const block: IndexedBlock = {
      datasets,
      datasetOfStream,
      indices,
      steps: c,
      streamOfRun,
      ...(projectionSeeds ? { projectionSeeds } : {}),
    };
    return runIndexedOn(engine, block, { outputs: false });
  };
}
