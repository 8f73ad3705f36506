// The short table `vsml evaluate` prints: one row per evaluation.
import type { Evaluation, MeanStd } from '../model/formats/evaluation';
import type { ShowingAccuracy } from '../model/showings';

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

/** "0.2500 ± 0.0400 (n = 640)": a showing's accuracy with its count, "-" when there was none. */
export const formatShowing = (a: ShowingAccuracy | null): string => (a === null ? '-' : `${formatMeanStd(a)} (n = ${a.count})`);

/** The association stream's lines: how it ran, then the accuracy on first and on second showings. */
export function formatShowings(e: Evaluation): string[] {
  const a = e.association;
  if (!a) return [];
  return [
    `association (${a.order}, ${a.fresh ? 'every episode from fresh learners' : 'one continuing stream'}, ${a.episodeLength} steps per episode) ${e.learner}:`,
    `  first showings   ${formatShowing(a.first)}`,
    `  second showings  ${formatShowing(a.second)}`,
  ];
}
