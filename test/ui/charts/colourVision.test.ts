// The learner palette stays colour-blind safe: every pair of learner colours stays at least ΔE*ab 15
// apart (CIELAB, CIE76) with normal vision and under simulated protanopia, deuteranopia and tritanopia
// (Machado et al. 2009, severity 1); the Tableau 10 colours it replaced did not.
import { describe, expect, it } from 'vitest';
import { closestPair, deltaE, hexRgb, lab, linearRgb, simulate } from '../../../src/ui/charts/colourVision';
import { LEARNER_COLOURS, learnerColour, learnerDash } from '../../../src/ui/charts/palette';

const STUDIO = LEARNER_COLOURS.slice(0, 5); // VSML, SGD, Adam, SGD-deep, Adam-deep
const MIN_DELTA_E = 15;
const closest = (colours: readonly string[], d?: Parameters<typeof closestPair>[1]) => {
  const c = closestPair(colours, d);
  return [Number(c.deltaE.toFixed(2)), c.i, c.j];
};

describe('colourVision', () => {
  it('lab: white is L 100, a 0, b 0; black L 0', () => {
    const white = lab(linearRgb([255, 255, 255]));
    expect(white.map((v) => Number(v.toFixed(2)) + 0)).toEqual([100, 0, 0]);
    expect(lab(linearRgb([0, 0, 0]))[0]).toBe(0);
  });

  it('simulate keeps greys grey (every Machado row sums to 1 within 2e-6): mid grey stays 0.21586 per channel', () => {
    const grey = linearRgb([128, 128, 128]);
    for (const d of ['protanopia', 'deuteranopia', 'tritanopia'] as const) {
      for (const v of simulate(grey, d)) expect(v).toBeCloseTo(0.21586, 5);
    }
  });

  it('deltaE of pure red and pure green is 170.57 (CIE76)', () => {
    expect(deltaE(lab(linearRgb(hexRgb('#ff0000'))), lab(linearRgb(hexRgb('#00ff00')))).toFixed(2)).toBe('170.57');
  });

  it('hexRgb refuses anything but "#rrggbb", naming it', () => {
    expect(() => hexRgb('orange')).toThrow('expected "#rrggbb", got "orange"');
  });
});

describe('learner palette (Okabe–Ito)', () => {
  it('is VSML blue #0072b2, SGD orange, Adam vermillion, SGD-deep sky blue, Adam-deep reddish purple; wraps after 8', () => {
    expect(STUDIO).toEqual(['#0072b2', '#e69f00', '#d55e00', '#56b4e9', '#cc79a7']);
    expect(learnerColour(8)).toBe(learnerColour(0));
  });

  it('the five studio learners: closest pair ΔE 26.43 normal, 20.66 protanopia, 18.35 deuteranopia, 17.18 tritanopia (all >= 15)', () => {
    expect(closest(STUDIO)).toEqual([26.43, 0, 3]);
    expect(closest(STUDIO, 'protanopia')).toEqual([20.66, 3, 4]);
    expect(closest(STUDIO, 'deuteranopia')).toEqual([18.35, 1, 2]);
    expect(closest(STUDIO, 'tritanopia')).toEqual([17.18, 1, 4]);
    for (const d of [undefined, 'protanopia', 'deuteranopia', 'tritanopia'] as const)
      expect(closestPair(STUDIO, d).deltaE).toBeGreaterThanOrEqual(MIN_DELTA_E);
  });

  it('all 8 colours: closest pair ΔE >= 16.05 under every simulation (tritanopia: sky blue and bluish green)', () => {
    expect(closest(LEARNER_COLOURS, 'tritanopia')).toEqual([16.05, 3, 5]);
    expect(closest(LEARNER_COLOURS, 'deuteranopia')).toEqual([17.04, 1, 7]);
    for (const d of [undefined, 'protanopia', 'deuteranopia', 'tritanopia'] as const)
      expect(closestPair(LEARNER_COLOURS, d).deltaE).toBeGreaterThanOrEqual(16.05);
  });

  it('the Tableau 10 colours it replaced: Adam (red) and Adam-deep (green) ΔE 0.90 under deuteranopia, one olive', () => {
    expect(closest(['#4e79a7', '#f28e2c', '#e15759', '#76b7b2', '#59a14f'], 'deuteranopia')).toEqual([0.9, 2, 4]);
  });
});

describe('learnerDash', () => {
  it('VSML solid; each baseline its own pattern in multiples of the line width (1.5 px)', () => {
    expect(Array.from({ length: 5 }, (_, i) => learnerDash(i, 1.5))).toEqual([
      undefined,
      '6,3',
      '1.5,2.25',
      '9,3,1.5,3',
      '3,3',
    ]);
  });

  it('scales with the line width: SGD at 3 px is 12,6', () => {
    expect(learnerDash(1, 3)).toBe('12,6');
  });
});
