// The --at tap and the --stream-out recorder: wrappers around a learner that count its results and keep
// run 0's examples, on a fake learner whose correctness is known.
import { describe, expect, it } from 'vitest';
import { tapAt } from '../../src/cli/evaluateAt';
import { recordRun0 } from '../../src/cli/evaluateStreamOut';
import type { BatchLearner } from '../../src/meta/protocol';
import type { StreamBlock } from '../../src/model/engine';

/** Two runs; run 0 is right at every step, run 1 at odd steps (1-based: 2, 4, ...) only. */
function fakeLearner(): BatchLearner {
  let done = 0;
  return {
    runs: 2,
    run(block: StreamBlock) {
      const n = block.steps;
      const correct = new Uint8Array(2 * n);
      for (let i = 0; i < n; i++) {
        correct[i] = 1;
        correct[n + i] = (done + i + 1) % 2 === 0 ? 1 : 0;
      }
      done += n;
      return { runs: 2, steps: n, outputs: null, loss: new Float32Array(2 * n), correct };
    },
  };
}

/** A block of `n` steps for 2 runs of 3 inputs: input (q, t, a) = 100 q + 10 (t0 + t) + a, label t0 + t. */
const block = (t0: number, n: number): StreamBlock => ({
  inputs: Float32Array.from(
    { length: 2 * n * 3 },
    (_, i) => 100 * Math.floor(i / (n * 3)) + 10 * (t0 + Math.floor((i % (n * 3)) / 3)) + (i % 3),
  ),
  labels: Int32Array.from({ length: 2 * n }, (_, i) => t0 + (i % n)),
  steps: n,
});

describe('tapAt', () => {
  it('gives acc_r(s) over runs at s = 1, 3, 4 across blocks of 2 and 3 steps: means 0.5, 5/6, 0.75 and their sample stds', async () => {
    const tap = tapAt(fakeLearner(), [1, 3, 4]);
    await tap.learner.run(block(0, 2));
    await tap.learner.run(block(2, 3));
    // run 0: 1, 1, 1; run 1: 0/1, 1/3, 2/4.
    const got = tap.values();
    expect(got.map((m) => m.mean)).toEqual([0.5, (1 + 1 / 3) / 2, 0.75]);
    const stds = [Math.SQRT1_2, Math.SQRT1_2 * (2 / 3), Math.SQRT1_2 * 0.5];
    got.forEach((m, k) => expect(m.std).toBeCloseTo(stds[k], 12));
  });

  it('refuses to summarise before every step asked for has run', async () => {
    const tap = tapAt(fakeLearner(), [4]);
    await tap.learner.run(block(0, 3));
    expect(() => tap.values()).toThrow('tapAt: step 4 not reached (3 steps run)');
  });
});

describe('recordRun0', () => {
  it("keeps run 0's inputs and labels of every block, in order", async () => {
    const rec = recordRun0(fakeLearner(), 5, 3, 7);
    await rec.learner.run(block(0, 2));
    await rec.learner.run(block(2, 3));
    const s = rec.stream();
    expect([s.steps, s.inputSize, s.numClasses]).toEqual([5, 3, 7]);
    expect([...s.labels]).toEqual([0, 1, 2, 3, 4]);
    expect([...s.inputs]).toEqual([0, 1, 2, 10, 11, 12, 20, 21, 22, 30, 31, 32, 40, 41, 42]);
  });
});
