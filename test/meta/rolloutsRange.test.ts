// runRollouts with a range (src/meta/rollouts.ts): the pairs of a step cut into ranges, each run on its own
// engines as a worker of a distributed step runs it, concatenate to runRollouts of the whole step,
// bit for bit, whatever the batch size and block length.
import { describe, expect, it } from 'vitest';
import { nodeDataProvider } from '../../src/cli/metaTrainData';
import { EngineCache } from '../../src/meta/engineCache';
import type { MetaConfig } from '../../src/meta/metaConfig';
import {
  addBlockLosses,
  planBatches,
  runRollouts,
  type Fitness,
  type PairRange,
  type RolloutOptions,
} from '../../src/meta/rollouts';
import { buildVariantTasks, SourceCache, type VariantTask } from '../../src/meta/taskSet';
import { assignVariants, taskVariants } from '../../src/meta/variants';
import { initParams } from '../../src/model/init';
import { Rng } from '../../src/model/rng';
import { cpuFactory, tinyConfig } from './trainerHelpers';

const cfg = tinyConfig({ pairs: 6 });
const RANGES: PairRange[] = [
  { from: 0, to: 2 },
  { from: 2, to: 5 },
  { from: 5, to: 6 },
];
const STEP = 3;

let tasksOnce: Promise<VariantTask[]> | null = null;
function tasksOf(c: MetaConfig): Promise<VariantTask[]> {
  tasksOnce ??= buildVariantTasks(c, taskVariants(c), new SourceCache(nodeDataProvider)).then((r) => {
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  });
  return tasksOnce;
}

const theta = initParams(cfg.model, new Rng(cfg.seed, 5));

async function whole(opts: RolloutOptions): Promise<Fitness> {
  const tasks = await tasksOf(cfg);
  const engines = new EngineCache(cpuFactory, cfg.model);
  try {
    return await runRollouts(cfg, theta, tasks, assignVariants(cfg, tasks.length, STEP), STEP, engines, opts);
  } finally {
    engines.dispose();
  }
}

/** Each range on its own engines (a worker's job), concatenated in pair order. */
async function byRanges(opts: RolloutOptions): Promise<Fitness> {
  const tasks = await tasksOf(cfg);
  const plus: number[] = [];
  const minus: number[] = [];
  for (const range of RANGES) {
    const engines = new EngineCache(cpuFactory, cfg.model);
    try {
      const f = await runRollouts(
        cfg,
        theta,
        tasks,
        assignVariants(cfg, tasks.length, STEP),
        STEP,
        engines,
        opts,
        undefined,
        range,
      );
      expect([f.plus.length, f.minus.length]).toEqual([range.to - range.from, range.to - range.from]);
      plus.push(...f.plus);
      minus.push(...f.minus);
    } finally {
      engines.dispose();
    }
  }
  return { plus: Float64Array.from(plus), minus: Float64Array.from(minus) };
}

const bytes = (a: Float64Array): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

describe('runRollouts over a range', () => {
  it('the step has two task variants (project false / true) and every pair a finite fitness', async () => {
    const tasks = await tasksOf(cfg);
    expect(tasks.length).toBe(2);
    const f = await whole({});
    expect(f.plus.length).toBe(6);
    expect([...f.plus, ...f.minus].every(Number.isFinite)).toBe(true);
  });

  for (const [name, opts] of [
    ['default batches', {}],
    ['maxRunsPerBatch 2', { maxRunsPerBatch: 2 }],
    [
      'maxRunsPerBatch 2 and blocks of 5 steps (blockValues 2 x 49 x 5)',
      { maxRunsPerBatch: 2, blockValues: 2 * 49 * 5 },
    ],
    ['blocks of 1 step (blockValues 1)', { blockValues: 1 }],
  ] as [string, RolloutOptions][]) {
    it(`ranges [0,2), [2,5), [5,6) concatenated equal runRollouts of the whole step bit for bit: ${name}`, async () => {
      const [a, b] = await Promise.all([whole(opts), byRanges(opts)]);
      expect(Array.from(b.plus)).toEqual(Array.from(a.plus));
      expect(Array.from(b.minus)).toEqual(Array.from(a.minus));
      expect(bytes(b.plus)).toEqual(bytes(a.plus));
      expect(bytes(b.minus)).toEqual(bytes(a.minus));
    });
  }

  it('the batching and block length change no bit of the whole step either', async () => {
    const a = await whole({});
    const b = await whole({ maxRunsPerBatch: 2, blockValues: 2 * 49 * 5 });
    expect(bytes(b.plus)).toEqual(bytes(a.plus));
    expect(bytes(b.minus)).toEqual(bytes(a.minus));
  });
});

describe('planBatches', () => {
  const shaped = [
    { task: { inputSize: 49, numClasses: 3 } },
    { task: { inputSize: 25, numClasses: 10 } },
    { task: { inputSize: 49, numClasses: 3 } },
  ];
  const plan = (variants: number[], max: number, range?: PairRange) =>
    planBatches(shaped, Uint32Array.from(variants), max, range).map(
      (b) => `${b.inputSize}x${b.numClasses}:${b.pairs.join(',')}`,
    );

  it('a range plans only its pairs, grouped by shape in order of first appearance', () => {
    const v = [0, 1, 2, 1, 0, 1];
    expect(plan(v, 256)).toEqual(['49x3:0,2,4', '25x10:1,3,5']);
    expect(plan(v, 256, { from: 1, to: 4 })).toEqual(['25x10:1,3', '49x3:2']);
    expect(plan(v, 256, { from: 5, to: 6 })).toEqual(['25x10:5']);
    expect(plan(v, 2, { from: 2, to: 5 })).toEqual(['49x3:2', '49x3:4', '25x10:3']);
  });

  it('a range is cut into even batches of at most maxRunsPerBatch / 2 pairs', () => {
    const v = [0, 0, 0, 0, 0, 0];
    expect(plan(v, 4, { from: 1, to: 6 })).toEqual(['49x3:1,2', '49x3:3,4', '49x3:5']);
    expect(plan(v, 6, { from: 0, to: 5 })).toEqual(['49x3:0,1,2', '49x3:3,4']);
    expect(plan(v, 1)).toEqual(['49x3:0', '49x3:1', '49x3:2', '49x3:3', '49x3:4', '49x3:5']);
    expect(plan(v, 256, { from: 2, to: 5 })).toEqual(['49x3:2,3,4']);
  });
});

describe('addBlockLosses', () => {
  it("adds each run's losses at steps first..c-1 of the block", () => {
    const sums = Float64Array.of(0.5, 0);
    addBlockLosses(sums, Float32Array.of(1, 2, 3, 4, 5, 6), 3, 1);
    expect(Array.from(sums)).toEqual([5.5, 11]);
    addBlockLosses(sums, Float32Array.of(1, 2, 3, 4, 5, 6), 3, 3);
    expect(Array.from(sums)).toEqual([5.5, 11]);
  });

  it("a run's sum is the same bits however its trajectory is cut into blocks", () => {
    const rng = new Rng(3, 9);
    const T = 37;
    const runs = 3;
    const loss = Float32Array.from({ length: runs * T }, () => rng.uniform() * 3);
    const blockOf = (t0: number, c: number) =>
      Float32Array.from({ length: runs * c }, (_, i) => loss[Math.floor(i / c) * T + t0 + (i % c)]);
    const sumsCut = (C: number, first: number) => {
      const sums = new Float64Array(runs);
      for (let t0 = 0; t0 < T; t0 += C) {
        const c = Math.min(C, T - t0);
        addBlockLosses(sums, blockOf(t0, c), c, Math.max(0, first - t0));
      }
      return Array.from(sums);
    };
    for (const first of [0, 11]) {
      const one = sumsCut(T, first);
      for (const C of [1, 2, 5, 8, 36]) expect(sumsCut(C, first)).toEqual(one);
    }
  });
});
