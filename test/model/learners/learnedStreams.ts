// Streams for the learned-learner tests: Q seeded streams of T examples (30 % of the inputs zero, so
// the learners' zero-skipping paths run) and a block's examples t0..t1 of every stream.
import type { StreamBlock } from '../../../src/model/engine';
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
