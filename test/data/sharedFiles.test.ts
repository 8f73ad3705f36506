// The real files in ../shared/data through the preset loaders: counts, shapes, label ranges, the
// first labels, per-class counts and a checksum of the first image (byte sum and FNV-1a 32) for
// every dataset there. Numbers measured once with these loaders and cross-checked against
// ../shared/data/README.md (counts, per-class counts, first labels).
import { describe, expect, it } from 'vitest';
import { loadCifarFiles, loadIdxFiles } from '../../src/data/load';
import { DATASETS, type DatasetName } from '../../src/data/registry';
import { parseClassNameFile } from '../../src/data/classNameFile';
import { parseEmnistMapping } from '../../src/data/emnistMapping';
import { byteSum, classCounts, fnv1a, sharedFile, unwrap } from './helpers';

interface IdxCase {
  preset: DatasetName;
  images: string;
  labels: string;
  count: number;
  side: number;
  classes: number;
  labelRange: [number, number];
  firstLabels: number[];
  firstSum: number;
  firstHash: number;
  perClass?: number[];
}

const IDX: IdxCase[] = [
  {
    preset: 'mnist-idx',
    images: 'mnist/t10k-images-idx3-ubyte.gz',
    labels: 'mnist/t10k-labels-idx1-ubyte.gz',
    count: 10000,
    side: 28,
    classes: 10,
    labelRange: [0, 9],
    firstLabels: [7, 2, 1, 0, 4, 1, 4, 9, 5, 9],
    firstSum: 18454,
    firstHash: 0x599c52e7,
    perClass: [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009],
  },
  {
    preset: 'mnist-idx',
    images: 'mnist/train-images-idx3-ubyte.gz',
    labels: 'mnist/train-labels-idx1-ubyte.gz',
    count: 60000,
    side: 28,
    classes: 10,
    labelRange: [0, 9],
    firstLabels: [5, 0, 4, 1, 9, 2, 1, 3, 1, 4],
    firstSum: 27525,
    firstHash: 0x9dfe5230,
    perClass: [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949],
  },
  {
    preset: 'fashion-mnist',
    images: 'fashion-mnist/t10k-images-idx3-ubyte.gz',
    labels: 'fashion-mnist/t10k-labels-idx1-ubyte.gz',
    count: 10000,
    side: 28,
    classes: 10,
    labelRange: [0, 9],
    firstLabels: [9, 2, 1, 1, 6, 1, 4, 6, 5, 7],
    firstSum: 33456,
    firstHash: 0x993077db,
    perClass: new Array<number>(10).fill(1000),
  },
  {
    preset: 'fashion-mnist',
    images: 'fashion-mnist/train-first20000-images-idx3-ubyte.gz',
    labels: 'fashion-mnist/train-first20000-labels-idx1-ubyte.gz',
    count: 20000,
    side: 28,
    classes: 10,
    labelRange: [0, 9],
    firstLabels: [9, 0, 0, 3, 0, 2, 7, 2, 5, 5],
    firstSum: 76247,
    firstHash: 0xf365a098,
    perClass: [1935, 2025, 1982, 2011, 1967, 2010, 2068, 2003, 1971, 2028],
  },
  {
    // Stored labels 1..19 (A..S only) become 0..18.
    preset: 'emnist-letters',
    images: 'emnist/emnist-letters-test-0to14799-images-idx3-ubyte.gz',
    labels: 'emnist/emnist-letters-test-0to14799-labels-idx1-ubyte.gz',
    count: 14800,
    side: 28,
    classes: 26,
    labelRange: [0, 18],
    firstLabels: new Array<number>(10).fill(0),
    firstSum: 32852,
    firstHash: 0x4f407175,
    perClass: [...new Array<number>(18).fill(800), 400, ...new Array<number>(7).fill(0)],
  },
  {
    preset: 'emnist-letters',
    images: 'emnist/emnist-letters-train-85264to88799-images-idx3-ubyte.gz',
    labels: 'emnist/emnist-letters-train-85264to88799-labels-idx1-ubyte.gz',
    count: 3536,
    side: 28,
    classes: 26,
    labelRange: [0, 25],
    firstLabels: [23, 18, 16, 2, 4, 2, 7, 19, 22, 22],
    firstSum: 36279,
    firstHash: 0x6d2d7d10,
  },
  {
    preset: 'emnist-balanced',
    images: 'emnist/emnist-balanced-train-103680to112799-images-idx3-ubyte.gz',
    labels: 'emnist/emnist-balanced-train-103680to112799-labels-idx1-ubyte.gz',
    count: 9120,
    side: 28,
    classes: 47,
    labelRange: [0, 46],
    firstLabels: [28, 35, 1, 37, 0, 25, 25, 1, 38, 11],
    firstSum: 33386,
    firstHash: 0xdc579c4d,
  },
  {
    preset: 'emnist-balanced',
    images: 'emnist/emnist-balanced-test-18496to18799-images-idx3-ubyte.gz',
    labels: 'emnist/emnist-balanced-test-18496to18799-labels-idx1-ubyte.gz',
    count: 304,
    side: 28,
    classes: 47,
    labelRange: [0, 46],
    firstLabels: [18, 30, 38, 19, 10, 6, 21, 28, 3, 26],
    firstSum: 20163,
    firstHash: 0x861ed020,
  },
  {
    // Without the classes file, K = max label + 1.
    preset: 'omniglot',
    images: 'omniglot/omniglot-background-small1-images-idx3-ubyte.gz',
    labels: 'omniglot/omniglot-background-small1-labels-idx1-ubyte.gz',
    count: 2720,
    side: 105,
    classes: 136,
    labelRange: [0, 135],
    firstLabels: new Array<number>(10).fill(0),
    firstSum: 224655,
    firstHash: 0xeadf241a,
    perClass: new Array<number>(136).fill(20),
  },
  {
    preset: 'omniglot',
    images: 'omniglot/omniglot-background-small2-images-idx3-ubyte.gz',
    labels: 'omniglot/omniglot-background-small2-labels-idx1-ubyte.gz',
    count: 3120,
    side: 105,
    classes: 156,
    labelRange: [0, 155],
    firstLabels: new Array<number>(10).fill(0),
    firstSum: 209610,
    firstHash: 0x334dd39f,
    perClass: new Array<number>(156).fill(20),
  },
];

describe('loadIdxFiles on ../shared/data', () => {
  for (const c of IDX) {
    it(`${c.images}: ${c.count} images of ${c.side}x${c.side}, ${c.classes} classes, labels ${c.labelRange.join('..')}, first image sum ${c.firstSum}`, async () => {
      const set = unwrap(
        await loadIdxFiles(DATASETS[c.preset], { images: sharedFile(c.images), labels: sharedFile(c.labels) }),
      );
      expect(set.count).toBe(c.count);
      expect(set.shape).toEqual({ height: c.side, width: c.side, channels: 1 });
      expect(set.pixels.length).toBe(c.count * c.side * c.side);
      expect(set.numClasses).toBe(c.classes);
      expect(set.classNames.length).toBe(c.classes);
      expect(Math.min(...set.labels)).toBe(c.labelRange[0]);
      expect(Math.max(...set.labels)).toBe(c.labelRange[1]);
      expect(Array.from(set.labels.subarray(0, 10))).toEqual(c.firstLabels);
      const first = set.pixels.subarray(0, c.side * c.side);
      expect(byteSum(first)).toBe(c.firstSum);
      expect(fnv1a(first)).toBe(c.firstHash);
      if (c.perClass) expect(classCounts(set.labels, c.classes)).toEqual(c.perClass);
    });
  }
});

describe('loadCifarFiles on ../shared/data', () => {
  const CASES = [
    {
      file: 'cifar-10/cifar-10-test_batch-first1000.bin.gz',
      count: 1000,
      firstLabels: [3, 8, 8, 0, 6, 6, 1, 6, 3, 1],
      firstSum: 332962,
      firstHash: 0x75cadabd,
      perClass: [103, 89, 100, 103, 90, 86, 112, 102, 106, 109],
    },
    {
      file: 'cifar-10/cifar-10-data_batch_1-first4000.bin.gz',
      count: 4000,
      firstLabels: [6, 9, 9, 4, 1, 1, 2, 7, 8, 3],
      firstSum: 317790,
      firstHash: 0x544c2511,
      perClass: [396, 366, 420, 384, 422, 393, 414, 385, 407, 413],
    },
  ];
  for (const c of CASES) {
    it(`${c.file}: ${c.count} records of 32x32x3 (channels last), labels 0..9, first image sum ${c.firstSum}`, async () => {
      const set = unwrap(
        await loadCifarFiles(DATASETS.cifar10, {
          records: sharedFile(c.file),
          classes: sharedFile('cifar-10/batches.meta.txt'),
        }),
      );
      expect(set.count).toBe(c.count);
      expect(set.shape).toEqual({ height: 32, width: 32, channels: 3 });
      expect(set.pixels.length).toBe(c.count * 3072);
      expect(set.classNames).toEqual(DATASETS.cifar10.classNames);
      expect(Array.from(set.labels.subarray(0, 10))).toEqual(c.firstLabels);
      expect(classCounts(set.labels, 10)).toEqual(c.perClass);
      const first = set.pixels.subarray(0, 3072);
      expect(byteSum(first)).toBe(c.firstSum);
      expect(fnv1a(first)).toBe(c.firstHash);
    });
  }

  it('channels last: pixel p of record 0 is (R, G, B) = bytes 1+p, 1025+p, 2049+p of the raw record', async () => {
    const { gunzip } = await import('../../src/data/gunzip');
    const file = sharedFile('cifar-10/cifar-10-test_batch-first1000.bin.gz');
    const raw = unwrap(await gunzip(file.bytes, file.name));
    const set = unwrap(await loadCifarFiles(DATASETS.cifar10, { records: file }));
    for (const p of [0, 1, 33, 1023]) {
      expect([set.pixels[3 * p], set.pixels[3 * p + 1], set.pixels[3 * p + 2]]).toEqual([
        raw[1 + p],
        raw[1025 + p],
        raw[2049 + p],
      ]);
    }
  });
});

describe('class-name files on ../shared/data', () => {
  const text = (rel: string) => new TextDecoder().decode(sharedFile(rel).bytes);

  it('parseEmnistMapping: letters 1..26 as "A/a".."Z/z", balanced 0..46 as the 47 registry names', () => {
    const letters = unwrap(parseEmnistMapping(text('emnist/emnist-letters-mapping.txt'), 'letters'));
    expect(letters.firstLabel).toBe(1);
    expect(letters.classNames).toEqual(DATASETS['emnist-letters'].classNames);
    const balanced = unwrap(parseEmnistMapping(text('emnist/emnist-balanced-mapping.txt'), 'balanced'));
    expect(balanced.firstLabel).toBe(0);
    expect(balanced.classNames).toEqual(DATASETS['emnist-balanced'].classNames);
  });

  it('parseClassNameFile: Omniglot small1 has 136 names, the first "Balinese/character01"; CIFAR-10 the 10 registry names', () => {
    const omni = unwrap(parseClassNameFile(text('omniglot/omniglot-background-small1-classes.txt'), 'classes'));
    expect(omni.length).toBe(136);
    expect(omni[0]).toBe('Balinese/character01');
    expect(unwrap(parseClassNameFile(text('cifar-10/batches.meta.txt'), 'meta'))).toEqual(DATASETS.cifar10.classNames);
  });

  it('loadIdxFiles takes EMNIST mapping and Omniglot classes files for class names', async () => {
    const letters = unwrap(
      await loadIdxFiles(DATASETS['emnist-letters'], {
        images: sharedFile('emnist/emnist-letters-train-85264to88799-images-idx3-ubyte.gz'),
        labels: sharedFile('emnist/emnist-letters-train-85264to88799-labels-idx1-ubyte.gz'),
        mapping: sharedFile('emnist/emnist-letters-mapping.txt'),
      }),
    );
    expect(letters.classNames[23]).toBe('X/x');
    const omni = unwrap(
      await loadIdxFiles(DATASETS.omniglot, {
        images: sharedFile('omniglot/omniglot-background-small2-images-idx3-ubyte.gz'),
        labels: sharedFile('omniglot/omniglot-background-small2-labels-idx1-ubyte.gz'),
        classes: sharedFile('omniglot/omniglot-background-small2-classes.txt'),
      }),
    );
    expect(omni.numClasses).toBe(156);
    expect(omni.defaultResize).toBe(28);
  });
});
