import { describe, expect, it } from 'vitest';
import {
  accuracySummary,
  heatmapSummary,
  probabilitySummary,
  signed2,
  sliceName,
  stripSummary,
} from '../../../src/ui/charts/summaries';

const curve = (label: string, mean: number[]) => ({
  label,
  x: Float64Array.from(mean, (_, i) => (i + 1) * 40),
  mean: Float64Array.from(mean),
});

describe('signed2', () => {
  it('two decimals with a real minus sign, none for -0.001', () => {
    expect([signed2(0.6249), signed2(-0.41), signed2(-0.001), signed2(1), signed2(NaN)]).toEqual([
      '0.62',
      '\u22120.41',
      '0.00',
      '1.00',
      'NaN',
    ]);
  });
});

describe('accuracySummary', () => {
  it('"VSML 0.62 after 80 examples; best baseline SGD 0.55"', () => {
    expect(accuracySummary([curve('VSML', [0.5, 0.62]), curve('SGD', [0.4, 0.55]), curve('Adam', [0.6, 0.5])])).toBe(
      'VSML 0.62 after 80 examples; best baseline SGD 0.55',
    );
  });

  it('without baselines, one example: "VSML 1.00 after 1 example"', () => {
    expect(accuracySummary([{ label: 'VSML', x: [1], mean: [1] }])).toBe('VSML 1.00 after 1 example');
  });

  it('skips baselines without points and picks the first of equal ones', () => {
    expect(
      accuracySummary([curve('VSML', [0.3]), curve('SGD', []), curve('Adam', [0.2]), curve('Adam-deep', [0.2])]),
    ).toBe('VSML 0.30 after 40 examples; best baseline Adam 0.20');
  });

  it('"No examples yet" with no curve or no point', () => {
    expect([accuracySummary([]), accuracySummary([curve('VSML', [])])]).toEqual(['No examples yet', 'No examples yet']);
  });
});

describe('probabilitySummary', () => {
  const p = Float32Array.from([0.1, 0.81, 0.09]);
  it('"Predicted 1 (p 0.81); true label 1: correct"', () => {
    expect(probabilitySummary(p, 1, 1, [])).toBe('Predicted 1 (p 0.81); true label 1: correct');
  });
  it('names classes and says wrong: "Predicted dog (p 0.81); true label cat: wrong"', () => {
    expect(probabilitySummary(p, 0, 1, ['cat', 'dog', 'bird'])).toBe('Predicted dog (p 0.81); true label cat: wrong');
  });
  it('before the label is shown, and with no prediction', () => {
    expect([probabilitySummary(p, -1, 1, []), probabilitySummary(p, -1, -1, [])]).toEqual([
      'Predicted 1 (p 0.81); true label not shown yet',
      'No prediction yet',
    ]);
  });
});

describe('stripSummary', () => {
  it('"Last 3 examples: 2 correct" (argmax 0, 1, 1 against labels 0, 1, 0)', () => {
    expect(stripSummary(Float32Array.from([0.9, 0.1, 0.2, 0.8, 0.4, 0.6]), Int32Array.from([0, 1, 0]), 2)).toBe(
      'Last 3 examples: 2 correct',
    );
  });
  it('counts only the last 100 of 150: "Last 100 examples: 100 correct" when the first 50 are wrong', () => {
    const labels = Int32Array.from({ length: 150 }, () => 1);
    const p = Float32Array.from({ length: 300 }, (_, i) =>
      Math.floor(i / 2) < 50 ? (i % 2 === 0 ? 1 : 0) : i % 2 === 1 ? 1 : 0,
    );
    expect(stripSummary(p, labels, 2)).toBe('Last 100 examples: 100 correct');
  });
  it('"Last example: 0 correct" and "No examples yet"', () => {
    expect([
      stripSummary(Float32Array.from([0.9, 0.1]), Int32Array.from([1]), 2),
      stripSummary(new Float32Array(0), new Int32Array(0), 10),
    ]).toEqual(['Last example: 0 correct', 'No examples yet']);
  });
});

describe('heatmapSummary / sliceName', () => {
  it('"Layer 0, cell state c, dimension 0: values from −0.41 to 0.77"', () => {
    expect(heatmapSummary(sliceName(0, 'c', 0), Float32Array.from([0.1, -0.41, 0.77, 0, NaN, 0.2]), 2, 3)).toBe(
      'Layer 0, cell state c, dimension 0: values from \u22120.41 to 0.77',
    );
  });
  it('names the hidden state and the shortfall', () => {
    expect(heatmapSummary(sliceName(2, 'h', 5), new Float32Array(5), 2, 3)).toBe(
      'Layer 2, hidden state h, dimension 5: incomplete, 5 of 6 values',
    );
  });
});
