// The WebGPU engine against the CPU reference (src/model/reference.ts) on seeded random configs:
// max |diff| of the outputs over 50 examples <= 1e-4. Each case logs its measured differences.
import { afterAll, describe, expect, it } from 'vitest';
import type { VsmlConfig } from '../../src/model/config';
import type { KernelTuning } from '../../src/gpu/kernels';
import { config, randomBlock, randomParams, randomStates } from '../helpers/random';
import { referenceEngine, diff, gpuEngine, outputSpread, testDevice, withStreams } from './fixture';

interface Case {
  readonly name: string;
  readonly seed: number;
  readonly cfg: Partial<VsmlConfig>;
  readonly A: number;
  readonly K: number;
  readonly S: number;
  /** One V_M per run (else one shared). */
  readonly perRun: boolean;
  /** Streams in the block and the stream of each run (default: run s reads stream s). */
  readonly streams: number;
  readonly streamOfRun?: number[];
  readonly maxRunsPerShard?: number;
  readonly tuning?: Partial<KernelTuning>;
}

const CASES: Case[] = [
  { name: 'no hidden layer, defaults, S=1', seed: 11, cfg: {}, A: 9, K: 4, S: 1, perRun: false, streams: 1 },
  {
    name: 'hidden [5], feedLabel, S=3 with own V_M and streams',
    seed: 12,
    cfg: { hiddenSizes: [5], feedLabel: true },
    A: 6,
    K: 4,
    S: 3,
    perRun: true,
    streams: 3,
  },
  {
    name: 'hidden [4, 3], N=8 M=4 microTicks=3 outputIndex=2, S=2 own V_M',
    seed: 13,
    cfg: { hiddenSizes: [4, 3], stateSize: 8, messageSize: 4, microTicks: 3, outputIndex: 2 },
    A: 5,
    K: 3,
    S: 2,
    perRun: true,
    streams: 2,
  },
  {
    name: 'no hidden, N=5 M=3 microTicks=1 outputIndex=0 feedLabel, S=4 on 2 streams (map 1,0,1,1)',
    seed: 14,
    cfg: { stateSize: 5, messageSize: 3, microTicks: 1, outputIndex: 0, feedLabel: true },
    A: 7,
    K: 5,
    S: 4,
    perRun: true,
    streams: 2,
    streamOfRun: [1, 0, 1, 1],
  },
  {
    name: 'hidden [9], A=130 (three a-blocks), tanhBound=2, S=2 shared V_M',
    seed: 15,
    cfg: { hiddenSizes: [9], tanhBound: 2, stateSize: 12, messageSize: 6 },
    A: 130,
    K: 3,
    S: 2,
    perRun: false,
    streams: 2,
  },
  {
    name: 'hidden [6], S=5 in shards of 2, own V_M, feedLabel',
    seed: 16,
    cfg: { hiddenSizes: [6], feedLabel: true },
    A: 8,
    K: 3,
    S: 5,
    perRun: true,
    streams: 5,
    maxRunsPerShard: 2,
  },
  {
    name: 'hidden [3], W_h read from storage (whShared off), N=20 M=5',
    seed: 17,
    cfg: { hiddenSizes: [3], stateSize: 20, messageSize: 5 },
    A: 4,
    K: 3,
    S: 2,
    perRun: true,
    streams: 1,
    tuning: { whShared: false },
  },
  {
    name: 'no hidden, the largest cell N=64 M=32 outputIndex=31, S=1',
    seed: 18,
    cfg: { stateSize: 64, messageSize: 32, outputIndex: 31 },
    A: 3,
    K: 2,
    S: 1,
    perRun: false,
    streams: 1,
  },
];

const TOL = 1e-4;
const STEPS = 50;
const report: string[] = [];

afterAll(() => {
  console.info(`WebGPU vs CPU, ${STEPS} examples, max |diff|:\n${report.join('\n')}`);
});

describe('GpuEngine.run matches ReferenceEngine.run', () => {
  it('an adapter exists (logs adapter.info)', async () => {
    const d = await testDevice();
    console.info('adapter:', d.info);
    expect(d.info.vendor.length + d.info.description.length).toBeGreaterThan(0);
  });

  for (const c of CASES) {
    it(`${c.name}, seed ${c.seed}: outputs within ${TOL} over ${STEPS} examples`, async () => {
      const cfg = config(c.cfg);
      const spec = { config: cfg, inputSize: c.A, numClasses: c.K, runs: c.S };
      const params = c.perRun
        ? Array.from({ length: c.S }, (_, s) => randomParams(cfg, c.seed * 100 + s))
        : [randomParams(cfg, c.seed)];
      const states = randomStates(spec, c.seed);
      let block = randomBlock(spec, STEPS, c.streams, c.seed);
      if (c.streamOfRun) block = withStreams(block, c.streamOfRun);
      const gpu = await gpuEngine(spec, { maxRunsPerShard: c.maxRunsPerShard, tuning: c.tuning });
      try {
        if (c.maxRunsPerShard) expect(gpu.shardCount).toBe(Math.ceil(c.S / c.maxRunsPerShard));
        gpu.setParams(params);
        gpu.setState(states);
        const g = await gpu.run(block);
        const r = await referenceEngine(spec, { params, states }).run(block);
        const d = diff(g, r);
        report.push(
          `  seed ${c.seed} ${c.name}: outputs ${d.outputs.toExponential(2)}, loss ${d.loss.toExponential(2)}, correct mismatches ${d.correct}`,
        );
        expect(outputSpread(r)).toBeGreaterThan(1e-2);
        expect(d.outputs).toBeLessThanOrEqual(TOL);
        expect(d.loss).toBeLessThanOrEqual(TOL);
        expect(d.correct).toBe(0);
      } finally {
        gpu.dispose();
      }
    });
  }
});
