// The vsml-meta-config file: validation with field paths, presets as overlays, and the full JSON
// form (every field written out, as in checkpoints).
//   {"format":"vsml-meta-config","version":1,"preset"?:NAME, <any MetaConfig field> ...}
import { DATASETS } from '../data/registry';
import { parseConfig, type VsmlConfig } from '../model/config';
import {
  checkKeys,
  failAt,
  fieldPath,
  indexPath,
  parseWith,
  readArray,
  readBoolean,
  readObject,
  show,
  unwrap,
} from '../model/formats/json';
import { configToJson } from '../model/formats/learner';
import { SEP_CMA_MIN_PAIRS } from '../model/es/sepCma';
import { envelope, restore, type FormatSpec } from '../model/formats/restore';
import type { Result } from '../model/result';
import { datasetRefToJson, mapRefFiles, readDatasetRef, type DatasetRef } from './datasetRef';
import {
  DEFAULT_HELD_OUT,
  DEFAULT_META_CONFIG,
  EVALUATION_PROPS,
  MAX_SIDE,
  META_PROPS,
  TASK_PROPS,
  type EvaluationConfig,
  type HeldOutSpec,
  type MetaConfig,
  type MetaProp,
  type TaskAxes,
} from './metaConfig';
import { checkLearnedConfig, learnerChoiceToJson, readLearnerChoice } from './learnerChoice';
import { isPresetName, PRESET_NAMES, PRESETS } from './presets';

export const META_CONFIG_FORMAT: FormatSpec = { format: 'vsml-meta-config', version: 1 };

type Raw = Record<string, unknown>;

const propNamed = (table: readonly MetaProp[], name: string): MetaProp =>
  table.find((p) => p.name === name) as MetaProp;
const SPLIT_PROP = propNamed(TASK_PROPS, 'split');
const SEED_PROP = propNamed(META_PROPS, 'seed');

const range = (p: MetaProp): string => `${p.minExclusive ? '(' : '['}${p.min}, ${p.max}${p.maxExclusive ? ')' : ']'}`;

function readProp(p: MetaProp, v: unknown, path: string): number | string {
  if (p.kind === 'choice') {
    if (typeof v !== 'string' || !p.choices?.includes(v))
      failAt('range', path, `must be one of ${p.choices?.join(', ')}, got ${show(v)}`);
    return v;
  }
  const what = p.kind === 'int' ? 'an integer' : 'a number';
  if (typeof v !== 'number' || !Number.isFinite(v))
    failAt('type', path, `must be ${what} in ${range(p)}, got ${show(v)}`);
  const low = p.min === undefined || (p.minExclusive ? v > p.min : v >= p.min);
  const high = p.max === undefined || (p.maxExclusive ? v < p.max : v <= p.max);
  if ((p.kind === 'int' && !Number.isInteger(v)) || !low || !high)
    failAt('range', path, `must be ${what} in ${range(p)}, got ${show(v)}`);
  return v;
}

/** The props of `table` from `raw` (a field that is absent takes `defaults`' value). */
function readProps<T>(table: readonly MetaProp[], raw: Raw, path: string, defaults: T): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of table) {
    const v = raw[p.name];
    out[p.name] =
      v === undefined ? (defaults as Record<string, unknown>)[p.name] : readProp(p, v, fieldPath(path, p.name));
  }
  return out;
}

function readNonEmpty(v: unknown, path: string): unknown[] {
  const a = readArray(v, path);
  if (a.length === 0) failAt('shape', path, 'must list at least one entry');
  return a;
}

function readSide(v: unknown, path: string): number | null {
  if (v === null) return null;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > MAX_SIDE)
    failAt('range', path, `must be null or an integer in [1, ${MAX_SIDE}], got ${show(v)}`);
  return v;
}

/** A class subset: at least 2 distinct classes, each below every dataset's class count. */
function readClasses(v: unknown, path: string, datasets: readonly DatasetRef[]): readonly number[] | null {
  if (v === null) return null;
  const a = readArray(v, path);
  if (a.length < 2) failAt('shape', path, `must list at least 2 classes, got ${a.length}`);
  const seen = new Set<number>();
  a.forEach((c, i) => {
    const at = indexPath(path, i);
    if (typeof c !== 'number' || !Number.isInteger(c) || c < 0)
      failAt('range', at, `must be a class index (an integer >= 0), got ${show(c)}`);
    if (seen.has(c)) failAt('range', at, `class ${c} is listed twice`);
    seen.add(c);
    for (const d of datasets) {
      const info = DATASETS[d.name];
      if (info.kind === 'synthetic' && info.name === 'sum-sign')
        failAt('range', path, `${d.name} is generated; class subsets need a dataset of examples`);
      if (info.numClasses !== null && c >= info.numClasses)
        failAt('range', at, `class ${c} is not in [0, ${info.numClasses}) for ${d.name}`);
    }
  });
  return Object.freeze([...(a as number[])]);
}

function readTasks(v: unknown, path: string, defaults: TaskAxes): TaskAxes {
  const raw = readObject(v, path);
  checkKeys(raw, path, [], ['datasets', 'project', 'resize', 'classes', ...TASK_PROPS.map((p) => p.name)]);
  const datasets =
    raw.datasets === undefined
      ? defaults.datasets
      : readNonEmpty(raw.datasets, fieldPath(path, 'datasets')).map((d, i) =>
          readDatasetRef(d, indexPath(fieldPath(path, 'datasets'), i)),
        );
  const list = <T>(key: string, read: (e: unknown, at: string) => T, fallback: readonly T[]): readonly T[] =>
    raw[key] === undefined
      ? fallback
      : readNonEmpty(raw[key], fieldPath(path, key)).map((e, i) => read(e, indexPath(fieldPath(path, key), i)));
  const project = list('project', readBoolean, defaults.project);
  const resize = list('resize', readSide, defaults.resize);
  const classes = list('classes', (e, at) => readClasses(e, at, datasets), defaults.classes);
  return {
    datasets,
    project,
    resize,
    classes,
    ...(readProps(TASK_PROPS, raw, path, defaults) as Pick<TaskAxes, 'copies' | 'assign' | 'projection' | 'split'>),
  };
}

const describeHeldOut = (d: Omit<HeldOutSpec, 'name'>): string => {
  const parts = [
    d.resize !== null ? `${d.resize}x${d.resize}` : '',
    d.classes ? `classes ${d.classes.join('.')}` : '',
    d.project ? 'projected' : '',
  ].filter(Boolean);
  return `${d.dataset.name}/${d.split}${parts.length ? ` ${parts.join(' ')}` : ''}`;
};

function readHeldOut(v: unknown, path: string): HeldOutSpec {
  const raw = readObject(v, path);
  checkKeys(raw, path, ['dataset'], ['name', 'split', 'resize', 'project', 'classes', 'taskSeed']);
  const dataset = readDatasetRef(raw.dataset, fieldPath(path, 'dataset'));
  const split =
    raw.split === undefined ? DEFAULT_HELD_OUT.split : readProp(SPLIT_PROP, raw.split, fieldPath(path, 'split'));
  const spec = {
    dataset,
    split: split as HeldOutSpec['split'],
    resize: raw.resize === undefined ? null : readSide(raw.resize, fieldPath(path, 'resize')),
    project: raw.project === undefined ? false : readBoolean(raw.project, fieldPath(path, 'project')),
    classes: raw.classes === undefined ? null : readClasses(raw.classes, fieldPath(path, 'classes'), [dataset]),
    taskSeed:
      raw.taskSeed === undefined ? null : (readProp(SEED_PROP, raw.taskSeed, fieldPath(path, 'taskSeed')) as number),
  };
  if (raw.name !== undefined && (typeof raw.name !== 'string' || raw.name === ''))
    failAt('type', fieldPath(path, 'name'), `must be a non-empty string, got ${show(raw.name)}`);
  return { name: (raw.name as string | undefined) ?? describeHeldOut(spec), ...spec };
}

function readEvaluation(v: unknown, path: string, defaults: EvaluationConfig): EvaluationConfig {
  const raw = readObject(v, path);
  checkKeys(raw, path, [], ['datasets', ...EVALUATION_PROPS.map((p) => p.name)]);
  const datasets =
    raw.datasets === undefined
      ? defaults.datasets
      : readArray(raw.datasets, fieldPath(path, 'datasets')).map((d, i) =>
          readHeldOut(d, indexPath(fieldPath(path, 'datasets'), i)),
        );
  const names = new Set<string>();
  datasets.forEach((d, i) => {
    if (names.has(d.name))
      failAt(
        'range',
        indexPath(fieldPath(path, 'datasets'), i),
        `two evaluations are named ${JSON.stringify(d.name)}; give one a "name"`,
      );
    names.add(d.name);
  });
  return { ...(readProps(EVALUATION_PROPS, raw, path, defaults) as Omit<EvaluationConfig, 'datasets'>), datasets };
}

const OBJECT_FIELDS = ['tasks', 'evaluation', 'model'];

/** A preset overlaid by a document's fields: tasks, evaluation and model merge one level deep. */
function overlay(base: Raw, top: Raw): Raw {
  const out: Raw = { ...base };
  for (const [k, v] of Object.entries(top)) {
    const b = base[k];
    const isObj = (x: unknown): x is Raw => x !== null && typeof x === 'object' && !Array.isArray(x);
    out[k] = OBJECT_FIELDS.includes(k) && isObj(b) && isObj(v) ? { ...b, ...v } : v;
  }
  return out;
}

/** Minimum state size of clone-backprop: w and b in c[0], c[1], and room to compute. */
export const CLONE_MIN_STATE = 4;

/** A clone-backprop config's rules (backpropRule.ts: what the cell holds, reads and sends). */
function checkCloneBackprop(
  scalars: Pick<MetaConfig, 'objective' | 'steps' | 'cloneDeepFrom' | 'fitnessShaping'>,
  model: VsmlConfig,
): void {
  if (!model.backwardPass)
    failAt(
      'range',
      'model.backwardPass',
      'clone-backprop clones backprop, whose error reaches every layer in the same example: must be true',
    );
  if (model.stateSize < CLONE_MIN_STATE)
    failAt(
      'range',
      'model.stateSize',
      `clone-backprop keeps w and b in c[0] and c[1] and needs room to compute: at least ${CLONE_MIN_STATE}, got ${model.stateSize}`,
    );
  if (model.outputIndex !== 0)
    failAt(
      'range',
      'model.outputIndex',
      `clone-backprop sends the pre-activation in forward dim 0, which the next layer and the readout read: must be 0, got ${model.outputIndex}`,
    );
  if (model.feedLabel) failAt('range', 'model.feedLabel', "clone-backprop's cells read the error only: must be false");
  if (scalars.objective !== 'meta-loss')
    failAt(
      'range',
      'objective',
      'clone-backprop regresses one tick on random data: leave objective "meta-loss" (the held-out evaluations report it)',
    );
  if (scalars.fitnessShaping !== 'none')
    failAt('range', 'fitnessShaping', 'clone-backprop has no fitness to shape: must be "none"');
  if (model.hiddenSizes.length > 0 && (scalars.cloneDeepFrom < 1 || scalars.cloneDeepFrom >= scalars.steps)) {
    failAt(
      'range',
      'cloneDeepFrom',
      `model.hiddenSizes has a hidden layer: clone-backprop needs the deep curriculum, a step in [1, steps = ${scalars.steps}) from which hidden-layer data joins, got ${scalars.cloneDeepFrom}`,
    );
  }
}

/** The fields of a config (without envelope), validated against the defaults. */
function readBody(raw: Raw): MetaConfig {
  const d = DEFAULT_META_CONFIG;
  const scalars = readProps(META_PROPS, raw, '', d) as Omit<
    MetaConfig,
    'learner' | 'model' | 'tasks' | 'evaluation' | 'init'
  >;
  const learner = raw.learner === undefined ? d.learner : readLearnerChoice(raw.learner);
  checkLearnedConfig({ learner, method: scalars.method, objective: scalars.objective }, raw.model !== undefined);
  const model = raw.model === undefined ? d.model : unwrap(parseConfig(raw.model, 'model'));
  const tasks = raw.tasks === undefined ? d.tasks : readTasks(raw.tasks, 'tasks', d.tasks);
  const evaluation =
    raw.evaluation === undefined ? d.evaluation : readEvaluation(raw.evaluation, 'evaluation', d.evaluation);
  const init = raw.init === undefined || raw.init === null ? null : raw.init;
  if (init !== null && (typeof init !== 'string' || init === '')) {
    failAt(
      'type',
      'init',
      `must be the path of a ${learner.kind === 'vsml' ? 'vsml-learner' : `${learner.kind} learner`} file or null, got ${show(init)}`,
    );
  }
  if (scalars.objective === 'clone-sgd') {
    if (scalars.method !== 'gradient')
      failAt(
        'range',
        'objective',
        'clone-sgd needs "method": "gradient" (the teacher\'s errors are fed in, which engine rollouts cannot do)',
      );
    if (model.hiddenSizes.length > 0)
      failAt('range', 'model.hiddenSizes', 'clone-sgd clones SGD on one linear layer: no hidden layers');
  }
  if (scalars.objective === 'final-loss') {
    if (scalars.method === 'gradient')
      failAt('range', 'objective', 'final-loss is the fitness of engine rollouts: it needs "method": "es" or "cma-es"');
    if (scalars.finalSteps > scalars.trajectoryLength)
      failAt(
        'range',
        'finalSteps',
        `must be at most trajectoryLength (${scalars.trajectoryLength}), got ${scalars.finalSteps}`,
      );
  }
  if (scalars.method === 'clone-backprop') checkCloneBackprop(scalars, model);
  if (scalars.method === 'cma-es') {
    if (scalars.pairs < SEP_CMA_MIN_PAIRS)
      failAt(
        'range',
        'pairs',
        `cma-es needs lambda = 2 * pairs >= 4 candidates: at least ${SEP_CMA_MIN_PAIRS} pairs, got ${scalars.pairs}`,
      );
    if (scalars.clipNorm !== 0) failAt('range', 'clipNorm', 'cma-es has no gradient to clip: must be 0');
    if (scalars.fitnessShaping !== 'none')
      failAt('range', 'fitnessShaping', 'cma-es ranks the candidates itself: must be "none"');
  }
  return { ...scalars, learner, model, tasks, evaluation, init };
}

/** Read a vsml-meta-config document (inside parseWith). */
export function readMetaConfig(raw: unknown): MetaConfig {
  const doc = restore(raw, META_CONFIG_FORMAT);
  const known = ['preset', 'init', 'learner', ...META_PROPS.map((p) => p.name), ...OBJECT_FIELDS];
  checkKeys(doc, '', ['format', 'version'], known);
  const { format: _f, version: _v, preset, ...fields } = doc;
  if (preset !== undefined && !isPresetName(preset))
    failAt('range', 'preset', `unknown preset ${show(preset)} (known: ${PRESET_NAMES.join(', ')})`);
  return readBody(preset === undefined ? fields : overlay(PRESETS[preset].config, fields));
}

export const parseMetaConfig = (raw: unknown): Result<MetaConfig> => parseWith(() => readMetaConfig(raw));

/** A preset alone, as a full config. */
export function presetConfig(name: keyof typeof PRESETS): MetaConfig {
  const r = parseMetaConfig({ ...envelope(META_CONFIG_FORMAT), preset: name });
  if (!r.ok) throw new Error(`preset ${name}: ${r.error.field}: ${r.error.message}`);
  return r.value;
}

function heldOutToJson(h: HeldOutSpec): Raw {
  return {
    name: h.name,
    dataset: datasetRefToJson(h.dataset),
    split: h.split,
    resize: h.resize,
    project: h.project,
    classes: h.classes ? [...h.classes] : null,
    ...(h.taskSeed !== null ? { taskSeed: h.taskSeed } : {}),
  };
}

/**
 * The full document: every field written out (no preset; no model for a learned kind), so it survives changes of the
 * defaults.
 */
export function metaConfigToJson(c: MetaConfig): Raw {
  const t = c.tasks;
  const e = c.evaluation;
  return {
    ...envelope(META_CONFIG_FORMAT),
    ...Object.fromEntries(META_PROPS.map((p) => [p.name, (c as unknown as Raw)[p.name]])),
    learner: learnerChoiceToJson(c.learner),
    init: c.init,
    // A learned kind has no V_M: its full form leaves model out (which its parser requires).
    ...(c.learner.kind === 'vsml' ? { model: configToJson(c.model) } : {}),
    tasks: {
      datasets: t.datasets.map(datasetRefToJson),
      project: [...t.project],
      resize: [...t.resize],
      classes: t.classes.map((k) => (k ? [...k] : null)),
      copies: t.copies,
      assign: t.assign,
      projection: t.projection,
      split: t.split,
    },
    evaluation: { every: e.every, steps: e.steps, runs: e.runs, seed: e.seed, datasets: e.datasets.map(heldOutToJson) },
  };
}

/** Every dataset file path of the config through `f` (the CLI resolves them against the config's folder). */
export function mapConfigFiles(c: MetaConfig, f: (path: string) => string): MetaConfig {
  return {
    ...c,
    init: c.init === null ? null : f(c.init),
    tasks: { ...c.tasks, datasets: c.tasks.datasets.map((d) => mapRefFiles(d, f)) },
    evaluation: {
      ...c.evaluation,
      datasets: c.evaluation.datasets.map((h) => ({ ...h, dataset: mapRefFiles(h.dataset, f) })),
    },
  };
}

/** Fields that do not change the trajectory of theta: may differ between a checkpoint and a resumed run. */
export const RESUMABLE_FIELDS = ['steps', 'checkpointEvery', 'evaluation'] as const;

/** The first field path where two values differ (JSON values), or null. */
function firstDifference(a: unknown, b: unknown, path: string): string | null {
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return path;
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], indexPath(path, i));
      if (d !== null) return d;
    }
    return null;
  }
  if (
    a !== null &&
    b !== null &&
    typeof a === 'object' &&
    typeof b === 'object' &&
    !Array.isArray(a) &&
    !Array.isArray(b)
  ) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      const d = firstDifference((a as Raw)[k], (b as Raw)[k], fieldPath(path, k));
      if (d !== null) return d;
    }
    return null;
  }
  return Object.is(a, b) ? null : path;
}

/**
 * Where `next` would meta-train differently from `saved` (the first such field path), or null when
 * only resumable fields (steps, checkpointEvery, evaluation) differ.
 */
export function trajectoryDifference(saved: MetaConfig, next: MetaConfig): string | null {
  const strip = (c: MetaConfig) => {
    const j = metaConfigToJson(c);
    for (const k of RESUMABLE_FIELDS) delete j[k];
    return j;
  };
  return firstDifference(strip(saved), strip(next), '');
}
