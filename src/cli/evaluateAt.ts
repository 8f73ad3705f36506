// `vsml evaluate --at S1,S2,...`: every run's cumulative accuracy acc_r(s) = (1/s) sum_{u <= s} correct_r(u)
// at chosen steps s, read off the learner's results as the protocol runs (a wrapper around the
// learner: the protocol and its summary are untouched), summarised as mean and sample std over runs.
// Memory: [R] hit counts and [R] values per step asked for.
import { meanStd } from '../meta/cumulative';
import type { BatchLearner } from '../meta/protocol';
import type { MeanStd } from '../model/formats/evaluation';

export interface AtTap {
  /** The learner to hand to the protocol: `inner`, with its results counted. */
  readonly learner: BatchLearner;
  /** acc_r(s) over runs for every step asked for, once all of them have run. */
  values(): MeanStd[];
}

/**
 * Count `inner`'s results (blocks in order, [R][n] correctness) and keep acc_r(s) at every s of `steps` (1-based,
 * increasing).
 */
export function tapAt(inner: BatchLearner, steps: readonly number[]): AtTap {
  const R = inner.runs;
  const hits = new Uint32Array(R);
  const kept = steps.map(() => new Float64Array(R));
  let done = 0;
  let next = 0;
  const learner: BatchLearner = {
    runs: R,
    async run(block, opts) {
      const r = await inner.run(block, opts);
      const n = r.steps;
      for (let i = 0; i < n; i++) {
        for (let s = 0; s < R; s++) hits[s] += r.correct[s * n + i];
        done++;
        if (next < steps.length && steps[next] === done) {
          for (let s = 0; s < R; s++) kept[next][s] = hits[s] / done;
          next++;
        }
      }
      return r;
    },
  };
  return {
    learner,
    values() {
      if (next < steps.length) throw new Error(`tapAt: step ${steps[next]} not reached (${done} steps run)`);
      return kept.map((v) => meanStd(v, R));
    },
  };
}
