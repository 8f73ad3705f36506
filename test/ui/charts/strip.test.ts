import { describe, expect, it } from 'vitest';
import { argmaxRow, circlePath, paintStrip, squarePath, stripWindow } from '../../../src/ui/charts/strip';

describe('stripWindow', () => {
  it('shows the last 100 of n examples: 250 -> rows 150..249, 30 -> 0..29, 0 -> none', () => {
    expect([stripWindow(250), stripWindow(30), stripWindow(0)]).toEqual([
      { start: 150, shown: 100 },
      { start: 0, shown: 30 },
      { start: 0, shown: 0 },
    ]);
  });
});

describe('argmaxRow', () => {
  it('is the index of the largest p in the row, the first on a tie', () => {
    const p = Float32Array.from([0.1, 0.7, 0.2, 0.5, 0.5, 0]);
    expect([argmaxRow(p, 3, 0), argmaxRow(p, 3, 1), argmaxRow(p, 0, 0)]).toEqual([1, 0, -1]);
  });
});

describe('paintStrip', () => {
  it('paints column j = example start + j, row k = class k, through the table; NaN grey, empty slots transparent', () => {
    const WHITE = [255, 255, 255, 255];
    const BLUE = [0, 0, 255, 255];
    const GREY = [204, 204, 204, 255];
    const NONE = [0, 0, 0, 0];
    const table = Uint8ClampedArray.from([...WHITE, ...BLUE]);
    const p = Float32Array.from([0.2, 0.8, 0.6, 0.4, NaN, 1]);
    const out = new Uint8ClampedArray(4 * 2 * 4);
    paintStrip(p, 2, 1, 2, 4, table, out);
    expect(Array.from(out)).toEqual([...BLUE, ...GREY, ...NONE, ...NONE, ...WHITE, ...BLUE, ...NONE, ...NONE]);
  });
});

describe('marker paths', () => {
  it('squarePath(10, 20, 4) is the square from (8, 18) to (12, 22)', () => {
    expect(squarePath(10, 20, 4)).toBe('M8,18h4v4h-4Z');
  });

  it('circlePath(5, 5, 2) is two half arcs through (3, 5) and (7, 5)', () => {
    expect(circlePath(5, 5, 2)).toBe('M3,5a2,2 0 1,0 4,0a2,2 0 1,0 -4,0');
  });
});
