// Labelled drawings (the studio's drawing pad) as an IDX pair, the MNIST format the data panel reads
// back: images (magic 0x00000803, count, rows, cols, uint8 pixels) and labels (0x00000801, count,
// uint8). Every drawing must have the same size; labels are class indices 0..255. Pure.
import type { Drawing } from '../explainTypes';
import { fail, ok, type Result } from '../result';
import { encodeIdxImages, encodeIdxLabels } from './idx';

export interface LabelledDrawing {
  readonly drawing: Drawing;
  /** Class index (0-based). */
  readonly label: number;
}

export interface IdxPair {
  readonly images: Uint8Array;
  readonly labels: Uint8Array;
}

/** The two IDX files of these drawings, in their order; a refusal names the drawing and its field. */
export function encodeDrawingsIdx(items: readonly LabelledDrawing[]): Result<IdxPair> {
  if (items.length === 0) return fail('empty', 'drawings', 'there are no drawings to export');
  const { width, height } = items[0].drawing;
  const size = width * height;
  const pixels = new Uint8Array(items.length * size);
  for (let i = 0; i < items.length; i++) {
    const { drawing, label } = items[i];
    if (drawing.width !== width || drawing.height !== height) {
      return fail(
        'shape',
        `drawings[${i}].drawing`,
        `is ${drawing.height}x${drawing.width}, the first drawing is ${height}x${width} (one IDX file holds one size)`,
      );
    }
    if (drawing.pixels.length !== size) {
      return fail(
        'shape',
        `drawings[${i}].drawing.pixels`,
        `has ${drawing.pixels.length} values, ${height}x${width} needs ${size}`,
      );
    }
    if (!Number.isInteger(label) || label < 0 || label > 255) {
      return fail('range', `drawings[${i}].label`, `must be an integer in [0, 255] (one IDX label byte), got ${label}`);
    }
    pixels.set(drawing.pixels, i * size);
  }
  return ok({
    images: encodeIdxImages(items.length, height, width, pixels),
    labels: encodeIdxLabels(items.map((d) => d.label)),
  });
}
