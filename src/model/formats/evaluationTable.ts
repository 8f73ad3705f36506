// The evaluation table file: several vsml-evaluation documents from one `vsml evaluate` command
// (learners x datasets x transforms), the cumulative accuracy of each at chosen steps, and where each
// baseline's mean curve overtakes each learner file's, VSML or learned (docs/EVALUATION.md, table mode).
//   {"format":"vsml-evaluation-table","version":1,"at":[s1,s2,...],
//    "rows":[{"evaluation":{vsml-evaluation},"at":[{"mean":m,"std":s|null}, one per step of "at"]}],
//    "crossings":[{"reference":i,"baseline":j,"firstAbove":t|null,"staysAbove":t|null}]}
// rows[i].at[k] = acc_r(at[k]) over runs (mean and sample std; the mean equals the row's curve at
// at[k] - 1). A crossing compares two rows of the same dataset, split, transform and steps: the VSML
// learner (reference) and a baseline, on their mean curves c (c[t-1] = mean over runs of acc_r(t)):
//   firstAbove = the first t with c_baseline(t) > c_reference(t);
//   staysAbove = the first t with c_baseline(u) > c_reference(u) for every u in [t, T]
// (null when there is none). Parsed crossings must equal what the rows' curves give.
import { isBaselineName } from '../baselines/kinds';
import type { Result } from '../result';
import { parseEvaluation, evaluationToJson, type Evaluation, type MeanStd } from './evaluation';
import {
  checkKeys,
  failAt,
  fieldPath,
  indexPath,
  parseWith,
  readArray,
  readArrayOf,
  readInt,
  readObject,
  show,
  stringifyDoc,
} from './json';
import { envelope, restore, type FormatSpec } from './restore';

export const EVALUATION_TABLE_FORMAT: FormatSpec = { format: 'vsml-evaluation-table', version: 1 };

/** Consistency between the at-values and the curves: both are means of the same numbers. */
const TOLERANCE = 1e-9;
const MAX_ROWS = 10_000;
const MAX_AT = 1000;

export interface EvaluationTableRow {
  readonly evaluation: Evaluation;
  /** acc_r(s) over runs, one per step s of the table's `at`. */
  readonly at: readonly MeanStd[];
}

/** Where a baseline's mean curve overtakes a learner file's (VSML or learned; 1-based steps; null: never). */
export interface Crossing {
  /** Row index of the learner file (VSML or learned). */
  readonly reference: number;
  /** Row index of the baseline. */
  readonly baseline: number;
  readonly firstAbove: number | null;
  readonly staysAbove: number | null;
}

export interface EvaluationTable {
  /** Steps (1-based, increasing) at which every row gives its cumulative accuracy. */
  readonly at: readonly number[];
  readonly rows: readonly EvaluationTableRow[];
  readonly crossings: readonly Crossing[];
}

/** Where curve `baseline` overtakes curve `reference` (equal lengths; see the header). */
export function crossingOf(
  reference: ArrayLike<number>,
  baseline: ArrayLike<number>,
): Pick<Crossing, 'firstAbove' | 'staysAbove'> {
  if (reference.length !== baseline.length)
    throw new Error(`crossingOf: curves of ${reference.length} and ${baseline.length} steps`);
  const T = reference.length;
  let firstAbove: number | null = null;
  for (let t = 0; t < T && firstAbove === null; t++) if (baseline[t] > reference[t]) firstAbove = t + 1;
  let from = T;
  while (from > 0 && baseline[from - 1] > reference[from - 1]) from--;
  return { firstAbove, staysAbove: from === T ? null : from + 1 };
}

/** The rows' group: rows compared by a crossing share it. */
const groupOf = (e: Evaluation): string => JSON.stringify([e.dataset, e.split ?? null, e.transform ?? null, e.steps]);

/**
 * Every crossing of the rows: each learner-file row (VSML or learned) against each baseline row of its group, in row
 * order.
 */
export function crossingsOf(rows: readonly EvaluationTableRow[]): Crossing[] {
  const out: Crossing[] = [];
  rows.forEach((ref, i) => {
    if (isBaselineName(ref.evaluation.learner)) return;
    rows.forEach((base, j) => {
      if (!isBaselineName(base.evaluation.learner) || groupOf(base.evaluation) !== groupOf(ref.evaluation)) return;
      out.push({ reference: i, baseline: j, ...crossingOf(ref.evaluation.curve, base.evaluation.curve) });
    });
  });
  return out;
}

function readAtSteps(v: unknown): number[] {
  const arr = readArray(v, 'at');
  if (arr.length > MAX_AT) failAt('range', 'at', `must hold at most ${MAX_AT} steps, got ${arr.length}`);
  const steps = arr.map((s, k) => readInt(s, indexPath('at', k), 1, Number.MAX_SAFE_INTEGER));
  steps.forEach((s, k) => {
    if (k > 0 && s <= steps[k - 1])
      failAt('range', indexPath('at', k), `must be above at[${k - 1}] (${steps[k - 1]}), got ${s}`);
  });
  return steps;
}

function readFraction(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1)
    failAt('range', path, `must be a number in [0, 1], got ${show(v)}`);
  return v;
}

function readAtValue(v: unknown, path: string, e: Evaluation, step: number): MeanStd {
  const o = readObject(v, path);
  checkKeys(o, path, ['mean', 'std']);
  const mean = readFraction(o.mean, fieldPath(path, 'mean'));
  if (Math.abs(mean - e.curve[step - 1]) > TOLERANCE)
    failAt(
      'mismatch',
      fieldPath(path, 'mean'),
      `must equal evaluation.curve[${step - 1}] (${e.curve[step - 1]}), got ${mean}`,
    );
  const stdPath = fieldPath(path, 'std');
  if (e.runs === 1) {
    if (o.std !== null) failAt('range', stdPath, `must be null for a single run, got ${show(o.std)}`);
    return { mean, std: null };
  }
  return { mean, std: readFraction(o.std, stdPath) };
}

function readRow(v: unknown, path: string, at: readonly number[]): EvaluationTableRow {
  const o = readObject(v, path);
  checkKeys(o, path, ['evaluation', 'at']);
  const parsed = parseEvaluation(o.evaluation);
  const evPath = fieldPath(path, 'evaluation');
  if (!parsed.ok)
    failAt(
      parsed.error.code,
      parsed.error.field ? fieldPath(evPath, parsed.error.field) : evPath,
      parsed.error.message,
    );
  const evaluation = parsed.value;
  const last = at[at.length - 1];
  if (last !== undefined && last > evaluation.steps)
    failAt('range', 'at', `step ${last} is beyond ${path}'s ${evaluation.steps} steps`);
  const values = readArrayOf(o.at, fieldPath(path, 'at'), at.length, 'values (one per step of "at")');
  return {
    evaluation,
    at: values.map((x, k) => readAtValue(x, indexPath(fieldPath(path, 'at'), k), evaluation, at[k])),
  };
}

function readStep(v: unknown, path: string, steps: number): number | null {
  return v === null ? null : readInt(v, path, 1, steps);
}

function readCrossings(v: unknown, rows: readonly EvaluationTableRow[]): Crossing[] {
  const arr = readArray(v, 'crossings');
  const expected = crossingsOf(rows);
  if (arr.length !== expected.length)
    failAt(
      'mismatch',
      'crossings',
      `the rows give ${expected.length} crossings (each VSML row against each baseline row of its dataset, split, transform and steps), got ${arr.length}`,
    );
  return arr.map((c, k) => {
    const path = indexPath('crossings', k);
    const o = readObject(c, path);
    checkKeys(o, path, ['reference', 'baseline', 'firstAbove', 'staysAbove']);
    const reference = readInt(o.reference, fieldPath(path, 'reference'), 0, rows.length - 1);
    const baseline = readInt(o.baseline, fieldPath(path, 'baseline'), 0, rows.length - 1);
    const steps = rows[reference].evaluation.steps;
    const got: Crossing = {
      reference,
      baseline,
      firstAbove: readStep(o.firstAbove, fieldPath(path, 'firstAbove'), steps),
      staysAbove: readStep(o.staysAbove, fieldPath(path, 'staysAbove'), steps),
    };
    const want = expected[k];
    for (const key of ['reference', 'baseline', 'firstAbove', 'staysAbove'] as const) {
      if (got[key] !== want[key])
        failAt('mismatch', fieldPath(path, key), `the rows' curves give ${want[key]}, got ${got[key]}`);
    }
    return got;
  });
}

export function parseEvaluationTable(raw: unknown): Result<EvaluationTable> {
  return parseWith(() => {
    const doc = restore(raw, EVALUATION_TABLE_FORMAT);
    checkKeys(doc, '', ['format', 'version', 'at', 'rows', 'crossings']);
    const at = readAtSteps(doc.at);
    const rowsArr = readArray(doc.rows, 'rows');
    if (rowsArr.length < 1 || rowsArr.length > MAX_ROWS)
      failAt('range', 'rows', `must hold 1 to ${MAX_ROWS} rows, got ${rowsArr.length}`);
    const rows = rowsArr.map((r, i) => readRow(r, indexPath('rows', i), at));
    return { at, rows, crossings: readCrossings(doc.crossings, rows) };
  });
}

export function evaluationTableToJson(t: EvaluationTable): Record<string, unknown> {
  return {
    ...envelope(EVALUATION_TABLE_FORMAT),
    at: [...t.at],
    rows: t.rows.map((r) => ({
      evaluation: evaluationToJson(r.evaluation),
      at: r.at.map((m) => ({ mean: m.mean, std: m.std })),
    })),
    crossings: t.crossings.map((c) => ({ ...c })),
  };
}

export const serialiseEvaluationTable = (t: EvaluationTable): string => `${stringifyDoc(evaluationTableToJson(t))}\n`;
