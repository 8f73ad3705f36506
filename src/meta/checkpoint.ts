// The checkpoint file: everything a meta-training run needs to continue bit for bit.
//   {"format":"vsml-checkpoint","version":1,
//    "config":{vsml-meta-config, every field},"step":n,"rejected":r,
//    "learner":{vsml-learner: theta},"optimizer":{"m":[D],"v":[D],"t":n-r},"rng":{"seed":s,"counter":n}}
// Method cma-es holds the sep-CMA-ES state instead of Adam's ("cma" in place of "optimizer"):
//    "cma":{"mean":[D],"sigma":s,"diagC":[D],"pc":[D],"ps":[D],"generation":n-r}
// with theta = float32(mean) (checked); checkpoints of es and gradient runs are unchanged.
// step = ES steps done (accepted or rejected); the next step draws its noise, tasks, states and
// examples from (seed, counter = step) (seeds.ts), so nothing else about the generators is stored.
// m and v are float64 written in JavaScript's shortest round-trip form; theta is float32 (the
// learner format). A checkpoint with a non-finite number cannot be written or read.
import {
  checkKeys,
  failAt,
  fieldPath,
  indexPath,
  parseWith,
  readArrayOf,
  readInt,
  readObject,
  show,
  stringifyDoc,
} from '../model/formats/json';
import { configToJson, learnerToJson, parseLearner, type Learner } from '../model/formats/learner';
import { envelope, restore, type FormatSpec } from '../model/formats/restore';
import { paramLayout } from '../model/layout';
import { adamInit, type AdamState } from '../model/es/adam';
import type { SepCmaState } from '../model/es/sepCma';
import type { Result } from '../model/result';
import type { MetaConfig } from './metaConfig';
import { metaConfigToJson, parseMetaConfig } from './metaConfigParse';

export const CHECKPOINT_FORMAT: FormatSpec = { format: 'vsml-checkpoint', version: 1 };
export const MAX_META_STEPS = 10_000_000;

export interface Checkpoint {
  readonly config: MetaConfig;
  /** ES steps done, accepted or rejected. */
  readonly step: number;
  /** Steps whose loss was not finite (theta and the moments kept). */
  readonly rejected: number;
  readonly learner: Learner;
  /** Adam's state (method cma-es: the initial one, unused and not written). */
  readonly optimizer: AdamState;
  /** Method cma-es: the sep-CMA-ES state (theta = float32(mean)); absent otherwise. */
  readonly cma?: SepCmaState;
}

/** Nested documents' errors carry the outer field name (inside parseWith). */
export function nested<T>(r: Result<T>, path: string): T {
  if (!r.ok) failAt(r.error.code, r.error.field ? fieldPath(path, r.error.field) : path, r.error.message);
  return r.value;
}

function readMoments(v: unknown, path: string, size: number, nonNegative: boolean, positive = false): Float64Array {
  const a = readArrayOf(v, path, size, 'numbers');
  const out = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    const x = a[i];
    if (typeof x !== 'number' || !Number.isFinite(x))
      failAt('nan', indexPath(path, i), `must be a finite number, got ${show(x)}`);
    if (nonNegative && x < 0) failAt('range', indexPath(path, i), `must be >= 0, got ${x}`);
    if (positive && !(x > 0)) failAt('range', indexPath(path, i), `must be > 0, got ${x}`);
    out[i] = x;
  }
  return out;
}

/** "rng": {seed, counter} must be config.seed and the step (inside parseWith). */
export function checkRng(v: unknown, seed: number, step: number): void {
  const rng = readObject(v, 'rng');
  checkKeys(rng, 'rng', ['seed', 'counter']);
  if (rng.seed !== seed) failAt('mismatch', 'rng.seed', `must equal config.seed (${seed}), got ${show(rng.seed)}`);
  if (rng.counter !== step) failAt('mismatch', 'rng.counter', `must equal step (${step}), got ${show(rng.counter)}`);
}

/** Adam's m, v (D finite numbers each, v >= 0) and t = updates, at "optimizer" (inside parseWith). */
export function readAdam(v: unknown, D: number, updates: number): AdamState {
  const opt = readObject(v, 'optimizer');
  checkKeys(opt, 'optimizer', ['m', 'v', 't']);
  const m = readMoments(opt.m, 'optimizer.m', D, false);
  const vv = readMoments(opt.v, 'optimizer.v', D, true);
  const t = readInt(opt.t, 'optimizer.t', 0, MAX_META_STEPS);
  if (t !== updates) failAt('mismatch', 'optimizer.t', `must equal step - rejected (${updates}), got ${t}`);
  return { m, v: vv, t };
}

function readCma(v: unknown, D: number, updates: number, theta: Float32Array): SepCmaState {
  const raw = readObject(v, 'cma');
  checkKeys(raw, 'cma', ['mean', 'sigma', 'diagC', 'pc', 'ps', 'generation']);
  const mean = readMoments(raw.mean, 'cma.mean', D, false);
  const sigma = raw.sigma;
  if (typeof sigma !== 'number' || !Number.isFinite(sigma))
    failAt('nan', 'cma.sigma', `must be a finite number, got ${show(sigma)}`);
  if (!(sigma > 0)) failAt('range', 'cma.sigma', `must be > 0, got ${sigma}`);
  const diagC = readMoments(raw.diagC, 'cma.diagC', D, false, true);
  const pc = readMoments(raw.pc, 'cma.pc', D, false);
  const ps = readMoments(raw.ps, 'cma.ps', D, false);
  const generation = readInt(raw.generation, 'cma.generation', 0, MAX_META_STEPS);
  if (generation !== updates)
    failAt('mismatch', 'cma.generation', `must equal step - rejected (${updates}), got ${generation}`);
  for (let k = 0; k < D; k++) {
    if (theta[k] !== Math.fround(mean[k]))
      failAt(
        'mismatch',
        indexPath('learner.params', k),
        `must be cma.mean[${k}] rounded to float32 (${Math.fround(mean[k])}), got ${theta[k]}`,
      );
  }
  return { mean, sigma, diagC, pc, ps, generation };
}

export function parseCheckpoint(raw: unknown): Result<Checkpoint> {
  return parseWith(() => {
    const doc = restore(raw, CHECKPOINT_FORMAT);
    checkKeys(doc, '', ['format', 'version', 'config', 'step', 'rejected', 'learner', 'rng'], ['optimizer', 'cma']);
    const config = nested(parseMetaConfig(doc.config), 'config');
    if (config.learner.kind !== 'vsml') {
      failAt(
        'unsupported',
        'config.learner.kind',
        `a ${config.learner.kind} run's checkpoint, not VSML's (read it with parseRunCheckpoint, src/meta/runCheckpoint.ts)`,
      );
    }
    const step = readInt(doc.step, 'step', 0, MAX_META_STEPS);
    const rejected = readInt(doc.rejected, 'rejected', 0, step);
    const learner = nested(parseLearner(doc.learner), 'learner');
    if (JSON.stringify(configToJson(learner.config)) !== JSON.stringify(configToJson(config.model))) {
      failAt('mismatch', 'learner.config', 'differs from config.model');
    }
    const D = paramLayout(config.model).size;
    const isCma = config.method === 'cma-es';
    const [has, lacks] = isCma ? ['cma', 'optimizer'] : ['optimizer', 'cma'];
    if (doc[has] === undefined) failAt('missing', has, `missing (config.method is ${config.method})`);
    if (doc[lacks] !== undefined) failAt('unknown', lacks, `not used with config.method ${config.method}`);
    const optimizer = isCma ? adamInit(D) : readAdam(doc.optimizer, D, step - rejected);
    const cma = isCma ? { cma: readCma(doc.cma, D, step - rejected, learner.params) } : {};
    checkRng(doc.rng, config.seed, step);
    return { config, step, rejected, learner, optimizer, ...cma };
  });
}

const finiteList = (a: ArrayLike<number>): number[] => Array.from(a);

export function checkpointToJson(c: Checkpoint): Record<string, unknown> {
  return {
    ...envelope(CHECKPOINT_FORMAT),
    config: metaConfigToJson(c.config),
    step: c.step,
    rejected: c.rejected,
    learner: learnerToJson(c.learner),
    ...(c.cma
      ? {
          cma: {
            mean: finiteList(c.cma.mean),
            sigma: c.cma.sigma,
            diagC: finiteList(c.cma.diagC),
            pc: finiteList(c.cma.pc),
            ps: finiteList(c.cma.ps),
            generation: c.cma.generation,
          },
        }
      : { optimizer: { m: finiteList(c.optimizer.m), v: finiteList(c.optimizer.v), t: c.optimizer.t } }),
    rng: { seed: c.config.seed, counter: c.step },
  };
}

/**
 * The checkpoint as text. Throws (writing nothing) when a number is not finite, so a bad state
 * never replaces a good checkpoint.
 */
export function serialiseCheckpoint(c: Checkpoint): string {
  const check = (a: ArrayLike<number>, what: string) => {
    for (let i = 0; i < a.length; i++)
      if (!Number.isFinite(a[i])) throw new Error(`checkpoint: ${what}[${i}] is ${a[i]}; not written`);
  };
  check(c.learner.params, 'learner.params');
  if (c.cma) {
    for (const k of ['mean', 'diagC', 'pc', 'ps'] as const) check(c.cma[k], `cma.${k}`);
    if (!(c.cma.sigma > 0) || !Number.isFinite(c.cma.sigma))
      throw new Error(`checkpoint: cma.sigma is ${c.cma.sigma}; not written`);
  } else {
    check(c.optimizer.m, 'optimizer.m');
    check(c.optimizer.v, 'optimizer.v');
  }
  return `${stringifyDoc(checkpointToJson(c))}\n`;
}
