import { describe, expect, it } from 'vitest';
import { columnRanges, legendDomain, tableIndex } from '../../../src/ui/charts/heatmapScale';

// A = 3 rows, B = 2 columns: column 0 = [0.5, -1.5, 0.25], column 1 = [-2, 1, 0].
const values = Float32Array.from([0.5, -2, -1.5, 1, 0.25, 0]);

describe('columnRanges', () => {
  it("'class' gives each column max over a of |v|: [1.5, 2] for A=3, B=2", () => {
    expect(Array.from(columnRanges(values, 3, 2, 'class'))).toEqual([1.5, 2]);
  });

  it("'layer' gives every column the slice's max |v|: [2, 2]", () => {
    expect(Array.from(columnRanges(values, 3, 2, 'layer'))).toEqual([2, 2]);
  });

  it("'fixed' gives every column fixedRange (default 1)", () => {
    expect(Array.from(columnRanges(values, 3, 2, 'fixed', 0.75))).toEqual([0.75, 0.75]);
    expect(Array.from(columnRanges(values, 3, 2, 'fixed'))).toEqual([1, 1]);
  });

  it('leaves NaN and ±Infinity out of the maxima; an all-zero column gives 0', () => {
    const v = Float32Array.from([NaN, 0, -Infinity, 0, 0.125, 0]);
    expect(Array.from(columnRanges(v, 3, 2, 'class'))).toEqual([0.125, 0]);
    expect(Array.from(columnRanges(v, 3, 2, 'layer'))).toEqual([0.125, 0.125]);
  });
});

describe('tableIndex', () => {
  it('maps [-r, r] onto entries 0..255: -r -> 0, 0 -> 128, r/2 -> 191, r -> 255', () => {
    expect([-1, 0, 0.5, 1].map((v) => tableIndex(v, 1))).toEqual([0, 128, 191, 255]);
    expect([-3, 1.5, 3].map((v) => tableIndex(v, 3))).toEqual([0, 191, 255]);
  });

  it('clamps values outside the range, puts everything at 128 when r = 0, and gives -1 for NaN', () => {
    expect([tableIndex(2, 1), tableIndex(-2, 1), tableIndex(5, 0), tableIndex(NaN, 1)]).toEqual([255, 0, 128, -1]);
  });

  it('uses the table size: a 3-entry table puts -r, 0, r at 0, 1, 2', () => {
    expect([-1, 0, 1].map((v) => tableIndex(v, 1, 3))).toEqual([0, 1, 2]);
  });
});

describe('legendDomain', () => {
  const ranges = Float64Array.from([1.5, 2]);
  it('is the relative [-1, 1] per class, [-r, r] for the layer, [-fixedRange, fixedRange] when fixed', () => {
    expect(legendDomain('class', ranges)).toEqual([-1, 1]);
    expect(legendDomain('layer', Float64Array.from([2, 2]))).toEqual([-2, 2]);
    expect(legendDomain('fixed', Float64Array.from([0.5, 0.5]), 0.5)).toEqual([-0.5, 0.5]);
  });
});
