// The 2P rollouts of one ES step of a learned learner without variable sharing (Meta RNN, Hebbian,
// FWMemory: src/model/learners), on the CPU reference. As VSML's rollouts.ts: pair p gets
// theta +- sigma eps_p (eps_p = fillNoise(seed, s, p) over the learner's P parameters, perturbPair),
// both halves read the same trajectory (pairStream / stepProjection of trajectories.ts: the same
// examples, the same per-step projection) and start from the kind's zero state (it has no random
// initial state), so a pair's difference comes from eps_p alone (common random numbers). Every
// example is zero-padded to the learner's shape.inputSize (official pad.yaml); labels stay
// 0..k-1 and the softmax runs over all shape.numClasses logits. Fitness = the mean per-example
// cross-entropy over T (objective final-loss: over the last finalSteps).
// Batches of at most maxRunsPerBatch runs (run 2i: plus, 2i+1: minus, both reading stream i) and
// blocks of at most blockValues input values; neither changes a result.
import { projectRows } from '../data/transforms/projection';
import { fillNoise } from '../model/es/noise';
import { perturbPair } from '../model/es/perturb';
import type { LearnedRuns, LearnedShape } from '../model/learners/learned';
import type { LearnedKindEntry } from '../model/learners/kinds';
import type { LearnedSpecValues } from '../model/learners/learnedSpec';
import type { MetaConfig } from './metaConfig';
import {
  addBlockLosses,
  blockSteps,
  DEFAULT_MAX_RUNS_PER_BATCH,
  firstCounted,
  planBatches,
  setPairMeans,
  type Fitness,
  type RolloutOptions,
} from './rollouts';
import type { VariantTask } from './taskSet';
import { pairStream, stepProjection } from './trajectories';

/** What the rollouts run: a learned kind at a shape and spec. */
export interface LearnedTarget {
  readonly def: LearnedKindEntry;
  readonly shape: LearnedShape;
  readonly spec: LearnedSpecValues;
}

/** LearnedRuns of one target kept per run count across steps (their state is reset per batch). */
export class LearnedRunsCache {
  private readonly byRuns = new Map<number, LearnedRuns>();

  constructor(readonly target: LearnedTarget) {}

  get(runs: number): LearnedRuns {
    let r = this.byRuns.get(runs);
    if (!r) {
      const { def, shape, spec } = this.target;
      this.byRuns.set(runs, (r = def.runsOf(shape, spec, runs)));
    }
    return r;
  }

  clear(): void {
    this.byRuns.clear();
  }
}

/** The fitness of every pair of ES step `step` (0-based) from theta ([P] learner parameters). */
export function runLearnedRollouts(
  cfg: MetaConfig,
  theta: Float32Array,
  tasks: readonly VariantTask[],
  variantOfPair: Uint32Array,
  step: number,
  cache: LearnedRunsCache,
  opts: RolloutOptions = {},
): Fitness {
  const { shape } = cache.target;
  const P = cfg.pairs;
  const T = cfg.trajectoryLength;
  const AL = shape.inputSize;
  const plus = new Float64Array(P);
  const minus = new Float64Array(P);
  const eps = new Float64Array(theta.length);
  const from = firstCounted(cfg);
  // Every task is padded to one shape, so pairs are batched in order whatever their variants.
  const padded = tasks.map(() => ({ task: shape }));
  for (const { pairs } of planBatches(padded, variantOfPair, opts.maxRunsPerBatch ?? DEFAULT_MAX_RUNS_PER_BATCH)) {
    const n = pairs.length;
    const runs = cache.get(2 * n);
    const params: Float32Array[] = [];
    for (const p of pairs) {
      const pair = perturbPair(theta, fillNoise(cfg.seed, step, p, eps), cfg.sigma);
      params.push(pair.plus, pair.minus);
    }
    runs.setParams(params);
    runs.resetState();
    const next = pairChunks(cfg, tasks, variantOfPair, step, pairs, AL);
    const streamOfRun = Uint32Array.from({ length: 2 * n }, (_, s) => s >> 1);
    const C = blockSteps(T, opts, n, AL);
    const sums = new Float64Array(2 * n);
    for (let t0 = 0; t0 < T; t0 += C) {
      const c = Math.min(C, T - t0);
      const { inputs, labels } = next(c);
      const r = runs.run({ inputs, labels, steps: c, streamOfRun }, { outputs: false });
      addBlockLosses(sums, r.loss, c, Math.max(0, from - t0));
    }
    setPairMeans({ plus, minus }, pairs, sums, T - from);
  }
  return { plus, minus };
}

/** The next c examples of every pair of a batch, each zero-padded to AL inputs: stream i at [i c AL ..]. */
function pairChunks(
  cfg: MetaConfig,
  tasks: readonly VariantTask[],
  variantOfPair: Uint32Array,
  step: number,
  pairs: readonly number[],
  AL: number,
): (c: number) => { inputs: Float32Array; labels: Int32Array } {
  const n = pairs.length;
  const streams = pairs.map((p) => pairStream(cfg, tasks[variantOfPair[p]], step, p));
  const projections = pairs.map((p) => stepProjection(cfg, tasks[variantOfPair[p]], step, p));
  const sizes = pairs.map((p) => tasks[variantOfPair[p]].task.inputSize);
  const scratch = new Float32Array(4 * Math.max(...sizes));
  return (c) => {
    const inputs = new Float32Array(n * c * AL);
    const labels = new Int32Array(n * c);
    streams.forEach((s, i) => {
      const A = sizes[i];
      const own = new Float32Array(c * A);
      s.next(c, own, 0, labels, i * c);
      const PT = projections[i];
      if (PT) projectRows(own, 0, c, PT, A, own, 0, scratch);
      for (let t = 0; t < c; t++) inputs.set(own.subarray(t * A, (t + 1) * A), (i * c + t) * AL);
    });
    return { inputs, labels };
  };
}
