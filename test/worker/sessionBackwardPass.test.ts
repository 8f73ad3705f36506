// A backwardPass learner in the studio worker (each example a forward tick, then a reverse tick):
// explainNext explains the forward tick and applies the reverse tick, so the state after it is
// ReferenceEngine.run's after the same examples; peek is the forward tick alone and changes nothing;
// the speed readout and cpuWork count two cell-ticks per example.
import { describe, expect, it } from 'vitest';
import { parseStream } from '../../src/data/streamFile';
import { createNodeCpuEngine } from '../../src/cpu/node';
import { vsmlLearner } from '../../src/meta/learners';
import type { VsmlConfig } from '../../src/model/config';
import { specShapes, type BlockSource, type EngineSpec, type VsmlEngine } from '../../src/model/engine';
import { explanationBytes, statesAfter } from '../../src/model/explain';
import type { Drawing } from '../../src/model/explainTypes';
import { parseLearner, type Learner } from '../../src/model/formats/learner';
import { parseState } from '../../src/model/formats/state';
import { softmaxLoss, tickNetwork, zeroCarry } from '../../src/model/reference';
import { ReferenceEngine } from '../../src/model/referenceEngine';
import type { Result } from '../../src/model/result';
import { Rng } from '../../src/model/rng';
import type { RunState } from '../../src/model/state';
import { CPU_FIRST_MAX_WORK, cpuWork } from '../../src/worker/shared/engineChoice';
import { Session } from '../../src/worker/session/session';
import { explainRefusal } from '../../src/worker/session/sessionExplain';
import { config, maxAbsDiff, randomParams } from '../helpers/random';
import { cpuApi, heldClock, settings, tinyLearnerDoc } from './helpers';

const unwrap = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

/** R runs of i.i.d. examples: inputs ~ N(0, 1), labels uniform in [0, K); run s draws from new Rng(seed, s). */
function randomSource(A: number, K: number, runs: number, seed: number): BlockSource {
  const rngs = Array.from({ length: runs }, (_, s) => new Rng(seed, s));
  return {
    inputSize: A,
    numClasses: K,
    fillBlock({ inputs, labels, steps }) {
      for (let s = 0; s < runs; s++) {
        for (let t = 0; t < steps; t++) {
          for (let a = 0; a < A; a++) inputs[(s * steps + t) * A + a] = rngs[s].normal();
          labels[s * steps + t] = rngs[s].int(K);
        }
      }
    },
  };
}

const A = 5;
const K = 3;
const RUNS = 2;
const SEED = 31;

/** The reference's run 0 after `steps` examples of randomSource(A, K, RUNS, SEED), and its outputs [steps][K]. */
async function referenceAfter(learner: Learner, steps: number): Promise<{ state: RunState; outputs: Float32Array }> {
  const ref = new ReferenceEngine({ config: learner.config, inputSize: A, numClasses: K, runs: RUNS });
  vsmlLearner(ref, learner, SEED);
  const block = { inputs: new Float32Array(RUNS * steps * A), labels: new Int32Array(RUNS * steps), steps };
  randomSource(A, K, RUNS, SEED).fillBlock(block);
  const r = await ref.run(block, { outputs: true });
  return { state: await ref.readState(0), outputs: (r.outputs as Float32Array).slice(0, steps * K) };
}

const sessionOn = (learner: Learner, make: (spec: EngineSpec) => VsmlEngine) =>
  new Session(
    make({ config: learner.config, inputSize: A, numClasses: K, runs: RUNS }),
    randomSource(A, K, RUNS, SEED),
    { learner, baselines: ['sgd'], seed: SEED },
  );

describe.each([
  ['one layer', config({ stateSize: 4, messageSize: 3, microTicks: 2, backwardPass: true })],
  ['hidden layer 3', config({ stateSize: 4, messageSize: 3, microTicks: 2, hiddenSizes: [3], backwardPass: true })],
] as [string, VsmlConfig][])(
  'Session.explainNext with backwardPass, %s (A 5, K 3, N 4, M 3, random V_M seed 31, 2 runs)',
  (_, cfg) => {
    const learner: Learner = { config: cfg, params: randomParams(cfg, SEED) };

    it("after 4 examples explains examples 4 and 5 on the CPU reference: y equals ReferenceEngine.run's, the states after it (its reverse tick) equal the reference's bit for bit, agreement 0", async () => {
      const session = sessionOn(learner, (spec) => new ReferenceEngine(spec));
      await session.step(4);
      const { outputs } = await referenceAfter(learner, 6);
      for (const t of [4, 5]) {
        const { explanation: e, agreement, traceIndex } = await session.explainNext();
        expect([e.example, traceIndex, agreement, session.examplesSeen]).toEqual([t, t, 0, t + 1]);
        expect(maxAbsDiff(e.y, outputs.subarray(t * K, (t + 1) * K))).toBe(0);
        const want = softmaxLoss(outputs.slice(t * K, (t + 1) * K), e.label).p;
        expect(maxAbsDiff(e.probabilities, want)).toBeLessThan(1e-6);
        expect(e.reverseTick).toHaveLength(cfg.hiddenSizes.length + 1);
        expect(e.layers.every((l) => l.bwdIn.every((v) => v === 0))).toBe(true);
        const { state } = await referenceAfter(learner, t + 1);
        statesAfter(e).forEach((s, l) => {
          expect(Array.from(s.h)).toEqual(Array.from(state[l].h));
          expect(Array.from(s.c)).toEqual(Array.from(state[l].c));
          // The forward tick alone is not the state after the example.
          expect(Array.from(e.layers[l].ticks[1].c)).not.toEqual(Array.from(state[l].c));
        });
      }
    });

    it("on the fast CPU engine (1 thread): explainNext agrees within 1e-5 and its states are the reference's within 1e-5", async () => {
      const engine = await createNodeCpuEngine(
        { config: cfg, inputSize: A, numClasses: K, runs: RUNS },
        { threads: 1 },
      );
      const session = sessionOn(learner, () => engine);
      try {
        await session.step(4);
        const { explanation: e, agreement } = await session.explainNext();
        const { state, outputs } = await referenceAfter(learner, 5);
        const states = statesAfter(e);
        const worst = Math.max(
          maxAbsDiff(e.y, outputs.subarray(4 * K)),
          ...states.flatMap((s, l) => [maxAbsDiff(s.h, state[l].h), maxAbsDiff(s.c, state[l].c)]),
        );
        console.info(
          `backwardPass ${_}, fast CPU engine: agreement ${agreement.toExponential(2)}, explanation vs reference ${worst.toExponential(2)}`,
        );
        expect(agreement).toBeLessThan(1e-5);
        expect(worst).toBeLessThan(1e-5);
      } finally {
        session.dispose();
      }
    });

    it('counts 2 cell-ticks per example: cells 15 (+ 9 with the hidden layer), cellTicksPerExample twice that', () => {
      const session = sessionOn(learner, (spec) => new ReferenceEngine(spec));
      const cells = cfg.hiddenSizes.length ? 5 * 3 + 3 * 3 : 5 * 3;
      expect([session.cells, session.cellTicksPerExample]).toEqual([cells, 2 * cells]);
    });
  },
);

/** The worker tests' tiny learner (N 4, M 2, hidden layer 3, 1 micro-tick) with backwardPass on. */
function backwardPassDoc(): Record<string, unknown> {
  const doc = tinyLearnerDoc();
  (doc.config as Record<string, unknown>).backwardPass = true;
  return doc;
}
const bpLearner = unwrap(parseLearner(backwardPassDoc()));

/** A 28 x 28 drawing: a vertical stroke at column `col`, 3 pixels wide, rows 4-23. */
function stroke(col: number): Drawing {
  const pixels = new Uint8ClampedArray(28 * 28);
  for (let r = 4; r < 24; r++) for (let c = col - 1; c <= col + 1; c++) pixels[r * 28 + c] = 255;
  return { width: 28, height: 28, pixels };
}

describe('SessionApi with a backwardPass learner (tiny learner + backwardPass, 7x7 MNIST, 3 runs, seed 22, CPU reference)', () => {
  it("peek after 6 examples is run 0 recomputed from reproduce() by tickNetwork (reverse ticks included), then the drawing's forward tick: within 1e-6 (here equal); it changes nothing", async () => {
    const api = cpuApi();
    const opened = await api.open(settings, backwardPassDoc());
    if (!opened.ok) throw new Error(opened.message);
    await api.step(6);
    const a = await api.peek(stroke(14));
    const b = await api.peek(stroke(14));
    if (!a.ok || !b.ok) throw new Error(a.ok ? (b.ok ? '' : b.message) : a.message);
    expect(Array.from(b.probabilities)).toEqual(Array.from(a.probabilities));
    expect((await api.frame())?.examplesSeen).toBe(6);
    const docs = await api.reproduce();
    if (!docs.ok) throw new Error(docs.message);
    const stream = unwrap(parseStream(JSON.parse(docs.stream)));
    const shapes = specShapes({ config: bpLearner.config, inputSize: 49, numClasses: 10, runs: 1 });
    const carry = zeroCarry(bpLearner.config, shapes, [
      ...unwrap(parseState(JSON.parse(docs.state), { shapes, stateSize: 4 })),
    ]);
    for (let t = 0; t < stream.steps; t++)
      tickNetwork(
        bpLearner.config,
        bpLearner.params,
        shapes,
        carry,
        stream.inputs.subarray(t * 49, (t + 1) * 49),
        stream.labels[t],
      );
    const y = tickNetwork(bpLearner.config, bpLearner.params, shapes, carry, a.input, 0).y;
    expect(maxAbsDiff(a.probabilities, softmaxLoss(y, 0).p)).toBeLessThan(1e-6);
    expect(Array.from(a.probabilities)).toEqual(Array.from(Float32Array.from(softmaxLoss(y, 0).p)));
    // explainNext after the peeks: the reference's example 6, agreement 0.
    const r = await api.explainNext();
    expect(r.ok && [r.explanation.example, r.agreement, r.explanation.reverseTick?.length]).toEqual([6, 0, 2]);
    expect((await api.frame())?.examplesSeen).toBe(7);
  });

  it('play(2) on a fake clock reads 2 examples/s and 2 x 3 runs x 177 cells x 2 ticks = 2124 sub-RNN updates/s (1062 without backwardPass)', async () => {
    const { clock, reached } = heldClock();
    const api = cpuApi({ clock });
    await api.open(settings, backwardPassDoc());
    api.play(2);
    await reached;
    const f = await api.frame();
    expect([f?.examplesSeen, f?.speed]).toEqual([20, { examplesPerSecond: 2, cellTicksPerSecond: 2124 }]);
    await api.pause();
  });
});

describe('cpuWork with backwardPass', () => {
  it('is twice the work without it: the default studio grid (784 x 10, S 8, N 16, 2 micro-ticks) is CPU_FIRST_MAX_WORK, 2 x with backwardPass', () => {
    const spec = (backwardPass: boolean): EngineSpec => ({
      config: config({ backwardPass }),
      inputSize: 784,
      numClasses: 10,
      runs: 8,
    });
    expect(cpuWork(spec(false))).toBe(CPU_FIRST_MAX_WORK);
    expect(cpuWork(spec(true))).toBe(2 * CPU_FIRST_MAX_WORK);
    const small = (backwardPass: boolean): EngineSpec => ({
      config: config({ stateSize: 4, messageSize: 3, hiddenSizes: [3], backwardPass }),
      inputSize: 5,
      numClasses: 3,
      runs: 2,
    });
    expect([cpuWork(small(false)), cpuWork(small(true))]).toEqual([2 * 24 * 2 * 16, 2 * 2 * 24 * 2 * 16]);
  });
});

describe('Session.explainNext refusing (too large with the reverse tick)', () => {
  it('784 x 10 cells, N 64, 16 micro-ticks: 188 MiB without backwardPass, 375 MiB with it, over 256: refused before the step, the session where it was', async () => {
    const cfg = config({ stateSize: 64, microTicks: 16, backwardPass: true });
    const learner: Learner = { config: cfg, params: randomParams(cfg, 32) };
    const engine = new ReferenceEngine({ config: cfg, inputSize: 784, numClasses: 10, runs: 1 });
    const session = new Session(engine, randomSource(784, 10, 1, 32), { learner, baselines: [], seed: 32 });
    const without = config({ stateSize: 64, microTicks: 16 });
    expect([explanationBytes(without, engine.shapes) / 2 ** 20, explainRefusal(without, engine.shapes)]).toEqual([
      ((7840 * 64 * 98 + 794 * 8 * 2 + 80) * 4) / 2 ** 20,
      null,
    ]);
    const before = await engine.readState(0);
    await expect(session.explainNext()).rejects.toThrow(
      /^explain: one example of this grid \(784 x 10 cells, N = 64, 16 micro-ticks\) is 375 MiB of numbers, over the 256 MiB/,
    );
    expect([session.examplesSeen, session.run0.examples, session.frame().accuracy.vsml.x.length]).toEqual([0, 0, 0]);
    const after = await engine.readState(0);
    expect(Array.from(after[0].c)).toEqual(Array.from(before[0].c));
    expect(Array.from(after[0].h)).toEqual(Array.from(before[0].h));
  });
});
