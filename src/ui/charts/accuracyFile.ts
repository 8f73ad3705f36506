// The accuracy curves as files: CSV for spreadsheets, JSON with the {format, version} envelope; on
// the association stream also the first- and second-showing accuracies (in the JSON, and as their own
// CSV: showingsCsv). Pure (no DOM); export.ts turns the text into downloads.

import type { AccuracyExport } from '../../worker/session/contract';

/**
 * The curves of one session as the worker exports them (sessionApi.ts): mean and std over `runs` runs after each
 * example.
 */
export type { AccuracyExport };

export const ACCURACY_FORMAT = 'vsml-accuracy';
/** 2: `every` (examples between points; 1 unless the session ran past 32768 examples). */
export const ACCURACY_VERSION = 2;

/** A number with at most 6 significant digits in its shortest form ("0.333333", "1", "1e-7"); NaN/±Infinity: null. */
export function sixDigits(v: number): number | null {
  return Number.isFinite(v) ? Number(v.toPrecision(6)) : null;
}

function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csvNumber(v: number | undefined): string {
  const r = v === undefined ? null : sixDigits(v);
  return r === null ? '' : String(r);
}

/**
 * CSV text: a header `examples,<name>_mean,<name>_std,...` (learners in their object order), then one
 * row per point: examples every, 2 every, ... up to `examples` (every example while every = 1); numbers
 * with up to 6 significant digits, a missing or non-finite value as an empty field. Lines end with "\n".
 */
export function accuracyCsv(exported: AccuracyExport): string {
  const names = Object.keys(exported.learners);
  const lines = [['examples', ...names.flatMap((n) => [`${n}_mean`, `${n}_std`])].map(csvField).join(',')];
  const points = Math.floor(exported.examples / exported.every);
  for (let i = 0; i < points; i++) {
    const row = [String((i + 1) * exported.every)];
    for (const n of names) {
      const { mean, std } = exported.learners[n];
      row.push(csvNumber(i < mean.length ? mean[i] : undefined), csvNumber(i < std.length ? std[i] : undefined));
    }
    lines.push(row.join(','));
  }
  return lines.join('\n') + '\n';
}

/**
 * CSV text of the association stream's showings: a header
 * `learner,first_mean,first_std,first_count,second_mean,second_std,second_count`, one row per learner
 * (exact doubles; an empty field for a showing no run has had, or a std of one run); '' on the i.i.d. stream.
 */
export function showingsCsv(exported: AccuracyExport): string {
  const a = exported.association;
  if (!a) return '';
  const cells = (x: { mean: number; std: number | null; count: number } | null) =>
    x ? [String(x.mean), x.std === null ? '' : String(x.std), String(x.count)] : ['', '', '0'];
  const lines = ['learner,first_mean,first_std,first_count,second_mean,second_std,second_count'];
  for (const [name, s] of Object.entries(a.showings))
    lines.push([csvField(name), ...cells(s.first), ...cells(s.second)].join(','));
  return lines.join('\n') + '\n';
}

/**
 * JSON text:
 * `{"format":"vsml-accuracy","version":2,"taskName",...,"examples","every","runs","seed","learners":{name:{mean:[],std:[]}}}`
 * (point i after (i + 1) * every examples), the arrays with up to 6 significant digits (non-finite as null);
 * on the association stream also
 * `"association":{"order","fresh","showings":{name:{"first":{mean,std,count}|null,"second":...}}}` (exact doubles).
 */
export function accuracyJson(exported: AccuracyExport): string {
  const learners: Record<string, { mean: (number | null)[]; std: (number | null)[] }> = {};
  for (const [name, curve] of Object.entries(exported.learners)) {
    learners[name] = { mean: Array.from(curve.mean, sixDigits), std: Array.from(curve.std, sixDigits) };
  }
  return JSON.stringify({
    format: ACCURACY_FORMAT,
    version: ACCURACY_VERSION,
    taskName: exported.taskName,
    examples: exported.examples,
    every: exported.every,
    runs: exported.runs,
    seed: exported.seed,
    learners,
    ...(exported.association ? { association: exported.association } : {}),
  });
}
