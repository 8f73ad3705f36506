// The IDX writers against the readers: encodeIdxImages / encodeIdxLabels and encodeDrawingsIdx (the
// drawing pad's export) parse back to the same counts, sizes, pixels and labels, header bytes exact.
import { describe, expect, it } from 'vitest';
import { encodeDrawingsIdx } from '../../src/model/formats/drawingsIdx';
import { encodeIdxImages, encodeIdxLabels, parseIdxImages, parseIdxLabels } from '../../src/model/formats/idx';
import type { Drawing } from '../../src/model/explainTypes';
import { formatFieldError } from '../../src/model/result';

const drawing = (width: number, height: number, seed: number): Drawing => ({
  width,
  height,
  pixels: Uint8ClampedArray.from({ length: width * height }, (_, i) => (i * 37 + seed * 11) % 256),
});

describe('encodeIdxImages / encodeIdxLabels', () => {
  it('round-trips 3 images of 2x4 and their labels through parseIdxImages / parseIdxLabels', () => {
    const pixels = Uint8Array.from({ length: 24 }, (_, i) => 255 - i * 10);
    const images = encodeIdxImages(3, 2, 4, pixels);
    expect([...images.subarray(0, 16)]).toEqual([0, 0, 8, 3, 0, 0, 0, 3, 0, 0, 0, 2, 0, 0, 0, 4]);
    const parsed = parseIdxImages(images, 'imgs');
    expect(
      parsed.ok && {
        count: parsed.value.count,
        rows: parsed.value.rows,
        cols: parsed.value.cols,
        pixels: [...parsed.value.pixels],
      },
    ).toEqual({
      count: 3,
      rows: 2,
      cols: 4,
      pixels: [...pixels],
    });
    const labels = encodeIdxLabels([7, 0, 255]);
    expect([...labels]).toEqual([0, 0, 8, 1, 0, 0, 0, 3, 7, 0, 255]);
    const back = parseIdxLabels(labels, 'lbls');
    expect(back.ok && [...back.value]).toEqual([7, 0, 255]);
  });
});

describe('encodeDrawingsIdx', () => {
  it('writes two 28x28 drawings labelled 3 and 9 as an IDX pair that parses back to the same pixels and labels', () => {
    const a = drawing(28, 28, 1);
    const b = drawing(28, 28, 2);
    const pair = encodeDrawingsIdx([
      { drawing: a, label: 3 },
      { drawing: b, label: 9 },
    ]);
    if (!pair.ok) throw new Error(formatFieldError(pair.error));
    expect(pair.value.images.length).toBe(16 + 2 * 784);
    expect(pair.value.labels.length).toBe(8 + 2);
    const images = parseIdxImages(pair.value.images, 'drawings-images');
    if (!images.ok) throw new Error(formatFieldError(images.error));
    expect([images.value.count, images.value.rows, images.value.cols]).toEqual([2, 28, 28]);
    expect([...images.value.pixels.subarray(0, 784)]).toEqual([...a.pixels]);
    expect([...images.value.pixels.subarray(784)]).toEqual([...b.pixels]);
    const labels = parseIdxLabels(pair.value.labels, 'drawings-labels');
    expect(labels.ok && [...labels.value]).toEqual([3, 9]);
  });

  it('refuses no drawings, a drawing of another size, and a label outside one byte, naming the field', () => {
    const refusal = (r: ReturnType<typeof encodeDrawingsIdx>) => (r.ok ? 'ok' : formatFieldError(r.error));
    expect(refusal(encodeDrawingsIdx([]))).toBe('drawings: there are no drawings to export');
    expect(
      refusal(
        encodeDrawingsIdx([
          { drawing: drawing(28, 28, 0), label: 1 },
          { drawing: drawing(14, 14, 0), label: 1 },
        ]),
      ),
    ).toBe('drawings[1].drawing: is 14x14, the first drawing is 28x28 (one IDX file holds one size)');
    expect(refusal(encodeDrawingsIdx([{ drawing: drawing(4, 4, 0), label: 256 }]))).toBe(
      'drawings[0].label: must be an integer in [0, 255] (one IDX label byte), got 256',
    );
    expect(
      refusal(encodeDrawingsIdx([{ drawing: { width: 4, height: 4, pixels: new Uint8ClampedArray(15) }, label: 0 }])),
    ).toBe('drawings[0].drawing.pixels: has 15 values, 4x4 needs 16');
  });
});
