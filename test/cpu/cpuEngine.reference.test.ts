// The fast CPU engine (createCpuEngine) against the reference (ReferenceEngine) on seeded random
// configs like the WebGPU suite's: outputs and losses within 1e-5 over 50 examples, the same
// correctness, and the final states within 1e-5. Each case logs its measured differences.
import { afterAll, describe, expect, it } from 'vitest';
import { maxAbsDiff } from '../helpers/random';
import { cpuOf, problem, referenceOf, type ProblemCase } from './cpuFixture';

const CASES: (ProblemCase & { readonly name: string })[] = [
  { name: 'no hidden layer, defaults, S=1', seed: 11, cfg: {}, A: 9, K: 4, S: 1, perRun: false, streams: 1, steps: 50 },
  {
    name: 'hidden [5], feedLabel, S=3 with own V_M and streams',
    seed: 12,
    cfg: { hiddenSizes: [5], feedLabel: true },
    A: 6,
    K: 4,
    S: 3,
    perRun: true,
    streams: 3,
    steps: 50,
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
    steps: 50,
  },
  {
    name: 'no hidden, N=5 (padded to 8) M=3 microTicks=1 outputIndex=0 feedLabel, S=4 on 2 streams (map 1,0,1,1)',
    seed: 14,
    cfg: { stateSize: 5, messageSize: 3, microTicks: 1, outputIndex: 0, feedLabel: true },
    A: 7,
    K: 5,
    S: 4,
    perRun: true,
    streams: 2,
    streamOfRun: [1, 0, 1, 1],
    steps: 50,
  },
  {
    name: 'hidden [9], A=130, tanhBound=2, N=12 M=6, S=2 shared V_M',
    seed: 15,
    cfg: { hiddenSizes: [9], tanhBound: 2, stateSize: 12, messageSize: 6 },
    A: 130,
    K: 3,
    S: 2,
    perRun: false,
    streams: 2,
    steps: 50,
  },
  {
    name: 'hidden [3], N=20 M=5 (odd number of 4-dim blocks), S=2 own V_M on one stream',
    seed: 17,
    cfg: { hiddenSizes: [3], stateSize: 20, messageSize: 5 },
    A: 4,
    K: 3,
    S: 2,
    perRun: true,
    streams: 1,
    steps: 50,
  },
  {
    name: 'no hidden, N=1 M=2, S=2',
    seed: 19,
    cfg: { stateSize: 1, messageSize: 2 },
    A: 5,
    K: 3,
    S: 2,
    perRun: true,
    streams: 2,
    steps: 50,
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
    steps: 50,
  },
  {
    name: 'the MNIST grid 784x10 (defaults), S=2 own V_M',
    seed: 20,
    cfg: {},
    A: 784,
    K: 10,
    S: 2,
    perRun: true,
    streams: 2,
    steps: 8,
  },
];

const TOL = 1e-5;
const report: string[] = [];
afterAll(() => console.info(`fast CPU engine vs reference, max |diff|:\n${report.join('\n')}`));

describe('CpuEngine.run matches ReferenceEngine.run', () => {
  for (const c of CASES) {
    it(`${c.name}, seed ${c.seed}: outputs, losses and states within ${TOL} over ${c.steps} examples`, async () => {
      const p = problem(c);
      const cpu = await cpuOf(p);
      try {
        const ref = referenceOf(p);
        const g = await cpu.run(p.block);
        const r = await ref.run(p.block);
        const y = r.outputs as Float32Array;
        expect(Math.max(...y) - Math.min(...y)).toBeGreaterThan(1e-2);
        const dOut = maxAbsDiff(g.outputs as Float32Array, y);
        const dLoss = maxAbsDiff(g.loss, r.loss);
        let dState = 0;
        for (let s = 0; s < c.S; s++) {
          const [a, b] = [await cpu.readState(s), await ref.readState(s)];
          a.forEach((l, li) => (dState = Math.max(dState, maxAbsDiff(l.h, b[li].h), maxAbsDiff(l.c, b[li].c))));
        }
        report.push(
          `  seed ${c.seed} ${c.name}: outputs ${dOut.toExponential(2)}, loss ${dLoss.toExponential(2)}, state ${dState.toExponential(2)}`,
        );
        expect(dOut).toBeLessThanOrEqual(TOL);
        expect(dLoss).toBeLessThanOrEqual(TOL);
        expect(dState).toBeLessThanOrEqual(TOL);
        expect(Array.from(g.correct)).toEqual(Array.from(r.correct));
      } finally {
        cpu.dispose();
      }
    });
  }
});
