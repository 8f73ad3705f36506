// The corpus's binary and large inputs, written into a folder at test time (never committed): small
// IDX and CIFAR-10 files (good ones and broken ones), a gzip bomb that inflates past the 256 MiB data
// limit (about 300 KB on disk, made by streaming zeros through gzip, never held whole), sparse files
// whose size is over the limits (no blocks written), and a stream with A = 10^6 inputs.
//   npx tsx test/corpus/generate.ts OUTDIR     writes them all into OUTDIR (to try them by hand)
import { createWriteStream } from 'node:fs';
import { mkdir, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { gzipSync, createGzip } from 'node:zlib';

/** Bytes the bomb inflates to: over the 256 MiB data limit. */
export const BOMB_BYTES = 300 * 2 ** 20;
/** Size of the sparse "too big" files: over the 256 MiB data limit and the 512 MiB JSON limit. */
export const SPARSE_DATA_BYTES = 300 * 2 ** 20;
export const SPARSE_JSON_BYTES = 513 * 2 ** 20;

const be32 = (...v: number[]): Buffer => {
  const b = Buffer.alloc(4 * v.length);
  v.forEach((x, i) => b.writeUInt32BE(x >>> 0, 4 * i));
  return b;
};

/** An IDX image file: header (magic, count, rows, cols) and `count * rows * cols` pixels (or `body` bytes). */
const idxImages = (count: number, rows: number, cols: number, body = count * rows * cols, magic = 0x803): Buffer =>
  Buffer.concat([be32(magic, count, rows, cols), Buffer.alloc(body, 7)]);
const idxLabels = (labels: number[], magic = 0x801): Buffer =>
  Buffer.concat([be32(magic, labels.length), Buffer.from(labels)]);
/** CIFAR-10 records: a label byte, then 3072 pixels. */
const cifar = (labels: number[], extra = 0): Buffer =>
  Buffer.concat([
    ...labels.map((l) => Buffer.concat([Buffer.from([l]), Buffer.alloc(3072, 9)])),
    Buffer.alloc(extra, 1),
  ]);

/** Streams `bytes` zeros through gzip into `path`, a MiB at a time. */
async function gzipZeros(path: string, bytes: number): Promise<void> {
  const zeros = Buffer.alloc(2 ** 20);
  async function* chunks() {
    for (let left = bytes; left > 0; left -= zeros.length) yield left >= zeros.length ? zeros : zeros.subarray(0, left);
  }
  await pipeline(chunks(), createGzip({ level: 9 }), createWriteStream(path));
}

/** A file of `bytes` bytes with no blocks on disk. */
async function sparse(path: string, bytes: number): Promise<void> {
  await writeFile(path, '');
  await truncate(path, bytes);
}

/** Names (as the case table writes them after "gen:") to the file each becomes. */
export const GENERATED = [
  'images.idx',
  'labels.idx',
  'images.idx.gz',
  'images-short-header.idx',
  'images-short-body.idx',
  'images-labels-magic.idx',
  'images-two-dims.idx',
  'images-float.idx',
  'images-zero-rows.idx',
  'images-zero-count.idx',
  'images-trailing.idx',
  'images-8x8.idx',
  'images-4e9.idx',
  'empty.idx',
  'images-truncated.gz',
  'images-garbage.gz',
  'bomb.gz',
  'images-sparse.idx',
  'labels-short-header.idx',
  'labels-four.idx',
  'labels-ten.idx',
  'labels-images-magic.idx',
  'emnist-labels.idx',
  'records.bin',
  'records-partial.bin',
  'records-label-10.bin',
  'empty.bin',
  'json-sparse.json',
  'stream-a1e6-k4096.json',
] as const;
export type GeneratedName = (typeof GENERATED)[number];

/** Writes every generated input into `dir` (created); returns name -> path. */
export async function generateCorpus(dir: string): Promise<Record<GeneratedName, string>> {
  await mkdir(dir, { recursive: true });
  const path = Object.fromEntries(GENERATED.map((n) => [n, join(dir, n)])) as Record<GeneratedName, string>;
  const good = idxImages(3, 28, 28);
  const files: [GeneratedName, Buffer][] = [
    ['images.idx', good],
    ['labels.idx', idxLabels([1, 2, 3])],
    ['images.idx.gz', gzipSync(good)],
    ['images-short-header.idx', good.subarray(0, 10)],
    ['images-short-body.idx', idxImages(3, 28, 28, 2000)],
    ['images-labels-magic.idx', idxLabels([1, 2, 3, 4, 5, 6, 7, 8, 9, 0])],
    ['images-two-dims.idx', idxImages(3, 28, 28, 3 * 28 * 28, 0x802)],
    ['images-float.idx', idxImages(3, 28, 28, 3 * 28 * 28, 0xd03)],
    ['images-zero-rows.idx', idxImages(3, 0, 28, 0)],
    ['images-zero-count.idx', idxImages(0, 28, 28)],
    ['images-trailing.idx', idxImages(3, 28, 28, 3 * 28 * 28 + 5)],
    ['images-8x8.idx', idxImages(3, 8, 8)],
    ['images-4e9.idx', idxImages(0xffffffff, 4096, 4096, 64)],
    ['empty.idx', Buffer.alloc(0)],
    ['images-truncated.gz', gzipSync(good).subarray(0, 30)],
    ['images-garbage.gz', Buffer.concat([Buffer.from([0x1f, 0x8b]), Buffer.from('not really gzip at all')])],
    ['labels-short-header.idx', be32(0x801)],
    ['labels-four.idx', idxLabels([1, 2, 3, 4])],
    ['labels-ten.idx', idxLabels([1, 10, 2])],
    ['labels-images-magic.idx', idxImages(3, 28, 28)],
    ['emnist-labels.idx', idxLabels([1, 2, 3])],
    ['records.bin', cifar([0, 1])],
    ['records-partial.bin', cifar([0, 1], 100)],
    ['records-label-10.bin', cifar([0, 10])],
    ['empty.bin', Buffer.alloc(0)],
  ];
  for (const [name, bytes] of files) await writeFile(path[name], bytes);
  await gzipZeros(path['bomb.gz'], BOMB_BYTES);
  await sparse(path['images-sparse.idx'], SPARSE_DATA_BYTES);
  await sparse(path['json-sparse.json'], SPARSE_JSON_BYTES);
  const row = `[${new Array(10 ** 6).fill(0).join(',')}]`;
  await writeFile(
    path['stream-a1e6-k4096.json'],
    `{"format":"vsml-stream","version":1,"numClasses":4096,"inputs":[${row}],"labels":[7]}\n`,
  );
  return path;
}

if (process.argv[1]?.endsWith('generate.ts')) {
  const out = process.argv[2];
  if (!out) {
    console.error('usage: npx tsx test/corpus/generate.ts OUTDIR');
    process.exit(2);
  }
  const paths = await generateCorpus(out);
  console.log(`${Object.keys(paths).length} files in ${out}`);
}
