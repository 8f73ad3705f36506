// The evaluation chart's lines: one per held-out dataset, the cumulative accuracy at the end of each
// evaluation against the step it was made at. Pure (no DOM).
import type { EvaluationRecord } from '../../worker/trainer/contract';

export interface EvalSeries {
  readonly name: string;
  /** Steps of the evaluations that have this dataset, ascending as they came. */
  readonly steps: Float64Array;
  /** Cumulative accuracy at the end of each evaluation. */
  readonly accuracy: Float64Array;
  /** Held-out loss at each evaluation. */
  readonly loss: Float64Array;
}

/**
 * One series per name: `names` first (the run's evaluation names, in order), then any other name as it
 * first appears; an evaluation without a dataset's result is skipped in that dataset's series.
 */
export function evalSeries(evaluations: readonly EvaluationRecord[], names: readonly string[] = []): EvalSeries[] {
  const order = [...names];
  for (const e of evaluations) for (const n of Object.keys(e.results)) if (!order.includes(n)) order.push(n);
  return order.map((name) => {
    const rows = evaluations.filter((e) => e.results[name] !== undefined);
    return {
      name,
      steps: Float64Array.from(rows, (e) => e.step),
      accuracy: Float64Array.from(rows, (e) => e.results[name].accuracy),
      loss: Float64Array.from(rows, (e) => e.results[name].loss),
    };
  });
}

/** The x domain of the evaluation chart: step 0 to the last evaluated step, at least to `minEnd`. */
export function evalStepDomain(series: readonly EvalSeries[], minEnd = 1): [number, number] {
  let hi = minEnd;
  for (const s of series) if (s.steps.length > 0) hi = Math.max(hi, s.steps[s.steps.length - 1]);
  return [0, hi];
}

/** The evaluated step nearest to `step` over all series (ties: the lower); null when there is none. */
export function nearestEvalStep(series: readonly EvalSeries[], step: number): number | null {
  let best: number | null = null;
  for (const s of series) {
    for (const x of s.steps) {
      if (
        best === null ||
        Math.abs(x - step) < Math.abs(best - step) ||
        (Math.abs(x - step) === Math.abs(best - step) && x < best)
      )
        best = x;
    }
  }
  return best;
}
