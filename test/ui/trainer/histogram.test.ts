import { describe, expect, it } from 'vitest';
import { populationHistogram } from '../../../src/ui/trainer/histogram';
import { Rng } from '../../../src/model/rng';

describe('populationHistogram', () => {
  it("bins 16 losses 0..15 into Sturges' 5 equal bins over [0, 15], the last closed", () => {
    const h = populationHistogram(Float64Array.from({ length: 16 }, (_, i) => i));
    expect(h.bins.map((b) => [b.x0, b.x1, b.count])).toEqual([
      [0, 3, 3],
      [3, 6, 3],
      [6, 9, 3],
      [9, 12, 3],
      [12, 15, 4],
    ]);
    expect(h.finite).toBe(16);
    expect(h.nonFinite).toBe(0);
    expect(h.maxCount).toBe(4);
  });

  it('leaves NaN and infinities out and counts them', () => {
    const h = populationHistogram([1, NaN, 2, Infinity, -Infinity, 3]);
    expect(h.finite).toBe(3);
    expect(h.nonFinite).toBe(3);
    expect(h.bins.reduce((s, b) => s + b.count, 0)).toBe(3);
  });

  it('puts equal values in one bin [v, v]; nothing finite gives no bins', () => {
    expect(populationHistogram([1.0986, 1.0986, 1.0986]).bins).toEqual([{ x0: 1.0986, x1: 1.0986, count: 3 }]);
    expect(populationHistogram([NaN, NaN])).toEqual({ bins: [], finite: 0, nonFinite: 2, maxCount: 0 });
    expect(populationHistogram([])).toEqual({ bins: [], finite: 0, nonFinite: 0, maxCount: 0 });
  });

  it('keeps every value and at most maxBins bins for 2048 seeded losses (seed 7)', () => {
    const rng = new Rng(7);
    const v = Float64Array.from({ length: 2048 }, () => 1.0986 + 1e-3 * rng.normal());
    const h = populationHistogram(v, 30);
    expect(h.bins.reduce((s, b) => s + b.count, 0)).toBe(2048);
    expect(h.bins.length).toBe(12); // Sturges: ceil(log2(2048)) + 1
    for (let i = 1; i < h.bins.length; i++) expect(h.bins[i].x0).toBe(h.bins[i - 1].x1);
    expect(populationHistogram(v, 5).bins.length).toBe(5);
  });
});
