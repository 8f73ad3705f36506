// The short table `vsml evaluate` prints: one row per evaluation.
import type { Evaluation, MeanStd } from '../model/formats/evaluation';

const HEADER = ['learner', 'dataset', 'steps', 'runs', 'cum. acc. @100', 'cum. acc. @end', 'final acc.'];

/** "0.7758 ± 0.0082" (sample std over runs); "-" when there is no value. */
export const formatMeanStd = (m: MeanStd | null): string => (m === null ? '-' : `${m.mean.toFixed(4)} ± ${m.std === null ? 'n/a' : m.std.toFixed(4)}`);

export function evaluationRow(e: Evaluation): string[] {
  const dataset = [e.dataset, e.split, e.transform ? `[${e.transform}]` : ''].filter(Boolean).join(' ');
  return [e.learner, dataset, String(e.steps), String(e.runs), formatMeanStd(e.cumulativeAccuracy.at100), formatMeanStd(e.cumulativeAccuracy.atEnd), formatMeanStd(e.finalAccuracy)];
}

/** Columns padded to their widest cell, two spaces apart. */
export function formatTable(rows: readonly Evaluation[]): string[] {
  const cells = [HEADER, ...rows.map(evaluationRow)];
  const widths = HEADER.map((_, c) => Math.max(...cells.map((r) => r[c].length)));
  return cells.map((r) => r.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd());
}
