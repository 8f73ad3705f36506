import { describe, expect, it } from 'vitest';
import { baselineLearner, vsmlLearner } from '../../src/meta/learners';
import { defaultBlockSteps, runProtocol, type BatchLearner } from '../../src/meta/protocol';
import { ReferenceEngine } from '../../src/model/referenceEngine';
import { specShapes, type BlockResult, type StreamBlock } from '../../src/model/engine';
import { initParams, initRunState } from '../../src/model/init';
import { Rng } from '../../src/model/rng';
import { config } from '../helpers/random';
import { FakeSource } from './fakeSource';

/** A learner that is right exactly when the label is even, and records the blocks it saw. */
class EvenLearner implements BatchLearner {
  readonly blocks: number[] = [];
  constructor(readonly runs: number) {}
  run(block: StreamBlock): BlockResult {
    this.blocks.push(block.steps);
    const n = this.runs * block.steps;
    return {
      runs: this.runs,
      steps: block.steps,
      outputs: null,
      loss: new Float32Array(n),
      correct: Uint8Array.from(block.labels, (y) => (y % 2 === 0 ? 1 : 0)),
    };
  }
}

describe('runProtocol', () => {
  it('covers T = 23 in blocks of 10, 10, 3 and puts block b of run r at [r][10b ...] (seed 1)', async () => {
    const learner = new EvenLearner(3);
    const r = await runProtocol(learner, new FakeSource(4, 5, 3, 1), { steps: 23, blockSteps: 10 });
    expect(learner.blocks).toEqual([10, 10, 3]);
    const labels = new Int32Array(3 * 23);
    const again = new FakeSource(4, 5, 3, 1);
    for (const [t0, n] of [
      [0, 10],
      [10, 10],
      [20, 3],
    ]) {
      const b = { inputs: new Float32Array(3 * n * 4), labels: new Int32Array(3 * n), steps: n };
      again.fillBlock(b);
      for (let s = 0; s < 3; s++) labels.set(b.labels.subarray(s * n, (s + 1) * n), s * 23 + t0);
    }
    expect(Array.from(r.correct)).toEqual(Array.from(labels, (y) => (y % 2 === 0 ? 1 : 0)));
  });

  it('gives the same predictions whatever the block size: a baseline carries its weights across blocks (adam-deep, seed 2)', async () => {
    const run = (blockSteps: number) =>
      runProtocol(baselineLearner('adam-deep', 6, 3, 2, 2), new FakeSource(6, 3, 2, 2), { steps: 40, blockSteps });
    const a = await run(40);
    const b = await run(7);
    expect(b.loss).toEqual(a.loss);
    expect(b.correct).toEqual(a.correct);
  });

  it('reports progress after every block', async () => {
    const seen: number[] = [];
    await runProtocol(new EvenLearner(1), new FakeSource(2, 2, 1), {
      steps: 5,
      blockSteps: 2,
      onProgress: (d) => seen.push(d),
    });
    expect(seen).toEqual([2, 4, 5]);
  });

  it('refuses a learner that returns the wrong shape', async () => {
    const liar: BatchLearner = {
      runs: 2,
      run: (b) => new EvenLearner(1).run({ ...b, labels: b.labels.subarray(0, b.steps) }),
    };
    await expect(runProtocol(liar, new FakeSource(2, 2, 2), { steps: 3 })).rejects.toThrow(
      'protocol: learner returned 1 x 3 results for 2 x 3',
    );
  });

  it('sizes default blocks to about 32 MiB of inputs: 32 runs x 784 inputs -> 334 steps', () => {
    expect(defaultBlockSteps(32, 784)).toBe(334);
    expect(defaultBlockSteps(1, 3)).toBe(500);
    expect(defaultBlockSteps(100000, 784)).toBe(1);
  });
});

describe('vsmlLearner', () => {
  it('runs R VSML runs on the engine, run r from initRunState(new Rng(seed).fork(r)) (seed 22, 3 runs, 12 steps)', async () => {
    const cfg = config({ stateSize: 4, messageSize: 2 });
    const params = initParams(cfg, new Rng(7));
    const spec = { config: cfg, inputSize: 5, numClasses: 3, runs: 3 };
    const learner = vsmlLearner(new ReferenceEngine(spec), { config: cfg, params }, 22);
    const r = await runProtocol(learner, new FakeSource(5, 3, 3, 4), { steps: 12, blockSteps: 5 });
    const block = { inputs: new Float32Array(3 * 12 * 5), labels: new Int32Array(3 * 12), steps: 12 };
    new FakeSource(5, 3, 3, 4).fillBlock(block);
    for (let s = 0; s < 3; s++) {
      const one = new ReferenceEngine({ ...spec, runs: 1 });
      one.setParams([params]);
      one.setState([initRunState(cfg, specShapes(spec), new Rng(22).fork(s))]);
      const ref = await one.run({
        inputs: block.inputs.subarray(s * 60, (s + 1) * 60),
        labels: block.labels.subarray(s * 12, (s + 1) * 12),
        steps: 12,
      });
      expect(r.loss.subarray(s * 12, (s + 1) * 12)).toEqual(ref.loss);
      expect(r.correct.subarray(s * 12, (s + 1) * 12)).toEqual(ref.correct);
    }
  });
});
