// `vsml trace --windows N`: the trace summarised per window of N examples, the numbers behind an
// introspection plot (the paper's Figs. 10 and 17 draw softmax(y_t) for every example t): per window,
// the accuracy, the mean probability given to the true label, the mean largest probability (the
// confidence), and the cumulative accuracy at the window's end.
import type { Trace } from '../model/formats/trace';

export interface TraceWindow {
  /** First and last example (1-based) of the window. */
  readonly from: number;
  readonly to: number;
  readonly accuracy: number;
  /** Mean over the window of softmax(y_t)[label_t]. */
  readonly labelProbability: number;
  /** Mean over the window of max_k softmax(y_t)[k]. */
  readonly confidence: number;
  /** acc(to) = mean correctness of examples 1..to. */
  readonly cumulativeAccuracy: number;
}

/** The windows of `trace` (the last one may be shorter); `labels` are the stream's. */
export function traceWindows(trace: Trace, labels: Int32Array, size: number): TraceWindow[] {
  const K = trace.numClasses;
  const out: TraceWindow[] = [];
  const p = new Float64Array(K);
  let hits = 0;
  for (let t0 = 0; t0 < trace.steps; t0 += size) {
    const t1 = Math.min(trace.steps, t0 + size);
    let correct = 0;
    let label = 0;
    let top = 0;
    for (let t = t0; t < t1; t++) {
      let max = -Infinity;
      for (let k = 0; k < K; k++) max = Math.max(max, trace.outputs[t * K + k]);
      let sum = 0;
      for (let k = 0; k < K; k++) sum += p[k] = Math.exp(trace.outputs[t * K + k] - max);
      label += p[labels[t]] / sum;
      top += 1 / sum;
      correct += trace.correct[t];
    }
    hits += correct;
    const n = t1 - t0;
    out.push({
      from: t0 + 1,
      to: t1,
      accuracy: correct / n,
      labelProbability: label / n,
      confidence: top / n,
      cumulativeAccuracy: hits / t1,
    });
  }
  return out;
}

/** The windows as a padded table. */
export function formatTraceWindows(windows: readonly TraceWindow[]): string[] {
  const header = ['examples', 'accuracy', 'p(label)', 'confidence', 'cum. acc.'];
  const rows = windows.map((w) => [
    `${w.from}-${w.to}`,
    w.accuracy.toFixed(4),
    w.labelProbability.toFixed(4),
    w.confidence.toFixed(4),
    w.cumulativeAccuracy.toFixed(4),
  ]);
  const cells = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...cells.map((r) => r[c].length)));
  return cells.map((r) =>
    r
      .map((cell, c) => cell.padEnd(widths[c]))
      .join('  ')
      .trimEnd(),
  );
}
