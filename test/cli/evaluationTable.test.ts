// The crossing lines of evaluate's table mode name the kind of learner each baseline is compared
// with: "the VSML learner's" for a VSML file, a learned learner's kind (Meta RNN, Hebbian, FWMemory)
// for a learned one, and every kind when a table holds several.
import { describe, expect, it } from 'vitest';
import { formatCrossings } from '../../src/cli/evaluationTable';
import { learnerKindName, type LearnerChoice } from '../../src/cli/evaluateLearner';
import type { Evaluation } from '../../src/model/formats/evaluation';
import type { LearnedLearner } from '../../src/model/formats/learnedLearner';
import type { Learner } from '../../src/model/formats/learner';
import { crossingsOf, type EvaluationTable, type EvaluationTableRow } from '../../src/model/formats/evaluationTable';

/** An evaluation of 5 steps and 2 runs on MNIST test whose mean curve is `curve`. */
function row(learner: string, curve: number[]): EvaluationTableRow {
  const c = Float64Array.from(curve);
  const evaluation: Evaluation = {
    learner,
    dataset: 'mnist-idx',
    split: 'test',
    steps: c.length,
    runs: 2,
    cumulativeAccuracy: { at100: null, atEnd: { mean: c[c.length - 1], std: 0.1 } },
    finalAccuracy: { mean: 0.5, std: 0.7071067811865476 },
    curve: c,
  };
  return { evaluation, at: [] };
}

const tableOf = (rows: EvaluationTableRow[]): EvaluationTable => ({ at: [], rows, crossings: crossingsOf(rows) });
const REF = [0.5, 0.5, 0.5, 0.5, 0.5];
const SGD = [0.4, 0.6, 0.4, 0.6, 0.7];
const learned = (kind: LearnedLearner['kind']): LearnerChoice => ({
  kind: 'learned',
  path: `${kind}.json`,
  learner: { kind } as LearnedLearner,
});
const vsml: LearnerChoice = { kind: 'vsml', path: 'L.json', learner: {} as Learner };

describe('learnerKindName', () => {
  it('VSML, the learned kinds by their names, a baseline by its own', () => {
    expect(
      [
        vsml,
        learned('meta-rnn'),
        learned('hebbian'),
        learned('fw-memory'),
        { kind: 'baseline', name: 'sgd' } as const,
      ].map(learnerKindName),
    ).toEqual(['VSML', 'Meta RNN', 'Hebbian', 'FWMemory', 'sgd']);
  });
});

describe("formatCrossings names the compared learner's kind", () => {
  const lines = (choices: LearnerChoice[], rows: EvaluationTableRow[]): string[] =>
    formatCrossings(tableOf(rows), (r) => learnerKindName(choices[r]));

  it('a VSML file: "the VSML learner\'s", as without kindOf', () => {
    const rows = [row('L.json', REF), row('sgd', SGD)];
    const head = "where each baseline's mean cumulative accuracy is above the VSML learner's (mean curves over runs):";
    expect(lines([vsml, { kind: 'baseline', name: 'sgd' }], rows)).toEqual([
      head,
      '  mnist-idx test: sgd vs L.json: first above at step 2, above from step 4 to the end (5)',
    ]);
    expect(formatCrossings(tableOf(rows))[0]).toBe(head);
  });

  it.each<[LearnedLearner['kind'], string]>([
    ['meta-rnn', 'Meta RNN'],
    ['hebbian', 'Hebbian'],
    ['fw-memory', 'FWMemory'],
  ])('a %s file: "the %s learner\'s", never "VSML"', (kind, name) => {
    const rows = [row(`${kind}.json`, REF), row('sgd', SGD)];
    const got = lines([learned(kind), { kind: 'baseline', name: 'sgd' }], rows);
    expect(got[0]).toBe(
      `where each baseline's mean cumulative accuracy is above the ${name} learner's (mean curves over runs):`,
    );
    expect(got[1]).toBe(
      `  mnist-idx test: sgd vs ${kind}.json: first above at step 2, above from step 4 to the end (5)`,
    );
    expect(got.join('\n')).not.toContain('VSML');
  });

  it('a VSML, a Meta RNN and a Hebbian file with sgd: "the VSML, Meta RNN and Hebbian learners\'", one crossing each', () => {
    const rows = [row('L.json', REF), row('meta-rnn.json', REF), row('hebbian.json', REF), row('sgd', SGD)];
    const got = lines([vsml, learned('meta-rnn'), learned('hebbian'), { kind: 'baseline', name: 'sgd' }], rows);
    expect(got[0]).toBe(
      "where each baseline's mean cumulative accuracy is above the VSML, Meta RNN and Hebbian learners' (mean curves over runs):",
    );
    expect(got).toHaveLength(4);
  });

  it('no crossings: no lines', () => {
    expect(formatCrossings(tableOf([row('sgd', SGD)]), () => 'Meta RNN')).toEqual([]);
  });
});
