import { describe, expect, it } from 'vitest';
import { heatmapLayout } from '../../../src/ui/charts/heatmapLayout';
import { MISSING_RGBA, atlasSize, heatmapRects, paintHeatmap } from '../../../src/ui/charts/heatmapPaint';

const BLUE = [0, 0, 255, 255];
const WHITE = [255, 255, 255, 255];
const RED = [255, 0, 0, 255];
const TABLE = Uint8ClampedArray.from([...BLUE, ...WHITE, ...RED]);

describe('paintHeatmap', () => {
  it('paints a 2x2 matrix as B x A pixels through the table: 1 red, -1 blue, 0 white, NaN grey', () => {
    const layout = heatmapLayout(2, 2, null, 100);
    expect(atlasSize(layout)).toEqual({ width: 2, height: 2 });
    const out = new Uint8ClampedArray(16);
    paintHeatmap(Float32Array.from([1, -1, 0, NaN]), 2, layout, [1, 1], TABLE, out);
    expect(Array.from(out)).toEqual([...RED, ...BLUE, ...WHITE, ...MISSING_RGBA]);
  });

  it('puts pixel x of column b of 1x2 images at atlas x = 2b + x', () => {
    const layout = heatmapLayout(2, 3, { height: 1, width: 2, channels: 1 }, 100);
    expect(atlasSize(layout)).toEqual({ width: 6, height: 1 });
    const out = new Uint8ClampedArray(24);
    // values[a*3 + b]; only a = 1, b = 1 is non-zero -> atlas pixel 3.
    paintHeatmap(Float32Array.from([0, 0, 0, 0, 1, 0]), 3, layout, [1, 1, 1], TABLE, out);
    expect(Array.from(out)).toEqual([...WHITE, ...WHITE, ...WHITE, ...RED, ...WHITE, ...WHITE]);
  });

  it('colours each column on its own range: 0.5 is red on [-0.5, 0.5] and white on [-4, 4] with a 3-entry table', () => {
    const layout = heatmapLayout(1, 2, null, 100);
    const out = new Uint8ClampedArray(8);
    paintHeatmap(Float32Array.from([0.5, 0.5]), 2, layout, [0.5, 4], TABLE, out);
    expect(Array.from(out)).toEqual([...RED, ...WHITE]);
  });
});

describe('heatmapRects', () => {
  it('copies panel 7 of A=784, B=10 from atlas (56, 28, 28, 28) to (240, 148, 112, 112)', () => {
    const rects = heatmapRects(heatmapLayout(784, 10, { height: 28, width: 28, channels: 1 }, 640));
    expect(rects).toHaveLength(10);
    expect(rects[7]).toEqual({ sx: 56, sy: 28, sw: 28, sh: 28, dx: 240, dy: 148, dw: 112, dh: 112 });
  });

  it('copies a whole matrix in one rectangle', () => {
    expect(heatmapRects(heatmapLayout(32, 10, null, 600))).toEqual([
      { sx: 0, sy: 0, sw: 10, sh: 32, dx: 0, dy: 0, dw: 240, dh: 400 },
    ]);
  });
});
