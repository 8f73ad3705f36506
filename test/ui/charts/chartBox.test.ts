// The charts laid out in a box (width x height, header included) and at a theme's sizes, rendered to
// HTML on the server: the <svg> sizes and font sizes they come out at.
import { createElement, type ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AccuracyChart } from '../../../src/ui/charts/AccuracyChart';
import { ChartThemeContext, PRESENTATION_CHART_THEME } from '../../../src/ui/charts/chartTheme';
import { IntrospectionStrip } from '../../../src/ui/charts/IntrospectionStrip';
import { ProbabilityBars } from '../../../src/ui/charts/ProbabilityBars';
import { StateHeatmap } from '../../../src/ui/charts/StateHeatmap';

const presenting = (e: ReactElement) =>
  createElement(ChartThemeContext.Provider, { value: PRESENTATION_CHART_THEME }, e);
/** [width, height] of every <svg> in the HTML. */
const svgSizes = (html: string) =>
  [...html.matchAll(/<svg[^>]* width="([\d.]+)" height="([\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])]);
const fontSizes = (html: string) => new Set([...html.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1])));

const curves = [
  {
    name: 'vsml',
    label: 'VSML',
    x: Float64Array.from([1, 2]),
    mean: Float64Array.from([0, 0.5]),
    std: Float64Array.from([0, 0.5]),
  },
  {
    name: 'sgd',
    label: 'SGD',
    x: Float64Array.from([1, 2]),
    mean: Float64Array.from([1, 0.5]),
    std: Float64Array.from([0, 0.5]),
  },
];
const p10 = new Float32Array(10).fill(0.1);

describe('AccuracyChart in a box', () => {
  it('600 x 300 px: the <svg> is 600 x 280 under the 20 px header; ticks and legend 11 px, titles 12 px', () => {
    const html = renderToString(createElement(AccuracyChart, { curves, logX: false, width: 600, height: 300 }));
    expect(svgSizes(html)).toEqual([[600, 280]]);
    expect(fontSizes(html)).toEqual(new Set([11, 12]));
  });

  it('presenting, 600 x 300 px: the <svg> is 600 x 274 under a 26 px header; text 16 and 18 px, VSML 4 px wide', () => {
    const html = renderToString(
      presenting(createElement(AccuracyChart, { curves, logX: false, width: 600, height: 300 })),
    );
    expect(svgSizes(html)).toEqual([[600, 274]]);
    expect(fontSizes(html)).toEqual(new Set([16, 18]));
    expect(html).toContain('stroke-width="4"');
  });
});

describe('ProbabilityBars in a box', () => {
  it('400 x 220 px, 10 classes: the <svg> is 400 wide and fits under the header (height <= 200)', () => {
    const html = renderToString(
      createElement(ProbabilityBars, {
        probabilities: p10,
        label: 1,
        predicted: 2,
        classNames: [],
        width: 400,
        height: 220,
      }),
    );
    const [[w, h]] = svgSizes(html);
    expect([w, h]).toEqual([400, 200]);
  });

  it('presenting, 400 x 260 px: text at 16 px, the <svg> 400 x 234', () => {
    const html = renderToString(
      presenting(
        createElement(ProbabilityBars, {
          probabilities: p10,
          label: 1,
          predicted: 2,
          classNames: [],
          width: 400,
          height: 260,
        }),
      ),
    );
    expect(svgSizes(html)).toEqual([[400, 234]]);
    expect(fontSizes(html)).toEqual(new Set([16]));
  });
});

describe('IntrospectionStrip in a box', () => {
  const strip = {
    probabilities: Float32Array.from([0.9, 0.1]),
    labels: Int32Array.from([0]),
    numClasses: 2,
    classNames: ['cat', 'dog'],
  };
  it('500 x 200 px, 2 classes: rows of 24 px (the most), the <svg> 500 x 131 (44 legend + 48 + 39 axis)', () => {
    const html = renderToString(createElement(IntrospectionStrip, { ...strip, width: 500, height: 200 }));
    expect(svgSizes(html)).toEqual([[500, 131]]);
  });
  it('500 x 150 px, 10 classes: rows of 4.7 px, the <svg> fills the box under the header (500 x 130)', () => {
    const html = renderToString(
      createElement(IntrospectionStrip, {
        probabilities: p10,
        labels: Int32Array.from([3]),
        numClasses: 10,
        classNames: [],
        width: 500,
        height: 150,
      }),
    );
    expect(svgSizes(html)).toEqual([[500, 130]]);
  });
});

describe('StateHeatmap in a box', () => {
  it('A=784, B=10 in 640 x 300 px: panels at scale 3, header 20 + readout 16 + <svg> 256 = 292 px', () => {
    const html = renderToString(
      createElement(StateHeatmap, {
        values: new Float32Array(7840),
        rows: 784,
        cols: 10,
        imageShape: { height: 28, width: 28, channels: 1 },
        normalisation: 'class',
        width: 640,
        height: 300,
      }),
    );
    const [[w, h]] = svgSizes(html);
    expect(w).toBeLessThanOrEqual(640);
    expect(20 + 16 + h).toBeLessThanOrEqual(300);
    expect(h).toBe(256);
  });
});
