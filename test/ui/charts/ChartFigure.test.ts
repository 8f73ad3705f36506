// ChartFigure rendered to HTML on the server: the attributes and order the e2e tests and exports read.
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ChartFigure } from '../../../src/ui/charts/ChartFigure';

const pointer = { onPointerMove: () => {}, onPointerLeave: () => {} };

describe('ChartFigure', () => {
  it('renders data-testid, then the data-* attributes in order, the PNG/SVG buttons, the <svg> and the overlay after it', () => {
    const html = renderToString(
      createElement(ChartFigure, {
        testId: 'x-chart',
        data: { 'data-points': 3, 'data-rejected': 1 },
        exportName: 'x',
        width: 200,
        height: 100,
        pointer,
        overlay: createElement('div', { id: 'tip' }),
        children: createElement('g', { id: 'content' }),
      }),
    );
    expect(html).toMatch(/^<figure data-testid="x-chart" data-points="3" data-rejected="1" style="/);
    expect(html).toContain('>PNG</button>');
    expect(html).toContain('>SVG</button>');
    expect(html).toMatch(
      /<svg width="200" height="100" viewBox="0 0 200 100" style="[^"]*max-width:100%;height:auto"><g id="content"><\/g><\/svg><div id="tip"><\/div><\/figure>$/,
    );
  });
});
