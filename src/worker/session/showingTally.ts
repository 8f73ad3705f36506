// What the studio session keeps of fast association (the paper's Fig. 9): for VSML and each
// baseline the accuracy on first and on second showings (src/model/showings.ts's ShowingTally, the
// one `vsml evaluate --stream association` uses, so the page's numbers equal the command's), and the
// marks of run 0's recent examples for the introspection strip. A session on the i.i.d. stream keeps
// no tallies and marks its examples 0.
import { isEpisodic, type EpisodicSource } from '../../meta/episodes';
import type { BlockSource } from '../../model/engine';
import { ShowingTally, type ShowingSummary } from '../../model/showings';
import type { ShowingsByLearner } from './contract';

export class SessionShowings {
  private readonly source: EpisodicSource | null;
  private readonly tallies = new Map<string, ShowingTally>();
  /** [R][n] marks of the block being counted. */
  private marks = new Uint8Array(0);
  private steps = 0;
  private readonly recent: number[] = [];

  constructor(
    source: BlockSource,
    runs: number,
    learners: readonly string[],
    private readonly history: number,
  ) {
    this.source = isEpisodic(source) ? source : null;
    if (this.source) for (const name of learners) this.tallies.set(name, new ShowingTally(runs));
  }

  /** The episodes' length when the stream has episodes, else null. */
  get episodeLength(): number | null {
    return this.source ? this.source.episodes.length : null;
  }

  /** A block of `steps` examples was just filled from the source: take its marks (run 0's for the strip). */
  begin(steps: number): void {
    this.steps = steps;
    this.marks = this.source ? this.source.lastMarks.slice() : new Uint8Array(0);
    for (let t = 0; t < steps; t++) this.recent.push(this.source ? this.marks[t] : 0);
    const extra = this.recent.length - this.history;
    if (extra > 0) this.recent.splice(0, extra);
  }

  /** Count `learner`'s [R][steps] correctness of the block begun last. */
  add(learner: string, correct: Uint8Array): void {
    this.tallies.get(learner)?.add(correct, this.marks, this.steps);
  }

  /** Every learner's first- and second-showing accuracy; null on the i.i.d. stream. */
  summary(): ShowingsByLearner | null {
    if (!this.source) return null;
    const out: Record<string, ShowingSummary> = {};
    for (const [name, tally] of this.tallies) out[name] = tally.summary();
    return out;
  }

  /** [n] marks of run 0's last examples (oldest first), as the strip's probabilities. */
  recentMarks(): Uint8Array {
    return Uint8Array.from(this.recent);
  }
}
