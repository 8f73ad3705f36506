// One grid dispatch for all runs and the fused layer 0 (grid_fused_n16): the dispatches one example
// encodes (exact lists, S = 64 with one V_M per run included: their number does not depend on S), the
// outputs and every state within 1e-4 of ReferenceEngine for each path (fused or not, shared or
// per-run W_h, one layer or hidden layers, a partial last a-block), bit-identical results when the same
// block runs twice from the same state, and the text grid_tick_n16 and grid_fused_n16 share.
import { afterAll, describe, expect, it } from 'vitest';
import { gridPipeline, pipelinesFor, type KernelTuning } from '../../src/gpu/kernels';
import { loadShadersNode } from '../../src/gpu/shadersNode';
import type { VsmlConfig } from '../../src/model/config';
import { config, maxAbsDiff, randomBlock, randomParams, randomStates } from '../helpers/random';
import { diff, gpuEngine, outputSpread, referenceEngine } from './fixture';

const TOL = 1e-4;
const report: string[] = [];

afterAll(() => {
  if (report.length) console.info(`grid_fused_n16 / per-run W_h vs the reference, max |diff|:\n${report.join('\n')}`);
});

const lstm16 = (src: string): string => {
  const a = src.indexOf('// lstm16 begin');
  const b = src.indexOf('// lstm16 end');
  if (a < 0 || b < a) throw new Error('no lstm16 block');
  return src.slice(a, b);
};

describe('grid kernels: shared text and pipeline names', () => {
  it('grid_tick_n16.wgsl and grid_fused_n16.wgsl carry the same lstm16 block', () => {
    const s = loadShadersNode();
    expect(lstm16(s.grid_fused_n16)).toBe(lstm16(s.grid_tick_n16));
    expect(lstm16(s.grid_tick_n16)).toMatch(/fn tick\(/);
  });

  it('gridPipeline and pipelinesFor: fused layer 0, per-run variants only for runs > 1, no inject_input or gate_inputs for a fused one-layer net', () => {
    const t: KernelTuning = { wg: 64, reduceWg: 16, whShared: true, grid: 'grid_tick_n16', fuseLayer0: true };
    expect(gridPipeline(t, 0, true)).toBe('grid_fused_n16:own');
    expect(gridPipeline(t, 1, false)).toBe('grid_tick_n16');
    expect(gridPipeline({ ...t, grid: 'grid_tick', fuseLayer0: false }, 0, true)).toBe('grid_tick');
    const one = pipelinesFor(t, 1, 1);
    expect(one).toContain('grid_fused_n16');
    expect(one).not.toContain('grid_fused_n16:own');
    for (const n of ['inject_input', 'gate_inputs', 'grid_tick_n16', 'reduce_fwd'] as const)
      expect(one).not.toContain(n);
    expect(pipelinesFor(t, 2, 4)).toEqual(
      expect.arrayContaining(['grid_fused_n16:own', 'grid_tick_n16:own', 'reduce_fwd', 'reduce_bwd']),
    );
  });
});

interface Case {
  readonly name: string;
  readonly seed: number;
  readonly cfg: Partial<VsmlConfig>;
  readonly A: number;
  readonly K: number;
  readonly S: number;
  readonly perRun: boolean;
  readonly tuning?: Partial<KernelTuning>;
  /** The dispatches of one example, exactly. */
  readonly dispatches: readonly string[];
}

const CASES: Case[] = [
  {
    name: 'fused, one layer, S=3 own V_M, feedLabel (BWD_DIMS 2), A=130 (3 a-blocks, the last 2 cells)',
    seed: 61,
    cfg: { feedLabel: true },
    A: 130,
    K: 4,
    S: 3,
    perRun: true,
    dispatches: ['grid_fused_n16:own', 'readout_error'],
  },
  {
    name: 'fused layer 0 under hidden [4], S=3 own V_M, M=6 (BWD_DIMS = M), outputIndex 3',
    seed: 62,
    cfg: { hiddenSizes: [4], messageSize: 6, outputIndex: 3 },
    A: 11,
    K: 3,
    S: 3,
    perRun: true,
    dispatches: [
      'grid_fused_n16:own',
      'reduce_fwd',
      'gate_inputs',
      'grid_tick_n16:own',
      'reduce_fwd',
      'reduce_bwd',
      'readout_error',
    ],
  },
  {
    name: 'not fused (tuning), S=3 own V_M, feedLabel: grid_tick_n16 reads each run’s W_h from storage in one dispatch',
    seed: 63,
    cfg: { feedLabel: true },
    A: 70,
    K: 3,
    S: 3,
    perRun: true,
    tuning: { fuseLayer0: false },
    dispatches: ['inject_input', 'gate_inputs', 'grid_tick_n16:own', 'reduce_fwd', 'readout_error'],
  },
];

describe('grid_fused_n16 and per-run W_h against the reference', () => {
  for (const c of CASES) {
    it(`${c.name}, seed ${c.seed}: dispatches ${c.dispatches.length}, outputs and every h, c within ${TOL}`, async () => {
      const cfg = config(c.cfg);
      const spec = { config: cfg, inputSize: c.A, numClasses: c.K, runs: c.S };
      const params = c.perRun
        ? Array.from({ length: c.S }, (_, s) => randomParams(cfg, c.seed * 100 + s))
        : [randomParams(cfg, c.seed)];
      const states = randomStates(spec, c.seed);
      const block = randomBlock(spec, 20, c.S, c.seed);
      const gpu = await gpuEngine(spec, { tuning: c.tuning });
      try {
        gpu.setParams(params);
        gpu.setState(states);
        const ref = referenceEngine(spec, { params, states });
        const g = await gpu.run(block);
        const r = await ref.run(block);
        expect(gpu.dispatchesPerExample).toEqual(c.dispatches);
        const d = diff(g, r);
        let state = 0;
        for (let run = 0; run < c.S; run++) {
          const gs = await gpu.readState(run);
          const rs = await ref.readState(run);
          rs.forEach(
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
});

describe('dispatches per example do not depend on S', () => {
  // The configs of the tests above (their pipelines are compiled once per device): only the shared-V_M grid_fused_n16 is new.
  it('S=64 with one V_M per run: 2 dispatches (grid_fused_n16:own, readout_error); with a shared V_M the same 2; unfused 5', async () => {
    const cfg = config({ feedLabel: true });
    const spec = { config: cfg, inputSize: 9, numClasses: 3, runs: 64 };
    const own = Array.from({ length: 64 }, (_, s) => randomParams(cfg, 6400 + s));
    const states = randomStates(spec, 64);
    const block = randomBlock(spec, 1, 1, 64);
    const fused = await gpuEngine(spec);
    const unfused = await gpuEngine(spec, { tuning: { fuseLayer0: false } });
    try {
      fused.setParams(own);
      fused.setState(states);
      await fused.run(block);
      expect(fused.dispatchesPerExample).toEqual(['grid_fused_n16:own', 'readout_error']);
      fused.setParams([own[0]]);
      await fused.run(block);
      expect(fused.dispatchesPerExample).toEqual(['grid_fused_n16', 'readout_error']);
      unfused.setParams(own);
      unfused.setState(states);
      await unfused.run(block);
      expect(unfused.dispatchesPerExample).toEqual([
        'inject_input',
        'gate_inputs',
        'grid_tick_n16:own',
        'reduce_fwd',
        'readout_error',
      ]);
    } finally {
      fused.dispose();
      unfused.dispose();
    }
  }, 600_000);
});

describe('determinism', () => {
  it('the same block from the same state twice: outputs, loss and every state bit-identical (fused, S=4 own V_M, hidden [4], M=6)', async () => {
    const cfg = config({ hiddenSizes: [4], messageSize: 6, outputIndex: 3 });
    const spec = { config: cfg, inputSize: 70, numClasses: 3, runs: 4 };
    const params = Array.from({ length: 4 }, (_, s) => randomParams(cfg, 6600 + s));
    const states = randomStates(spec, 66);
    const block = randomBlock(spec, 12, 1, 66);
    const gpu = await gpuEngine(spec);
    try {
      gpu.setParams(params);
      const once = async () => {
        gpu.setState(states);
        const r = await gpu.run(block);
        const s = await Promise.all([0, 1, 2, 3].map((run) => gpu.readState(run)));
        return { r, s };
      };
      const a = await once();
      const b = await once();
      expect([...(b.r.outputs as Float32Array)]).toEqual([...(a.r.outputs as Float32Array)]);
      expect([...b.r.loss]).toEqual([...a.r.loss]);
      b.s.forEach((run, i) =>
        run.forEach((layer, l) => {
          expect([...layer.h]).toEqual([...a.s[i][l].h]);
          expect([...layer.c]).toEqual([...a.s[i][l].c]);
        }),
      );
    } finally {
      gpu.dispose();
    }
  }, 300_000);
});
