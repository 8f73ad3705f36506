// Curves for the screen: at most 1000 points, evenly spaced, first and last always kept.
import { describe, expect, it } from 'vitest';
import { evenlySpacedIndices, framePoints, pickPoints } from '../../src/worker/session/framePoints';

describe('evenlySpacedIndices', () => {
  it('keeps every index up to maxPoints (0, 1, 5 of at most 1000)', () => {
    expect(Array.from(evenlySpacedIndices(0))).toEqual([]);
    expect(Array.from(evenlySpacedIndices(1))).toEqual([0]);
    expect(Array.from(evenlySpacedIndices(5))).toEqual([0, 1, 2, 3, 4]);
    expect(evenlySpacedIndices(1000)).toHaveLength(1000);
  });

  it('thins 11 to 5 as round(k * 10 / 4): 0, 3, 5, 8, 10', () => {
    expect(Array.from(evenlySpacedIndices(11, 5))).toEqual([0, 3, 5, 8, 10]);
  });

  it('thins 1001 and 1,000,000 points to exactly 1000, strictly increasing, from the first to the last', () => {
    for (const n of [1001, 1_000_000]) {
      const idx = evenlySpacedIndices(n);
      expect(idx).toHaveLength(1000);
      expect(idx[0]).toBe(0);
      expect(idx[999]).toBe(n - 1);
      for (let k = 1; k < 1000; k++) expect(idx[k]).toBeGreaterThan(idx[k - 1]);
    }
  });

  it('refuses fewer than 2 points', () => {
    expect(() => evenlySpacedIndices(10, 1)).toThrow('decimate: maxPoints must be an integer >= 2, got 1');
  });
});

describe('pickPoints', () => {
  it('takes mean and std at the indices, with x = index + 1 (examples seen)', () => {
    const mean = Float64Array.from([0.1, 0.2, 0.3, 0.4]);
    const std = Float64Array.from([1, 2, 3, 4]);
    const c = pickPoints(mean, std, Uint32Array.from([0, 3]));
    expect(Array.from(c.x)).toEqual([1, 4]);
    expect(Array.from(c.mean)).toEqual([0.1, 0.4]);
    expect(Array.from(c.std)).toEqual([1, 4]);
  });
});

describe('framePoints', () => {
  const kept = {
    mean: Float64Array.from([0.1, 0.2, 0.3, 0.4, 0.5]),
    std: Float64Array.from([1, 2, 3, 4, 5]),
    every: 4,
  };

  it("puts a thinned curve's points at (i + 1) * every examples: 4, 8, ..., 20 after 20 examples", () => {
    const c = framePoints(kept, { examples: 20, mean: 0.5, std: 5 }, 10);
    expect(Array.from(c.x)).toEqual([4, 8, 12, 16, 20]);
    expect(Array.from(c.mean)).toEqual([0.1, 0.2, 0.3, 0.4, 0.5]);
  });

  it('ends with the value after the last example when it falls between kept points (22 examples, 4 points at most)', () => {
    const c = framePoints(kept, { examples: 22, mean: 0.55, std: 6 }, 4);
    expect(Array.from(c.x)).toEqual([4, 12, 20, 22]); // 3 of the 5 kept points (indices 0, 2, 4), then the last example
    expect(Array.from(c.mean)).toEqual([0.1, 0.3, 0.5, 0.55]);
    expect(Array.from(c.std)).toEqual([1, 3, 5, 6]);
  });

  it('refuses fewer than 3 points when the last example must be added', () => {
    expect(() => framePoints(kept, { examples: 22, mean: 0.55, std: 6 }, 2)).toThrow(
      'decimate: maxPoints must be an integer >= 3 here, got 2',
    );
  });
});
