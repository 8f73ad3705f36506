// grid_tick_n16 (the grid kernel specialised for N = 16) against the CPU reference: it is selected for
// N = 16, and outputs and the whole state (h and c of every cell) stay within 1e-4 of ReferenceEngine, with
// one V_M per run (each run's W_h read from storage) and with one shared V_M (W_h as a uniform), for
// 1, 2, 3 and 16 micro-ticks, and A not a multiple of the workgroup size (clamped threads). The cases
// turn the fused layer 0 off (tuning), so every layer runs grid_tick_n16; grid_fused_n16, the default
// layer 0, is checked in gridFused.test.ts and by the run swap below.
import { afterAll, describe, expect, it } from 'vitest';
import type { VsmlConfig } from '../../src/model/config';
import { config, maxAbsDiff, randomBlock, randomParams, randomStates } from '../helpers/random';
import { referenceEngine, diff, gpuEngine, outputSpread } from './fixture';

interface Case {
  readonly name: string;
  readonly seed: number;
  readonly cfg: Partial<VsmlConfig>;
  readonly A: number;
  readonly K: number;
  readonly S: number;
  readonly perRun: boolean;
  readonly maxRunsPerShard?: number;
}

const CASES: Case[] = [
  {
    name: 'S=3 own V_M, microTicks=2, A=70 (two a-blocks, 58 clamped threads)',
    seed: 51,
    cfg: {},
    A: 70,
    K: 4,
    S: 3,
    perRun: true,
  },
  {
    name: 'S=3 shared V_M, microTicks=1, hidden [5]',
    seed: 52,
    cfg: { microTicks: 1, hiddenSizes: [5] },
    A: 9,
    K: 3,
    S: 3,
    perRun: false,
  },
  {
    name: 'S=5 own V_M in shards of 2, microTicks=3, M=5, feedLabel',
    seed: 53,
    cfg: { microTicks: 3, messageSize: 5, feedLabel: true },
    A: 6,
    K: 3,
    S: 5,
    perRun: true,
    maxRunsPerShard: 2,
  },
  {
    name: 'S=2 own V_M, microTicks=16 (the most), M=2',
    seed: 54,
    cfg: { microTicks: 16, messageSize: 2 },
    A: 5,
    K: 2,
    S: 2,
    perRun: true,
  },
];

const TOL = 1e-4;
const STEPS = 30;
const report: string[] = [];

afterAll(() => {
  console.info(`grid_tick_n16 vs CPU, ${STEPS} examples, max |diff|:\n${report.join('\n')}`);
});

describe('grid_tick_n16', () => {
  it('is the grid kernel of N=16 engines; N=12 keeps grid_tick', async () => {
    const spec = (stateSize: number) => ({ config: config({ stateSize }), inputSize: 4, numClasses: 2, runs: 1 });
    const e16 = await gpuEngine(spec(16));
    const e12 = await gpuEngine(spec(12));
    try {
      expect(e16.plan.tuning.grid).toBe('grid_tick_n16');
      expect(e12.plan.tuning.grid).toBe('grid_tick');
    } finally {
      e16.dispose();
      e12.dispose();
    }
  });

  for (const c of CASES) {
    it(`${c.name}, seed ${c.seed}: outputs and every run's h, c within ${TOL} of the CPU reference`, async () => {
      const cfg = config(c.cfg);
      const spec = { config: cfg, inputSize: c.A, numClasses: c.K, runs: c.S };
      const params = c.perRun
        ? Array.from({ length: c.S }, (_, s) => randomParams(cfg, c.seed * 100 + s))
        : [randomParams(cfg, c.seed)];
      const states = randomStates(spec, c.seed);
      const block = randomBlock(spec, STEPS, c.S, c.seed);
      const gpu = await gpuEngine(spec, { maxRunsPerShard: c.maxRunsPerShard, tuning: { fuseLayer0: false } });
      try {
        expect(gpu.plan.tuning.grid).toBe('grid_tick_n16');
        gpu.setParams(params);
        gpu.setState(states);
        const cpu = referenceEngine(spec, { params, states });
        const g = await gpu.run(block);
        const r = await cpu.run(block);
        const d = diff(g, r);
        let state = 0;
        for (let run = 0; run < c.S; run++) {
          const gs = await gpu.readState(run);
          const cs = await cpu.readState(run);
          cs.forEach(
            (layer, l) => (state = Math.max(state, maxAbsDiff(gs[l].h, layer.h), maxAbsDiff(gs[l].c, layer.c))),
          );
        }
        report.push(
          `  seed ${c.seed} ${c.name}: outputs ${d.outputs.toExponential(2)}, loss ${d.loss.toExponential(2)}, state ${state.toExponential(2)}`,
        );
        expect(outputSpread(r)).toBeGreaterThan(1e-2);
        expect(d.outputs).toBeLessThanOrEqual(TOL);
        expect(d.loss).toBeLessThanOrEqual(TOL);
        expect(d.correct).toBe(0);
        expect(state).toBeLessThanOrEqual(TOL);
      } finally {
        gpu.dispose();
      }
    });
  }

  it('runs differ only through their own V_M: swapping two runs’ V_M and states swaps their outputs bit for bit', async () => {
    const cfg = config({});
    const spec = { config: cfg, inputSize: 7, numClasses: 3, runs: 3 };
    const params = [0, 1, 2].map((s) => randomParams(cfg, 5500 + s));
    const states = randomStates(spec, 55);
    const block = randomBlock(spec, 10, 1, 55);
    const swap = <T>(x: readonly T[]): T[] => [x[2], x[1], x[0]];
    const gpu = await gpuEngine(spec);
    try {
      gpu.setParams(params);
      gpu.setState(states);
      const a = await gpu.run(block);
      gpu.setParams(swap(params));
      gpu.setState(swap(states));
      const b = await gpu.run(block);
      const K = spec.numClasses;
      const rows = (r: typeof a, s: number) => [...(r.outputs as Float32Array).subarray(s * 10 * K, (s + 1) * 10 * K)];
      expect(rows(b, 0)).toEqual(rows(a, 2));
      expect(rows(b, 2)).toEqual(rows(a, 0));
      expect(rows(b, 1)).toEqual(rows(a, 1));
    } finally {
      gpu.dispose();
    }
  });
});
