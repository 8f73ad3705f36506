import { describe, expect, it } from 'vitest';
import type { EvaluationRecord } from '../../../src/worker/trainer/contract';
import { evalSeries, evalStepDomain, nearestEvalStep } from '../../../src/ui/trainer/evalSeries';

const r = (accuracy: number, loss: number) => ({ accuracy, loss, curve: new Float64Array([accuracy]) });
const evaluations: EvaluationRecord[] = [
  { step: 0, results: { mnist: r(0.3, 1.1), fashion: r(0.25, 1.2) } },
  { step: 25, results: { mnist: r(0.4, 1.0) } },
  { step: 50, results: { mnist: r(0.5, 0.9), fashion: r(0.35, 1.05), extra: r(0.9, 0.1) } },
];

describe('evalSeries', () => {
  it("has one line per dataset, the run's names first, then others as they appear; a missing result is skipped", () => {
    const s = evalSeries(evaluations, ['fashion', 'mnist']);
    expect(s.map((x) => x.name)).toEqual(['fashion', 'mnist', 'extra']);
    expect(Array.from(s[0].steps)).toEqual([0, 50]);
    expect(Array.from(s[0].accuracy)).toEqual([0.25, 0.35]);
    expect(Array.from(s[1].steps)).toEqual([0, 25, 50]);
    expect(Array.from(s[1].accuracy)).toEqual([0.3, 0.4, 0.5]);
    expect(Array.from(s[1].loss)).toEqual([1.1, 1.0, 0.9]);
    expect(Array.from(s[2].steps)).toEqual([50]);
  });
  it('keeps a named dataset with no evaluation yet as an empty line', () => {
    const s = evalSeries([], ['mnist']);
    expect(s).toHaveLength(1);
    expect(s[0].steps.length).toBe(0);
  });
});

describe('evalStepDomain and nearestEvalStep', () => {
  const s = evalSeries(evaluations);
  it('runs from 0 to the last evaluated step or minEnd, whichever is later', () => {
    expect(evalStepDomain(s, 10)).toEqual([0, 50]);
    expect(evalStepDomain(s, 300)).toEqual([0, 300]);
    expect(evalStepDomain([], 1)).toEqual([0, 1]);
  });
  it('finds the nearest evaluated step over all lines, a tie going to the lower', () => {
    expect(nearestEvalStep(s, 11)).toBe(0);
    expect(nearestEvalStep(s, 12.5)).toBe(0);
    expect(nearestEvalStep(s, 13)).toBe(25);
    expect(nearestEvalStep(s, 1000)).toBe(50);
    expect(nearestEvalStep([], 3)).toBeNull();
  });
});
