// The evaluation file: how a learner did under the online protocol (docs/EVALUATION.md).
//   {"format":"vsml-evaluation","version":1,"learner":"sgd","dataset":"mnist-idx","steps":T,"runs":R,
//    "cumulativeAccuracy":{"at100":{"mean":m,"std":s}|null,"atEnd":{"mean":m,"std":s}},
//    "finalAccuracy":{"mean":m,"std":s},"curve":[T numbers], optional "split","transform","seed","backend","init",
//    "association":{"order":"apart"|"adjacent","fresh":b,"episodeLength":2K,"first":S|null,"second":S|null}}
// with S = {"mean":m,"std":s|null,"count":n}: accuracy on first / second showings of the association
// stream (src/model/showings.ts: the mean over runs of each run's accuracy, sample std, showings counted).
// acc_r(t) = mean correctness of run r's first t predictions. at100 = acc_r(100) over runs (null when
// T < 100), atEnd = acc_r(T), finalAccuracy = correctness of the T-th prediction, curve[t-1] = mean
// over runs of acc_r(t). Every std is the sample std over runs (R - 1), null when R = 1. Numbers
// are written as JavaScript doubles (shortest round-trip form), so files round-trip exactly.
import type { Result } from '../result';
import type { ShowingAccuracy } from '../showings';
import {
  checkKeys,
  failAt,
  fieldPath,
  indexPath,
  parseWith,
  readArrayOf,
  readBoolean,
  readInt,
  readObject,
  show,
  stringifyDoc,
} from './json';
import { envelope, restore, type FormatSpec } from './restore';

export const EVALUATION_FORMAT: FormatSpec = { format: 'vsml-evaluation', version: 1 };

/** Mean over runs and its sample standard deviation (null for one run). */
export interface MeanStd {
  readonly mean: number;
  readonly std: number | null;
}

export interface Evaluation {
  /** "sgd", "adam", "sgd-deep", "adam-deep", or the learner file as given. */
  readonly learner: string;
  /** Dataset name (registry name). */
  readonly dataset: string;
  /** T: predictions per run. */
  readonly steps: number;
  /** R: independent runs. */
  readonly runs: number;
  readonly cumulativeAccuracy: { readonly at100: MeanStd | null; readonly atEnd: MeanStd };
  readonly finalAccuracy: MeanStd;
  /** [T] mean cumulative accuracy after each step. */
  readonly curve: Float64Array;
  /** Provenance, written when known. */
  readonly split?: string;
  readonly transform?: string;
  readonly seed?: number;
  readonly backend?: string;
  /** Where a baseline's initial weights came from ("per-run" or "shared"). */
  readonly init?: string;
  /** The association stream's per-showing accuracies (written for --stream association). */
  readonly association?: AssociationAccuracy;
}

/** How the association stream ran, and the accuracy on first and on second showings (null: none yet). */
export interface AssociationAccuracy {
  readonly order: 'apart' | 'adjacent';
  readonly fresh: boolean;
  /** 2K showings per episode. */
  readonly episodeLength: number;
  readonly first: ShowingAccuracy | null;
  readonly second: ShowingAccuracy | null;
}

/** Consistency between the summaries and the curve: both are means of the same numbers. */
const TOLERANCE = 1e-9;
const MAX_STEPS = 100_000_000;
const MAX_RUNS = 1_000_000;
const OPTIONAL_STRINGS = ['split', 'transform', 'backend', 'init'] as const;

function readString(v: unknown, path: string): string {
  if (typeof v !== 'string' || v.length === 0) failAt('type', path, `must be a non-empty string, got ${show(v)}`);
  return v;
}

/** A fraction: a finite number in [0, 1]. */
function readFraction(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1)
    failAt('range', path, `must be a number in [0, 1], got ${show(v)}`);
  return v;
}

function readMeanStd(v: unknown, path: string, runs: number): MeanStd {
  const o = readObject(v, path);
  checkKeys(o, path, ['mean'], ['std']);
  const mean = readFraction(o.mean, fieldPath(path, 'mean'));
  const stdPath = fieldPath(path, 'std');
  if (runs === 1) {
    if (o.std !== undefined && o.std !== null)
      failAt('range', stdPath, `must be null for a single run, got ${show(o.std)}`);
    return { mean, std: null };
  }
  if (o.std === undefined) failAt('missing', stdPath, 'missing');
  return { mean, std: readFraction(o.std, stdPath) };
}

function readShowing(v: unknown, path: string, most: number): ShowingAccuracy | null {
  if (v === null) return null;
  const o = readObject(v, path);
  checkKeys(o, path, ['mean', 'std', 'count']);
  const mean = readFraction(o.mean, fieldPath(path, 'mean'));
  const std = o.std === null ? null : readFraction(o.std, fieldPath(path, 'std'));
  return { mean, std, count: readInt(o.count, fieldPath(path, 'count'), 1, most) };
}

function readAssociation(v: unknown, runs: number, steps: number): AssociationAccuracy {
  const path = 'association';
  const o = readObject(v, path);
  checkKeys(o, path, ['order', 'fresh', 'episodeLength', 'first', 'second']);
  if (o.order !== 'apart' && o.order !== 'adjacent')
    failAt('range', fieldPath(path, 'order'), `must be "apart" or "adjacent", got ${show(o.order)}`);
  const fresh = readBoolean(o.fresh, fieldPath(path, 'fresh'));
  const episodeLength = readInt(o.episodeLength, fieldPath(path, 'episodeLength'), 2, MAX_STEPS);
  if (episodeLength % 2 !== 0)
    failAt('range', fieldPath(path, 'episodeLength'), `must be even (each image is shown twice), got ${episodeLength}`);
  const most = runs * steps;
  return {
    order: o.order,
    fresh,
    episodeLength,
    first: readShowing(o.first, fieldPath(path, 'first'), most),
    second: readShowing(o.second, fieldPath(path, 'second'), most),
  };
}

function agree(value: number, path: string, curve: Float64Array, t: number): void {
  if (Math.abs(value - curve[t]) > TOLERANCE)
    failAt('mismatch', path, `must equal curve[${t}] (${curve[t]}), got ${value}`);
}

export function parseEvaluation(raw: unknown): Result<Evaluation> {
  return parseWith(() => {
    const doc = restore(raw, EVALUATION_FORMAT);
    checkKeys(
      doc,
      '',
      ['format', 'version', 'learner', 'dataset', 'steps', 'runs', 'cumulativeAccuracy', 'finalAccuracy', 'curve'],
      [...OPTIONAL_STRINGS, 'seed', 'association'],
    );
    const learner = readString(doc.learner, 'learner');
    const dataset = readString(doc.dataset, 'dataset');
    const steps = readInt(doc.steps, 'steps', 1, MAX_STEPS);
    const runs = readInt(doc.runs, 'runs', 1, MAX_RUNS);
    const curveArr = readArrayOf(doc.curve, 'curve', steps, 'numbers (one per step)');
    const curve = Float64Array.from(curveArr, (v, t) => readFraction(v, indexPath('curve', t)));
    const cum = readObject(doc.cumulativeAccuracy, 'cumulativeAccuracy');
    checkKeys(cum, 'cumulativeAccuracy', ['atEnd'], ['at100']);
    let at100: MeanStd | null = null;
    if (steps >= 100) {
      at100 = readMeanStd(cum.at100, 'cumulativeAccuracy.at100', runs);
      agree(at100.mean, 'cumulativeAccuracy.at100.mean', curve, 99);
    } else if (cum.at100 !== undefined && cum.at100 !== null) {
      failAt(
        'range',
        'cumulativeAccuracy.at100',
        `must be null when steps < 100 (steps = ${steps}), got ${show(cum.at100)}`,
      );
    }
    const atEnd = readMeanStd(cum.atEnd, 'cumulativeAccuracy.atEnd', runs);
    agree(atEnd.mean, 'cumulativeAccuracy.atEnd.mean', curve, steps - 1);
    const finalAccuracy = readMeanStd(doc.finalAccuracy, 'finalAccuracy', runs);
    const text = (k: (typeof OPTIONAL_STRINGS)[number]) => (doc[k] === undefined ? undefined : readString(doc[k], k));
    return {
      learner,
      dataset,
      split: text('split'),
      transform: text('transform'),
      seed: doc.seed === undefined ? undefined : readInt(doc.seed, 'seed', 0, 0xffffffff),
      backend: text('backend'),
      init: text('init'),
      ...(doc.association === undefined ? {} : { association: readAssociation(doc.association, runs, steps) }),
      steps,
      runs,
      cumulativeAccuracy: { at100, atEnd },
      finalAccuracy,
      curve,
    };
  });
}

export function evaluationToJson(e: Evaluation): Record<string, unknown> {
  const ms = (m: MeanStd) => ({ mean: m.mean, std: m.std });
  return {
    ...envelope(EVALUATION_FORMAT),
    learner: e.learner,
    dataset: e.dataset,
    split: e.split,
    transform: e.transform,
    seed: e.seed,
    backend: e.backend,
    init: e.init,
    steps: e.steps,
    runs: e.runs,
    cumulativeAccuracy: {
      at100: e.cumulativeAccuracy.at100 ? ms(e.cumulativeAccuracy.at100) : null,
      atEnd: ms(e.cumulativeAccuracy.atEnd),
    },
    finalAccuracy: ms(e.finalAccuracy),
    ...(e.association ? { association: { ...e.association } } : {}),
    curve: Array.from(e.curve),
  };
}

export const serialiseEvaluation = (e: Evaluation): string => `${stringifyDoc(evaluationToJson(e))}\n`;
