// One evaluation: the protocol run, summarised as it goes (no [R][T] arrays), into the
// vsml-evaluation document.
import type { BlockSource } from '../model/engine';
import type { Evaluation } from '../model/formats/evaluation';
import { summariseAccuracy } from './cumulative';
import {
  runProtocolSummary,
  type BatchLearner,
  type ProtocolOptions,
  type ProtocolResult,
  type ProtocolSummary,
} from './protocol';

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

/** The summaries of a kept protocol result (see src/model/formats/evaluation.ts for each field). */
export function toEvaluation(result: ProtocolResult, labels: EvaluationLabels): Evaluation {
  return summaryToEvaluation(
    { runs: result.runs, steps: result.steps, accuracy: summariseAccuracy(result.correct, result.runs, result.steps) },
    labels,
  );
}

/** The evaluation document of a streamed protocol: the same numbers as toEvaluation of the kept result. */
export function summaryToEvaluation(
  summary: Pick<ProtocolSummary, 'runs' | 'steps' | 'accuracy'>,
  labels: EvaluationLabels,
): Evaluation {
  const s = summary.accuracy;
  return {
    ...labels,
    steps: summary.steps,
    runs: summary.runs,
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
): Promise<{ evaluation: Evaluation; result: ProtocolSummary }> {
  const result = await runProtocolSummary(learner, source, opts);
  return { evaluation: summaryToEvaluation(result, labels), result };
}
