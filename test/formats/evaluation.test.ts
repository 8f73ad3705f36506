import { describe, expect, it } from 'vitest';
import { parseEvaluation, serialiseEvaluation, type Evaluation } from '../../src/model/formats/evaluation';
import { expectOk, line, type Doc } from './helpers';

const curve = Float64Array.from({ length: 120 }, (_, t) => 0.5 + t / 1000);
const evaluation: Evaluation = {
  learner: 'sgd',
  dataset: 'mnist-idx',
  split: 'test',
  seed: 22,
  backend: 'cpu',
  init: 'per-run',
  steps: 120,
  runs: 3,
  cumulativeAccuracy: { at100: { mean: curve[99], std: 0.0125 }, atEnd: { mean: curve[119], std: 1 / 3 } },
  finalAccuracy: { mean: 2 / 3, std: 0.5773502691896257 },
  curve,
};

const doc = (): Doc => JSON.parse(serialiseEvaluation(evaluation)) as Doc;

describe('parseEvaluation', () => {
  it('round-trips an evaluation exactly (doubles, provenance fields)', () => {
    expect(expectOk(parseEvaluation(doc()))).toEqual(evaluation);
    expect(Object.keys(doc()).slice(0, 4)).toEqual(['format', 'version', 'learner', 'dataset']);
  });

  it('accepts a single run with null stds and no at100 under 100 steps', () => {
    const one: Evaluation = {
      learner: 'adam',
      dataset: 'random',
      steps: 2,
      runs: 1,
      cumulativeAccuracy: { at100: null, atEnd: { mean: 0.5, std: null } },
      finalAccuracy: { mean: 0, std: null },
      curve: Float64Array.from([1, 0.5]),
    };
    expect(expectOk(parseEvaluation(JSON.parse(serialiseEvaluation(one))))).toEqual(one);
  });

  it.each<[string, (d: Doc) => unknown, string]>([
    ['a wrong format', (d) => (d.format = 'vsml-trace'), 'format: expected "vsml-evaluation", got "vsml-trace"'],
    ['a short curve', (d) => d.curve.pop(), 'curve: expected 120 numbers (one per step), got 119'],
    ['an accuracy over 1', (d) => (d.curve[7] = 1.5), 'curve[7]: must be a number in [0, 1], got 1.5'],
    [
      'at100 off the curve',
      (d) => (d.cumulativeAccuracy.at100.mean = 0.1),
      'cumulativeAccuracy.at100.mean: must equal curve[99] (0.599), got 0.1',
    ],
    [
      'atEnd off the curve',
      (d) => (d.cumulativeAccuracy.atEnd.mean = 0.2),
      'cumulativeAccuracy.atEnd.mean: must equal curve[119] (0.619), got 0.2',
    ],
    ['a missing std with 3 runs', (d) => delete d.finalAccuracy.std, 'finalAccuracy.std: missing'],
    [
      'a null std with 3 runs',
      (d) => (d.finalAccuracy.std = null),
      'finalAccuracy.std: must be a number in [0, 1], got null',
    ],
    [
      'a missing at100 at 120 steps',
      (d) => delete d.cumulativeAccuracy.at100,
      'cumulativeAccuracy.at100: must be an object, got nothing',
    ],
    ['zero runs', (d) => (d.runs = 0), 'runs: must be an integer in [1, 1000000], got 0'],
    [
      'an unknown field',
      (d) => (d.acc = 1),
      'acc: unknown field (known: format, version, learner, dataset, steps, runs, cumulativeAccuracy, finalAccuracy, curve, split, transform, backend, init, seed, association)',
    ],
    ['an empty learner', (d) => (d.learner = ''), 'learner: must be a non-empty string, got ""'],
    ['a negative seed', (d) => (d.seed = -1), 'seed: must be an integer in [0, 4294967295], got -1'],
  ])('rejects %s', (_, edit, message) => {
    const d = doc();
    edit(d);
    expect(line(parseEvaluation(d))).toBe(message);
  });

  it("round-trips the association stream's first- and second-showing accuracies (a null showing, a null std)", () => {
    const association: Evaluation = {
      ...evaluation,
      association: {
        order: 'apart',
        fresh: true,
        episodeLength: 20,
        first: { mean: 0.25, std: null, count: 3 },
        second: null,
      },
    };
    const d = JSON.parse(serialiseEvaluation(association)) as Doc;
    expect(Object.keys(d).slice(-2)).toEqual(['association', 'curve']);
    expect(expectOk(parseEvaluation(d))).toEqual(association);
  });

  it.each<[string, (d: Doc) => unknown, string]>([
    [
      'an unknown order',
      (d) => (d.association.order = 'mixed'),
      'association.order: must be "apart" or "adjacent", got "mixed"',
    ],
    ['fresh as a number', (d) => (d.association.fresh = 1), 'association.fresh: must be true or false, got 1'],
    [
      'an odd episode length',
      (d) => (d.association.episodeLength = 21),
      'association.episodeLength: must be even (each image is shown twice), got 21',
    ],
    [
      'a first-showing mean over 1',
      (d) => (d.association.first.mean = 1.5),
      'association.first.mean: must be a number in [0, 1], got 1.5',
    ],
    [
      'a count over runs x steps',
      (d) => (d.association.second.count = 361),
      'association.second.count: must be an integer in [1, 360], got 361',
    ],
    ['a showing without its std', (d) => delete d.association.second.std, 'association.second.std: missing'],
  ])('rejects an association with %s', (_, edit, message) => {
    const d = JSON.parse(
      serialiseEvaluation({
        ...evaluation,
        association: {
          order: 'adjacent',
          fresh: false,
          episodeLength: 20,
          first: { mean: 0.25, std: 0.5, count: 60 },
          second: { mean: 0.75, std: 0.25, count: 60 },
        },
      }),
    ) as Doc;
    edit(d);
    expect(line(parseEvaluation(d))).toBe(message);
  });

  it('rejects an at100 when fewer than 100 steps ran, and a std with one run', () => {
    const d: Doc = {
      format: 'vsml-evaluation',
      version: 1,
      learner: 'sgd',
      dataset: 'random',
      steps: 1,
      runs: 1,
      cumulativeAccuracy: { at100: { mean: 1, std: null }, atEnd: { mean: 1, std: null } },
      finalAccuracy: { mean: 1, std: null },
      curve: [1],
    };
    expect(line(parseEvaluation(d))).toBe(
      'cumulativeAccuracy.at100: must be null when steps < 100 (steps = 1), got an object',
    );
    d.cumulativeAccuracy.at100 = null;
    d.finalAccuracy.std = 0;
    expect(line(parseEvaluation(d))).toBe('finalAccuracy.std: must be null for a single run, got 0');
  });
});
