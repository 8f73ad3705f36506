// A learned learner without variable sharing (Meta RNN, Hebbian, FWMemory: src/model/learners) as a
// BatchLearner of the evaluation protocol, on a dataset of A inputs and K classes. Like the official
// configs/pad.yaml, each example is zero-padded to the learner's inputs and the softmax runs over all
// its logits (labels stay 0..K-1); the outputs handed back are the first K. A dataset with more inputs
// or classes than the learner was built for is refused: such a learner is tied to its input size,
// which is why it does not transfer the way VSML does. Every run starts from the kind's zero state;
// the learner has no random initial state, so the evaluation seed only orders the streams.
import type { BlockResult, RunOptions, StreamBlock } from '../model/engine';
import type { LearnedLearner } from '../model/formats/learnedLearner';
import { learnedKindDef } from '../model/learners/kinds';
import { fail, ok, type FieldError, type Result } from '../model/result';
import type { BatchLearner } from './protocol';

export interface DatasetShape {
  readonly inputSize: number;
  readonly numClasses: number;
}

/** A BatchLearner whose runs can be put back to their initial (zero) state, as at a trajectory's start. */
export interface LearnedBatchLearner extends BatchLearner {
  resetState(): void;
}

/** Whether `learner` can run on a dataset of `data`'s shape: an error naming the learner file's field, else null. */
export function learnedShapeError(learner: LearnedLearner, data: DatasetShape): FieldError | null {
  const { shape, kind } = learner;
  if (data.inputSize > shape.inputSize) {
    return {
      code: 'shape',
      field: 'shape.inputSize',
      message: `the ${kind} learner reads ${shape.inputSize} inputs and the dataset has ${data.inputSize}: a learner without variable sharing is tied to its input size (resize the dataset to at most ${shape.inputSize} inputs)`,
    };
  }
  if (data.numClasses > shape.numClasses) {
    return {
      code: 'shape',
      field: 'shape.numClasses',
      message: `the ${kind} learner has ${shape.numClasses} outputs and the dataset ${data.numClasses} classes`,
    };
  }
  return null;
}

/** R runs of `learner` on a dataset of `data`'s shape; errors name the learner file's field. */
export function learnedBatchLearner(
  learner: LearnedLearner,
  data: DatasetShape,
  runs: number,
): Result<LearnedBatchLearner> {
  const { shape, kind } = learner;
  const bad = learnedShapeError(learner, data);
  if (bad) return fail(bad.code, bad.field, bad.message);
  const def = learnedKindDef(kind);
  if (!def.ok) return def;
  const inner = def.value.runsOf(shape, learner.spec, runs);
  inner.setParams([learner.params]);
  inner.resetState();
  const A = data.inputSize;
  const K = data.numClasses;
  const AL = shape.inputSize;
  const KL = shape.numClasses;
  return ok({
    runs,
    resetState: () => inner.resetState(),
    run(block: StreamBlock, opts: RunOptions = {}): BlockResult {
      const Q = block.labels.length / block.steps;
      const padded = new Float32Array(Q * block.steps * AL);
      for (let e = 0; e < Q * block.steps; e++) padded.set(block.inputs.subarray(e * A, (e + 1) * A), e * AL);
      const r = inner.run({ ...block, inputs: padded }, opts);
      if (!r.outputs || K === KL) return r;
      const outputs = new Float32Array(r.runs * r.steps * K);
      for (let e = 0; e < r.runs * r.steps; e++) outputs.set(r.outputs.subarray(e * KL, e * KL + K), e * K);
      return { ...r, outputs };
    },
  });
}
