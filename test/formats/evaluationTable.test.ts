import { describe, expect, it } from 'vitest';
import type { Evaluation } from '../../src/model/formats/evaluation';
import {
  crossingOf,
  crossingsOf,
  parseEvaluationTable,
  serialiseEvaluationTable,
  type EvaluationTable,
  type EvaluationTableRow,
} from '../../src/model/formats/evaluationTable';
import { expectOk, line, type Doc } from './helpers';

/** An evaluation of 5 steps and 2 runs whose mean curve is `curve`. */
function row(learner: string, curve: number[], transform?: string): EvaluationTableRow {
  const c = Float64Array.from(curve);
  const evaluation: Evaluation = {
    learner,
    dataset: 'mnist-idx',
    split: 'test',
    ...(transform ? { transform } : {}),
    steps: c.length,
    runs: 2,
    cumulativeAccuracy: { at100: null, atEnd: { mean: c[c.length - 1], std: 0.1 } },
    finalAccuracy: { mean: 0.5, std: 0.7071067811865476 },
    curve: c,
  };
  return {
    evaluation,
    at: [
      { mean: c[1], std: 0.25 },
      { mean: c[3], std: 0 },
    ],
  };
}

const REF = [0.5, 0.5, 0.5, 0.5, 0.5];
const rows = [
  row('L.json', REF),
  row('sgd', [0.4, 0.6, 0.4, 0.6, 0.7]),
  row('adam', [0.1, 0.2, 0.3, 0.4, 0.5]),
  row('L.json', REF, 'resize:7'),
  row('sgd', [0.6, 0.6, 0.6, 0.6, 0.6], 'resize:7'),
];
const table: EvaluationTable = { at: [2, 4], rows, crossings: crossingsOf(rows) };
const doc = (): Doc => JSON.parse(serialiseEvaluationTable(table)) as Doc;

describe('crossingOf (where a baseline curve overtakes the reference curve)', () => {
  it.each<[string, number[], number | null, number | null]>([
    ['above at step 2, below at 3, above from step 4 to the end', [0.4, 0.6, 0.4, 0.6, 0.7], 2, 4],
    ['never above (equal at the end is not above)', [0.1, 0.2, 0.3, 0.4, 0.5], null, null],
    ['above at every step', [0.6, 0.6, 0.6, 0.6, 0.6], 1, 1],
    ['above at first, not at the end', [0.6, 0.6, 0.4, 0.4, 0.4], 1, null],
    ['above at the last step only', [0.1, 0.1, 0.1, 0.1, 0.51], 5, 5],
  ])('%s', (_, baseline, firstAbove, staysAbove) => {
    expect(crossingOf(REF, baseline)).toEqual({ firstAbove, staysAbove });
  });

  it('refuses curves of different lengths', () => {
    expect(() => crossingOf([0.5], [0.5, 0.5])).toThrow('crossingOf: curves of 1 and 2 steps');
  });
});

describe('crossingsOf', () => {
  it('pairs each VSML row with each baseline row of its dataset, split, transform and steps, in row order', () => {
    expect(crossingsOf(rows)).toEqual([
      { reference: 0, baseline: 1, firstAbove: 2, staysAbove: 4 },
      { reference: 0, baseline: 2, firstAbove: null, staysAbove: null },
      { reference: 3, baseline: 4, firstAbove: 1, staysAbove: 1 },
    ]);
  });
});

describe('parseEvaluationTable', () => {
  it('round-trips a table exactly (rows, at-values, crossings)', () => {
    expect(expectOk(parseEvaluationTable(doc()))).toEqual(table);
    expect(Object.keys(doc())).toEqual(['format', 'version', 'at', 'rows', 'crossings']);
    expect(doc().rows[0].evaluation.format).toBe('vsml-evaluation');
  });

  it.each<[string, (d: Doc) => unknown, string]>([
    [
      'a wrong format',
      (d) => (d.format = 'vsml-evaluation'),
      'format: expected "vsml-evaluation-table", got "vsml-evaluation"',
    ],
    ['steps of at not increasing', (d) => (d.at = [4, 2]), 'at[1]: must be above at[0] (4), got 2'],
    ['a step of at beyond the rows', (d) => (d.at = [2, 6]), "at: step 6 is beyond rows[0]'s 5 steps"],
    ['no rows', (d) => (d.rows = []), 'rows: must hold 1 to 10000 rows, got 0'],
    [
      'a bad curve inside a row',
      (d) => (d.rows[1].evaluation.curve[3] = 2),
      'rows[1].evaluation.curve[3]: must be a number in [0, 1], got 2',
    ],
    ['a row without its evaluation', (d) => delete d.rows[2].evaluation, 'rows[2].evaluation: missing'],
    [
      'an at-value off the curve',
      (d) => (d.rows[0].at[1].mean = 0.9),
      'rows[0].at[1].mean: must equal evaluation.curve[3] (0.5), got 0.9',
    ],
    ['an at-value missing', (d) => d.rows[0].at.pop(), 'rows[0].at: expected 2 values (one per step of "at"), got 1'],
    ['a std over 1', (d) => (d.rows[4].at[0].std = 1.5), 'rows[4].at[0].std: must be a number in [0, 1], got 1.5'],
    [
      'a crossing the curves do not give',
      (d) => (d.crossings[0].staysAbove = 5),
      "crossings[0].staysAbove: the rows' curves give 4, got 5",
    ],
    [
      'a crossing missing',
      (d) => d.crossings.pop(),
      'crossings: the rows give 3 crossings (each VSML row against each baseline row of its dataset, split, transform and steps), got 2',
    ],
    [
      'a crossing naming another row',
      (d) => (d.crossings[1].baseline = 4),
      "crossings[1].baseline: the rows' curves give 2, got 4",
    ],
    ['an unknown field', (d) => (d.note = 1), 'note: unknown field (known: format, version, at, rows, crossings)'],
  ])('rejects %s, naming the field', (_, edit, message) => {
    const d = doc();
    edit(d);
    expect(line(parseEvaluationTable(d))).toBe(message);
  });
});
