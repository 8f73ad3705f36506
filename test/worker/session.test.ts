// The studio session core: S runs of the shipped learner and the baselines on the same streams,
// checked against the evaluation protocol run separately on the same seeds.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { openDatasetNode } from '../../src/data/node/open';
import { createRunStreams } from '../../src/data/stream';
import { buildTask } from '../../src/data/task';
import { cumulativeAccuracy, meanCurve } from '../../src/meta/cumulative';
import { baselineLearner, vsmlLearner } from '../../src/meta/learners';
import { runProtocol } from '../../src/meta/protocol';
import { ReferenceEngine } from '../../src/model/referenceEngine';
import { parseLearner } from '../../src/model/formats/learner';
import { Session } from '../../src/worker/session/session';

async function setUp() {
  const doc = JSON.parse(
    await readFile(new URL('../../public/learners/vsml-mnist.learner.json', import.meta.url), 'utf8'),
  );
  const learner = parseLearner(doc);
  if (!learner.ok) throw new Error(learner.error.message);
  const source = await openDatasetNode('mnist', { split: 'test' });
  if (!source.ok) throw new Error(source.error.message);
  const task = buildTask(source.value, { resize: 7 });
  if (!task.ok) throw new Error(task.error.message);
  const streams = () => {
    const s = createRunStreams(task.value, { seed: 22, runs: 4 });
    if (!s.ok) throw new Error(s.error.message);
    return s.value;
  };
  const engine = () => new ReferenceEngine({ config: learner.value.config, inputSize: 49, numClasses: 10, runs: 4 });
  return { learner: learner.value, streams, engine };
}

describe('Session (shipped learner, 7x7 MNIST test, 4 runs, seed 22)', () => {
  it("after 3 blocks (5, 20, 5 examples) its curves equal the protocol's cumulative accuracy on the same streams", async () => {
    const { learner, streams, engine } = await setUp();
    const session = new Session(engine(), streams(), { learner, baselines: ['sgd', 'adam'], seed: 22 });
    for (const n of [5, 20, 5]) await session.step(n);
    const f = session.frame();
    expect(f.examplesSeen).toBe(30);
    const vsml = await runProtocol(vsmlLearner(engine(), learner, 22), streams(), { steps: 30 });
    expect(Array.from(f.accuracy.vsml.mean)).toEqual(
      Array.from(meanCurve(cumulativeAccuracy(vsml.correct, 4, 30), 4, 30)),
    );
    const sgd = await runProtocol(baselineLearner('sgd', 49, 10, 4, 22), streams(), { steps: 30 });
    expect(Array.from(f.accuracy.sgd.mean)).toEqual(
      Array.from(meanCurve(cumulativeAccuracy(sgd.correct, 4, 30), 4, 30)),
    );
    expect(Object.keys(f.accuracy).sort()).toEqual(['adam', 'sgd', 'vsml']);
    expect(f.accuracy.vsml.std).toHaveLength(30);
    expect(Array.from(f.accuracy.vsml.x)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    const full = session.curves();
    expect(Array.from(full.vsml.mean)).toEqual(Array.from(f.accuracy.vsml.mean));
    expect(Array.from(full.adam.std)).toEqual(Array.from(f.accuracy.adam.std));
  });

  it("decimates the frame's curves (here to 7 points: examples 1, 6, 11, 16, 20, 25, 30) and keeps the full ones for curves()", async () => {
    const { learner, streams, engine } = await setUp();
    const session = new Session(engine(), streams(), { learner, baselines: ['sgd'], seed: 22 });
    await session.step(30);
    const f = session.frame(7);
    const full = session.curves();
    expect(Array.from(f.accuracy.sgd.x)).toEqual([1, 6, 11, 16, 20, 25, 30]);
    expect(Array.from(f.accuracy.sgd.mean)).toEqual([0, 5, 10, 15, 19, 24, 29].map((i) => full.sgd.mean[i]));
    expect(full.sgd.mean).toHaveLength(30);
  });

  it("shows run 0's last example: its input, its label, probabilities summing to 1, and the last `history` examples", async () => {
    const { learner, streams, engine } = await setUp();
    const session = new Session(engine(), streams(), { learner, baselines: [], seed: 22, history: 8 });
    await session.step(12);
    const f = session.frame();
    const s = streams().nextBlock(12);
    expect(Array.from(f.input)).toEqual(Array.from(s.inputs.subarray(11 * 49, 12 * 49)));
    expect(f.label).toBe(s.labels[11]);
    expect(Math.abs(f.probabilities.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-6);
    expect(f.probabilities[f.predicted]).toBe(Math.max(...f.probabilities));
    expect(f.probabilities.findIndex((p) => p === Math.max(...f.probabilities))).toBe(f.predicted);
    expect(Array.from(f.recentLabels)).toEqual(Array.from(s.labels.subarray(4, 12)));
    expect(f.recentProbabilities).toHaveLength(8 * 10);
    expect(Array.from(f.recentProbabilities.subarray(70, 80))).toEqual(Array.from(f.probabilities));
  });

  it('before any example: label -1, uniform probabilities, predicted 0, empty curves', async () => {
    const { learner, streams, engine } = await setUp();
    const f = new Session(engine(), streams(), { learner, baselines: [], seed: 22 }).frame();
    expect([f.examplesSeen, f.label, f.predicted]).toEqual([0, -1, 0]);
    expect(Array.from(f.probabilities)).toEqual(new Array(10).fill(Math.fround(0.1)));
    expect(f.accuracy.vsml.x).toHaveLength(0);
  });

  it('refuses an engine of another shape, naming both', async () => {
    const { learner, streams } = await setUp();
    const wrong = new ReferenceEngine({ config: learner.config, inputSize: 50, numClasses: 10, runs: 4 });
    expect(() => new Session(wrong, streams(), { learner, baselines: [], seed: 22 })).toThrow(
      'session: the engine is for 50 inputs x 10 classes, the data has 49 x 10',
    );
  });
});
