// One evaluation: the protocol run, summarised into the vsml-evaluation document.
import type { Evaluation } from '../model/formats/evaluation';
import { summariseAccuracy } from './cumulative';
import { runProtocol, type BatchLearner, type BlockSource, type ProtocolOptions, type ProtocolResult } from './protocol';

/** What the evaluation file says besides the numbers. */
export interface EvaluationLabels {
  readonly learner: string;
  readonly dataset: string;
  readonly split?: string;
  readonly transform?: string;
  readonly seed?: number;
  readonly backend?: string;
  readonly init?: string;
}

/** The summaries of a protocol result (see src/model/formats/evaluation.ts for each field). */
export function toEvaluation(result: ProtocolResult, labels: EvaluationLabels): Evaluation {
  const s = summariseAccuracy(result.correct, result.runs, result.steps);
  return {
    ...labels,
    steps: result.steps,
    runs: result.runs,
    cumulativeAccuracy: { at100: s.at100, atEnd: s.atEnd },
    finalAccuracy: s.finalAccuracy,
    curve: s.curve,
  };
}

export async function evaluate(
  learner: BatchLearner,
  source: BlockSource,
  opts: ProtocolOptions,
  labels: EvaluationLabels,
): Promise<{ evaluation: Evaluation; result: ProtocolResult }> {
  const result = await runProtocol(learner, source, opts);
  return { evaluation: toEvaluation(result, labels), result };
}
