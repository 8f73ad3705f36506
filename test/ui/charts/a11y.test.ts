// Every chart's drawing is an image with an accessible name, described by a summary element
// (`<testid>-summary`) that follows the data; buttons stay outside the role="img" element. The accuracy
// chart draws each learner with its own dash and names it at its line's end. Rendered on the server.
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AccuracyChart } from '../../../src/ui/charts/AccuracyChart';
import { IntrospectionStrip } from '../../../src/ui/charts/IntrospectionStrip';
import { ProbabilityBars } from '../../../src/ui/charts/ProbabilityBars';
import { StateHeatmap } from '../../../src/ui/charts/StateHeatmap';

/** The element with role="img": its aria-label, and whether the summary it points at exists with `text`. */
function describedImage(html: string, testId: string) {
  const img = /<(svg|div)[^>]* role="img" aria-label="([^"]*)" aria-describedby="([^"]*)"/.exec(html);
  if (!img) throw new Error('no role="img" with a label and a description');
  const summary = new RegExp(`<p id="${img[3]}" data-testid="${testId}-summary"[^>]*>([^<]*)</p>`).exec(html);
  return {
    tag: img[1],
    name: img[2],
    summary: summary?.[1] ?? null,
    imgAt: img.index,
    buttonsAt: html.indexOf('<button'),
  };
}

const curve = (name: string, label: string, mean: number[]) => ({
  name,
  label,
  x: Float64Array.from(mean, (_, i) => (i + 1) * 40),
  mean: Float64Array.from(mean),
  std: Float64Array.from(mean, () => 0.01),
});
const five = [
  curve('vsml', 'VSML', [0.5, 0.62]),
  curve('sgd', 'SGD', [0.4, 0.55]),
  curve('adam', 'Adam', [0.3, 0.5]),
  curve('sgd-deep', 'SGD-deep', [0.2, 0.3]),
  curve('adam-deep', 'Adam-deep', [0.2, 0.31]),
];

describe('AccuracyChart', () => {
  const html = renderToString(createElement(AccuracyChart, { curves: five, logX: false, width: 600, height: 300 }));

  it('is an <svg role="img"> named "Cumulative accuracy of VSML and the baselines …", summary "VSML 0.62 after 80 examples; best baseline SGD 0.55"', () => {
    const d = describedImage(html, 'accuracy-chart');
    expect(d).toMatchObject({
      tag: 'svg',
      name: 'Cumulative accuracy of VSML and the baselines against examples seen',
    });
    expect(d.summary).toBe('VSML 0.62 after 80 examples; best baseline SGD 0.55');
    expect(d.buttonsAt).toBeLessThan(d.imgAt); // the export buttons are not inside the image
  });

  it('draws VSML solid and 2.5 px, the baselines 1.5 px with dashes 6,3 / 1.5,2.25 / 9,3,1.5,3 / 3,3, in the legend and the lines', () => {
    const dashes = [...html.matchAll(/stroke-dasharray="([^"]+)"/g)].map((m) => m[1]);
    // legend (VSML first, solid) then lines (drawn last to first)
    expect(dashes).toEqual(['6,3', '1.5,2.25', '9,3,1.5,3', '3,3', '3,3', '9,3,1.5,3', '1.5,2.25', '6,3']);
    expect(html).toMatch(/<path d="M[^"]*" fill="none" stroke="#0072b2" stroke-width="2.5" stroke-linejoin="round">/);
  });

  it('names each learner at its line end, right of the plot, never closer than 14 px', () => {
    const labels = [...html.matchAll(/<text data-direct-label="([^"]+)" x="([\d.]+)" y="([\d.]+)"/g)].map(
      (m) => [m[1], Number(m[2]), Number(m[3])] as const,
    );
    expect(labels.map((l) => l[0])).toEqual(['vsml', 'sgd', 'adam', 'sgd-deep', 'adam-deep']);
    expect(new Set(labels.map((l) => l[1])).size).toBe(1);
    const ys = labels.map((l) => l[2]).sort((a, b) => a - b);
    for (let k = 1; k < ys.length; k++) expect(ys[k] - ys[k - 1]).toBeGreaterThanOrEqual(14);
  });

  it('says "No examples yet" in its summary without points', () => {
    const empty = renderToString(createElement(AccuracyChart, { curves: [], logX: false }));
    expect(describedImage(empty, 'accuracy-chart').summary).toBe('No examples yet');
  });
});

describe('ProbabilityBars', () => {
  it('is an <svg role="img">, summary "Predicted 1 (p 0.50); true label 1: correct"', () => {
    const html = renderToString(
      createElement(ProbabilityBars, {
        probabilities: Float32Array.from([0.25, 0.5, 0.25]),
        label: 1,
        predicted: 1,
        classNames: [],
      }),
    );
    const d = describedImage(html, 'output-probabilities');
    expect(d).toMatchObject({ tag: 'svg', name: 'Output probabilities of the current example, one bar per class' });
    expect(d.summary).toBe('Predicted 1 (p 0.50); true label 1: correct');
    expect(d.buttonsAt).toBeLessThan(d.imgAt);
  });
});

describe('IntrospectionStrip', () => {
  it('is a role="img" around the canvas and SVG, summary "Last 2 examples: 1 correct"', () => {
    const html = renderToString(
      createElement(IntrospectionStrip, {
        probabilities: Float32Array.from([0.9, 0.1, 0.9, 0.1]),
        labels: Int32Array.from([0, 1]),
        numClasses: 2,
        classNames: [],
      }),
    );
    const d = describedImage(html, 'introspection-strip');
    expect(d).toMatchObject({
      tag: 'div',
      name: 'Output probabilities of the last 100 examples: one column per example, one row per class',
    });
    expect(d.summary).toBe('Last 2 examples: 1 correct');
    expect(d.buttonsAt).toBeLessThan(d.imgAt);
  });
});

describe('StateHeatmap', () => {
  it('is a role="img" named by its slice, summary "Layer 0, cell state c, dimension 0: values from −0.41 to 0.77"', () => {
    const values = Float32Array.from({ length: 320 }, (_, i) => (i === 3 ? -0.41 : i === 9 ? 0.77 : 0));
    const html = renderToString(
      createElement(StateHeatmap, {
        values,
        rows: 32,
        cols: 10,
        imageShape: null,
        normalisation: 'layer',
        slice: { layer: 0, vector: 'c', j: 0 },
      }),
    );
    const d = describedImage(html, 'state-heatmap');
    expect(d).toMatchObject({
      tag: 'div',
      name: 'State heatmap, Layer 0, cell state c, dimension 0: blue below zero, red above',
    });
    expect(d.summary).toBe('Layer 0, cell state c, dimension 0: values from \u22120.41 to 0.77');
    expect(d.buttonsAt).toBeLessThan(d.imgAt);
  });
});

describe('AccuracyChart keyboard', () => {
  it('its image takes the focus (tabindex 0) so the arrows, Home and End move the hover rule', () => {
    const html = renderToString(createElement(AccuracyChart, { curves: five, logX: false }));
    expect(html).toMatch(/<svg [^>]*role="img" aria-label="[^"]*" aria-describedby="[^"]*" tabindex="0"/);
  });
});
