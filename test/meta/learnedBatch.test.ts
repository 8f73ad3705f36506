import { describe, expect, it } from 'vitest';
import { learnedBatchLearner } from '../../src/meta/learnedBatch';
import { META_RNN_DEF } from '../../src/model/learners/metaRnn';
import { specDefaults } from '../../src/model/learners/learnedSpec';
import type { LearnedLearner } from '../../src/model/formats/learnedLearner';
import { learnedBlock } from '../model/learners/learnedStreams';

const shape = { inputSize: 7, numClasses: 5 };
const spec = { ...specDefaults(META_RNN_DEF.specProps), hidden: 6 };
const learner: LearnedLearner = {
  kind: 'meta-rnn',
  shape,
  spec,
  params: (() => {
    const p = new Float32Array(META_RNN_DEF.layoutOf(shape, spec).size);
    for (let i = 0; i < p.length; i++) p[i] = Math.sin(i * 1.7) * 0.4;
    return p;
  })(),
};

describe('learnedBatchLearner', () => {
  it('zero-pads 4 inputs to the learner 7 and hands back the first 3 of 5 outputs, as the padded block run directly (2 runs x 12 examples)', () => {
    const small = learnedBlock({ inputSize: 4, numClasses: 3 }, 2, 12, 5);
    const padded = new Float32Array(2 * 12 * 7);
    for (let e = 0; e < 24; e++) padded.set(small.inputs.subarray(e * 4, e * 4 + 4), e * 7);
    const direct = META_RNN_DEF.runsOf(shape, spec, 2);
    direct.setParams([learner.params]);
    direct.resetState();
    const want = direct.run({ ...small, inputs: padded });
    const b = learnedBatchLearner(learner, { inputSize: 4, numClasses: 3 }, 2);
    if (!b.ok) throw new Error(b.error.message);
    const got = b.value.run(small) as ReturnType<typeof direct.run>;
    expect(Array.from(got.loss)).toEqual(Array.from(want.loss));
    expect(Array.from(got.correct)).toEqual(Array.from(want.correct));
    expect(got.outputs!.length).toBe(2 * 12 * 3);
    for (let e = 0; e < 24; e++)
      expect(Array.from(got.outputs!.subarray(e * 3, e * 3 + 3))).toEqual(
        Array.from(want.outputs!.subarray(e * 5, e * 5 + 3)),
      );
  });

  it('refuses a dataset with more inputs or classes than the learner, naming shape.inputSize and shape.numClasses', () => {
    const wide = learnedBatchLearner(learner, { inputSize: 8, numClasses: 3 }, 1);
    expect(wide.ok).toBe(false);
    if (!wide.ok) {
      expect(wide.error.field).toBe('shape.inputSize');
      expect(wide.error.message).toMatch(
        /reads 7 inputs and the dataset has 8: a learner without variable sharing is tied to its input size/,
      );
    }
    const many = learnedBatchLearner(learner, { inputSize: 4, numClasses: 6 }, 1);
    expect(many.ok || many.error.field).toBe('shape.numClasses');
  });
});
