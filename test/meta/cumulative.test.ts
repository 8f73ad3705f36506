import { describe, expect, it } from 'vitest';
import { cumulativeAccuracy, meanCurve, meanStd, summariseAccuracy } from '../../src/meta/cumulative';

const u8 = (...v: number[]) => Uint8Array.from(v);

describe('cumulativeAccuracy', () => {
  it('correct = [1, 0, 1, 1] gives [1, 0.5, 0.667, 0.75]', () => {
    expect(Array.from(cumulativeAccuracy(u8(1, 0, 1, 1), 1, 4))).toEqual([1, 0.5, 2 / 3, 0.75]);
  });

  it('keeps runs apart: [[0, 1], [1, 1]] gives [[0, 0.5], [1, 1]]', () => {
    expect(Array.from(cumulativeAccuracy(u8(0, 1, 1, 1), 2, 2))).toEqual([0, 0.5, 1, 1]);
  });

  it('refuses a length that is not runs x steps', () => {
    expect(() => cumulativeAccuracy(u8(1, 0, 1), 2, 2)).toThrow('cumulativeAccuracy: expected 2 x 2 values, got 3');
  });
});

describe('meanStd', () => {
  it('is the mean and the sample std (n - 1): [0.5, 0.75, 1] gives 0.75 +- 0.25', () => {
    const r = meanStd([0.5, 0.75, 1]);
    expect(r.mean).toBe(0.75);
    expect(r.std).toBe(0.25);
  });

  it('reads a strided column: entries 1, 4, 7 of 0..8 give 4 +- 3', () => {
    expect(
      meanStd(
        Array.from({ length: 9 }, (_, i) => i),
        3,
        1,
        3,
      ),
    ).toEqual({ mean: 4, std: 3 });
  });

  it('has no std for one run', () => {
    expect(meanStd([0.3])).toEqual({ mean: 0.3, std: null });
  });
});

describe('summariseAccuracy', () => {
  it('runs [[1, 0, 1, 1], [0, 0, 1, 0]]: curve, atEnd, final, no at100 under 100 steps', () => {
    const s = summariseAccuracy(u8(1, 0, 1, 1, 0, 0, 1, 0), 2, 4);
    expect(Array.from(s.curve)).toEqual([0.5, 0.25, (2 / 3 + 1 / 3) / 2, (0.75 + 0.25) / 2]);
    expect(s.atEnd).toEqual({ mean: 0.5, std: Math.SQRT1_2 * 0.5 });
    expect(s.finalAccuracy).toEqual({ mean: 0.5, std: Math.SQRT1_2 });
    expect(s.at100).toBeNull();
  });

  it('reads at100 after the 100th prediction: run 0 right on even steps, run 1 always right', () => {
    const T = 150;
    const c = new Uint8Array(2 * T);
    for (let t = 0; t < T; t++) {
      c[t] = t % 2 === 0 ? 1 : 0;
      c[T + t] = 1;
    }
    const s = summariseAccuracy(c, 2, T);
    expect(s.at100?.mean).toBe(0.75);
    expect(s.at100?.std).toBeCloseTo(Math.SQRT1_2 * 0.5, 15);
    expect(s.curve[99]).toBe(0.75);
    expect(s.atEnd.mean).toBe(0.75);
    expect(s.finalAccuracy.mean).toBe(0.5);
    expect(meanCurve(Float64Array.from([1, 0.5, 0, 0.5]), 2, 2)).toEqual(Float64Array.from([0.5, 0.5]));
  });
});
