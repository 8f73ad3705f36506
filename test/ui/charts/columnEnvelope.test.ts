import { describe, expect, it } from 'vitest';
import { columnEnvelopeIndices, nearestIndex } from '../../../src/ui/charts/columnEnvelope';

describe('columnEnvelopeIndices', () => {
  const x = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  const y = Float64Array.from([0.5, 0.2, 0.9, 0.4, 0.6, 0.3, 0.1, 0.8, 0.7]);
  const toPixel = (v: number) => (v < 7 ? 0.5 : 1.5);

  it('keeps first, lowest, highest and last of each pixel column: [0,1,2,5 | 6,7,8]', () => {
    expect(Array.from(columnEnvelopeIndices(x, y, 9, toPixel))).toEqual([0, 1, 2, 5, 6, 7, 8]);
  });

  it('keeps every point when each has its own column, and only the first n', () => {
    expect(Array.from(columnEnvelopeIndices(x, y, 4, (v) => v))).toEqual([0, 1, 2, 3]);
  });

  it('keeps one index once when it is first, lowest, highest and last of its column', () => {
    expect(Array.from(columnEnvelopeIndices(x, y, 9, (v) => (v < 9 ? 0 : 1)))).toEqual([0, 2, 6, 7, 8]);
    expect(Array.from(columnEnvelopeIndices(x, y, 0, toPixel))).toEqual([]);
  });
});

describe('nearestIndex', () => {
  const x = Float64Array.from([1, 2, 4, 8, 16]);

  it('finds the nearest x: 3.1 -> 2 (x 4), a tie at 3 -> the lower index 1 (x 2)', () => {
    expect([nearestIndex(x, 5, 3.1), nearestIndex(x, 5, 3)]).toEqual([2, 1]);
  });

  it('clamps to the ends and to the first n, and is -1 for none', () => {
    expect([nearestIndex(x, 5, 0), nearestIndex(x, 5, 100), nearestIndex(x, 3, 100), nearestIndex(x, 0, 3)]).toEqual([
      0, 4, 2, -1,
    ]);
  });

  it('measures in log space on a log axis: 2.9 is nearest 4 (not 2)', () => {
    expect([nearestIndex(x, 5, 2.9), nearestIndex(x, 5, 2.9, Math.log)]).toEqual([1, 2]);
  });
});
