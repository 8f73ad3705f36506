// The online protocol on a fast-association stream (src/data/associationStream.ts): the evaluation
// document of src/meta/evaluate.ts plus the accuracy on first and on second showings (the one
// ShowingTally of src/model/showings.ts, as the studio session keeps it), with every episode from
// fresh learners when the streams say so (src/meta/episodes.ts).
import type { AssociationAccuracy } from '../model/formats/evaluation';
import { ShowingTally } from '../model/showings';
import { FreshEpisodes, type EpisodicSource } from './episodes';
import { evaluate, type EvaluationLabels } from './evaluate';
import type { BatchLearner, ProtocolOptions, ProtocolSummary } from './protocol';
import type { Evaluation } from '../model/formats/evaluation';

/**
 * Evaluate `learner` on `source`; `reset` puts every run back to where it began (called before each
 * episode but the first when source.episodes.fresh). Marks are read from source.lastMarks right after
 * each block is filled, so `source` must be the one the protocol fills.
 */
export async function evaluateAssociation(
  learner: BatchLearner,
  reset: () => void,
  source: EpisodicSource,
  order: AssociationAccuracy['order'],
  opts: ProtocolOptions,
  labels: EvaluationLabels,
): Promise<{ evaluation: Evaluation; result: ProtocolSummary }> {
  const tally = new ShowingTally(learner.runs);
  const { length, fresh } = source.episodes;
  const inner = fresh ? new FreshEpisodes(learner, length, reset) : learner;
  const counted: BatchLearner = {
    runs: learner.runs,
    async run(block, o) {
      const marks = source.lastMarks.slice();
      const r = await inner.run(block, o);
      tally.add(r.correct, marks, block.steps);
      return r;
    },
  };
  const { evaluation, result } = await evaluate(counted, source, opts, labels);
  return {
    evaluation: { ...evaluation, association: { order, fresh, episodeLength: length, ...tally.summary() } },
    result,
  };
}
