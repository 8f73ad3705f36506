// The explain view's tables and bars rendered to HTML on the server: the exact values the end-to-end
// test reads (data-value) are the explanation's own.
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CellTable } from '../../../src/ui/explain/CellTable';
import { cellNumbers } from '../../../src/ui/explain/explainNumbers';
import { VectorBars } from '../../../src/ui/explain/VectorBars';
import { explained } from './explained';

const valueOf = (html: string, testId: string): number => {
  const m = new RegExp(`data-testid="${testId}" data-value="([^"]+)"`).exec(html);
  if (!m) throw new Error(`no ${testId} in the HTML`);
  return Number(m[1]);
};

describe('CellTable', () => {
  const { ex } = explained();
  const cell = cellNumbers(ex, { layer: 0, a: 4, b: 2 });
  const html = renderToString(createElement(CellTable, { cell }));

  it('has one row per state dimension j, 2 + 6 per micro-tick + 1 values each (N 4, 2 micro-ticks: 60 values)', () => {
    expect(html.split('<td').length - 1).toBe(4 * (2 + 6 * 2 + 1));
    expect(html).toContain('micro-tick 2');
  });

  it('carries every value exactly in data-value: c before, gate f of micro-tick 1, c′ of micro-tick 2, Δc', () => {
    for (let j = 0; j < 4; j++) {
      expect(valueOf(html, `explain-cell-c-before-${j}`)).toBe(cell.cBefore[j]);
      expect(valueOf(html, `explain-cell-t0-f-${j}`)).toBe(cell.ticks[0].gates.f[j]);
      expect(valueOf(html, `explain-cell-t1-c-${j}`)).toBe(cell.cAfter[j]);
      expect(valueOf(html, `explain-cell-dc-${j}`)).toBe(Math.fround(cell.cAfter[j] - cell.cBefore[j]));
    }
  });

  it('shows five decimals', () => {
    expect(html).toMatch(/>−?\d\.\d{5}<\/td>/);
  });
});

describe('VectorBars', () => {
  it('one bar per class with its exact value, the true class squared and the prediction circled', () => {
    const { ex } = explained();
    const html = renderToString(
      createElement(VectorBars, {
        testId: 'e',
        values: ex.error,
        names: ['a', 'b', 'c', 'd'],
        kind: 'signed',
        trueClass: 1,
        predicted: 3,
        label: 'Error per class',
      }),
    );
    for (let k = 0; k < 4; k++) expect(valueOf(html, `e-${k}`)).toBe(ex.error[k]);
    expect(html).toContain('aria-label="Error per class"');
    expect(html.split('<path').length - 1).toBe(2);
  });
});
