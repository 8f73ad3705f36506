import { describe, expect, it } from 'vitest';
import {
  lossDomain,
  lossPointCount,
  nearestStepIndex,
  rejectedWithin,
  stepAxis,
  stepDomain,
} from '../../../src/ui/trainer/lossSeries';

describe('lossPointCount', () => {
  it('is the step, at most the losses held', () => {
    expect(lossPointCount(new Float64Array(5), 3)).toBe(3);
    expect(lossPointCount(new Float64Array(2), 3)).toBe(2);
    expect(lossPointCount(new Float64Array(0), 0)).toBe(0);
  });
});

describe('lossDomain', () => {
  it('spans the finite values of the first n of every series, padded by 5% of the range', () => {
    const [lo, hi] = lossDomain(
      [
        [1, 3, NaN, 100],
        [2, Infinity],
      ],
      3,
    );
    expect(lo).toBeCloseTo(0.9, 12);
    expect(hi).toBeCloseTo(3.1, 12);
  });
  it('pads a single value by max(1e-3, |v|/100)', () => {
    expect(lossDomain([[1.0986, 1.0986]], 2)).toEqual([1.0986 - 0.010986, 1.0986 + 0.010986]);
    expect(lossDomain([[0.05]], 1)).toEqual([0.05 - 1e-3, 0.05 + 1e-3]);
  });
  it('is [0, 1] with nothing finite', () => {
    expect(lossDomain([[NaN]], 1)).toEqual([0, 1]);
    expect(lossDomain([], 0)).toEqual([0, 1]);
  });
});

describe('steps', () => {
  it('stepDomain is 1..n, at least 1..10', () => {
    expect(stepDomain(0)).toEqual([1, 10]);
    expect(stepDomain(3)).toEqual([1, 10]);
    expect(stepDomain(300)).toEqual([1, 300]);
  });
  it('stepAxis is 1..n', () => {
    expect(Array.from(stepAxis(4))).toEqual([1, 2, 3, 4]);
  });
  it('rejectedWithin keeps the steps in 1..n once each, ascending', () => {
    expect(rejectedWithin(Int32Array.from([7, 3, 3, 12, 0]), 10)).toEqual([3, 7]);
  });
  it('nearestStepIndex rounds to the nearest step and clamps to the points', () => {
    expect(nearestStepIndex(2.4, 5)).toBe(1);
    expect(nearestStepIndex(2.5, 5)).toBe(2);
    expect(nearestStepIndex(-3, 5)).toBe(0);
    expect(nearestStepIndex(99, 5)).toBe(4);
    expect(nearestStepIndex(3, 0)).toBe(-1);
  });
});
