// PlotArea rendered to HTML on the server (axes are filled in a layout effect, so they stay empty here).
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { scaleLinear } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { PlotArea, type PlotAreaProps } from '../../../src/ui/charts/PlotArea';

const base: PlotAreaProps = {
  left: 44,
  top: 30,
  width: 200,
  height: 100,
  yScale: scaleLinear().domain([0, 1]).range([100, 0]),
  renderX: () => {},
  renderY: () => {},
  empty: null,
  rulePx: null,
  xTitle: 'step',
  xTitleBelow: 32,
  yTitle: 'loss',
  yTitleLeft: 34,
  children: createElement('path', { id: 'marks' }),
};
const render = (p: Partial<PlotAreaProps>) => renderToString(createElement(PlotArea, { ...base, ...p }));
const count = (html: string, text: string) => html.split(text).length - 1;

describe('PlotArea', () => {
  it('is a group at (left, top): 6 grid lines for [0, 1], two axis groups, the marks, then the titles', () => {
    const html = render({});
    expect(html).toMatch(/^<g transform="translate\(44,30\)">/);
    expect(count(html, 'stroke="#e6e6e6"')).toBe(6);
    expect(html).toContain('<g transform="translate(0,100)"></g><path id="marks"></path><text x="100" y="132"');
    expect(html).toContain('>step</text>');
    expect(html).toContain(
      '<text transform="translate(-34,50) rotate(-90)" text-anchor="middle" fill="#555555" font-size="12">loss</text>',
    );
    expect(html).not.toContain('data-export');
  });
  it('shows the empty note in the middle and the hover rule at rulePx, left out of exports', () => {
    const html = render({ empty: 'No steps yet', rulePx: 40 });
    expect(html).toContain(
      '<text x="100" y="50" text-anchor="middle" fill="#555555" font-size="12">No steps yet</text>',
    );
    expect(html).toContain(
      '<line data-export="skip" x1="40" x2="40" y2="100" stroke="#888888" stroke-dasharray="3,3"></line>',
    );
  });
});
