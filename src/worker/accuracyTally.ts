// Cumulative online accuracy of one learner over S runs, after every example: per run the fraction of
// predictions so far that were right, then the mean and (sample) std over the runs, kept in growing
// float64 arrays so a long session neither copies nor boxes numbers.
import { meanStd } from '../meta/cumulative';

export class AccuracyTally {
  private readonly correct: Float64Array;
  private readonly acc: Float64Array;
  private meanAt = new Float64Array(1024);
  private stdAt = new Float64Array(1024);
  private n = 0;

  constructor(private readonly runs: number) {
    this.correct = new Float64Array(runs);
    this.acc = new Float64Array(runs);
  }

  /** Points: examples seen. */
  get length(): number {
    return this.n;
  }

  /** One block's correctness [S][T]. */
  add(correct: Uint8Array, steps: number): void {
    if (this.n + steps > this.meanAt.length) this.grow(this.n + steps);
    for (let t = 0; t < steps; t++) {
      const seen = this.n + 1;
      for (let s = 0; s < this.runs; s++) {
        this.correct[s] += correct[s * steps + t];
        this.acc[s] = this.correct[s] / seen;
      }
      const m = meanStd(this.acc);
      this.meanAt[this.n] = m.mean;
      this.stdAt[this.n] = m.std ?? 0;
      this.n++;
    }
  }

  /** The full curves as views (valid until the next `add`): point i is after i + 1 examples. */
  view(): { readonly mean: Float64Array; readonly std: Float64Array } {
    return { mean: this.meanAt.subarray(0, this.n), std: this.stdAt.subarray(0, this.n) };
  }

  /** The full curves in new arrays. */
  curve(): { readonly mean: Float64Array; readonly std: Float64Array } {
    return { mean: this.meanAt.slice(0, this.n), std: this.stdAt.slice(0, this.n) };
  }

  private grow(need: number): void {
    const size = Math.max(need, this.meanAt.length * 2);
    const mean = new Float64Array(size);
    const std = new Float64Array(size);
    mean.set(this.meanAt.subarray(0, this.n));
    std.set(this.stdAt.subarray(0, this.n));
    this.meanAt = mean;
    this.stdAt = std;
  }
}
