// centreLikeMnist: a blank drawing has nothing to centre; a 20 x 20 square in a corner moves to the
// middle unscaled; a small stroke off to one side ends with its centre of mass at the field's centre
// and its box scaled up at most MAX_SCALE times; a large one is scaled to fit 20 x 20.
import { describe, expect, it } from 'vitest';
import { centreLikeMnist, MAX_SCALE } from '../../../src/ui/pad/centre';
import { emptyInk, inkPixels, inkSegment } from '../../../src/ui/pad/ink';
import type { Drawing } from '../../../src/model/explainTypes';

const SIDE = 28;

function moments(d: Drawing): {
  mass: number;
  cx: number;
  cy: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
} {
  let mass = 0, mx = 0, my = 0, left = SIDE, right = -1, top = SIDE, bottom = -1; // prettier-ignore
  for (let y = 0; y < d.height; y++) {
    for (let x = 0; x < d.width; x++) {
      const v = d.pixels[y * d.width + x];
      if (v === 0) continue;
      mass += v;
      mx += v * (x + 0.5);
      my += v * (y + 0.5);
      [left, right, top, bottom] = [Math.min(left, x), Math.max(right, x), Math.min(top, y), Math.max(bottom, y)];
    }
  }
  return { mass, cx: mx / mass, cy: my / mass, left, right, top, bottom };
}

const drawn = (strokes: readonly (readonly [number, number, number, number])[]): Drawing => {
  const g = emptyInk(SIDE);
  for (const [x0, y0, x1, y1] of strokes) inkSegment(g, x0, y0, x1, y1);
  return { width: SIDE, height: SIDE, pixels: inkPixels(g) };
};

describe('centreLikeMnist', () => {
  it('has nothing to centre in a blank drawing', () => {
    expect(centreLikeMnist({ width: SIDE, height: SIDE, pixels: new Uint8ClampedArray(784) })).toBeNull();
  });

  it('moves a solid 20 x 20 square from the top left corner to rows and columns 4..23, unscaled, its edges softened', () => {
    const pixels = new Uint8ClampedArray(784);
    for (let y = 0; y < 20; y++) pixels.fill(255, y * 28, y * 28 + 20);
    const c = centreLikeMnist({ width: SIDE, height: SIDE, pixels });
    expect(c?.info).toEqual({ scale: 1, centreX: 10, centreY: 10 });
    const m = moments(c?.drawing ?? { width: 0, height: 0, pixels: new Uint8ClampedArray(0) });
    expect([m.cx, m.cy]).toEqual([14, 14]);
    expect(c?.drawing.pixels[10 * 28 + 10]).toBe(255);
    expect([...(c?.drawing.pixels.subarray(14 * 28, 14 * 28 + 28) ?? [])]).toEqual([
      ...[0, 0, 0, 32, 223],
      ...new Array<number>(18).fill(255),
      ...[223, 32, 0, 0, 0],
    ]); // bilinear supersampling softens each edge: 32 + 223 = 255, the ink is kept
  });

  it('puts a small stroke near the top right at the centre (within 0.2 px), enlarged MAX_SCALE times', () => {
    const c = centreLikeMnist(drawn([[18, 3, 24, 7]]));
    expect(c?.info.scale).toBe(MAX_SCALE);
    const m = moments(c?.drawing ?? drawn([]));
    expect(Math.abs(m.cx - 14)).toBeLessThan(0.2);
    expect(Math.abs(m.cy - 14)).toBeLessThan(0.2);
  });

  it('scales a box drawn edge to edge (26 px) to fit 20 x 20, centred', () => {
    const box = drawn([
      [1, 1, 27, 1],
      [27, 1, 27, 27],
      [27, 27, 1, 27],
      [1, 27, 1, 1],
    ]);
    const c = centreLikeMnist(box);
    const before = moments(box);
    expect(c?.info.scale).toBeCloseTo(20 / (before.right - before.left + 1), 12);
    const m = moments(c?.drawing ?? box);
    expect(m.right - m.left + 1).toBeGreaterThanOrEqual(20);
    expect(m.right - m.left + 1).toBeLessThanOrEqual(22);
    expect(Math.abs(m.cx - 14)).toBeLessThan(0.05);
    expect(Math.abs(m.cy - 14)).toBeLessThan(0.05);
  });
});
