// Fast association's marks and tallies (the paper's Fig. 9): every example of an association stream is
// the first or the second showing of its image in the episode, and the first example of an episode
// starts it. ShowingTally counts, per run, the correct predictions on first and on second showings;
// its summary is the mean over runs of each run's accuracy and the sample std over runs. The studio
// session and `vsml evaluate --stream association` use this one tally, so their numbers agree bit
// for bit on the same streams and seeds.

/** Mark bits of one example (src/data/associationStream.ts writes them). */
export const MARK_FIRST = 1;
export const MARK_SECOND = 2;
export const MARK_EPISODE_START = 4;

export type Showing = 'first' | 'second';
export const SHOWINGS: readonly Showing[] = ['first', 'second'];

/**
 * Accuracy on one kind of showing: mean over runs of each run's accuracy, its sample std, and the showings counted over
 * all runs.
 */
export interface ShowingAccuracy {
  readonly mean: number;
  /** Sample std over the runs that had such a showing (R - 1); null when only one run had one. */
  readonly std: number | null;
  /** Showings counted, summed over the runs. */
  readonly count: number;
}

/** First and second showings; null where no run has had such a showing yet. */
export interface ShowingSummary {
  readonly first: ShowingAccuracy | null;
  readonly second: ShowingAccuracy | null;
}

/** Which showing `mark` is, or null for an example without a showing mark. */
export function showingOf(mark: number): Showing | null {
  if (mark & MARK_FIRST) return 'first';
  if (mark & MARK_SECOND) return 'second';
  return null;
}

/** Per-run counts of correct predictions on first and second showings. */
export class ShowingTally {
  private readonly correct = { first: new Float64Array(0), second: new Float64Array(0) };
  private readonly seen = { first: new Float64Array(0), second: new Float64Array(0) };

  constructor(readonly runs: number) {
    if (!Number.isInteger(runs) || runs < 1) throw new Error(`showings: runs must be a positive integer, got ${runs}`);
    for (const k of SHOWINGS) {
      this.correct[k] = new Float64Array(runs);
      this.seen[k] = new Float64Array(runs);
    }
  }

  /** Add a block: correct [R][n] (1 = right) and marks [R][n] (run r's examples), n steps each. */
  add(correct: ArrayLike<number>, marks: ArrayLike<number>, n: number): void {
    const R = this.runs;
    if (correct.length !== R * n || marks.length !== R * n) {
      throw new Error(`showings: expected ${R} x ${n} results and marks, got ${correct.length} and ${marks.length}`);
    }
    for (let r = 0; r < R; r++) {
      for (let t = 0; t < n; t++) {
        const i = r * n + t;
        const k = showingOf(marks[i]);
        if (k === null) continue;
        this.seen[k][r]++;
        if (correct[i]) this.correct[k][r]++;
      }
    }
  }

  /** Mean and sample std over runs of each run's accuracy on first and on second showings. */
  summary(): ShowingSummary {
    return { first: this.accuracy('first'), second: this.accuracy('second') };
  }

  private accuracy(k: Showing): ShowingAccuracy | null {
    const seen = this.seen[k];
    const correct = this.correct[k];
    const per: number[] = [];
    let count = 0;
    for (let r = 0; r < this.runs; r++) {
      count += seen[r];
      if (seen[r] > 0) per.push(correct[r] / seen[r]);
    }
    if (per.length === 0) return null;
    let sum = 0;
    for (const a of per) sum += a;
    const mean = sum / per.length;
    if (per.length === 1) return { mean, std: null, count };
    let ss = 0;
    for (const a of per) ss += (a - mean) * (a - mean);
    return { mean, std: Math.sqrt(ss / (per.length - 1)), count };
  }
}
