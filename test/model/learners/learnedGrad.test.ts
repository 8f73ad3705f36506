// learnedTrajectoryGradient: one entry point for every learned kind, the same bits as the kind's own
// function, and errors as values naming the field.
import { describe, expect, it } from 'vitest';
import { fwMemoryTrajectoryGradient } from '../../../src/model/learners/fwMemoryGrad';
import { hebbianTrajectoryGradient } from '../../../src/model/learners/hebbianGrad';
import { LEARNED_KIND_DEFS } from '../../../src/model/learners/kinds';
import { LEARNED_KINDS } from '../../../src/model/learners/learned';
import { learnedTrajectoryGradient } from '../../../src/model/learners/learnedGrad';
import { metaRnnTrajectoryGradient } from '../../../src/model/learners/metaRnnGrad';
import { learnedBlock } from './learnedStreams';
import { liveParams } from './gradCheck';

const shape = { inputSize: 5, numClasses: 4 };
const specs = {
  'meta-rnn': { hidden: 6, microTicks: 2, tanhBound: 100 },
  hebbian: { tanhBound: 100 },
  'fw-memory': { hidden: 5, memorySize: 3, tanhBound: 100 },
} as const;

describe('learnedTrajectoryGradient', () => {
  const traj = learnedBlock(shape, 1, 9, 3);
  for (const kind of LEARNED_KINDS) {
    it(`gives ${kind}'s own gradient, bit for bit (A 5, K 4, T 9)`, () => {
      const spec = specs[kind];
      const p = liveParams(LEARNED_KIND_DEFS[kind]!.layoutOf(shape, spec), 1);
      const got = learnedTrajectoryGradient(kind, shape, spec, p, traj);
      if (!got.ok) throw new Error(got.error.message);
      const own =
        kind === 'meta-rnn'
          ? metaRnnTrajectoryGradient(shape, specs[kind], p, traj)
          : kind === 'hebbian'
            ? hebbianTrajectoryGradient(shape, specs[kind], p, traj)
            : fwMemoryTrajectoryGradient(shape, specs[kind], p, traj);
      expect(got.value.loss).toBe(own.loss);
      expect(got.value.grad).toEqual(own.grad);
      expect(got.value.grad.length).toBe(p.length);
    });
  }

  it('fills a partial spec with the kind defaults (hebbian {} is tanh bound 100)', () => {
    const p = liveParams(LEARNED_KIND_DEFS.hebbian!.layoutOf(shape, specs.hebbian), 2);
    const got = learnedTrajectoryGradient('hebbian', shape, {}, p, traj);
    expect(got.ok && got.value.loss).toBe(hebbianTrajectoryGradient(shape, { tanhBound: 100 }, p, traj).loss);
  });

  it('returns errors naming the kind, a spec field, the params and the segment', () => {
    const p = liveParams(LEARNED_KIND_DEFS.hebbian!.layoutOf(shape, specs.hebbian), 2);
    const unknown = learnedTrajectoryGradient('vsml', shape, {}, p, traj);
    expect(unknown.ok || unknown.error).toMatchObject({ field: 'kind', message: expect.stringContaining('"vsml"') });
    const spec = learnedTrajectoryGradient('meta-rnn', shape, { hidden: 0 }, p, traj);
    expect(spec.ok || spec.error).toMatchObject({ field: 'spec.hidden' });
    const params = learnedTrajectoryGradient('hebbian', shape, {}, p.subarray(1), traj);
    expect(params.ok || params.error).toMatchObject({
      field: 'params',
      message: `expected ${p.length} values, got ${p.length - 1}`,
    });
    const segment = learnedTrajectoryGradient('hebbian', shape, {}, p, traj, { segment: 0 });
    expect(segment.ok || segment.error).toMatchObject({ field: 'segment' });
  });
});
