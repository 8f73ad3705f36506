// Which datasets a learner saw in meta-training, for `vsml table`'s ✱ marks (a dataset the learner
// never saw). Neither learner file format has a field for it (vsml-learner, vsml-meta-rnn/-hebbian/
// -fw-memory), so the record is looked for, in this order:
//   1. --seen LEARNER=ds1,ds2;LEARNER2=...: what the command says (LEARNER= alone: saw nothing);
//   2. a baseline (sgd, adam, sgd-deep, adam-deep) is not meta-trained: it saw nothing;
//   3. the run folder: `checkpoint.json` beside the file, when it is a vsml-checkpoint whose learner
//      has the file's format (what `vsml meta-train --out DIR` leaves beside DIR/learner.json), else
//      a vsml-meta-config `config.json` beside it: the config's tasks.datasets;
//   4. the model card `NAME.md` beside `NAME.learner.json` (or `NAME.json`): the vsml-meta-config
//      files it links (public/learners/vsml-mnist.md links the configs of both its stages);
//   5. none of these: no record; the cells are marked "?", not guessed.
// A record's `init` (the learner meta-training started from, a path relative to the record's
// folder) adds what that learner saw, by rules 3-5, recursively; an init with no record makes the
// whole record unknown. Datasets are compared by what they hold: mnist (the built-in digits) and
// mnist-idx (the IDX files) are both MNIST.
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { DATASET_NAMES } from '../data/registry';
import { readDatasetRef } from '../meta/datasetRef';
import { failAt, parseWith, readObject, show } from '../model/formats/json';
import { LEARNED_FORMATS } from '../model/learners/kinds';
import { fail, formatFieldError, ok, type Result } from '../model/result';
import type { LearnerChoice } from './evaluateLearner';
import { readJsonFile, readTextFile } from './io';

/** What a learner saw in meta-training: dataset names (by sameDataset), or null when no record was found. */
export interface SeenRecord {
  readonly datasets: readonly string[] | null;
  /** Where the answer came from, for the legend: "--seen", "a baseline", the record files. */
  readonly source: string;
}

/** The names --dataset accepts for MNIST's images, as one. */
const FAMILY: Readonly<Record<string, string>> = { 'mnist-idx': 'mnist', idx: 'mnist' };
export const sameDataset = (a: string, b: string): boolean => (FAMILY[a] ?? a) === (FAMILY[b] ?? b);

/** Whether `dataset` (a --datasets item) is one the record says the learner never saw; null: no record. */
export const neverSeen = (r: SeenRecord, dataset: string): boolean | null =>
  r.datasets === null ? null : !r.datasets.some((d) => sameDataset(d, dataset));

/** --seen: LEARNER=ds1,ds2 items joined by ';', each LEARNER one of --learners, each dataset a known name. */
export function parseSeen(text: string, learners: readonly string[]): Result<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const item of text.split(';')) {
    const eq = item.lastIndexOf('=');
    const name = item.slice(0, eq).trim();
    if (eq < 0 || name === '')
      return fail('usage', '--seen', `item ${JSON.stringify(item)} must be LEARNER=DATASET,... (LEARNER= for none)`);
    if (!learners.includes(name))
      return fail('usage', '--seen', `${JSON.stringify(name)} is not one of --learners (${learners.join(', ')})`);
    if (out.has(name)) return fail('usage', '--seen', `${name} is given twice`);
    const list = item.slice(eq + 1).trim();
    const datasets = list === '' ? [] : list.split(',').map((d) => d.trim());
    const bad = datasets.find((d) => !(DATASET_NAMES as readonly string[]).includes(d));
    if (bad !== undefined)
      return fail(
        'usage',
        '--seen',
        `${name}: unknown dataset ${JSON.stringify(bad)} (known: ${DATASET_NAMES.join(', ')})`,
      );
    out.set(name, datasets);
  }
  return ok(out);
}

type Found = Result<{ datasets: string[] | null; files: string[] } | null>;

/** A meta config object's tasks.datasets and init (resolved against `dir`); errors name `file` and the field. */
function readConfig(
  config: unknown,
  path: string,
  file: string,
  dir: string,
): Result<{ datasets: string[]; init: string | null }> {
  const r = parseWith(() => {
    const c = readObject(config, path.replace(/\.$/, ''));
    const list = readObject(c.tasks, `${path}tasks`).datasets;
    if (!Array.isArray(list)) failAt('type', `${path}tasks.datasets`, `must be a list of datasets, got ${show(list)}`);
    return {
      datasets: list.map((d, i) => readDatasetRef(d, `${path}tasks.datasets[${i}]`).name as string),
      init: typeof c.init === 'string' ? resolve(dir, c.init) : null,
    };
  });
  return r.ok ? r : fail(r.error.code, `${file}: ${r.error.field}`, r.error.message);
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Rules 3 and 4 for the learner file at `path` (format `format`), with its init chain. */
async function fileRecord(path: string, format: string, depth: number): Promise<Found> {
  if (depth > 8) return fail('init', path, 'init chains more than 8 learners deep');
  const dir = dirname(path);
  const configs: { config: unknown; at: string; file: string }[] = [];
  const checkpoint = join(dir, 'checkpoint.json');
  const cp = await readJsonFile(checkpoint);
  if (
    cp.ok &&
    isObject(cp.value) &&
    cp.value.format === 'vsml-checkpoint' &&
    isObject(cp.value.learner) &&
    cp.value.learner.format === format
  ) {
    configs.push({ config: cp.value.config, at: 'config.', file: checkpoint });
  }
  if (configs.length === 0) {
    const cf = join(dir, 'config.json');
    const c = await readJsonFile(cf);
    if (c.ok && isObject(c.value) && c.value.format === 'vsml-meta-config')
      configs.push({ config: c.value, at: '', file: cf });
  }
  if (configs.length === 0) {
    const stem = basename(path).replace(/(\.learner)?\.json$/, '');
    const card = join(dir, `${stem}.md`);
    const text = await readTextFile(card);
    if (text.ok) {
      for (const m of text.value.matchAll(/\]\(([^)#\s]+\.json)\)/g)) {
        const file = resolve(dir, m[1]);
        const c = await readJsonFile(file);
        if (c.ok && isObject(c.value) && c.value.format === 'vsml-meta-config' && !configs.some((x) => x.file === file))
          configs.push({ config: c.value, at: '', file });
      }
      if (configs.length > 0) configs.unshift({ config: null, at: '', file: card });
    }
  }
  const records = configs.filter((c) => c.config !== null);
  if (records.length === 0) return ok(null);
  const datasets = new Set<string>();
  const files = configs.map((c) => c.file);
  for (const c of records) {
    const r = readConfig(c.config, c.at, c.file, dirname(c.file));
    if (!r.ok) return r;
    r.value.datasets.forEach((d) => datasets.add(d));
    if (r.value.init === null) continue;
    const initRaw = await readJsonFile(r.value.init);
    if (!initRaw.ok)
      return fail(initRaw.error.code, `${c.file}: ${c.at}init`, `${r.value.init}: ${formatFieldError(initRaw.error)}`);
    const initFormat = isObject(initRaw.value) ? String(initRaw.value.format) : '';
    const inner = await fileRecord(r.value.init, initFormat, depth + 1);
    if (!inner.ok) return inner;
    if (inner.value === null || inner.value.datasets === null)
      return ok({ datasets: null, files: [...files, `${r.value.init} (no record)`] });
    inner.value.datasets.forEach((d) => datasets.add(d));
    files.push(...inner.value.files);
  }
  return ok({ datasets: [...datasets], files });
}

/** The record of one --learners item (rules 1-5). */
export async function seenOf(
  text: string,
  choice: LearnerChoice,
  given: ReadonlyMap<string, readonly string[]>,
): Promise<Result<SeenRecord>> {
  const stated = given.get(text);
  if (stated) return ok({ datasets: stated, source: '--seen' });
  if (choice.kind === 'baseline') return ok({ datasets: [], source: 'a baseline, not meta-trained' });
  const format = choice.kind === 'vsml' ? 'vsml-learner' : LEARNED_FORMATS[choice.learner.kind];
  const r = await fileRecord(choice.path, format, 0);
  if (!r.ok) return r;
  if (r.value === null)
    return ok({ datasets: null, source: 'no checkpoint.json, config.json or model card beside it; give --seen' });
  const shown = r.value.files.map((f) => {
    const rel = relative(process.cwd(), f);
    return rel.startsWith('..') || isAbsolute(rel) ? f : rel;
  });
  return ok({ datasets: r.value.datasets, source: [...new Set(shown)].join(', ') });
}
