// CIFAR-10 binary batches: records of 3073 bytes, a label byte (0..9) then the 32x32 image as 1024 R,
// 1024 G, 1024 B values, each plane row-major; no header. Decoded to channels-last [N][32][32][3], the
// layout of TFDS images that the official code flattens.
import { fail, ok, type Result } from '../model/result';
import { fileContent } from './gunzip';
import { MAX_DATA_BYTES } from '../model/formats/fileLimits';
import type { FileInput } from './types';

export const CIFAR_SIDE = 32;
export const CIFAR_PLANE = CIFAR_SIDE * CIFAR_SIDE;
export const CIFAR_RECORD_BYTES = 1 + 3 * CIFAR_PLANE;
export const CIFAR_CLASSES = 10;

export interface CifarBatch {
  readonly count: number;
  /** [N][32][32][3] (channels last). */
  readonly pixels: Uint8Array;
  /** [N] in 0..9. */
  readonly labels: Uint8Array;
}

export function parseCifar10(data: Uint8Array, field: string): Result<CifarBatch> {
  if (data.length === 0) return fail('shape', field, 'is empty (expected 3073-byte CIFAR-10 records)');
  const count = Math.floor(data.length / CIFAR_RECORD_BYTES);
  const rest = data.length - count * CIFAR_RECORD_BYTES;
  if (rest !== 0) {
    return fail(
      'length',
      field,
      `is ${data.length} bytes, not a whole number of 3073-byte CIFAR-10 records (${count} records and ${rest} bytes over)`,
    );
  }
  const pixels = new Uint8Array(count * 3 * CIFAR_PLANE);
  const labels = new Uint8Array(count);
  for (let n = 0; n < count; n++) {
    const rec = n * CIFAR_RECORD_BYTES;
    const label = data[rec];
    if (label >= CIFAR_CLASSES) return fail('range', field, `record ${n} has label ${label}, outside 0..9`);
    labels[n] = label;
    const out = n * 3 * CIFAR_PLANE;
    for (let p = 0; p < CIFAR_PLANE; p++) {
      pixels[out + 3 * p] = data[rec + 1 + p];
      pixels[out + 3 * p + 1] = data[rec + 1 + CIFAR_PLANE + p];
      pixels[out + 3 * p + 2] = data[rec + 1 + 2 * CIFAR_PLANE + p];
    }
  }
  return ok({ count, pixels, labels });
}

/** Decompress (if gzipped) and parse a CIFAR-10 binary batch. */
export async function readCifar10(file: FileInput, maxBytes = MAX_DATA_BYTES): Promise<Result<CifarBatch>> {
  const data = await fileContent(file, maxBytes);
  return data.ok ? parseCifar10(data.value, file.name) : data;
}
