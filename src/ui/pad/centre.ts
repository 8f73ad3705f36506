// Centring a drawing the way MNIST's digits were prepared, pure: the ink's bounding box is scaled to
// fit a box of 20/28 of the side (20 x 20 on 28 x 28, aspect kept; a small drawing is enlarged at most
// MAX_SCALE times, so a dot stays a dot), and the ink's centre of mass is moved onto the centre of the
// field. Resampled by averaging SUPERSAMPLE x SUPERSAMPLE bilinear samples per output pixel. A blank
// drawing has nothing to centre (null).
import type { Drawing } from '../../model/explainTypes';

export const FIT_FRACTION = 20 / 28;
export const MAX_SCALE = 1.5;
const SUPERSAMPLE = 4;

function sample(values: Float64Array, width: number, height: number, x: number, y: number): number {
  // (x, y) in pixel-centre index space: pixel i covers [i - 0.5, i + 0.5].
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const fx = x - x0;
  const fy = y - y0;
  const at = (xi: number, yi: number) =>
    xi < 0 || yi < 0 || xi >= width || yi >= height ? 0 : values[yi * width + xi];
  return (
    (1 - fy) * ((1 - fx) * at(x0, y0) + fx * at(x0 + 1, y0)) +
    fy * ((1 - fx) * at(x0, y0 + 1) + fx * at(x0 + 1, y0 + 1))
  );
}

export interface CentreInfo {
  /** The scale applied to the drawing. */
  readonly scale: number;
  /** The centre of mass before, in pixels from the top left corner. */
  readonly centreX: number;
  readonly centreY: number;
}

/** The drawing scaled and centred as MNIST's digits were, with what was done; null for a blank drawing. */
export function centreLikeMnist(drawing: Drawing): { drawing: Drawing; info: CentreInfo } | null {
  const { width, height, pixels } = drawing;
  const values = new Float64Array(pixels.length);
  let mass = 0;
  let mx = 0;
  let my = 0;
  let left = width;
  let right = -1;
  let top = height;
  let bottom = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = pixels[y * width + x] / 255;
      values[y * width + x] = v;
      if (v === 0) continue;
      mass += v;
      mx += v * (x + 0.5);
      my += v * (y + 0.5);
      left = Math.min(left, x);
      right = Math.max(right, x);
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
    }
  }
  if (mass === 0) return null;
  const centreX = mx / mass;
  const centreY = my / mass;
  const extent = Math.max(right - left + 1, bottom - top + 1);
  const scale = Math.min(MAX_SCALE, (FIT_FRACTION * Math.min(width, height)) / extent);
  const out = new Uint8ClampedArray(pixels.length);
  const n = SUPERSAMPLE * SUPERSAMPLE;
  for (let Y = 0; Y < height; Y++) {
    for (let X = 0; X < width; X++) {
      let sum = 0;
      for (let j = 0; j < SUPERSAMPLE; j++) {
        const sy = centreY + (Y + (j + 0.5) / SUPERSAMPLE - height / 2) / scale;
        for (let i = 0; i < SUPERSAMPLE; i++) {
          const sx = centreX + (X + (i + 0.5) / SUPERSAMPLE - width / 2) / scale;
          sum += sample(values, width, height, sx - 0.5, sy - 0.5);
        }
      }
      out[Y * width + X] = Math.round((255 * sum) / n);
    }
  }
  return { drawing: { width, height, pixels: out }, info: { scale, centreX, centreY } };
}
