// Streams for the learned-learner tests: Q seeded streams of T examples (30 % of the inputs zero, so
// the learners' zero-skipping paths run), a block's examples t0..t1 of every stream, and the check
// that a block of 2n steps run as two blocks of n gives the same outputs and losses.
import { expect } from 'vitest';
import type { BlockResult, StreamBlock } from '../../../src/model/engine';
import type { LearnedShape } from '../../../src/model/learners/learned';
import { Rng } from '../../../src/model/rng';

export function learnedBlock(shape: LearnedShape, Q: number, T: number, seed: number): StreamBlock {
  const rng = new Rng(seed);
  const inputs = Float32Array.from({ length: Q * T * shape.inputSize }, () => (rng.uniform() < 0.3 ? 0 : rng.normal()));
  const labels = Int32Array.from({ length: Q * T }, () => rng.int(shape.numClasses));
  return { inputs, labels, steps: T };
}

export function sliceBlock(b: StreamBlock, shape: LearnedShape, t0: number, t1: number): StreamBlock {
  const T = b.steps;
  const Q = b.labels.length / T;
  const A = shape.inputSize;
  const n = t1 - t0;
  const inputs = new Float32Array(Q * n * A);
  const labels = new Int32Array(Q * n);
  for (let q = 0; q < Q; q++) {
    inputs.set(b.inputs.subarray((q * T + t0) * A, (q * T + t1) * A), q * n * A);
    labels.set(b.labels.subarray(q * T + t0, q * T + t1), q * n);
  }
  return { inputs, labels, steps: n };
}

/**
 * `b` (2n steps) on one fresh learner of `make()`, and as two blocks of n on another: every run's
 * outputs and losses are the same at the same steps, bit for bit. Returns both learners (for the
 * caller's check of their state).
 */
export function expectSplitEqualsWhole<R extends { run(block: StreamBlock): BlockResult }>(
  make: () => R,
  b: StreamBlock,
  shape: LearnedShape,
): { whole: R; split: R } {
  const n = b.steps / 2;
  const runs = b.labels.length / b.steps;
  const K = shape.numClasses;
  const whole = make();
  const all = whole.run(b);
  const split = make();
  const first = split.run(sliceBlock(b, shape, 0, n));
  const second = split.run(sliceBlock(b, shape, n, 2 * n));
  for (let r = 0; r < runs; r++) {
    expect(first.outputs!.subarray(r * n * K, (r + 1) * n * K)).toEqual(
      all.outputs!.subarray(r * 2 * n * K, (r * 2 * n + n) * K),
    );
    expect(second.outputs!.subarray(r * n * K, (r + 1) * n * K)).toEqual(
      all.outputs!.subarray((r * 2 * n + n) * K, (r + 1) * 2 * n * K),
    );
    expect(second.loss.subarray(r * n, (r + 1) * n)).toEqual(all.loss.subarray(r * 2 * n + n, (r + 1) * 2 * n));
  }
  return { whole, split };
}
