import { describe, expect, it } from 'vitest';
import { accuracyCsv, accuracyJson, imageSvgMarkup, type AccuracyExport } from '../../../src/ui/charts/export';

const exported: AccuracyExport = {
  examples: 3,
  every: 1,
  runs: 4,
  seed: 22,
  taskName: 'mnist',
  learners: {
    vsml: { mean: Float64Array.from([0, 0.5, 2 / 3]), std: Float64Array.from([0, 0.5, 0.4714045207910317]) },
    sgd: { mean: Float64Array.from([1, 0.5, 1 / 3]), std: Float64Array.from([0, 0, 0.1]) },
  },
};

describe('accuracyCsv', () => {
  it('writes examples then <name>_mean,<name>_std per learner, one row per example, 6 significant digits (3 examples, 2 learners)', () => {
    expect(accuracyCsv(exported)).toBe(
      'examples,vsml_mean,vsml_std,sgd_mean,sgd_std\n' +
        '1,0,0,1,0\n' +
        '2,0.5,0.5,0.5,0\n' +
        '3,0.666667,0.471405,0.333333,0.1\n',
    );
  });

  it('quotes names with commas or quotes and leaves missing or non-finite values empty', () => {
    const text = accuracyCsv({
      ...exported,
      examples: 2,
      learners: {
        'a,b': { mean: Float64Array.from([0.25]), std: Float64Array.from([NaN]) },
        'say "hi"': { mean: Float64Array.from([1e-7, 1]), std: Float64Array.from([0, 0]) },
      },
    });
    expect(text).toBe('examples,"a,b_mean","a,b_std","say ""hi""_mean","say ""hi""_std"\n1,0.25,,1e-7,0\n2,,,1,0\n');
  });

  it('writes one row per kept point of a thinned curve: every 4 of 9 examples gives rows 4 and 8', () => {
    const text = accuracyCsv({
      ...exported,
      examples: 9,
      every: 4,
      learners: { vsml: { mean: Float64Array.from([0.25, 0.5]), std: Float64Array.from([0, 0.1]) } },
    });
    expect(text).toBe('examples,vsml_mean,vsml_std\n4,0.25,0\n8,0.5,0.1\n');
  });
});

describe('accuracyJson', () => {
  it('wraps the curves in the {format: "vsml-accuracy", version: 2} envelope with plain arrays and every', () => {
    const text = accuracyJson(exported);
    expect(text.startsWith('{"format":"vsml-accuracy","version":2,')).toBe(true);
    expect(JSON.parse(text)).toEqual({
      format: 'vsml-accuracy',
      version: 2,
      taskName: 'mnist',
      examples: 3,
      every: 1,
      runs: 4,
      seed: 22,
      learners: {
        vsml: { mean: [0, 0.5, 0.666667], std: [0, 0.5, 0.471405] },
        sgd: { mean: [1, 0.5, 0.333333], std: [0, 0, 0.1] },
      },
    });
  });

  it('writes non-finite values as null', () => {
    const text = accuracyJson({
      ...exported,
      learners: { vsml: { mean: Float64Array.from([0.5]), std: Float64Array.from([NaN]) } },
    });
    expect(JSON.parse(text).learners).toEqual({ vsml: { mean: [0.5], std: [null] } });
  });
});

describe('imageSvgMarkup', () => {
  it('is a standalone SVG with xmlns showing the data URL at width x height', () => {
    expect(imageSvgMarkup('data:image/png;base64,AAAA', 30, 20)).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" width="30" height="20" viewBox="0 0 30 20">' +
        '<image href="data:image/png;base64,AAAA" width="30" height="20" style="image-rendering:pixelated"/></svg>',
    );
  });
});
