// The Hebbian learner's gradient through the unroll (Oja fast weights, η = σ(θ_η)) against central
// differences of its own float64 loss, its loss against the CPU reference (HebbianRuns), and
// checkpoint intervals giving the same bits.
import { describe, expect, it } from 'vitest';
import { HEBBIAN_DEF } from '../../../src/model/learners/hebbian';
import { hebbianTrajectoryGradient } from '../../../src/model/learners/hebbianGrad';
import { hebbianLayout, type HebbianSpec } from '../../../src/model/learners/hebbianSpec';
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
const { inputSize: A, numClasses: K } = shape;
const T = 12;
const groups = [
  ['x', 0, A],
  ['e', A, A + K],
  ['label', A + K, A + 2 * K],
] as const;

/** Lively parameters with θ_η raised to 0 (η = 0.5) so the fast weights matter within 12 examples. */
function params(spec: HebbianSpec, seed: number): Float32Array {
  const L = hebbianLayout(shape, spec);
  const p = liveParams(L, seed);
  p[L.fwLr.offset] = 0;
  for (let k = 0; k < L.coeff.rows * L.coeff.cols; k++) p[L.coeff.offset + k] *= 4;
  return p;
}

describe('hebbianTrajectoryGradient', () => {
  for (const spec of [{ tanhBound: 100 }, { tanhBound: 2 }] as HebbianSpec[]) {
    const L = hebbianLayout(shape, spec);
    const p32 = params(spec, 7);
    const p = Float64Array.from(p32);
    const traj = learnedBlock(shape, 1, T, 11);
    const coords = [
      ...spreadCoordinates(L, 4, 3),
      ...rowGroupCoordinates(L.w, groups, 2, 4),
      ...rowGroupCoordinates(L.coeff, groups, 2, 5),
    ];

    it(`matches central differences at every block and each row group of w and coeff (A 5, K 4, bound ${spec.tanhBound}, T ${T}, seed 7)`, () => {
      const { grad } = hebbianTrajectoryGradient(shape, spec, p, traj);
      const loss = (q: Float64Array): number =>
        hebbianTrajectoryGradient(shape, spec, q, traj, { withGrad: false }).loss;
      const { rows, worst } = compareCoordinates(grad, loss, p, coords);
      for (const r of rows) expect(r.err, `${r.block} at ${r.index}: ${r.grad} vs ${r.fd}`).toBeLessThan(1e-5);
      // The fast weights carry signal: θ_η's and coeff's gradients are not negligible.
      expect(Math.abs(grad[L.fwLr.offset])).toBeGreaterThan(1e-4);
      console.log(
        `hebbian grad vs central differences (bound ${spec.tanhBound}): ${rows.length} coordinates, largest relative error ${worst.toExponential(2)}; dθ_η ${grad[L.fwLr.offset].toExponential(2)}`,
      );
    });

    it(`loss equals the reference's mean loss within 1e-6 relative (bound ${spec.tanhBound})`, () => {
      const want = referenceLoss(HEBBIAN_DEF.runsOf(shape, spec, 1), p32, traj);
      const got = hebbianTrajectoryGradient(shape, spec, p32, traj).loss;
      console.log(`hebbian loss ${got} vs reference ${want}: relative ${relativeError(got, want).toExponential(2)}`);
      expect(relativeError(got, want)).toBeLessThan(1e-6);
    });
  }

  it('checkpoint intervals 1, 3, 5 (a short last segment) and T give the same bits', () => {
    const spec: HebbianSpec = { tanhBound: 100 };
    const p = params(spec, 5);
    const traj = learnedBlock(shape, 1, T, 2);
    expectSegmentsSameBits((segment) => hebbianTrajectoryGradient(shape, spec, p, traj, { segment }), T);
  });

  it('refuses a label out of range, naming it', () => {
    const spec: HebbianSpec = { tanhBound: 100 };
    const traj = learnedBlock(shape, 1, 3, 1);
    const labels = Int32Array.from(traj.labels);
    labels[2] = K;
    expect(() => hebbianTrajectoryGradient(shape, spec, params(spec, 1), { ...traj, labels })).toThrow(
      'hebbian: labels[2]: must be an integer in [0, 4), got 4',
    );
  });
});
