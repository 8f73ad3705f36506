// The drawing pad's ink, pure: a side x side grid of ink amounts in [0, 1], drawn with a soft round
// brush like an MNIST pen stroke (full ink within BRUSH_CORE pixels of the stroke's centre line,
// fading smoothly to none at BRUSH_EDGE), each pixel keeping the most ink any stroke gave it. A stroke
// is a chain of segments; each pixel's ink comes from its centre's distance to the segment, so the
// same pointer path gives the same pixels whatever its speed.

/** Radius (pad pixels) of full ink, and where the ink has faded to none. */
export const BRUSH_CORE = 0.9;
export const BRUSH_EDGE = 2.0;

export interface InkGrid {
  readonly side: number;
  /** [side][side] row-major, 0 (paper) to 1 (ink). */
  readonly values: Float32Array;
}

export const emptyInk = (side: number): InkGrid => ({ side, values: new Float32Array(side * side) });

/** Ink at distance d from the stroke's centre line: 1 inside the core, a smoothstep down to 0 at the edge. */
export function brushInk(d: number): number {
  if (d <= BRUSH_CORE) return 1;
  if (d >= BRUSH_EDGE) return 0;
  const t = (BRUSH_EDGE - d) / (BRUSH_EDGE - BRUSH_CORE);
  return t * t * (3 - 2 * t);
}

function distanceToSegment(px: number, py: number, x0: number, y0: number, x1: number, y1: number): number {
  const dx = x1 - x0;
  const dy = y1 - y0;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.min(1, Math.max(0, ((px - x0) * dx + (py - y0) * dy) / len2));
  return Math.hypot(px - (x0 + t * dx), py - (y0 + t * dy));
}

/**
 * Ink the segment (x0, y0) → (x1, y1) in pad pixels (0..side; a point when both ends agree); returns whether any pixel
 * changed.
 */
export function inkSegment(grid: InkGrid, x0: number, y0: number, x1: number, y1: number): boolean {
  const { side, values } = grid;
  const lo = (v: number) => Math.max(0, Math.floor(v - BRUSH_EDGE));
  const hi = (v: number) => Math.min(side - 1, Math.ceil(v + BRUSH_EDGE));
  let changed = false;
  for (let y = lo(Math.min(y0, y1)); y <= hi(Math.max(y0, y1)); y++) {
    for (let x = lo(Math.min(x0, x1)); x <= hi(Math.max(x0, x1)); x++) {
      const ink = Math.fround(brushInk(distanceToSegment(x + 0.5, y + 0.5, x0, y0, x1, y1)));
      const i = y * side + x;
      if (ink > values[i]) {
        values[i] = ink;
        changed = true;
      }
    }
  }
  return changed;
}

/** Whether no pixel has any ink. */
export function isBlank(grid: InkGrid): boolean {
  return grid.values.every((v) => v === 0);
}

/** Grey bytes, 0 (paper) to 255 (ink), as a Drawing's pixels. */
export function inkPixels(grid: InkGrid): Uint8ClampedArray {
  const out = new Uint8ClampedArray(grid.values.length);
  for (let i = 0; i < out.length; i++) out[i] = Math.round(grid.values[i] * 255);
  return out;
}
