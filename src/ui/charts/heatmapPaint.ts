// Paints a state slice values[a*B + b] into an RGBA "atlas" through a colour table, one atlas pixel per
// shown value; the component then scales the atlas up, nearest-neighbour. Pure (no DOM): the output
// is a plain byte array an ImageData can wrap.
import type { HeatmapLayout } from './heatmapLayout';
import { tableIndex } from './heatmapScale';

/** RGBA of a non-finite value (NaN, ±Infinity): mid grey. */
export const MISSING_RGBA = [204, 204, 204, 255] as const;

/** Atlas size in pixels: images side by side in their grid (width x height each), or B x A for a matrix. */
export function atlasSize(layout: HeatmapLayout): { width: number; height: number } {
  if (layout.kind === 'matrix') return { width: layout.cols, height: layout.rows };
  return { width: layout.gridCols * layout.shape.width, height: layout.gridRows * layout.shape.height };
}

/** Where panel b starts in the atlas (its top-left pixel). */
export function atlasOrigin(layout: HeatmapLayout, b: number): { x: number; y: number } {
  if (layout.kind === 'matrix') return { x: b, y: 0 };
  return { x: (b % layout.gridCols) * layout.shape.width, y: Math.floor(b / layout.gridCols) * layout.shape.height };
}

function put(out: Uint8ClampedArray, at: number, table: Uint8ClampedArray, v: number, r: number): void {
  const i = tableIndex(v, r, table.length / 4);
  if (i < 0) {
    out.set(MISSING_RGBA, at);
    return;
  }
  out[at] = table[i * 4];
  out[at + 1] = table[i * 4 + 1];
  out[at + 2] = table[i * 4 + 2];
  out[at + 3] = table[i * 4 + 3];
}

/**
 * Colour every value into `out` (atlasSize(layout) pixels, RGBA): column b on the range [-ranges[b], ranges[b]];
 * image pixels take the mean over their channels. Atlas pixels no panel covers stay transparent.
 */
export function paintHeatmap(
  values: ArrayLike<number>,
  cols: number,
  layout: HeatmapLayout,
  ranges: ArrayLike<number>,
  table: Uint8ClampedArray,
  out: Uint8ClampedArray,
): void {
  const { width: aw } = atlasSize(layout);
  out.fill(0);
  if (layout.kind === 'matrix') {
    for (let a = 0; a < layout.rows; a++) {
      for (let b = 0; b < cols; b++) put(out, (a * aw + b) * 4, table, values[a * cols + b], ranges[b]);
    }
    return;
  }
  const { height: H, width: W, channels: C } = layout.shape;
  for (let b = 0; b < cols; b++) {
    const o = atlasOrigin(layout, b);
    for (let y = 0; y < H; y++) {
      for (let x = 0; x < W; x++) {
        const a0 = (y * W + x) * C;
        let v = values[a0 * cols + b];
        for (let c = 1; c < C; c++) v += values[(a0 + c) * cols + b];
        put(out, ((o.y + y) * aw + o.x + x) * 4, table, C === 1 ? v : v / C, ranges[b]);
      }
    }
  }
}

/** Atlas pixels (sx, sy, sw, sh) drawn to CSS pixels (dx, dy, dw, dh). */
export interface CanvasRect {
  readonly sx: number;
  readonly sy: number;
  readonly sw: number;
  readonly sh: number;
  readonly dx: number;
  readonly dy: number;
  readonly dw: number;
  readonly dh: number;
}

/** What to copy from the atlas to the drawing: one rectangle per panel, or the whole matrix. */
export function heatmapRects(layout: HeatmapLayout): CanvasRect[] {
  if (layout.kind === 'matrix') {
    return [{ sx: 0, sy: 0, sw: layout.cols, sh: layout.rows, dx: 0, dy: 0, dw: layout.width, dh: layout.height }];
  }
  const { width: W, height: H } = layout.shape;
  return layout.panels.map((p) => {
    const o = atlasOrigin(layout, p.b);
    return { sx: o.x, sy: o.y, sw: W, sh: H, dx: p.x, dy: p.y, dw: p.width, dh: p.height };
  });
}
