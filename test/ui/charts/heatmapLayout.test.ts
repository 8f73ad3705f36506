import { describe, expect, it } from 'vitest';
import {
  cellAt,
  cellValue,
  columnImageIndex,
  heatmapLayout,
  imageIndex,
  isImageSlice,
} from '../../../src/ui/charts/heatmapLayout';

const MNIST = { height: 28, width: 28, channels: 1 };

describe('imageIndex / columnImageIndex (channels-last, as src/data stores images)', () => {
  it('pixel (y 14, x 20) of a 28x28x1 image is row a = 412', () => {
    expect(imageIndex(14, 20, 0, MNIST)).toBe(412);
  });

  it('channel 2 of pixel (1, 0) of a 2x2x3 image is a = 8', () => {
    expect(imageIndex(1, 0, 2, { height: 2, width: 2, channels: 3 })).toBe(8);
  });

  it('pixel (1, 2) of column b = 3 with B = 10 is values[(1*28 + 2) * 10 + 3] = values[303]', () => {
    expect(columnImageIndex(3, 10, 1, 2, 0, MNIST)).toBe(303);
  });
});

describe('isImageSlice', () => {
  it('holds only when height * width * channels = A', () => {
    expect([isImageSlice(784, MNIST), isImageSlice(32, MNIST), isImageSlice(784, null)]).toEqual([true, false, false]);
  });
});

describe('heatmapLayout', () => {
  it('A=784, B=10, 28x28 in 640 px: a 5 x 2 grid of 112 px panels (scale 4), panel 7 at (240, 148)', () => {
    const l = heatmapLayout(784, 10, MNIST, 640);
    if (l.kind !== 'images') throw new Error('expected images');
    expect([l.gridCols, l.gridRows, l.scale, l.width, l.height]).toEqual([5, 2, 4, 592, 260]);
    expect(l.panels[7]).toEqual({ b: 7, x: 240, y: 148, width: 112, height: 112 });
  });

  it('A=784, B=32 in 640 px: an 8 x 4 grid of 56 px panels (scale 2)', () => {
    const l = heatmapLayout(784, 32, MNIST, 640);
    if (l.kind !== 'images') throw new Error('expected images');
    expect([l.gridCols, l.gridRows, l.scale, l.width, l.height]).toEqual([8, 4, 2, 504, 304]);
  });

  it('A=32, B=10 in 600 px: a matrix of 24 x 12.5 px cells, 240 x 400 px', () => {
    expect(heatmapLayout(32, 10, MNIST, 600)).toEqual({
      kind: 'matrix',
      rows: 32,
      cols: 10,
      cellWidth: 24,
      cellHeight: 12.5,
      width: 240,
      height: 400,
    });
  });
});

describe('cellAt', () => {
  const images = heatmapLayout(784, 10, MNIST, 640);
  it('finds panel 7, pixel (y 14, x 20), a = 412 at (321, 206)', () => {
    expect(cellAt(images, 240 + 4 * 20 + 1, 148 + 4 * 14 + 2)).toEqual({ a: 412, b: 7, y: 14, x: 20 });
  });

  it('is null in the gap between panels, on a panel label and outside', () => {
    expect([cellAt(images, 115, 20), cellAt(images, 20, 5), cellAt(images, -1, 20), cellAt(images, 20, 400)]).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });

  it('finds row a = 2, column b = 1 of a matrix at (30, 26) with 24 x 12.5 px cells', () => {
    const m = heatmapLayout(32, 10, MNIST, 600);
    expect(cellAt(m, 30, 26)).toEqual({ a: 2, b: 1, y: 2, x: 1 });
    expect(cellAt(m, 240, 26)).toBeNull();
  });
});

describe('cellValue', () => {
  it('is values[a*B + b] in a matrix and the mean over channels for an image pixel', () => {
    // A 1x2x3 image (A = 6), B = 2, values[a*2 + b] = a + 10 b.
    const shape = { height: 1, width: 2, channels: 3 };
    const values = Float32Array.from({ length: 12 }, (_, i) => Math.floor(i / 2) + 10 * (i % 2));
    const images = heatmapLayout(6, 2, shape, 100);
    expect(cellValue(values, 2, images, { a: 3, b: 1, y: 0, x: 1 })).toBe(14);
    const matrix = heatmapLayout(6, 2, null, 100);
    expect(cellValue(values, 2, matrix, { a: 3, b: 1, y: 3, x: 1 })).toBe(13);
  });
});

describe('heatmapLayout within a height', () => {
  it('A=784, B=10, 28x28 in 640 x 200 px with 18 px labels: the 5 x 2 grid at scale 2 (56 px panels), 156 px tall', () => {
    const l = heatmapLayout(784, 10, MNIST, 640, 200, 18);
    if (l.kind !== 'images') throw new Error('expected images');
    // (200 - 2 * 18 - 8) / (2 * 28) = 2.79 -> floor 2
    expect([l.scale, l.width, l.height]).toEqual([2, 312, 156]);
    expect(l.panels[7]).toEqual({ b: 7, x: 128, y: 100, width: 56, height: 56 });
    expect(l.height).toBeLessThanOrEqual(200);
  });

  it('A=32, B=10 as a matrix at most 96 px tall: cells 3 px high, 24 px wide', () => {
    const l = heatmapLayout(32, 10, null, 640, 96);
    if (l.kind !== 'matrix') throw new Error('expected a matrix');
    expect([l.cellWidth, l.cellHeight, l.width, l.height]).toEqual([24, 3, 240, 96]);
  });
});
