// `vsml table`'s learners x datasets grids: one per step shown (100 when the run is that long, the
// --at steps, and the last step), each cell the cumulative online accuracy after that many examples,
// mean ± sample std over runs, marked ✱ where the learner never saw the dataset in meta-training
// (tableSeen.ts) and ? where no record says. As plain columns for the terminal and as GitHub markdown
// with a legend.
import type { MeanStd } from '../model/formats/evaluation';
import type { EvaluationTable, EvaluationTableRow } from '../model/formats/evaluationTable';
import { formatMeanStd, padColumns } from './evaluationTable';
import { neverSeen, type SeenRecord } from './tableSeen';

export const UNSEEN_MARK = '✱';
export const UNKNOWN_MARK = '?';

export interface Grid {
  readonly learners: readonly string[];
  readonly datasets: readonly string[];
  /** One per learner, in order. */
  readonly seen: readonly SeenRecord[];
  /** The table of the run: rows in the order dataset, learner (evaluate's table mode, one transform). */
  readonly table: EvaluationTable;
}

/** The steps a grid is shown at: 100 (when the run reaches it), every --at step, and the last step, increasing. */
export function gridSteps(table: EvaluationTable): number[] {
  const steps = table.rows[0]?.evaluation.steps ?? 0;
  const all = new Set<number>([...table.at, steps]);
  if (steps >= 100) all.add(100);
  return [...all].sort((a, b) => a - b);
}

/** Row r's cumulative accuracy after `step` examples (a step of gridSteps). */
function valueAt(table: EvaluationTable, row: EvaluationTableRow, step: number): MeanStd | null {
  if (step === row.evaluation.steps) return row.evaluation.cumulativeAccuracy.atEnd;
  const k = table.at.indexOf(step);
  if (k >= 0) return row.at[k];
  return step === 100 ? row.evaluation.cumulativeAccuracy.at100 : null;
}

const markOf = (r: SeenRecord, dataset: string): string => {
  const never = neverSeen(r, dataset);
  return never === null ? ` ${UNKNOWN_MARK}` : never ? ` ${UNSEEN_MARK}` : '';
};

/** [learners][datasets] cells at `step`, each "mean ± std" with its mark. */
function cells(g: Grid, step: number): string[][] {
  const L = g.learners.length;
  return g.learners.map((_, l) =>
    g.datasets.map(
      (d, j) => `${formatMeanStd(valueAt(g.table, g.table.rows[j * L + l], step))}${markOf(g.seen[l], d)}`,
    ),
  );
}

const heading = (g: Grid, step: number): string => {
  const e = g.table.rows[0].evaluation;
  return `cumulative online accuracy after ${step} examples (mean ± std over ${e.runs} runs, seed ${e.seed ?? '-'}; ${UNSEEN_MARK} never seen in meta-training, ${UNKNOWN_MARK} no record):`;
};

/** The grids for the terminal, one per step, then where each learner's meta-training record came from. */
export function formatGrid(g: Grid): string[] {
  const out: string[] = [];
  for (const step of gridSteps(g.table)) {
    out.push(heading(g, step));
    out.push(
      ...padColumns([['learner', ...g.datasets], ...cells(g, step).map((row, l) => [g.learners[l], ...row])]).map(
        (l) => `  ${l}`,
      ),
    );
  }
  out.push('seen in meta-training:');
  g.learners.forEach((l, i) => out.push(`  ${l}: ${seenLine(g.seen[i])}`));
  return out;
}

const seenLine = (r: SeenRecord): string =>
  r.datasets === null
    ? `unknown: ${r.source}`
    : `${r.datasets.length === 0 ? 'nothing' : r.datasets.join(', ')} (${r.source})`;

const mdEscape = (s: string): string => s.replace(/\|/g, '\\|');

/** The same grids as GitHub markdown, with a legend. */
export function formatGridMarkdown(g: Grid): string {
  const e = g.table.rows[0].evaluation;
  const lines: string[] = [];
  for (const step of gridSteps(g.table)) {
    lines.push(`**Cumulative online accuracy after ${step} examples**`, '');
    lines.push(`| learner | ${g.datasets.map(mdEscape).join(' | ')} |`);
    lines.push(`|---|${g.datasets.map(() => '---:').join('|')}|`);
    cells(g, step).forEach((row, l) =>
      lines.push(`| \`${mdEscape(g.learners[l])}\` | ${row.map(mdEscape).join(' | ')} |`),
    );
    lines.push('');
  }
  lines.push(
    `${UNSEEN_MARK} = never seen in meta-training; ${UNKNOWN_MARK} = no meta-training record found. Each cell: the mean ± sample std over ${e.runs} runs ` +
      `(seed ${e.seed ?? '-'}, ${e.steps} steps) of the fraction of predictions that were right, every prediction made before its label ` +
      `(\`vsml evaluate\`'s protocol, docs/EVALUATION.md). The baselines are not meta-trained, so every baseline cell is ${UNSEEN_MARK}.`,
    '',
    'Seen in meta-training:',
    '',
    ...g.learners.map((l, i) => `- \`${mdEscape(l)}\`: ${mdEscape(seenLine(g.seen[i]))}`),
  );
  return `${lines.join('\n')}\n`;
}
