// `vsml evaluate --stream-out S.json`: run 0's examples, as the learner saw them (transformed and
// normalised, in order), kept as the protocol runs and written as a vsml-stream file, so that
// `vsml trace` can replay that stream and record every output (docs/FIGURES.md, Fig. 17).
// Memory: T x A float32 inputs and T labels, and the file's text (about 12 bytes a number).
import type { Stream } from '../data/streamFile';
import type { BatchLearner } from '../meta/protocol';

/** Inputs the file may hold: T x A at most 2^24 numbers (a file of about 200 MB). */
export const MAX_STREAM_OUT_VALUES = 2 ** 24;

export interface Run0Recorder {
  /** `inner`, with run 0's examples of every block kept. */
  readonly learner: BatchLearner;
  /** Run 0's stream once all `steps` have run. */
  stream(): Stream;
}

/** Keep run 0's examples of `inner`'s blocks ([R][n][A] inputs, [R][n] labels; blocks in order). */
export function recordRun0(inner: BatchLearner, steps: number, inputSize: number, numClasses: number): Run0Recorder {
  const A = inputSize;
  const inputs = new Float32Array(steps * A);
  const labels = new Int32Array(steps);
  let done = 0;
  const learner: BatchLearner = {
    runs: inner.runs,
    run(block, opts) {
      const n = block.steps;
      inputs.set(block.inputs.subarray(0, n * A), done * A);
      labels.set(block.labels.subarray(0, n), done);
      done += n;
      return inner.run(block, opts);
    },
  };
  return {
    learner,
    stream() {
      if (done !== steps) throw new Error(`recordRun0: ${done} of ${steps} steps run`);
      return { numClasses, inputSize: A, steps, inputs, labels };
    },
  };
}
