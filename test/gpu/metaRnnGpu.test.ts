// MetaRnnGpuRuns (shaders/meta_rnn_step.wgsl) against the CPU reference MetaRnnRuns: outputs, losses,
// correct flags and the whole state (h, c, e, previous label) within 1e-4 after 20 examples run as
// two blocks of 10 (the state carries), with one parameter vector shared and one per run, H 8 and
// 16, K above H (thread o of the readout past the workgroup), H 300 (two units a thread: the
// workgroup is 256), and at the padded shape 784/62/128 (2 runs x 3 examples as blocks of 1 and 2).
import { afterAll, describe, expect, it } from 'vitest';
import { createMetaRnnGpuRuns, type MetaRnnGpuRuns } from '../../src/gpu/metaRnnGpu';
import { loadShadersNode } from '../../src/gpu/shadersNode';
import type { BlockResult } from '../../src/model/engine';
import { PADDED_SHAPE, type LearnedShape } from '../../src/model/learners/learned';
import { initMetaRnn } from '../../src/model/learners/metaRnnInit';
import { MetaRnnRuns } from '../../src/model/learners/metaRnnRuns';
import { META_RNN_DEFAULTS, type MetaRnnSpec } from '../../src/model/learners/metaRnnSpec';
import { Rng } from '../../src/model/rng';
import { maxAbsDiff } from '../helpers/random';
import { learnedBlock, sliceBlock } from '../model/learners/learnedStreams';
import { testDevice } from './fixture';

const TOL = 1e-4;
const report: string[] = [];

afterAll(() => {
  console.info(`meta_rnn_step vs MetaRnnRuns, max |diff|:\n${report.join('\n')}`);
});

/** initMetaRnn's weights times `scale` (so the gates saturate some) and biases ~ N(0, 0.5). */
function params(shape: LearnedShape, spec: MetaRnnSpec, seed: number, scale: number): Float32Array {
  const p = initMetaRnn(shape, seed, spec);
  const rng = new Rng(seed + 1000);
  for (let i = 0; i < p.length; i++) p[i] = p[i] === 0 ? 0.5 * rng.normal() : scale * p[i];
  return p;
}

async function gpuRuns(shape: LearnedShape, runs: number, spec: MetaRnnSpec): Promise<MetaRnnGpuRuns> {
  return createMetaRnnGpuRuns(shape, runs, spec, { device: await testDevice(), shaders: loadShadersNode() });
}

interface Case {
  readonly name: string;
  readonly shape: LearnedShape;
  readonly spec: MetaRnnSpec;
  readonly runs: number;
  /** Streams in the block (1: every run reads stream 0). */
  readonly streams: number;
  readonly perRun: boolean;
  readonly steps: number;
  readonly seed: number;
  /** Weight scale over haiku's init. */
  readonly scale: number;
}

const small = { inputSize: 12, numClasses: 5 };
const CASES: Case[] = [
  {
    name: 'A 12, K 5, H 8, 3 runs, shared params, 2 micro-ticks',
    shape: small,
    spec: { hidden: 8, microTicks: 2, tanhBound: 100 },
    runs: 3,
    streams: 3,
    perRun: false,
    steps: 20,
    seed: 71,
    scale: 3,
  },
  {
    name: 'A 12, K 5, H 16, 3 runs, one vector per run, 2 micro-ticks',
    shape: small,
    spec: { hidden: 16, microTicks: 2, tanhBound: 100 },
    runs: 3,
    streams: 3,
    perRun: true,
    steps: 20,
    seed: 72,
    scale: 3,
  },
  {
    name: 'A 12, K 5, H 16, 3 runs on one stream, per run, 3 micro-ticks, bound 2',
    shape: small,
    spec: { hidden: 16, microTicks: 3, tanhBound: 2 },
    runs: 3,
    streams: 1,
    perRun: true,
    steps: 20,
    seed: 73,
    scale: 3,
  },
  {
    name: 'A 12, K 9, H 4 (K over the workgroup), 2 runs, shared',
    shape: { inputSize: 12, numClasses: 9 },
    spec: { hidden: 4, microTicks: 2, tanhBound: 100 },
    runs: 2,
    streams: 2,
    perRun: false,
    steps: 20,
    seed: 75,
    scale: 3,
  },
  {
    name: 'A 12, K 5, H 300 (two units a thread), 2 runs, per run',
    shape: small,
    spec: { hidden: 300, microTicks: 2, tanhBound: 100 },
    runs: 2,
    streams: 2,
    perRun: true,
    steps: 6,
    seed: 76,
    scale: 1,
  },
  {
    name: 'padded 784/62/128, 2 runs x 3 examples, per run',
    shape: PADDED_SHAPE,
    spec: META_RNN_DEFAULTS,
    runs: 2,
    streams: 2,
    perRun: true,
    steps: 3,
    seed: 74,
    scale: 2,
  },
];

const spread = (y: Float32Array): number =>
  y.reduce((m, v) => Math.max(m, v), -Infinity) - y.reduce((m, v) => Math.min(m, v), Infinity);

describe('MetaRnnGpuRuns against MetaRnnRuns (CPU reference)', () => {
  it.each(CASES)(
    '$name: outputs, losses, correct and state within 1e-4 over two blocks',
    async (c) => {
      const vectors = Array.from({ length: c.perRun ? c.runs : 1 }, (_, r) =>
        params(c.shape, c.spec, c.seed + 10 * r, c.scale),
      );
      const cpu = new MetaRnnRuns(c.shape, c.runs, c.spec);
      cpu.setParams(vectors);
      const gpu = await gpuRuns(c.shape, c.runs, c.spec);
      try {
        gpu.setParams(vectors);
        const whole = learnedBlock(c.shape, c.streams, c.steps, c.seed);
        const half = Math.floor(c.steps / 2);
        const blocks = [sliceBlock(whole, c.shape, 0, half), sliceBlock(whole, c.shape, half, c.steps)];
        let worst = { outputs: 0, loss: 0, h: 0, c: 0, e: 0 };
        let spreadY = 0;
        for (const b of blocks) {
          const want: BlockResult = cpu.run(b);
          const got = await gpu.run(b);
          expect(got.outputs!.length).toBe(want.outputs!.length);
          expect(got.correct).toEqual(want.correct);
          worst = {
            ...worst,
            outputs: Math.max(worst.outputs, maxAbsDiff(got.outputs!, want.outputs!)),
            loss: Math.max(worst.loss, maxAbsDiff(got.loss, want.loss)),
          };
          spreadY = Math.max(spreadY, spread(want.outputs!));
          const s = await gpu.readState();
          worst = {
            ...worst,
            h: Math.max(worst.h, maxAbsDiff(s.h, cpu.state.h)),
            c: Math.max(worst.c, maxAbsDiff(s.c, cpu.state.c)),
            e: Math.max(worst.e, maxAbsDiff(s.e, cpu.state.e)),
          };
          expect(s.prevLabel).toEqual(cpu.state.prevLabel);
        }
        report.push(
          `  ${c.name}: ${Object.entries(worst)
            .map(([k, v]) => `${k} ${v.toExponential(2)}`)
            .join(', ')}; outputs spread ${spreadY.toFixed(3)}`,
        );
        expect(spreadY).toBeGreaterThan(0.1); // outputs that move: a test of something
        for (const v of Object.values(worst)) expect(v).toBeLessThan(TOL);
      } finally {
        gpu.dispose();
      }
    },
    120_000,
  );

  it('resetState starts every run again: a block after it equals the same block on fresh runs', async () => {
    const spec: MetaRnnSpec = { hidden: 8, microTicks: 2, tanhBound: 100 };
    const gpu = await gpuRuns(small, 2, spec);
    try {
      gpu.setParams([params(small, spec, 81, 3)]);
      const b = learnedBlock(small, 2, 6, 81);
      const first = await gpu.run(b);
      const carried = await gpu.run(b);
      gpu.resetState();
      const again = await gpu.run(b);
      expect(again.outputs).toEqual(first.outputs);
      expect(maxAbsDiff(carried.outputs!, first.outputs!)).toBeGreaterThan(1e-3);
    } finally {
      gpu.dispose();
    }
  });

  it('calls take effect in the order made: run, resetState and setParams without awaiting the run', async () => {
    const spec: MetaRnnSpec = { hidden: 8, microTicks: 2, tanhBound: 100 };
    const gpu = await gpuRuns(small, 2, spec);
    try {
      const p1 = params(small, spec, 86, 3);
      const p2 = params(small, spec, 87, 3);
      const b = learnedBlock(small, 2, 5, 86);
      gpu.setParams([p1]);
      const first = gpu.run(b);
      gpu.resetState();
      gpu.setParams([p2]);
      const second = gpu.run(b);
      gpu.resetState();
      gpu.setParams([p1]);
      const third = gpu.run(b);
      const [r1, r2, r3] = await Promise.all([first, second, third]);
      const cpu = new MetaRnnRuns(small, 2, spec);
      cpu.setParams([p2]);
      expect(maxAbsDiff(r2.outputs!, cpu.run(b).outputs!)).toBeLessThan(TOL);
      expect(r3.outputs).toEqual(r1.outputs);
      expect(maxAbsDiff(r2.outputs!, r1.outputs!)).toBeGreaterThan(1e-3);
    } finally {
      gpu.dispose();
    }
  });

  it('a block run in chunks of 3 (maxStepsPerSubmit) equals it in one submit, bit for bit, state included', async () => {
    const spec: MetaRnnSpec = { hidden: 8, microTicks: 2, tanhBound: 100 };
    const b = learnedBlock(small, 3, 10, 88);
    const p = [0, 1, 2].map((r) => params(small, spec, 88 + r, 3));
    const results = [];
    for (const maxStepsPerSubmit of [Infinity, 3]) {
      const gpu = await createMetaRnnGpuRuns(small, 3, spec, {
        device: await testDevice(),
        shaders: loadShadersNode(),
        maxStepsPerSubmit,
      });
      try {
        gpu.setParams(p);
        results.push({ r: await gpu.run(b), s: await gpu.readState() });
      } finally {
        gpu.dispose();
      }
    }
    expect(results[1].r).toEqual(results[0].r);
    expect(results[1].s).toEqual(results[0].s);
  });

  it('refuses workgroup memory over the device limit, naming the sizes', async () => {
    const d = await testDevice();
    const H = Math.ceil(d.limits.maxComputeWorkgroupStorageSize / 24) + 1;
    await expect(gpuRuns(small, 1, { hidden: H, microTicks: 1, tanhBound: 100 })).rejects.toThrow(
      `H ${H}, K 5 need ${24 * H + 20} bytes of workgroup memory, over the device's ${d.limits.maxComputeWorkgroupStorageSize}`,
    );
  });

  it('outputs: false reads back losses and correct only', async () => {
    const spec: MetaRnnSpec = { hidden: 8, microTicks: 1, tanhBound: 100 };
    const gpu = await gpuRuns(small, 1, spec);
    try {
      gpu.setParams([params(small, spec, 82, 1)]);
      const r = await gpu.run(learnedBlock(small, 1, 4, 82), { outputs: false });
      expect(r.outputs).toBeNull();
      expect(r.loss.length).toBe(4);
      expect(r.loss.every((v) => Number.isFinite(v) && v > 0)).toBe(true);
    } finally {
      gpu.dispose();
    }
  });

  it('refuses a run before setParams, a wrong number of vectors, and a label out of range', async () => {
    const spec: MetaRnnSpec = { hidden: 8, microTicks: 1, tanhBound: 100 };
    const gpu = await gpuRuns(small, 2, spec);
    try {
      const b = learnedBlock(small, 2, 2, 83);
      await expect(gpu.run(b)).rejects.toThrow('meta-rnn: no parameters (call setParams first)');
      expect(() =>
        gpu.setParams([params(small, spec, 83, 1), params(small, spec, 84, 1), params(small, spec, 85, 1)]),
      ).toThrow('meta-rnn: params: expected 1 or 2 parameter vectors, got 3');
      gpu.setParams([params(small, spec, 83, 1)]);
      await expect(gpu.run({ ...b, labels: Int32Array.of(0, 5, 1, 1) })).rejects.toThrow('labels[1]');
    } finally {
      gpu.dispose();
    }
  });
});
