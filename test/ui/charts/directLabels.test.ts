import { describe, expect, it } from 'vitest';
import { spreadLabels } from '../../../src/ui/charts/directLabels';

describe('spreadLabels', () => {
  it('leaves labels that are gap apart where their lines end', () => {
    expect(spreadLabels([10, 50, 30], 14, 0, 100)).toEqual([10, 50, 30]);
  });

  it('pushes the lower of two close labels down: 40 and 45 with gap 14 -> 40 and 54', () => {
    expect(spreadLabels([45, 40], 14, 0, 100)).toEqual([54, 40]);
  });

  it('keeps the input order on equal y (the first stays on top): three at 60 -> 60, 74, 88', () => {
    expect(spreadLabels([60, 60, 60], 14, 0, 100)).toEqual([60, 74, 88]);
  });

  it('pushes back up from the bottom edge: 95, 96, 97 in [0, 100] -> 72, 86, 100', () => {
    expect(spreadLabels([95, 96, 97], 14, 0, 100)).toEqual([72, 86, 100]);
  });

  it('clamps a label wanted above the top: -5 -> 0', () => {
    expect(spreadLabels([-5, 50], 14, 0, 100)).toEqual([0, 50]);
  });

  it('stacks from the top when they cannot all fit: 5 labels, gap 30, in [0, 100] -> 0, 30, 60, 90, 120', () => {
    expect(spreadLabels([50, 50, 50, 50, 50], 30, 0, 100)).toEqual([0, 30, 60, 90, 120]);
  });

  it('no neighbours closer than gap for five learners ending near 0.6 accuracy (y 160..166)', () => {
    const y = spreadLabels([160, 166, 163, 161, 165], 13, 0, 300);
    const sorted = [...y].sort((a, b) => a - b);
    for (let k = 1; k < sorted.length; k++) expect(sorted[k] - sorted[k - 1]).toBeGreaterThanOrEqual(13);
    expect(y).toEqual([160, 212, 186, 173, 199]);
  });

  it('is empty for no labels', () => {
    expect(spreadLabels([], 14, 0, 100)).toEqual([]);
  });
});
