// The trainer's charts rendered to HTML on the server: the attributes the e2e test and the wiring read.
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { EvalChart } from '../../../src/ui/trainer/charts/EvalChart';
import { LossChart } from '../../../src/ui/trainer/charts/LossChart';
import { PopulationHistogram } from '../../../src/ui/trainer/charts/PopulationHistogram';
import { evalSeries } from '../../../src/ui/trainer/evalSeries';

const count = (html: string, text: string) => html.split(text).length - 1;

describe('LossChart', () => {
  it('is <figure data-testid="loss-chart" data-points=n> with one dots path, two lines and the rejected ticks', () => {
    const losses = Float64Array.from([1.1, NaN, 1.09, 1.08]);
    const smoothed = Float64Array.from([1.1, NaN, 1.095, 1.09]);
    const html = renderToString(createElement(LossChart, { losses, smoothed, rejected: Int32Array.from([2]), n: 4 }));
    expect(html).toMatch(/^<figure data-testid="loss-chart" data-points="4" data-rejected="1"/);
    expect(count(html, 'h0')).toBe(3); // three finite dots, the NaN one left out
    expect(html).toContain('moving average (debiased)');
    expect(count(html, '>PNG</button>')).toBe(1);
    expect(html).not.toContain('No steps yet');
  });
  it('draws only the first n points and says when there are none', () => {
    const html = renderToString(
      createElement(LossChart, {
        losses: Float64Array.from([1, 2, 3]),
        smoothed: Float64Array.from([1, 2, 3]),
        rejected: new Int32Array(0),
        n: 0,
      }),
    );
    expect(html).toContain('data-points="0"');
    expect(html).toContain('No steps yet');
  });
});

describe('EvalChart', () => {
  it('has one legend entry and line per dataset; data-points = evaluations of the first', () => {
    const r = (accuracy: number) => ({ accuracy, loss: 1, curve: new Float64Array(0) });
    const series = evalSeries([
      { step: 0, results: { 'mnist/test': r(0.33), fashion: r(0.3) } },
      { step: 25, results: { 'mnist/test': r(0.4), fashion: r(0.35) } },
    ]);
    const html = renderToString(createElement(EvalChart, { series, totalSteps: 300, chance: 1 / 3 }));
    expect(html).toMatch(/^<figure data-testid="eval-chart" data-points="2" data-series="2"/);
    expect(html).toContain('>mnist/test</text>');
    expect(html).toContain('>fashion</text>');
    expect(html).toContain('>chance</text>');
    expect(html).not.toContain('No evaluations yet');
  });
  it('says when there is no evaluation yet', () => {
    const html = renderToString(createElement(EvalChart, { series: evalSeries([], ['mnist/test']), totalSteps: 300 }));
    expect(html).toContain('data-points="0"');
    expect(html).toContain('No evaluations yet');
  });
});

describe('PopulationHistogram', () => {
  it('has data-count = finite losses and one <rect> per bin', () => {
    const losses = Float64Array.from({ length: 16 }, (_, i) => i);
    const html = renderToString(createElement(PopulationHistogram, { losses, unit: 'rollout', step: 3 }));
    expect(html).toMatch(/^<figure data-testid="population-histogram" data-count="16" data-bins="5"/);
    expect(count(html, '<rect')).toBe(5);
    expect(html).toContain('16 rollout losses of step 3');
  });
  it('names the losses left out', () => {
    const html = renderToString(
      createElement(PopulationHistogram, { losses: Float64Array.from([1, NaN, 2]), unit: 'rollout', step: 1 }),
    );
    expect(html).toContain('data-count="2"');
    expect(html).toContain('1 not finite (left out)');
  });
});
