// The built-in Fashion-MNIST subset: the committed asset in public/data/ (its sha256, and byte for byte
// the first 2,000 images and labels of ../shared/data's official test split), and the `fashion-mnist`
// dataset opening it when no files are given, replaced by the user's files when they are.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { builtinSubsetFromFiles } from '../../src/data/builtinSubset';
import { encodeIdxImages, encodeIdxLabels } from '../../src/model/formats/idx';
import { readIdxImages, readIdxLabels } from '../../src/data/idx';
import { BUILTIN_ASSET_DIR } from '../../src/data/node/builtinMnist';
import { FASHION_T10K, SHARED_FASHION_DIR } from '../../src/data/node/builtinFashion';
import { openDatasetNode } from '../../src/data/node/open';
import { FASHION_MNIST_STATS, MNIST_STATS } from '../../src/data/normalisation';
import { DATASETS } from '../../src/data/registry';
import { formatFieldError } from '../../src/model/result';
import { byteSum, classCounts, fnv1a, sameValues, unwrap } from './helpers';

const FASHION = DATASETS['fashion-mnist'];
const SUBSET = FASHION.builtinSubset;
const asset = (name: string): Buffer => readFileSync(join(BUILTIN_ASSET_DIR, name));
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const imagesOf = async (bytes: Uint8Array, name: string) => unwrap(await readIdxImages({ name, bytes }));
const labelsOf = async (bytes: Uint8Array, name: string) => unwrap(await readIdxLabels({ name, bytes }));

describe('the built-in Fashion-MNIST asset (public/data/, committed)', () => {
  it('is named by the registry: 2,000 test images in fashion-mnist-builtin-{images-idx3,labels-idx1}-ubyte.gz', () => {
    expect(SUBSET).toEqual({
      images: 'fashion-mnist-builtin-images-idx3-ubyte.gz',
      labels: 'fashion-mnist-builtin-labels-idx1-ubyte.gz',
      split: 'test',
      count: 2000,
    });
  });

  it('has the sha256 docs/DATA.md gives (images 880,422 bytes, labels 937 bytes) and the MIT licence beside it', () => {
    if (!SUBSET) throw new Error('no subset');
    const images = asset(SUBSET.images);
    const labels = asset(SUBSET.labels);
    expect([images.length, sha256(images)]).toEqual([
      880422,
      'a9b97d2cbf4070197effa2fa2a1ce0d25376ac56d3b1d172381a0ece6c0ab9b7',
    ]);
    expect([labels.length, sha256(labels)]).toEqual([
      937,
      '555ffb9b8d1b0e6e4da296f1f6846d7eb06bf9081a26602dce72714de855d4b1',
    ]);
    const licence = readFileSync(join(BUILTIN_ASSET_DIR, 'FASHION-MNIST-LICENSE'), 'utf8');
    expect(licence.startsWith('The MIT License (MIT) Copyright © 2017 Zalando SE')).toBe(true);
  });

  it('is gzip with mtime 0 and no file name stored (the bytes depend on the content only)', () => {
    if (!SUBSET) throw new Error('no subset');
    for (const name of [SUBSET.images, SUBSET.labels]) {
      const head = asset(name).subarray(0, 10);
      expect([head[0], head[1], head[2], head[3] & 0x08, head.readUInt32LE(4), head[8]]).toEqual([
        0x1f, 0x8b, 8, 0, 0, 2,
      ]);
    }
  });

  // CI has ../shared beside the checkout, so this runs there; a checkout without it still has the sha256 above.
  const shared = existsSync(join(SHARED_FASHION_DIR, FASHION_T10K.images));
  it.skipIf(!shared)(
    `equals the first 2,000 images and labels of ../shared/data's t10k byte for byte${shared ? '' : ' (skipped: ../shared/data/fashion-mnist is absent)'}`,
    async () => {
      if (!SUBSET) throw new Error('no subset');
      const t10kImages = await imagesOf(
        readFileSync(join(SHARED_FASHION_DIR, FASHION_T10K.images)),
        FASHION_T10K.images,
      );
      const t10kLabels = await labelsOf(
        readFileSync(join(SHARED_FASHION_DIR, FASHION_T10K.labels)),
        FASHION_T10K.labels,
      );
      const want = {
        images: encodeIdxImages(2000, 28, 28, t10kImages.pixels),
        labels: encodeIdxLabels(t10kLabels.subarray(0, 2000)),
      };
      const got = { images: gunzipSync(asset(SUBSET.images)), labels: gunzipSync(asset(SUBSET.labels)) };
      expect([got.images.length, got.labels.length]).toEqual([16 + 2000 * 784, 8 + 2000]);
      expect(sameValues(got.images, want.images)).toBe(true);
      expect(sameValues(got.labels, want.labels)).toBe(true);
    },
  );
});

describe('openDataset("fashion-mnist") with no files: the built-in subset', () => {
  it('opens 2,000 test images of 28x28 with the Fashion-MNIST class names; per class 200, 203, 214, 190, 219, 195, 197, 200, 194, 188', async () => {
    const s = unwrap(await openDatasetNode('fashion-mnist', { split: 'test' }));
    if (s.kind !== 'images') throw new Error('not images');
    expect([s.name, s.count, s.shape, s.numClasses]).toEqual([
      'fashion-mnist/test',
      2000,
      { height: 28, width: 28, channels: 1 },
      10,
    ]);
    expect(s.classNames).toEqual([
      'T-shirt/top',
      'Trouser',
      'Pullover',
      'Dress',
      'Coat',
      'Sandal',
      'Shirt',
      'Sneaker',
      'Bag',
      'Ankle boot',
    ]);
    expect(classCounts(s.labels, 10)).toEqual([200, 203, 214, 190, 219, 195, 197, 200, 194, 188]);
    // The first image and labels are t10k's (tested on the full file in sharedFiles.test.ts).
    expect(Array.from(s.labels.subarray(0, 10))).toEqual([9, 2, 1, 1, 6, 1, 4, 6, 5, 7]);
    expect([byteSum(s.pixels.subarray(0, 784)), fnv1a(s.pixels.subarray(0, 784))]).toEqual([33456, 0x993077db]);
  });

  it('is normalised as the full files are: the true 0.2860/0.3530 by default, MNIST\'s with fashionMnistStats "mnist"', async () => {
    expect(unwrap(await openDatasetNode('fashion-mnist', { split: 'test' })).normalisation).toEqual(
      FASHION_MNIST_STATS,
    );
    const official = unwrap(await openDatasetNode('fashion-mnist', { split: 'test', fashionMnistStats: 'mnist' }));
    expect(official.normalisation).toEqual(MNIST_STATS);
  });

  it('refuses the train split, naming the split: "split: the built-in fashion-mnist holds 2,000 test images only; ..."', async () => {
    const r = await openDatasetNode('fashion-mnist', { split: 'train' });
    expect(r.ok ? 'opened' : formatFieldError(r.error)).toBe(
      'split: the built-in fashion-mnist holds 2,000 test images only; load the train IDX files from your disk for train',
    );
  });

  it('a damaged asset is refused naming the file and the count', async () => {
    if (!SUBSET) throw new Error('no subset');
    const images = { name: SUBSET.images, bytes: encodeIdxImages(3, 28, 28, new Uint8Array(3 * 784)) };
    const labels = { name: SUBSET.labels, bytes: encodeIdxLabels([0, 1, 2]) };
    const r = await builtinSubsetFromFiles(FASHION, images, labels, 'test');
    expect(r.ok ? 'opened' : formatFieldError(r.error)).toBe(
      'fashion-mnist-builtin-images-idx3-ubyte.gz: expected 2000 images in the built-in fashion-mnist, got 3 (the committed asset is damaged: check it out again)',
    );
  });
});

describe('openDataset("fashion-mnist") with files: the files, as before', () => {
  it('one file of the pair is refused for its partner, not replaced by the subset: "labels: no file given; ..."', async () => {
    if (!SUBSET) throw new Error('no subset');
    const r = await openDatasetNode('fashion-mnist', {
      split: 'test',
      paths: { images: join(BUILTIN_ASSET_DIR, SUBSET.images) },
    });
    expect(r.ok ? 'opened' : formatFieldError(r.error)).toBe(
      'labels: no file given; fashion-mnist needs images and labels',
    );
  });

  it.skipIf(!existsSync(join(SHARED_FASHION_DIR, FASHION_T10K.images)))(
    'the full t10k pair from disk opens its 10,000 images, train split too (skipped without ../shared)',
    async () => {
      const paths = {
        images: join(SHARED_FASHION_DIR, FASHION_T10K.images),
        labels: join(SHARED_FASHION_DIR, FASHION_T10K.labels),
      };
      const test = unwrap(await openDatasetNode('fashion-mnist', { split: 'test', paths }));
      const train = unwrap(await openDatasetNode('fashion-mnist', { split: 'train', paths }));
      expect([test.name, test.kind === 'images' && test.count, train.name]).toEqual([
        'fashion-mnist/test',
        10000,
        'fashion-mnist/train',
      ]);
    },
  );
});
