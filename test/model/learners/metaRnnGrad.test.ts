// The Meta RNN's gradient through the unroll against central differences of its own float64 loss,
// its loss against the CPU reference (MetaRnnRuns), and checkpoint intervals giving the same bits.
import { describe, expect, it } from 'vitest';
import { META_RNN_DEF } from '../../../src/model/learners/metaRnn';
import { metaRnnTrajectoryGradient } from '../../../src/model/learners/metaRnnGrad';
import { metaRnnLayout, type MetaRnnSpec } from '../../../src/model/learners/metaRnnSpec';
import { learnedBlock } from './learnedStreams';
import {
  compareCoordinates,
  expectSegmentsSameBits,
  liveParams,
  referenceLoss,
  relativeError,
  rowGroupCoordinates,
  spreadCoordinates,
} from './gradCheck';

const shape = { inputSize: 5, numClasses: 4 };
const T = 12;

describe('metaRnnTrajectoryGradient', () => {
  for (const spec of [
    { hidden: 6, microTicks: 2, tanhBound: 100 },
    { hidden: 6, microTicks: 2, tanhBound: 2 },
  ] as MetaRnnSpec[]) {
    const L = metaRnnLayout(shape, spec);
    const p32 = liveParams(L, 7);
    const traj = learnedBlock(shape, 1, T, 11);
    const p = Float64Array.from(p32);

    const { inputSize: A, numClasses: K } = shape;
    const coords = [
      ...spreadCoordinates(L, 4, 3),
      ...rowGroupCoordinates(
        L.lstmW,
        [
          ['x', 0, A],
          ['e', A, A + K],
          ['label', A + K, A + 2 * K],
          ['h', A + 2 * K, A + 2 * K + spec.hidden],
        ],
        2,
        4,
      ),
    ];

    it(`matches central differences at 4 coordinates of each block and 2 of each lstmW row group (A 5, K 4, H 6, 2 ticks, bound ${spec.tanhBound}, T ${T}, seed 7)`, () => {
      const { grad } = metaRnnTrajectoryGradient(shape, spec, p, traj);
      const loss = (q: Float64Array): number =>
        metaRnnTrajectoryGradient(shape, spec, q, traj, { withGrad: false }).loss;
      const { rows, worst } = compareCoordinates(grad, loss, p, coords);
      for (const r of rows) expect(r.err, `${r.block} at ${r.index}: ${r.grad} vs ${r.fd}`).toBeLessThan(1e-5);
      console.log(
        `meta-rnn grad vs central differences (bound ${spec.tanhBound}): ${rows.length} coordinates, largest relative error ${worst.toExponential(2)}`,
      );
    });

    it(`loss equals the reference's mean loss within 1e-6 relative (bound ${spec.tanhBound})`, () => {
      const want = referenceLoss(META_RNN_DEF.runsOf(shape, spec, 1), p32, traj);
      const got = metaRnnTrajectoryGradient(shape, spec, p32, traj).loss;
      expect(relativeError(got, want)).toBeLessThan(1e-6);
    });
  }

  it('checkpoint intervals 1, 3, 5 (a short last segment) and T give the same bits', () => {
    const spec: MetaRnnSpec = { hidden: 6, microTicks: 2, tanhBound: 100 };
    const p = liveParams(metaRnnLayout(shape, spec), 5);
    const traj = learnedBlock(shape, 1, T, 2);
    expectSegmentsSameBits((segment) => metaRnnTrajectoryGradient(shape, spec, p, traj, { segment }), T);
  });

  it('refuses params of the wrong length and a block of two streams', () => {
    const spec: MetaRnnSpec = { hidden: 6, microTicks: 2, tanhBound: 100 };
    const P = metaRnnLayout(shape, spec).size;
    expect(() => metaRnnTrajectoryGradient(shape, spec, new Float32Array(P - 1), learnedBlock(shape, 1, 3, 1))).toThrow(
      `meta-rnn: params: expected ${P} values, got ${P - 1}`,
    );
    expect(() => metaRnnTrajectoryGradient(shape, spec, new Float32Array(P), learnedBlock(shape, 2, 3, 1))).toThrow(
      'meta-rnn: inputs: expected 3 x 5 = 15 values (one stream), got 30',
    );
  });
});
