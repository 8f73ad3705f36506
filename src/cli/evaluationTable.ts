// The short table `vsml evaluate` prints: one row per evaluation; in table mode also the cumulative
// accuracy at the --at steps, and where each baseline overtakes each learner file, VSML or learned
// (crossing lines, which name the kind of learner compared).
import type { Evaluation, MeanStd } from '../model/formats/evaluation';
import type { Crossing, EvaluationTable, EvaluationTableRow } from '../model/formats/evaluationTable';
import type { ShowingAccuracy } from '../model/showings';

const HEADER = ['learner', 'dataset', 'steps', 'runs', 'cum. acc. @100', 'cum. acc. @end', 'final acc.'];

/** "0.7758 ± 0.0082" (sample std over runs); "-" when there is no value. */
export const formatMeanStd = (m: MeanStd | null): string =>
  m === null ? '-' : `${m.mean.toFixed(4)} ± ${m.std === null ? 'n/a' : m.std.toFixed(4)}`;

export function evaluationRow(e: Evaluation): string[] {
  const dataset = [e.dataset, e.split, e.transform ? `[${e.transform}]` : ''].filter(Boolean).join(' ');
  return [
    e.learner,
    dataset,
    String(e.steps),
    String(e.runs),
    formatMeanStd(e.cumulativeAccuracy.at100),
    formatMeanStd(e.cumulativeAccuracy.atEnd),
    formatMeanStd(e.finalAccuracy),
  ];
}

/** Columns padded to their widest cell, two spaces apart. */
export function padColumns(cells: readonly (readonly string[])[]): string[] {
  const widths = cells[0].map((_, c) => Math.max(...cells.map((r) => r[c].length)));
  return cells.map((r) =>
    r
      .map((cell, c) => cell.padEnd(widths[c]))
      .join('  ')
      .trimEnd(),
  );
}

export const formatTable = (rows: readonly Evaluation[]): string[] => padColumns([HEADER, ...rows.map(evaluationRow)]);

/**
 * The table of a table-mode command: the columns of formatTable, with the cumulative accuracy at every --at step beside
 * @100, in step order (the step T is the @end column).
 */
export function formatEvaluationTable(t: EvaluationTable): string[] {
  const steps = t.rows[0]?.evaluation.steps ?? 0;
  type Column = { readonly step: number; readonly cell: (r: EvaluationTableRow) => string };
  const columns: Column[] = t.at
    .map((step, k): Column => ({ step, cell: (r) => formatMeanStd(r.at[k]) }))
    .filter((c) => c.step !== 100 && c.step !== steps);
  columns.push({ step: 100, cell: (r) => formatMeanStd(r.evaluation.cumulativeAccuracy.at100) });
  columns.sort((a, b) => a.step - b.step);
  const header = [...HEADER.slice(0, 4), ...columns.map((c) => `cum. acc. @${c.step}`), ...HEADER.slice(5)];
  const rows = t.rows.map((r) => {
    const cells = evaluationRow(r.evaluation);
    return [...cells.slice(0, 4), ...columns.map((c) => c.cell(r)), ...cells.slice(5)];
  });
  return padColumns([header, ...rows]);
}

/** "sgd overtakes L.json: first above at step 3, above from step 1234 to the end (2000)". */
export function formatCrossing(t: EvaluationTable, c: Crossing): string {
  const ref = t.rows[c.reference].evaluation;
  const base = t.rows[c.baseline].evaluation;
  const where = [ref.dataset, ref.split, ref.transform ? `[${ref.transform}]` : ''].filter(Boolean).join(' ');
  const head = `  ${where}: ${base.learner} vs ${ref.learner}:`;
  if (c.firstAbove === null) return `${head} never above in ${ref.steps} steps`;
  const stays =
    c.staysAbove === null
      ? `not above at the end (step ${ref.steps})`
      : `above from step ${c.staysAbove} to the end (${ref.steps})`;
  return `${head} first above at step ${c.firstAbove}, ${stays}`;
}

/** "VSML", "Meta RNN and Hebbian": the kinds in order of first use, the last two joined by "and". */
function joinKinds(kinds: readonly string[]): string {
  return kinds.length < 2 ? kinds.join('') : `${kinds.slice(0, -1).join(', ')} and ${kinds[kinds.length - 1]}`;
}

/**
 * The crossing lines: where each baseline's mean cumulative accuracy is above each learner file's;
 * `kindOf(row)` names the kind of the learner in row `row` ("VSML", "Meta RNN", "Hebbian", "FWMemory").
 */
export function formatCrossings(t: EvaluationTable, kindOf: (row: number) => string = () => 'VSML'): string[] {
  if (t.crossings.length === 0) return [];
  const kinds = [...new Set(t.crossings.map((c) => kindOf(c.reference)))];
  const whose = kinds.length === 1 ? `the ${kinds[0]} learner's` : `the ${joinKinds(kinds)} learners'`;
  return [
    `where each baseline's mean cumulative accuracy is above ${whose} (mean curves over runs):`,
    ...t.crossings.map((c) => formatCrossing(t, c)),
  ];
}

/** "0.2500 ± 0.0400 (n = 640)": a showing's accuracy with its count, "-" when there was none. */
export const formatShowing = (a: ShowingAccuracy | null): string =>
  a === null ? '-' : `${formatMeanStd(a)} (n = ${a.count})`;

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
