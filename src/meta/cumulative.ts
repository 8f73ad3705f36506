// The paper's online metric. A run predicts every example before it sees the label; the
// cumulative accuracy after t steps is the mean correctness of its first t predictions:
//   acc_r(t) = (1/t) sum_{u <= t} correct_r(u)
// and every summary over runs is a mean and a sample standard deviation (n - 1) over the R runs.
import type { MeanStd } from '../model/formats/evaluation';

/** acc_r(t) for every run: [R][T] from correctness [R][T] (0/1). */
export function cumulativeAccuracy(correct: Uint8Array, runs: number, steps: number): Float64Array {
  if (correct.length !== runs * steps)
    throw new Error(`cumulativeAccuracy: expected ${runs} x ${steps} values, got ${correct.length}`);
  const out = new Float64Array(runs * steps);
  for (let r = 0; r < runs; r++) {
    let hits = 0;
    for (let t = 0; t < steps; t++) {
      hits += correct[r * steps + t];
      out[r * steps + t] = hits / (t + 1);
    }
  }
  return out;
}

/**
 * Mean and sample std (divides by count - 1; null for a single value) of `values` (the entries at `offset + r *
 * stride`, r < count).
 */
export function meanStd(values: ArrayLike<number>, count = values.length, offset = 0, stride = 1): MeanStd {
  if (count < 1) throw new Error('meanStd: no values');
  let sum = 0;
  for (let r = 0; r < count; r++) sum += values[offset + r * stride];
  const mean = sum / count;
  if (count === 1) return { mean, std: null };
  let ss = 0;
  for (let r = 0; r < count; r++) {
    const d = values[offset + r * stride] - mean;
    ss += d * d;
  }
  return { mean, std: Math.sqrt(ss / (count - 1)) };
}

/** Mean over runs of acc_r(t), for every t: [T]. */
export function meanCurve(cumulative: Float64Array, runs: number, steps: number): Float64Array {
  const curve = new Float64Array(steps);
  for (let r = 0; r < runs; r++) for (let t = 0; t < steps; t++) curve[t] += cumulative[r * steps + t];
  for (let t = 0; t < steps; t++) curve[t] /= runs;
  return curve;
}

/** The step at which `cumulativeAccuracy.at100` is read. */
export const EARLY_STEP = 100;

export interface AccuracySummary {
  /** acc_r(100) over runs; null when fewer than 100 steps were run. */
  readonly at100: MeanStd | null;
  /** acc_r(T) over runs: the paper's cumulative online accuracy. */
  readonly atEnd: MeanStd;
  /** correct_r(T) over runs: the accuracy of the last prediction only (official eval_final_accuracy). */
  readonly finalAccuracy: MeanStd;
  /** [T] mean over runs of acc_r(t). */
  readonly curve: Float64Array;
}

export function summariseAccuracy(correct: Uint8Array, runs: number, steps: number): AccuracySummary {
  const cum = cumulativeAccuracy(correct, runs, steps);
  return {
    at100: steps >= EARLY_STEP ? meanStd(cum, runs, EARLY_STEP - 1, steps) : null,
    atEnd: meanStd(cum, runs, steps - 1, steps),
    finalAccuracy: meanStd(correct, runs, steps - 1, steps),
    curve: meanCurve(cum, runs, steps),
  };
}

/**
 * summariseAccuracy fed one block at a time ([R][n] correctness of steps t0..t0+n-1, blocks in
 * order): the same numbers bit for bit (every sum in the same order), keeping only [T] + [R] values.
 */
export class AccuracyAccumulator {
  private readonly hits: Uint32Array;
  private readonly curveSum: Float64Array;
  private readonly at100: Float64Array;
  private readonly last: Uint8Array;
  private done = 0;
  private summarised = false;

  constructor(
    readonly runs: number,
    readonly steps: number,
  ) {
    this.hits = new Uint32Array(runs);
    this.curveSum = new Float64Array(steps);
    this.at100 = new Float64Array(runs);
    this.last = new Uint8Array(runs);
  }

  add(correct: Uint8Array, t0: number, n: number): void {
    if (t0 !== this.done || correct.length !== this.runs * n || t0 + n > this.steps) {
      throw new Error(
        `AccuracyAccumulator: expected ${this.runs} x ${n} values from step ${this.done}, got ${correct.length} from step ${t0}`,
      );
    }
    const T = this.steps;
    for (let r = 0; r < this.runs; r++) {
      let hits = this.hits[r];
      for (let i = 0; i < n; i++) {
        const t = t0 + i;
        const c = correct[r * n + i];
        hits += c;
        const cum = hits / (t + 1);
        this.curveSum[t] += cum;
        if (t === EARLY_STEP - 1) this.at100[r] = cum;
        if (t === T - 1) this.last[r] = c;
      }
      this.hits[r] = hits;
    }
    this.done = t0 + n;
  }

  summary(): AccuracySummary {
    const { runs, steps } = this;
    if (this.done !== steps) throw new Error(`AccuracyAccumulator: ${this.done} of ${steps} steps added`);
    if (this.summarised) throw new Error('AccuracyAccumulator: summary() already taken');
    this.summarised = true;
    const atEnd = Float64Array.from(this.hits, (h) => h / steps);
    // The mean over runs in place: the curve is the one [T] array kept.
    const curve = this.curveSum;
    for (let t = 0; t < steps; t++) curve[t] /= runs;
    return {
      at100: steps >= EARLY_STEP ? meanStd(this.at100, runs) : null,
      atEnd: meanStd(atEnd, runs),
      finalAccuracy: meanStd(this.last, runs),
      curve,
    };
  }
}
