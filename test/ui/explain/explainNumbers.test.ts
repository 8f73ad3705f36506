import { describe, expect, it } from 'vitest';
import { explained } from './explained';
import {
  cellNumbers,
  clampCell,
  deltaSlice,
  fixed,
  maxAbs,
  messageDimension,
  stateAfter,
  stateSlice,
  tolerance,
  wholeExample,
} from '../../../src/ui/explain/explainNumbers';
import { statesAfter } from '../../../src/model/explain';

describe('cellNumbers', () => {
  const { ex } = explained();

  it('reads cell (a 3, b 1) of layer 0: c after each micro-tick is f·c + i·g of its own gates (float32), h is o·tanh(c)', () => {
    const cell = cellNumbers(ex, { layer: 0, a: 3, b: 1 });
    expect(cell.ticks).toHaveLength(2);
    let c = cell.cBefore;
    for (const t of cell.ticks) {
      for (let j = 0; j < 4; j++) {
        expect(t.c[j]).toBeCloseTo(Math.fround(t.gates.f[j] * c[j] + t.gates.i[j] * t.gates.g[j]), 6);
        expect(t.h[j]).toBeCloseTo(t.gates.o[j] * Math.tanh(t.c[j]), 6);
      }
      c = t.c;
    }
    expect(Array.from(cell.cAfter)).toEqual(Array.from(cell.ticks[1].c));
    expect(Array.from(cell.hAfter)).toEqual(Array.from(cell.ticks[1].h));
  });

  it('takes before/after/gates/messages from the explanation at [a][b][j], [t][a][b][4][N], [a][M] and [b][M]', () => {
    const L = ex.layers[1]; // 3 x 4
    const cell = cellNumbers(ex, { layer: 1, a: 2, b: 3 });
    const base = (2 * 4 + 3) * 4;
    expect(Array.from(cell.cBefore)).toEqual(Array.from(L.before.c.subarray(base, base + 4)));
    expect(Array.from(cell.hAfter)).toEqual(Array.from(L.ticks[1].h.subarray(base, base + 4)));
    const g = ((1 * 3 + 2) * 4 + 3) * 4 * 4; // tick 1, a 2, b 3
    expect(Array.from(cell.ticks[1].gates.o)).toEqual(Array.from(L.gates.subarray(g + 2 * 4, g + 3 * 4)));
    expect(Array.from(cell.fwdIn)).toEqual(Array.from(L.fwdIn.subarray(2 * 3, 3 * 3)));
    expect(Array.from(cell.bwdIn)).toEqual(Array.from(L.bwdIn.subarray(3 * 3, 4 * 3)));
    // Sigmoid gates in (0, 1), g in (-1, 1).
    for (const t of cell.ticks) for (let j = 0; j < 4; j++) expect(t.gates.f[j]).toBeGreaterThan(0);
  });

  it('refuses a cell outside the grid, naming it; clampCell brings one inside', () => {
    expect(() => cellNumbers(ex, { layer: 0, a: 5, b: 0 })).toThrow("cell (5, 0) is outside layer 0's 5 x 3 grid");
    expect(clampCell(ex, { layer: 4, a: 9, b: -2 })).toEqual({ layer: 1, a: 2, b: 0 });
  });
});

describe('slices', () => {
  const { ex } = explained();

  it('deltaSlice is after − before of dimension j as values[a*B + b]; stateSlice reads one state', () => {
    const L = ex.layers[0];
    const d = deltaSlice(L, 4, 'c', 0);
    const before = stateSlice(L.before, 5, 3, 4, 'c', 0);
    const after = stateSlice(L.ticks[1], 5, 3, 4, 'c', 0);
    expect(d).toHaveLength(15);
    for (let k = 0; k < 15; k++) expect(d[k]).toBe(Math.fround(after[k] - before[k]));
    expect(after[1 * 3 + 2]).toBe(L.ticks[1].c[(1 * 3 + 2) * 4]);
    expect(maxAbs(d)).toBeGreaterThan(0);
  });

  it('messageDimension reads dimension m of a [rows][M] message: layer 0 forward dimension 0 is the input', () => {
    expect(Array.from(messageDimension(ex.layers[0].fwdIn, 5, 3, 0))).toEqual([1, 0.25, -0.5, 3, -2]);
    expect(Array.from(messageDimension(ex.layers[0].fwdIn, 5, 3, 1))).toEqual([0, 0, 0, 0, 0]);
    // The last layer's backward input is the previous example's error in dimension 0.
    const top = ex.layers[1].bwdIn;
    expect(top[2 * 3]).toBeLessThan(0); // label 2 of the earlier example
  });
});

describe('number text', () => {
  it('fixed: 5 decimals, a true minus, no "−0.00000"', () => {
    expect(fixed(0.123456789)).toBe('0.12346');
    expect(fixed(-1.5)).toBe('−1.50000');
    expect(fixed(-0.000001)).toBe('0.00000');
    expect(fixed(2, 2)).toBe('2.00');
    expect(fixed(NaN)).toBe('NaN');
  });

  it('tolerance: 0, two significant digits, exponent below 1e-3', () => {
    expect(tolerance(0)).toBe('0');
    expect(tolerance(3.21e-7)).toBe('3.2e−7');
    expect(tolerance(0.0123)).toBe('0.012');
  });
});

describe('wholeExample', () => {
  it('is the forward tick alone without backwardPass, and ends where the reverse tick does with it', () => {
    const plain = explained().ex;
    expect(wholeExample(plain, 0)).toBe(plain.layers[0]);
    const { ex } = explained(true);
    for (const layer of [0, 1]) {
      const L = wholeExample(ex, layer);
      expect(L.ticks).toHaveLength(4);
      expect(L.before).toBe(ex.layers[layer].before);
      expect(stateAfter(L)).toBe(statesAfter(ex)[layer]);
      expect(stateAfter(L)).not.toBe(stateAfter(ex.layers[layer]));
    }
  });
});
