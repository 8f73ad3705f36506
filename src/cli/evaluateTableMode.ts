// `vsml evaluate`'s table mode: every learner x dataset x transform of the lists (evaluateLists.ts)
// as one cell (evaluateCell.ts), in the order dataset, transform, learner. Every cell is checked
// before the first one runs; then they run one after another (one line of progress each, on
// stderr), and one vsml-evaluation-table file holds them all, with the cumulative accuracy at the
// --at steps and the crossings (src/model/formats/evaluationTable.ts).
import { crossingsOf, serialiseEvaluationTable, type EvaluationTable, type EvaluationTableRow } from '../model/formats/evaluationTable';
import { formatFieldError } from '../model/result';
import type { FlagValues } from './args';
import { badInput, runtimeFailure, success, type CommandIo, type Outcome } from './command';
import { NAME, prepareCell, runCell, type CellOptions, type PreparedCell, type SourceCache } from './evaluateCell';
import { loadLearner, type LearnerChoice } from './evaluateLearner';
import { cellFlags, checkFileFlags } from './evaluateLists';
import { formatCrossings, formatEvaluationTable, formatShowings } from './evaluationTable';
import { writeFileAtomic } from './io';

export interface TableRequest {
  readonly learners: readonly string[];
  readonly datasets: readonly string[];
  /** Transform items ('' for none). */
  readonly transforms: readonly string[];
  readonly out: string;
}

const oneLine = (e: unknown): string => (e instanceof Error ? e.message : String(e)).split('\n')[0];

/** A transform error of one cell, said of its --transforms item when the command gave a list. */
function itemLine(line: string, transform: string, listed: boolean): string {
  const prefix = `${NAME}: --transform: `;
  return listed && line.startsWith(prefix) ? `${NAME}: --transforms: item ${JSON.stringify(transform)}: ${line.slice(prefix.length)}` : line;
}

export async function runTable(flags: FlagValues, req: TableRequest, opts: CellOptions, io: CommandIo): Promise<Outcome> {
  const fileFlags = checkFileFlags(flags, req.datasets);
  if (fileFlags) return badInput(`${NAME}: ${fileFlags}`);
  const loaded: LearnerChoice[] = [];
  for (const text of req.learners) {
    const l = await loadLearner(text);
    if (!l.ok) return badInput(`${NAME}: --learner: ${l.line}`);
    loaded.push(l.value);
  }
  const listed = flags.has('transforms');
  const cache: SourceCache = new Map();
  const cells: PreparedCell[] = [];
  for (const dataset of req.datasets) {
    for (const transform of req.transforms) {
      const cf = cellFlags(flags, dataset, transform);
      if (!cf.ok) return badInput(`${NAME}: ${formatFieldError(cf.error)}`);
      for (let i = 0; i < loaded.length; i++) {
        const cell = await prepareCell(req.learners[i], loaded[i], cf.value, opts, cache);
        if (!cell.ok) return badInput(itemLine(cell.line, transform, listed));
        cells.push(cell.value);
      }
    }
  }

  const rows: EvaluationTableRow[] = [];
  let seconds = 0;
  for (const [i, cell] of cells.entries()) {
    const r = await runCell(cell, opts);
    if (!r.ok) return r.runtime ? runtimeFailure(r.line) : badInput(itemLine(r.line, cell.data.transform, listed));
    rows.push({ evaluation: r.value.evaluation, at: r.value.at });
    seconds += r.value.seconds;
    const e = r.value.evaluation;
    io.progress?.write(`evaluate: cell ${i + 1}/${cells.length}: ${e.learner} on ${r.value.taskName} (A=${r.value.inputSize}, K=${r.value.numClasses}) in ${r.value.seconds.toFixed(1)} s\n`);
  }
  const table: EvaluationTable = { at: opts.at, rows, crossings: crossingsOf(rows) };
  try {
    await writeFileAtomic(req.out, serialiseEvaluationTable(table));
  } catch (e) {
    return runtimeFailure(`${NAME}: cannot write ${req.out}: ${oneLine(e)}`);
  }
  formatEvaluationTable(table).forEach((l) => io.info(l));
  rows.forEach((r) => formatShowings(r.evaluation).forEach((l) => io.info(l)));
  formatCrossings(table).forEach((l) => io.info(l));
  io.info(`evaluate: ${cells.length} cells (${req.learners.length} learners x ${req.datasets.length} datasets x ${req.transforms.length} transforms), ${opts.runs} runs x ${opts.steps} steps each, in ${seconds.toFixed(1)} s -> ${req.out}`);
  return success;
}
