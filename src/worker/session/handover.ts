// Moving a running session onto another engine (the CPU reference onto WebGPU once its pipelines are
// ready) so that it goes on exactly as if it had run there from the start: the new engine gets V_M
// and the same initial states, then replays the examples seen so far from a second copy of the
// streams, from example 0, in blocks as short as the play loop's; once it has caught up it takes over.
// Why a replay and not engine.setState(readState(...)): setState resets the pending error and
// backward messages (src/model/engine.ts), which the next example's update reads, so the copied state
// would not continue the run; a replay on one engine is bit-identical to a run on it (test/gpu).
// Fresh association episodes replay as they ran: blocks split at episode starts, the runs put back to
// their initial states before each episode but the first (src/meta/episodes.ts, as session.ts).
import { episodeChunks, freshEpisodeLength, vsmlReset } from '../../meta/episodes';
import { vsmlLearner } from '../../meta/learners';
import type { BlockSource, VsmlEngine } from '../../model/engine';
import type { Learner } from '../../model/formats/learner';

export class Handover {
  private replayedSteps = 0;
  private readonly freshLength: number | null;
  private readonly reset: () => void;

  /** `engine`: fresh, for the same spec as the session's; `source`: the session's streams again, at example 0. */
  constructor(
    readonly engine: VsmlEngine,
    private readonly source: BlockSource,
    learner: Learner,
    seed: number,
  ) {
    vsmlLearner(engine, learner, seed);
    this.freshLength = freshEpisodeLength(source);
    this.reset = this.freshLength === null ? () => {} : vsmlReset(() => engine, learner, seed);
  }

  /** Examples replayed on the new engine so far. */
  get replayed(): number {
    return this.replayedSteps;
  }

  /** Replay up to `steps` more examples, never beyond `target` (the session's examples seen); returns how many. */
  async replay(steps: number, target: number): Promise<number> {
    const n = Math.min(steps, target - this.replayedSteps);
    if (n < 1) return 0;
    if (this.freshLength !== null) return this.replayEpisodes(n);
    const S = this.engine.spec.runs;
    const block = { inputs: new Float32Array(S * n * this.source.inputSize), labels: new Int32Array(S * n), steps: n };
    this.source.fillBlock(block);
    await this.engine.run(block, { outputs: false });
    this.replayedSteps += n;
    return n;
  }

  /** `n` examples of fresh episodes: blocks split at episode starts, the runs reset before each but the first. */
  private async replayEpisodes(n: number): Promise<number> {
    for (const chunk of episodeChunks(this.replayedSteps, n, this.freshLength)) {
      if (chunk.reset) this.reset();
      const S = this.engine.spec.runs;
      const block = {
        inputs: new Float32Array(S * chunk.steps * this.source.inputSize),
        labels: new Int32Array(S * chunk.steps),
        steps: chunk.steps,
      };
      this.source.fillBlock(block);
      await this.engine.run(block, { outputs: false });
      this.replayedSteps += chunk.steps;
    }
    return n;
  }
}
