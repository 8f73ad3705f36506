// The components rendered to HTML on the server (no DOM in Node): the attributes the wiring and the
// end-to-end tests read. Canvases are painted in layout effects, which do not run here.
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AccuracyChart } from '../../../src/ui/charts/AccuracyChart';
import { IntrospectionStrip } from '../../../src/ui/charts/IntrospectionStrip';
import { ProbabilityBars } from '../../../src/ui/charts/ProbabilityBars';
import { StateHeatmap } from '../../../src/ui/charts/StateHeatmap';

const count = (html: string, text: string) => html.split(text).length - 1;

describe('AccuracyChart', () => {
  const curve = (name: string) => ({
    name,
    label: name.toUpperCase(),
    x: Float64Array.from([1, 2, 3]),
    mean: Float64Array.from([0, 0.5, 2 / 3]),
    std: Float64Array.from([0, 0.5, 0.47]),
  });

  it('is a <figure data-testid="accuracy-chart" data-points="3"> with an <svg>, a legend and PNG/SVG buttons', () => {
    const html = renderToString(createElement(AccuracyChart, { curves: [curve('vsml'), curve('sgd')], logX: true }));
    expect(html).toMatch(/^<figure data-testid="accuracy-chart" data-points="3"/);
    expect(html).toContain('<svg');
    expect(html).toContain('>VSML</text>');
    expect(html).toContain('>SGD</text>');
    expect(count(html, '>PNG</button>')).toBe(1);
    expect(count(html, '>SVG</button>')).toBe(1);
    expect(html).not.toContain('No examples yet');
  });

  it('shows the empty state with data-points="0" when there are no points', () => {
    const empty = { ...curve('vsml'), x: new Float64Array(0), mean: new Float64Array(0), std: new Float64Array(0) };
    for (const curves of [[], [empty]]) {
      const html = renderToString(createElement(AccuracyChart, { curves, logX: false }));
      expect(html).toContain('data-points="0"');
      expect(html).toContain('No examples yet');
    }
  });
});

describe('ProbabilityBars', () => {
  it('has data-sum = the sum of the probabilities and one bar per class with data-p = its probability', () => {
    const html = renderToString(
      createElement(ProbabilityBars, {
        probabilities: Float32Array.from([0.25, 0.5, 0.25]),
        label: 1,
        predicted: 1,
        classNames: ['a', 'b', 'c'],
      }),
    );
    expect(html).toMatch(/^<figure data-testid="output-probabilities" data-sum="1"/);
    expect(html.match(/data-p="[^"]*"/g)).toEqual(['data-p="0.25"', 'data-p="0.5"', 'data-p="0.25"']);
    expect(html).toContain('true class');
    expect(html).toContain('predicted');
  });

  it('draws 47 EMNIST-sized bars', () => {
    const p = new Float32Array(47).fill(1 / 47);
    const html = renderToString(
      createElement(ProbabilityBars, { probabilities: p, label: -1, predicted: 3, classNames: [] }),
    );
    expect(count(html, 'data-p=')).toBe(47);
  });
});

describe('IntrospectionStrip', () => {
  it('is data-testid="introspection-strip" with a canvas and the class names', () => {
    const html = renderToString(
      createElement(IntrospectionStrip, {
        probabilities: Float32Array.from([0.9, 0.1, 0.2, 0.8]),
        labels: Int32Array.from([0, 0]),
        numClasses: 2,
        classNames: ['cat', 'dog'],
      }),
    );
    expect(html).toMatch(/^<figure data-testid="introspection-strip"/);
    expect(html).toContain('<canvas');
    expect(html).toContain('>cat</text>');
    expect(html).toContain('>dog</text>');
    expect(html).not.toContain('No examples yet');
  });

  it('shows the empty state without examples', () => {
    const html = renderToString(
      createElement(IntrospectionStrip, {
        probabilities: new Float32Array(0),
        labels: new Int32Array(0),
        numClasses: 10,
        classNames: [],
      }),
    );
    expect(html).toContain('No examples yet');
  });
});

describe('StateHeatmap', () => {
  const props = { normalisation: 'class' as const, imageShape: { height: 28, width: 28, channels: 1 } };

  it('draws A=784, B=10 as images on <canvas data-testid="state-heatmap">, panels named by columnNames', () => {
    const html = renderToString(
      createElement(StateHeatmap, {
        ...props,
        values: new Float32Array(7840),
        rows: 784,
        cols: 10,
        columnNames: ['zero'],
        title: 'layer 0',
      }),
    );
    expect(html).toContain('<canvas data-testid="state-heatmap" data-rows="784" data-cols="10" data-layout="images"');
    expect(html).toContain('>zero</text>');
    expect(html).toContain('each class column on its own scale');
  });

  it('draws A=32, B=10 as a matrix and says the layer range', () => {
    const values = Float32Array.from({ length: 320 }, (_, i) => (i === 7 ? -0.5 : 0));
    const html = renderToString(
      createElement(StateHeatmap, { ...props, normalisation: 'layer', values, rows: 32, cols: 10 }),
    );
    expect(html).toContain('data-layout="matrix"');
    expect(html).toContain('one scale for the layer: ±0.5, its largest |value|');
  });

  it('names the shortfall when values is shorter than A x B', () => {
    const html = renderToString(
      createElement(StateHeatmap, { ...props, values: new Float32Array(5), rows: 2, cols: 3 }),
    );
    expect(html).toContain('values has 5 numbers, A x B = 2 x 3 needs 6');
  });
});
