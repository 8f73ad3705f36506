// Cumulative online accuracy of one learner over S runs, after every example: per run the fraction of
// predictions so far that were right, then the mean and (sample) std over the runs. Kept in two
// float64 arrays of a fixed capacity (TALLY_POINTS), allocated once, so a session left playing for
// hours holds the same memory as after a minute: every example while they fit; when they are full,
// every other point is dropped and from then on only every 2nd (then 4th, ...) example is kept, so the
// kept points stay evenly spaced in examples (`every`). The value after the last example is always
// known (`latest`).
import { meanStd } from '../../meta/cumulative';

/** Points a tally keeps at most (mean and std: 512 KiB per learner); full resolution up to this many examples. */
export const TALLY_POINTS = 32768;

export interface TallyView {
  /** Point i is after (i + 1) * every examples. */
  readonly mean: Float64Array;
  readonly std: Float64Array;
  readonly every: number;
}

export class AccuracyTally {
  private readonly correct: Float64Array;
  private readonly acc: Float64Array;
  private readonly meanAt: Float64Array;
  private readonly stdAt: Float64Array;
  /** Points kept. */
  private n = 0;
  private seen = 0;
  private stride = 1;
  private lastMean = NaN;
  private lastStd = NaN;

  constructor(
    private readonly runs: number,
    readonly capacity = TALLY_POINTS,
  ) {
    if (!Number.isInteger(capacity) || capacity < 2 || capacity % 2 !== 0)
      throw new Error(`tally: capacity must be an even integer >= 2, got ${capacity}`);
    this.correct = new Float64Array(runs);
    this.acc = new Float64Array(runs);
    this.meanAt = new Float64Array(capacity);
    this.stdAt = new Float64Array(capacity);
  }

  /** Points kept (at most `capacity`). */
  get length(): number {
    return this.n;
  }

  /** Examples seen. */
  get examples(): number {
    return this.seen;
  }

  /** Examples between kept points: 1 until more than `capacity` examples were seen, then 2, 4, ... */
  get every(): number {
    return this.stride;
  }

  /** One block's correctness [S][T]. */
  add(correct: Uint8Array, steps: number): void {
    for (let t = 0; t < steps; t++) {
      const seen = ++this.seen;
      for (let s = 0; s < this.runs; s++) {
        this.correct[s] += correct[s * steps + t];
        this.acc[s] = this.correct[s] / seen;
      }
      const m = meanStd(this.acc);
      this.lastMean = m.mean;
      this.lastStd = m.std ?? 0;
      if (seen % this.stride !== 0) continue;
      if (this.n === this.capacity) {
        this.halve();
        if (seen % this.stride !== 0) continue;
      }
      this.meanAt[this.n] = this.lastMean;
      this.stdAt[this.n] = this.lastStd;
      this.n++;
    }
  }

  /** Mean and std after the last example (NaN before the first). */
  latest(): { readonly examples: number; readonly mean: number; readonly std: number } {
    return { examples: this.seen, mean: this.lastMean, std: this.lastStd };
  }

  /** The kept points as views (valid until the next `add`). */
  view(): TallyView {
    return { mean: this.meanAt.subarray(0, this.n), std: this.stdAt.subarray(0, this.n), every: this.stride };
  }

  /** The kept points in new arrays. */
  curve(): TallyView {
    return { mean: this.meanAt.slice(0, this.n), std: this.stdAt.slice(0, this.n), every: this.stride };
  }

  /**
   * Keep the points after 2, 4, 6, ... times `every` examples (points 1, 3, 5, ...): half as many, twice as far apart.
   */
  private halve(): void {
    const half = this.n / 2;
    for (let k = 0; k < half; k++) {
      this.meanAt[k] = this.meanAt[2 * k + 1];
      this.stdAt[k] = this.stdAt[2 * k + 1];
    }
    this.n = half;
    this.stride *= 2;
  }
}
