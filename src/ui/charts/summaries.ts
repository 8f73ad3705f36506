// One sentence per chart saying what it shows now, for screen readers (each chart's aria-describedby)
// and for anyone who wants the number rather than the picture. Pure.
import { argmaxRow, stripWindow } from './strip';
import { className } from './classTicks';

/** 0.62, −0.41: two decimals with a real minus sign (none for values that round to 0). */
export function signed2(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const t = Math.abs(v).toFixed(2);
  return v < 0 && t !== '0.00' ? `\u2212${t}` : t;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export interface SummaryCurve {
  readonly label: string;
  /** Examples seen (1-based), ascending. */
  readonly x: ArrayLike<number>;
  /** Mean over the runs at each x. */
  readonly mean: ArrayLike<number>;
}

/**
 * "VSML 0.62 after 80 examples; best baseline SGD 0.55": the last point of curves[0] and the best other curve's last
 * point.
 */
export function accuracySummary(curves: readonly SummaryCurve[]): string {
  const last = (c: SummaryCurve) => Math.min(c.x.length, c.mean.length) - 1;
  const first = curves[0];
  if (!first || last(first) < 0) return 'No examples yet';
  const i = last(first);
  let text = `${first.label} ${signed2(first.mean[i])} after ${plural(first.x[i], 'example')}`;
  let best: { label: string; value: number } | null = null;
  for (const c of curves.slice(1)) {
    const j = last(c);
    if (j < 0 || !Number.isFinite(c.mean[j])) continue;
    if (!best || c.mean[j] > best.value) best = { label: c.label, value: c.mean[j] };
  }
  if (best) text += `; best baseline ${best.label} ${signed2(best.value)}`;
  return text;
}

/** "Predicted 7 (p 0.81); true label 7: correct". */
export function probabilitySummary(
  probabilities: ArrayLike<number>,
  label: number,
  predicted: number,
  classNames: readonly string[],
): string {
  const K = probabilities.length;
  if (predicted < 0 || predicted >= K) return 'No prediction yet';
  const head = `Predicted ${className(classNames, predicted)} (p ${signed2(probabilities[predicted])})`;
  if (label < 0 || label >= K) return `${head}; true label not shown yet`;
  return `${head}; true label ${className(classNames, label)}: ${label === predicted ? 'correct' : 'wrong'}`;
}

/** "Last 100 examples: 64 correct": of the strip's window of [n][K] probabilities, how many argmaxes hit the label. */
export function stripSummary(probabilities: ArrayLike<number>, labels: ArrayLike<number>, K: number): string {
  const n = K > 0 ? Math.min(labels.length, Math.floor(probabilities.length / K)) : 0;
  const { start, shown } = stripWindow(n);
  if (shown === 0) return 'No examples yet';
  let correct = 0;
  for (let r = start; r < start + shown; r++) if (argmaxRow(probabilities, K, r) === labels[r]) correct += 1;
  return `Last ${shown === 1 ? 'example' : plural(shown, 'example')}: ${correct} correct`;
}

/** "Layer 0, cell state c, dimension 0". */
export function sliceName(layer: number, vector: 'h' | 'c', j: number): string {
  return `Layer ${layer}, ${vector === 'c' ? 'cell state c' : 'hidden state h'}, dimension ${j}`;
}

/** "Layer 0, cell state c, dimension 0: values from −0.41 to 0.77" over the A x B values (finite ones). */
export function heatmapSummary(name: string, values: ArrayLike<number>, rows: number, cols: number): string {
  const n = rows * cols;
  if (n === 0) return `${name}: no values`;
  if (values.length < n) return `${name}: incomplete, ${values.length} of ${n} values`;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo > hi) return `${name}: no finite values`;
  return `${name}: values from ${signed2(lo)} to ${signed2(hi)}`;
}
