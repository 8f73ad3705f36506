// The pad's brush: brushInk's profile, inkSegment on a 28 x 28 grid (a point, a horizontal stroke,
// the same path in one segment or many gives the same pixels), inkPixels' bytes.
import { describe, expect, it } from 'vitest';
import { BRUSH_CORE, BRUSH_EDGE, brushInk, emptyInk, inkPixels, inkSegment, isBlank } from '../../../src/ui/pad/ink';

describe('brushInk', () => {
  it('is 1 inside the core, 0 from the edge on, 0.5 halfway between, and falls monotonically', () => {
    expect(brushInk(0)).toBe(1);
    expect(brushInk(BRUSH_CORE)).toBe(1);
    expect(brushInk(BRUSH_EDGE)).toBe(0);
    expect(brushInk((BRUSH_CORE + BRUSH_EDGE) / 2)).toBeCloseTo(0.5, 12);
    for (let d = 0; d < 2.5; d += 0.05) expect(brushInk(d + 0.05)).toBeLessThanOrEqual(brushInk(d));
  });
});

describe('inkSegment', () => {
  it('inks a point at (14, 14) on 28 x 28: the 4 pixels around it full, the ink symmetric, nothing beyond the edge', () => {
    const g = emptyInk(28);
    expect(isBlank(g)).toBe(true);
    expect(inkSegment(g, 14, 14, 14, 14)).toBe(true);
    const v = (x: number, y: number) => g.values[y * 28 + x];
    expect([v(13, 13), v(14, 13), v(13, 14), v(14, 14)]).toEqual([1, 1, 1, 1]);
    expect(v(15, 14)).toBeCloseTo(brushInk(Math.hypot(1.5, 0.5)), 6);
    expect(v(12, 14)).toBe(v(15, 14));
    expect(v(16, 14)).toBe(0);
    const inked = g.values.reduce((n, x) => n + (x > 0 ? 1 : 0), 0);
    expect(inked).toBe(12);
  });

  it('gives the same pixels for a stroke drawn in one segment or in 7 pieces', () => {
    const one = emptyInk(28);
    inkSegment(one, 4, 6.3, 22, 19.1);
    const many = emptyInk(28);
    for (let k = 0; k < 7; k++)
      inkSegment(many, 4 + (18 * k) / 7, 6.3 + (12.8 * k) / 7, 4 + (18 * (k + 1)) / 7, 6.3 + (12.8 * (k + 1)) / 7);
    for (let i = 0; i < 784; i++) expect(many.values[i]).toBeCloseTo(one.values[i], 6);
  });

  it('keeps the most ink a pixel got (a second, fainter pass changes nothing) and clips at the border', () => {
    const g = emptyInk(28);
    inkSegment(g, 0, 0, 27.9, 0);
    const before = Float32Array.from(g.values);
    expect(inkSegment(g, 0, 0, 27.9, 0)).toBe(false);
    expect(inkSegment(g, 0, -0.5, 27.9, -0.5)).toBe(false);
    expect(g.values).toEqual(before);
    expect(
      inkPixels(g)
        .subarray(0, 28)
        .every((b) => b === 255),
    ).toBe(true);
  });
});

describe('inkPixels', () => {
  it('rounds ink to bytes 0..255', () => {
    const g = emptyInk(2);
    g.values.set([0, 0.5, 0.999, 1]);
    expect([...inkPixels(g)]).toEqual([0, 128, 255, 255]);
  });
});
