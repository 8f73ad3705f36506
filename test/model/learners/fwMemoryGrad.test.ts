// The FWMemory's gradient through the unroll (LSTM, memory write with the norm cap, read with the
// no-affine LayerNorm) against central differences of its own float64 loss, its loss against the CPU
// reference (FwMemoryRuns), and checkpoint intervals giving the same bits.
import { describe, expect, it } from 'vitest';
import { FW_MEMORY_DEF } from '../../../src/model/learners/fwMemory';
import { fwMemoryTrajectoryGradient } from '../../../src/model/learners/fwMemoryGrad';
import { FwMemoryRuns } from '../../../src/model/learners/fwMemoryRuns';
import { fwMemoryLayout, type FwMemorySpec } from '../../../src/model/learners/fwMemorySpec';
import { sliceBlock, learnedBlock } from './learnedStreams';
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

/** Examples after which the reference's memory norm is 1 (the cap divided it), of T. */
function cappedSteps(spec: FwMemorySpec, p: Float32Array, traj: ReturnType<typeof learnedBlock>): number {
  const runs = new FwMemoryRuns(shape, 1, spec);
  runs.setParams([p]);
  let capped = 0;
  for (let t = 0; t < traj.steps; t++) {
    runs.run(sliceBlock(traj, shape, t, t + 1), { outputs: false });
    const norm = Math.hypot(...runs.state.memory);
    if (Math.abs(norm - 1) < 1e-12) capped++;
  }
  return capped;
}

/**
 * Lively parameters whose writes fill the memory past norm 1 (so the cap divides it): small keys
 * (write weights of the k rows / 3), large values (v biases ±3) and β near 1 (bias 3).
 */
function params(spec: FwMemorySpec, seed: number): Float32Array {
  const L = fwMemoryLayout(shape, spec);
  const m = spec.memorySize;
  const p = liveParams(L, seed);
  const cols = 3 * m + 1;
  for (let i = 0; i < L.writeW.rows; i++) for (let j = 0; j < 2 * m; j++) p[L.writeW.offset + i * cols + j] /= 3;
  for (let j = 0; j < m; j++) p[L.writeB.offset + 2 * m + j] = j % 2 === 0 ? 3 : -3;
  p[L.writeB.offset + 3 * m] = 3;
  return p;
}

describe('fwMemoryTrajectoryGradient', () => {
  for (const spec of [
    { hidden: 5, memorySize: 3, tanhBound: 100 },
    { hidden: 5, memorySize: 3, tanhBound: 2 },
  ] as FwMemorySpec[]) {
    const L = fwMemoryLayout(shape, spec);
    const p32 = params(spec, 7);
    const p = Float64Array.from(p32);
    const traj = learnedBlock(shape, 1, T, 11);
    const H = spec.hidden;
    const coords = [
      ...spreadCoordinates(L, 2, 3),
      ...rowGroupCoordinates(
        L.lstmW,
        [
          ['x', 0, A],
          ['e', A, A + K],
          ['label', A + K, A + 2 * K],
          ['h', A + 2 * K, A + 2 * K + H],
        ],
        1,
        4,
      ),
    ];

    it(`matches central differences at 2 coordinates of each of the 10 blocks and one of each lstmW row group (A 5, K 4, H 5, m 3, bound ${spec.tanhBound}, T ${T}, seed 7)`, () => {
      const { grad } = fwMemoryTrajectoryGradient(shape, spec, p, traj);
      const loss = (q: Float64Array): number =>
        fwMemoryTrajectoryGradient(shape, spec, q, traj, { withGrad: false }).loss;
      const { rows, worst } = compareCoordinates(grad, loss, p, coords);
      for (const r of rows) expect(r.err, `${r.block} at ${r.index}: ${r.grad} vs ${r.fd}`).toBeLessThan(1e-5);
      console.log(
        `fw-memory grad vs central differences (bound ${spec.tanhBound}): ${rows.length} coordinates, largest relative error ${worst.toExponential(2)}`,
      );
    });

    it(`loss equals the reference's mean loss within 1e-6 relative, the norm cap active (bound ${spec.tanhBound})`, () => {
      const want = referenceLoss(FW_MEMORY_DEF.runsOf(shape, spec, 1), p32, traj);
      const got = fwMemoryTrajectoryGradient(shape, spec, p32, traj).loss;
      expect(relativeError(got, want)).toBeLessThan(1e-6);
      const capped = cappedSteps(spec, p32, traj);
      expect(capped).toBeGreaterThan(0);
      console.log(
        `fw-memory loss relative difference ${relativeError(got, want).toExponential(2)}; norm cap active after ${capped} of ${T} examples`,
      );
    });
  }

  it('checkpoint intervals 1, 3, 5 (a short last segment) and T give the same bits', () => {
    const spec: FwMemorySpec = { hidden: 5, memorySize: 3, tanhBound: 100 };
    const p = params(spec, 5);
    const traj = learnedBlock(shape, 1, T, 2);
    expectSegmentsSameBits((segment) => fwMemoryTrajectoryGradient(shape, spec, p, traj, { segment }), T);
  });
});
