// config.backwardPass in the fast CPU engine (the reverse tick of wasm/vsml_cpu.ts) against the
// reference (ReferenceEngine, src/model/reference.ts reverseTick): outputs, losses and final states
// within 1e-5 on seeded configs (one layer, hidden layers, padded N, own V_M and streams, the MNIST
// grid); bit-identical on 1, 2 and 3 threads and across chunk boundaries; and backwardPass false still
// the reference's, different from true. Each case logs its measured differences.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createNodeCpuEngine } from '../../src/cpu/node';
import type { VsmlEngine } from '../../src/model/engine';
import { maxAbsDiff } from '../helpers/random';
import { cpuOf, problem, referenceOf, type Problem, type ProblemCase } from './cpuFixture';

const CASES: (ProblemCase & { readonly name: string })[] = [
  {
    name: 'one layer 5x4, N=4 M=3, S=1',
    seed: 51,
    cfg: { stateSize: 4, messageSize: 3 },
    A: 5,
    K: 4,
    S: 1,
    perRun: false,
    streams: 1,
    steps: 30,
  },
  {
    name: 'hidden [3] (5x3 + 3x4), N=4 M=3, S=3 own V_M and streams',
    seed: 52,
    cfg: { stateSize: 4, messageSize: 3, hiddenSizes: [3] },
    A: 5,
    K: 4,
    S: 3,
    perRun: true,
    streams: 3,
    steps: 30,
  },
  {
    name: 'hidden [4, 3], N=8 M=4 microTicks=3 feedLabel outputIndex=2, S=2 own V_M',
    seed: 53,
    cfg: { hiddenSizes: [4, 3], stateSize: 8, messageSize: 4, microTicks: 3, feedLabel: true, outputIndex: 2 },
    A: 5,
    K: 3,
    S: 2,
    perRun: true,
    streams: 2,
    steps: 30,
  },
  {
    name: 'no hidden, N=5 (padded to 8) M=3 feedLabel, S=4 on 2 streams (map 1,0,1,1)',
    seed: 54,
    cfg: { stateSize: 5, messageSize: 3, feedLabel: true },
    A: 7,
    K: 5,
    S: 4,
    perRun: true,
    streams: 2,
    streamOfRun: [1, 0, 1, 1],
    steps: 30,
  },
  {
    name: 'hidden [9], N=12 M=6 tanhBound=2, A=130, S=2 shared V_M',
    seed: 55,
    cfg: { hiddenSizes: [9], stateSize: 12, messageSize: 6, tanhBound: 2 },
    A: 130,
    K: 3,
    S: 2,
    perRun: false,
    streams: 2,
    steps: 20,
  },
  {
    name: 'the MNIST grid 784x10 (defaults), S=2 own V_M',
    seed: 56,
    cfg: {},
    A: 784,
    K: 10,
    S: 2,
    perRun: true,
    streams: 2,
    steps: 6,
  },
];

const TOL = 1e-5;
const report: string[] = [];
afterAll(() => console.info(`fast CPU engine vs reference with backwardPass, max |diff|:\n${report.join('\n')}`));

const made: VsmlEngine[] = [];
afterEach(() => {
  for (const e of made.splice(0)) e.dispose();
});

const withBackwardPass = (c: ProblemCase, on: boolean): ProblemCase => ({ ...c, cfg: { ...c.cfg, backwardPass: on } });

/** outputs, loss and final states of `engine` on `p` (params and states set here). */
async function runOn(engine: VsmlEngine, p: Problem) {
  made.push(engine);
  engine.setParams(p.params);
  engine.setState(p.states);
  const r = await engine.run(p.block);
  const states = await Promise.all(Array.from({ length: p.spec.runs }, (_, s) => engine.readState(s)));
  return { r, states };
}

function maxStateDiff(
  a: Awaited<ReturnType<typeof runOn>>['states'],
  b: Awaited<ReturnType<typeof runOn>>['states'],
): number {
  let d = 0;
  a.forEach((run, s) =>
    run.forEach((l, li) => (d = Math.max(d, maxAbsDiff(l.h, b[s][li].h), maxAbsDiff(l.c, b[s][li].c)))),
  );
  return d;
}

const bits = (x: Awaited<ReturnType<typeof runOn>>) => ({
  outputs: Array.from(x.r.outputs as Float32Array),
  loss: Array.from(x.r.loss),
  correct: Array.from(x.r.correct),
  states: x.states.map((run) => run.map((l) => [Array.from(l.h), Array.from(l.c)])),
});

describe('CpuEngine.run with backwardPass matches ReferenceEngine.run', () => {
  for (const c of CASES) {
    it(`${c.name}, seed ${c.seed}: outputs, losses and states within ${TOL} over ${c.steps} examples`, async () => {
      const p = problem(withBackwardPass(c, true));
      const cpu = await runOn(await cpuOf(p), p);
      const ref = await runOn(referenceOf(p), p);
      const y = ref.r.outputs as Float32Array;
      expect(Math.max(...y) - Math.min(...y)).toBeGreaterThan(1e-2);
      const dOut = maxAbsDiff(cpu.r.outputs as Float32Array, y);
      const dLoss = maxAbsDiff(cpu.r.loss, ref.r.loss);
      const dState = maxStateDiff(cpu.states, ref.states);
      report.push(
        `  seed ${c.seed} ${c.name}: outputs ${dOut.toExponential(2)}, loss ${dLoss.toExponential(2)}, state ${dState.toExponential(2)}`,
      );
      expect(dOut).toBeLessThanOrEqual(TOL);
      expect(dLoss).toBeLessThanOrEqual(TOL);
      expect(dState).toBeLessThanOrEqual(TOL);
      expect(Array.from(cpu.r.correct)).toEqual(Array.from(ref.r.correct));
    });
  }
});

describe('CpuEngine.run with backwardPass, determinism', () => {
  const c = CASES[2];

  it(`gives bit-identical outputs, losses and states on 1, 2 and 3 threads (createNodeCpuEngine), seed ${c.seed}`, async () => {
    const p = problem(withBackwardPass({ ...c, S: 5, streams: 5 }, true));
    const one = bits(await runOn(await createNodeCpuEngine(p.spec, { threads: 1 }), p));
    for (const threads of [2, 3]) {
      const engine = await createNodeCpuEngine(p.spec, { threads });
      expect(engine.description).toContain(`${threads} threads`);
      expect(bits(await runOn(engine, p))).toEqual(one);
    }
  });

  it(`gives the same bits in chunks of one example as in one chunk (the reverse tick's zeroed carry persists), seed ${c.seed}`, async () => {
    const p = problem(withBackwardPass(c, true));
    const whole = bits(await runOn(await cpuOf(p), p));
    const chunked = await cpuOf(p, { chunkBytes: 1 });
    expect(chunked.chunkSteps).toBe(1);
    expect(bits(await runOn(chunked, p))).toEqual(whole);
  });
});

describe('CpuEngine.run with backwardPass false is unchanged', () => {
  const c = CASES[1];

  it(`matches the reference within ${TOL} and differs from backwardPass true by over 1e-3, seed ${c.seed}`, async () => {
    const off = problem(withBackwardPass(c, false));
    const on = problem(withBackwardPass(c, true));
    const cpuOff = await runOn(await cpuOf(off), off);
    const refOff = await runOn(referenceOf(off), off);
    const cpuOn = await runOn(await cpuOf(on), on);
    expect(maxAbsDiff(cpuOff.r.outputs as Float32Array, refOff.r.outputs as Float32Array)).toBeLessThanOrEqual(TOL);
    expect(maxStateDiff(cpuOff.states, refOff.states)).toBeLessThanOrEqual(TOL);
    expect(maxAbsDiff(cpuOff.r.outputs as Float32Array, cpuOn.r.outputs as Float32Array)).toBeGreaterThan(1e-3);
  });
});
