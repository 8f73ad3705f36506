// `vsml evaluate`'s table mode: every learner x dataset x transform of the lists (evaluateLists.ts)
// as one cell (evaluateCell.ts), in the order dataset, transform, learner. Every cell is checked
// before the first one runs; then they run one after another (one line of progress each, on
// stderr), and one vsml-evaluation-table file holds them all, with the cumulative accuracy at the
// --at steps and the crossings (src/model/formats/evaluationTable.ts). prepareTable and
// runPreparedTable are the two halves `vsml table` (table.ts) shares.
import {
  crossingsOf,
  serialiseEvaluationTable,
  type EvaluationTable,
  type EvaluationTableRow,
} from '../model/formats/evaluationTable';
import { errorLine, formatFieldError } from '../model/result';
import type { FlagValues } from './args';
import { badInput, runtimeFailure, success, type CommandIo, type Outcome } from './command';
import { NAME, prepareCell, runCell, type CellOptions, type PreparedCell, type SourceCache } from './evaluateCell';
import { learnerKindName, loadLearner, type LearnerChoice } from './evaluateLearner';
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

/** A transform error of one cell, said of its --transforms item when the command gave a list. */
function itemLine(line: string, transform: string, listed: boolean): string {
  const prefix = `${NAME}: --transform: `;
  return listed && line.startsWith(prefix)
    ? `${NAME}: --transforms: item ${JSON.stringify(transform)}: ${line.slice(prefix.length)}`
    : line;
}

/** Every cell of a table, checked: nothing left to refuse. */
export interface PreparedTable {
  readonly learners: readonly LearnerChoice[];
  readonly cells: readonly PreparedCell[];
}

type Refused = { readonly ok: false; readonly outcome: Outcome };

/** Load every learner and check every cell (data flags, data set, shape, memory) before anything runs. */
export async function prepareTable(
  flags: FlagValues,
  req: TableRequest,
  opts: CellOptions,
): Promise<{ ok: true; value: PreparedTable } | Refused> {
  const refuse = (line: string): Refused => ({ ok: false, outcome: badInput(line) });
  const fileFlags = checkFileFlags(flags, req.datasets);
  if (fileFlags) return refuse(`${NAME}: ${fileFlags}`);
  const loaded: LearnerChoice[] = [];
  for (const text of req.learners) {
    const l = await loadLearner(text);
    if (!l.ok) return refuse(`${NAME}: --learner: ${l.line}`);
    loaded.push(l.value);
  }
  const listed = flags.has('transforms');
  const cache: SourceCache = new Map();
  const cells: PreparedCell[] = [];
  for (const dataset of req.datasets) {
    for (const transform of req.transforms) {
      const cf = cellFlags(flags, dataset, transform);
      if (!cf.ok) return refuse(`${NAME}: ${formatFieldError(cf.error)}`);
      for (let i = 0; i < loaded.length; i++) {
        const cell = await prepareCell(req.learners[i], loaded[i], cf.value, opts, cache);
        if (!cell.ok) return refuse(itemLine(cell.line, transform, listed));
        cells.push(cell.value);
      }
    }
  }
  return { ok: true, value: { learners: loaded, cells } };
}

/**
 * Run the prepared cells one after another (a line of progress each) into one table; the seconds are the cells' own.
 */
export async function runPreparedTable(
  prepared: PreparedTable,
  opts: CellOptions,
  io: CommandIo,
  listed = false,
): Promise<{ ok: true; value: { table: EvaluationTable; seconds: number } } | Refused> {
  const { cells } = prepared;
  const rows: EvaluationTableRow[] = [];
  let seconds = 0;
  for (const [i, cell] of cells.entries()) {
    const r = await runCell(cell, opts);
    if (!r.ok)
      return {
        ok: false,
        outcome: r.runtime ? runtimeFailure(r.line) : badInput(itemLine(r.line, cell.data.transform, listed)),
      };
    rows.push({ evaluation: r.value.evaluation, at: r.value.at });
    seconds += r.value.seconds;
    const e = r.value.evaluation;
    io.progress?.write(
      `evaluate: cell ${i + 1}/${cells.length}: ${e.learner} on ${r.value.taskName} (A=${r.value.inputSize}, K=${r.value.numClasses}) in ${r.value.seconds.toFixed(1)} s\n`,
    );
  }
  return { ok: true, value: { table: { at: opts.at, rows, crossings: crossingsOf(rows) }, seconds } };
}

/** Write the table file atomically; a failure as its outcome. */
export async function writeTable(out: string, table: EvaluationTable): Promise<Outcome | null> {
  try {
    await writeFileAtomic(out, serialiseEvaluationTable(table));
    return null;
  } catch (e) {
    return runtimeFailure(`${NAME}: cannot write ${out}: ${errorLine(e)}`);
  }
}

export async function runTable(
  flags: FlagValues,
  req: TableRequest,
  opts: CellOptions,
  io: CommandIo,
): Promise<Outcome> {
  const prepared = await prepareTable(flags, req, opts);
  if (!prepared.ok) return prepared.outcome;
  const ran = await runPreparedTable(prepared.value, opts, io, flags.has('transforms'));
  if (!ran.ok) return ran.outcome;
  const { table, seconds } = ran.value;
  const failed = await writeTable(req.out, table);
  if (failed) return failed;
  formatEvaluationTable(table).forEach((l) => io.info(l));
  table.rows.forEach((r) => formatShowings(r.evaluation).forEach((l) => io.info(l)));
  formatCrossings(table, (row) => learnerKindName(prepared.value.cells[row].learner)).forEach((l) => io.info(l));
  io.info(
    `evaluate: ${prepared.value.cells.length} cells (${req.learners.length} learners x ${req.datasets.length} datasets x ${req.transforms.length} transforms), ${opts.runs} runs x ${opts.steps} steps each, in ${seconds.toFixed(1)} s -> ${req.out}`,
  );
  return success;
}
