// Paints an RGBA atlas (one pixel per value) onto a canvas, scaled up nearest-neighbour at the
// device pixel ratio: putImageData into a reused offscreen canvas, then one drawImage per rectangle.
import type { CanvasRect } from './heatmapPaint';

const atlases = new WeakMap<HTMLCanvasElement, { canvas: HTMLCanvasElement; image: ImageData }>();

/** The ImageData (width x height) kept for `canvas`'s atlas; reused while the size stays the same. */
export function atlasImage(canvas: HTMLCanvasElement, width: number, height: number): ImageData {
  let a = atlases.get(canvas);
  if (!a || a.image.width !== width || a.image.height !== height) {
    const offscreen = document.createElement('canvas');
    offscreen.width = Math.max(1, width);
    offscreen.height = Math.max(1, height);
    a = { canvas: offscreen, image: new ImageData(Math.max(1, width), Math.max(1, height)) };
    atlases.set(canvas, a);
  }
  return a.image;
}

/**
 * Size `canvas` to cssWidth x cssHeight CSS pixels (times devicePixelRatio), clear it and draw the atlas
 * that atlasImage(canvas, ...) holds: each rectangle copies atlas pixels (sx, sy, sw, sh) to CSS pixels (dx, dy, dw,
 * dh).
 */
export function drawAtlas(
  canvas: HTMLCanvasElement,
  cssWidth: number,
  cssHeight: number,
  rects: readonly CanvasRect[],
): void {
  const a = atlases.get(canvas);
  const context = canvas.getContext('2d');
  if (!a || !context) return;
  const dpr = globalThis.devicePixelRatio || 1;
  const w = Math.max(1, Math.round(cssWidth * dpr));
  const h = Math.max(1, Math.round(cssHeight * dpr));
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  canvas.style.width = `${cssWidth}px`;
  canvas.style.height = `${cssHeight}px`;
  a.canvas.getContext('2d')?.putImageData(a.image, 0, 0);
  context.setTransform(dpr, 0, 0, dpr, 0, 0);
  context.clearRect(0, 0, cssWidth, cssHeight);
  context.imageSmoothingEnabled = false;
  for (const r of rects) context.drawImage(a.canvas, r.sx, r.sy, r.sw, r.sh, r.dx, r.dy, r.dw, r.dh);
}
