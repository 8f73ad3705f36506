// Node only: the built-in Fashion-MNIST subset on disk. `fashionSubsetAssetBytes` cuts the first
// 2,000 images and labels of the official test split (../shared/data/fashion-mnist/t10k-*) into the
// committed gzipped IDX pair (level 9, mtime 0, no file name: the same bytes on every run);
// `readBuiltinAsset` reads a file of public/data/ for openDataset's `asset`.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { fail, ok, type Result } from '../../model/result';
import { encodeIdxImages, encodeIdxLabels } from '../../model/formats/idx';
import { readIdxImages, readIdxLabels } from '../idx';
import { DATASETS } from '../registry';
import type { FileInput } from '../types';
import { BUILTIN_ASSET_DIR } from './builtinMnist';
import { readFileInput } from './readFileInput';

/** ../shared/data/fashion-mnist beside this checkout (its README: ../shared/data/README.md). */
export const SHARED_FASHION_DIR = fileURLToPath(new URL('../../../../shared/data/fashion-mnist/', import.meta.url));

/** The official test split's files in SHARED_FASHION_DIR that the subset is cut from. */
export const FASHION_T10K = { images: 't10k-images-idx3-ubyte.gz', labels: 't10k-labels-idx1-ubyte.gz' } as const;

const SUBSET = DATASETS['fashion-mnist'].builtinSubset;

/** A file of public/data/ (the built-in assets) as a FileInput named by its path. */
export const readBuiltinAsset = (name: string, dir = BUILTIN_ASSET_DIR): Promise<Result<FileInput>> =>
  readFileInput(join(dir, name));

/** The first `count` examples of the t10k pair in `sharedDir` as the asset's two gzipped IDX files. */
export async function fashionSubsetAssetBytes(
  sharedDir = SHARED_FASHION_DIR,
  count = SUBSET?.count ?? 2000,
): Promise<Result<{ images: Uint8Array; labels: Uint8Array }>> {
  const imagesFile = await readFileInput(join(sharedDir, FASHION_T10K.images));
  if (!imagesFile.ok) return imagesFile;
  const labelsFile = await readFileInput(join(sharedDir, FASHION_T10K.labels));
  if (!labelsFile.ok) return labelsFile;
  const images = await readIdxImages(imagesFile.value);
  if (!images.ok) return images;
  const labels = await readIdxLabels(labelsFile.value);
  if (!labels.ok) return labels;
  const { rows, cols } = images.value;
  if (images.value.count < count || labels.value.length < count) {
    return fail(
      'shape',
      imagesFile.value.name,
      `has ${images.value.count} images and ${labels.value.length} labels, fewer than the ${count} the subset takes`,
    );
  }
  return ok({
    images: gzipSync(encodeIdxImages(count, rows, cols, images.value.pixels), { level: 9 }),
    labels: gzipSync(encodeIdxLabels(labels.value.subarray(0, count)), { level: 9 }),
  });
}

async function writeAtomic(path: string, bytes: Uint8Array): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, bytes);
  await rename(tmp, path);
}

/** Write the asset into `outDir` from `sharedDir`; returns the paths written, or why it could not. */
export async function writeBuiltinFashionAsset(
  sharedDir = SHARED_FASHION_DIR,
  outDir = BUILTIN_ASSET_DIR,
): Promise<Result<{ images: string; labels: string }>> {
  if (!SUBSET) return fail('missing', 'fashion-mnist', 'the registry names no built-in subset');
  const bytes = await fashionSubsetAssetBytes(sharedDir, SUBSET.count);
  if (!bytes.ok) return bytes;
  await mkdir(outDir, { recursive: true });
  const paths = { images: join(outDir, SUBSET.images), labels: join(outDir, SUBSET.labels) };
  await writeAtomic(paths.images, bytes.value.images);
  await writeAtomic(paths.labels, bytes.value.labels);
  return ok(paths);
}
