// IDX files (the MNIST format): big-endian header, then uint8 data.
//   images: magic 0x00000803, count, rows, cols, then count*rows*cols bytes
//   labels: magic 0x00000801, count, then count bytes
// Parsers check the magic and that the header's count matches the bytes exactly; encoders write
// uncompressed files. Pure bytes: reading a (possibly gzipped) file is src/data/idx.ts.
import { fail, ok, type Result } from '../result';

export const IDX_IMAGES_MAGIC = 0x00000803;
export const IDX_LABELS_MAGIC = 0x00000801;

export interface IdxImages {
  readonly count: number;
  readonly rows: number;
  readonly cols: number;
  /** [count][rows][cols], a view into the file's bytes. */
  readonly pixels: Uint8Array;
}

const hex = (n: number): string => `0x${n.toString(16).padStart(8, '0')}`;

const u32 = (b: Uint8Array, at: number): number =>
  ((b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]) >>> 0;

function checkMagic(data: Uint8Array, field: string, want: number, what: string, headerBytes: number): Result<true> {
  if (data.length < headerBytes) {
    return fail('truncated', field, `is ${data.length} bytes, shorter than the ${headerBytes}-byte IDX ${what} header`);
  }
  const magic = u32(data, 0);
  if (magic === want) return ok(true);
  const other =
    magic === IDX_IMAGES_MAGIC ? ' (an IDX image file)' : magic === IDX_LABELS_MAGIC ? ' (an IDX label file)' : '';
  return fail('magic', field, `bad magic ${hex(magic)}${other}, expected ${hex(want)} (IDX ${what}, uint8)`);
}

function checkLength(data: Uint8Array, field: string, header: number, body: number, what: string): Result<true> {
  const want = header + body;
  if (data.length < want)
    return fail(
      'truncated',
      field,
      `truncated: the header declares ${what} (${want} bytes), the data has ${data.length}`,
    );
  if (data.length > want)
    return fail('length', field, `${data.length - want} bytes after the ${what} the header declares`);
  return ok(true);
}

export function parseIdxImages(data: Uint8Array, field: string): Result<IdxImages> {
  const m = checkMagic(data, field, IDX_IMAGES_MAGIC, 'images', 16);
  if (!m.ok) return m;
  const count = u32(data, 4);
  const rows = u32(data, 8);
  const cols = u32(data, 12);
  if (count === 0) return fail('shape', field, 'holds 0 images');
  if (rows === 0 || cols === 0 || rows > 4096 || cols > 4096) {
    return fail('shape', field, `image size ${rows}x${cols} is outside 1..4096`);
  }
  const size = count * rows * cols;
  const len = checkLength(data, field, 16, size, `${count} images of ${rows}x${cols}`);
  if (!len.ok) return len;
  return ok({ count, rows, cols, pixels: data.subarray(16, 16 + size) });
}

/** The labels, a view into the file's bytes. */
export function parseIdxLabels(data: Uint8Array, field: string): Result<Uint8Array> {
  const m = checkMagic(data, field, IDX_LABELS_MAGIC, 'labels', 8);
  if (!m.ok) return m;
  const count = u32(data, 4);
  if (count === 0) return fail('shape', field, 'holds 0 labels');
  const len = checkLength(data, field, 8, count, `${count} labels`);
  if (!len.ok) return len;
  return ok(data.subarray(8, 8 + count));
}

function header(magic: number, dims: readonly number[], body: number): { out: Uint8Array; at: number } {
  const at = 4 + 4 * dims.length;
  const out = new Uint8Array(at + body);
  const view = new DataView(out.buffer);
  view.setUint32(0, magic);
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d));
  return { out, at };
}

/** An IDX image file (uncompressed) for count images of rows x cols. */
export function encodeIdxImages(count: number, rows: number, cols: number, pixels: Uint8Array): Uint8Array {
  const { out, at } = header(IDX_IMAGES_MAGIC, [count, rows, cols], count * rows * cols);
  out.set(pixels.subarray(0, count * rows * cols), at);
  return out;
}

/** An IDX label file (uncompressed). */
export function encodeIdxLabels(labels: ArrayLike<number>): Uint8Array {
  const { out, at } = header(IDX_LABELS_MAGIC, [labels.length], labels.length);
  for (let i = 0; i < labels.length; i++) out[at + i] = labels[i];
  return out;
}
