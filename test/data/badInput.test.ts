// Every bad input gives one clear error value naming the file (field) and what is wrong; nothing throws.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseCifar10 } from '../../src/data/cifar';
import { parseClassNameFile } from '../../src/data/classNameFile';
import { parseEmnistMapping } from '../../src/data/emnistMapping';
import { checkTaskFitsLearner } from '../../src/data/fit';
import { fileContent, gunzip } from '../../src/data/gunzip';
import { encodeIdxImages, encodeIdxLabels, parseIdxImages, parseIdxLabels } from '../../src/model/formats/idx';
import { readIdxImages, readIdxLabels } from '../../src/data/idx';
import { loadCifarFiles, loadIdxFiles } from '../../src/data/load';
import { readFileInput } from '../../src/data/node/readFileInput';
import { openDataset } from '../../src/data/open';
import { DATASETS, getDataset } from '../../src/data/registry';
import { randomSet } from '../../src/data/synthetic/random';
import { sumSignSource } from '../../src/data/synthetic/sumSign';
import { buildTask } from '../../src/data/task';
import { createRunStreams } from '../../src/data/stream';
import { selectClasses } from '../../src/data/transforms/classSubset';
import type { FileInput } from '../../src/data/types';
import { errorOf, SHARED_DATA, sharedFile, unwrap } from './helpers';

const MNIST_LABELS = 'mnist/t10k-labels-idx1-ubyte.gz';
const file = (name: string, bytes: Uint8Array): FileInput => ({ name, bytes });
/** n blank 28x28 images and n labels all `label`. */
const idxPair = (n: number, labels: number[] = new Array<number>(n).fill(0)) => ({
  images: file('imgs.idx', encodeIdxImages(n, 28, 28, new Uint8Array(n * 784))),
  labels: file('lbls.idx', encodeIdxLabels(labels)),
});

describe('gzip', () => {
  it('truncated gzip: "gzip data is truncated or corrupt (unexpected end of file)"', async () => {
    const f = sharedFile(MNIST_LABELS);
    const cut = file(f.name, f.bytes.slice(0, f.bytes.length - 100));
    expect(errorOf(await readIdxLabels(cut))).toBe(
      `${MNIST_LABELS}: gzip data is truncated or corrupt (unexpected end of file)`,
    );
  });

  it('corrupt deflate data and a bad CRC are refused, never decoded into a wrong stream', async () => {
    const f = sharedFile(MNIST_LABELS);
    const flipped = f.bytes.slice();
    flipped[2000] ^= 0xff;
    expect(errorOf(await gunzip(flipped, 'a.gz'))).toBe(
      'a.gz: gzip data is truncated or corrupt (invalid distance too far back)',
    );
    const crc = f.bytes.slice();
    crc[crc.length - 6] ^= 0xff;
    expect(errorOf(await gunzip(crc, 'b.gz'))).toBe('b.gz: gzip data is truncated or corrupt (incorrect data check)');
  });

  it('content decompressing past the limit: "decompresses to more than the 1 MiB limit"', async () => {
    const f = sharedFile('mnist/t10k-images-idx3-ubyte.gz');
    expect(errorOf(await readIdxImages(f, 2 * 2 ** 20))).toBe(
      'mnist/t10k-images-idx3-ubyte.gz: decompresses to more than the 2 MiB limit',
    );
    expect(errorOf(await gunzip(gzipSync(new Uint8Array(2 ** 20 + 1)), 'zeros.gz', 2 ** 20))).toBe(
      'zeros.gz: decompresses to more than the 1 MiB limit',
    );
  });

  it('a file over the limit before decompression: "is 1.6 MiB, over the 1 MiB limit"', async () => {
    const f = sharedFile('mnist/t10k-images-idx3-ubyte.gz');
    expect(errorOf(await fileContent(f, 2 ** 20))).toBe(
      'mnist/t10k-images-idx3-ubyte.gz: is 1.6 MiB, over the 1 MiB limit',
    );
  });
});

describe('IDX', () => {
  it('wrong magic: a label file given as images, and garbage', () => {
    expect(errorOf(parseIdxImages(encodeIdxLabels(new Array<number>(20).fill(1)), 'lbl'))).toBe(
      'lbl: bad magic 0x00000801 (an IDX label file), expected 0x00000803 (IDX images, uint8)',
    );
    expect(errorOf(parseIdxLabels(new TextEncoder().encode('hello, world'), 'x.txt'))).toBe(
      'x.txt: bad magic 0x68656c6c, expected 0x00000801 (IDX labels, uint8)',
    );
  });

  it('shorter than the header: "is 10 bytes, shorter than the 16-byte IDX images header"', () => {
    expect(errorOf(parseIdxImages(new Uint8Array(10), 'tiny'))).toBe(
      'tiny: is 10 bytes, shorter than the 16-byte IDX images header',
    );
  });

  it('header count vs actual bytes: truncated data and trailing bytes', () => {
    const three = encodeIdxImages(3, 28, 28, new Uint8Array(3 * 784));
    expect(errorOf(parseIdxImages(three.subarray(0, 16 + 2 * 784), 'imgs'))).toBe(
      'imgs: truncated: the header declares 3 images of 28x28 (2368 bytes), the data has 1584',
    );
    const extra = new Uint8Array(three.length + 5);
    extra.set(three);
    expect(errorOf(parseIdxImages(extra, 'imgs'))).toBe(
      'imgs: 5 bytes after the 3 images of 28x28 the header declares',
    );
    const labels = encodeIdxLabels([1, 2, 3]);
    expect(errorOf(parseIdxLabels(labels.subarray(0, 10), 'lbls'))).toBe(
      'lbls: truncated: the header declares 3 labels (11 bytes), the data has 10',
    );
  });

  it('zero images or a zero-sized image', () => {
    expect(errorOf(parseIdxImages(encodeIdxImages(0, 28, 28, new Uint8Array(0)), 'e'))).toBe('e: holds 0 images');
    expect(errorOf(parseIdxImages(encodeIdxImages(2, 0, 28, new Uint8Array(0)), 'e'))).toBe(
      'e: image size 0x28 is outside 1..4096',
    );
  });

  it('images/labels count mismatch names the labels file and both counts', async () => {
    const { images } = idxPair(5);
    const labels = file('lbls.idx', encodeIdxLabels([0, 1, 2, 3]));
    expect(errorOf(await loadIdxFiles(DATASETS['mnist-idx'], { images, labels }))).toBe(
      'lbls.idx: has 4 labels, but imgs.idx has 5 images',
    );
  });

  it('labels out of range for the declared classes (MNIST 10, EMNIST letters stored 1..26)', async () => {
    expect(errorOf(await loadIdxFiles(DATASETS['mnist-idx'], idxPair(4, [0, 9, 10, 3])))).toBe(
      'lbls.idx: label 10 at index 2 is outside [0, 10) for mnist-idx (10 classes)',
    );
    expect(errorOf(await loadIdxFiles(DATASETS['emnist-letters'], idxPair(3, [1, 0, 26])))).toBe(
      'lbls.idx: label 0 at index 1 is outside [1, 26] (stored with offset 1) for emnist-letters (26 classes)',
    );
    expect(errorOf(await loadIdxFiles(DATASETS['mnist-idx'], idxPair(3, [0, 4, 2]), { numClasses: 4 }))).toBe(
      'lbls.idx: label 4 at index 1 is outside [0, 4) for mnist-idx (4 classes)',
    );
  });

  it("an image size other than the preset's (Omniglot images given as Fashion-MNIST)", async () => {
    const images = sharedFile('omniglot/omniglot-background-small1-images-idx3-ubyte.gz');
    const labels = sharedFile('omniglot/omniglot-background-small1-labels-idx1-ubyte.gz');
    expect(errorOf(await loadIdxFiles(DATASETS['fashion-mnist'], { images, labels }))).toBe(
      'omniglot/omniglot-background-small1-images-idx3-ubyte.gz: holds 105x105x1 images, fashion-mnist expects 28x28x1',
    );
  });

  it('a missing file role: "no file given; fashion-mnist needs images and labels"', async () => {
    expect(errorOf(await loadIdxFiles(DATASETS['fashion-mnist'], { images: idxPair(1).images }))).toBe(
      'labels: no file given; fashion-mnist needs images and labels',
    );
    expect(errorOf(await loadCifarFiles(DATASETS.cifar10, {}))).toBe('records: no file given; cifar10 needs records');
  });
});

describe('CIFAR-10', () => {
  it('a partial record: "not a whole number of 3073-byte CIFAR-10 records (1 records and 100 bytes over)"', () => {
    expect(errorOf(parseCifar10(new Uint8Array(3073 + 100), 'b.bin'))).toBe(
      'b.bin: is 3173 bytes, not a whole number of 3073-byte CIFAR-10 records (1 records and 100 bytes over)',
    );
    expect(errorOf(parseCifar10(new Uint8Array(0), 'b.bin'))).toBe(
      'b.bin: is empty (expected 3073-byte CIFAR-10 records)',
    );
  });

  it('a label over 9: "record 1 has label 10, outside 0..9"', () => {
    const data = new Uint8Array(2 * 3073);
    data[3073] = 10;
    expect(errorOf(parseCifar10(data, 'b.bin'))).toBe('b.bin: record 1 has label 10, outside 0..9');
  });

  it('an IDX file given as CIFAR records is refused by its length', async () => {
    const f = sharedFile(MNIST_LABELS);
    expect(errorOf(await loadCifarFiles(DATASETS.cifar10, { records: f }))).toBe(
      `${MNIST_LABELS}: is 10008 bytes, not a whole number of 3073-byte CIFAR-10 records (3 records and 789 bytes over)`,
    );
  });
});

describe('class-name files', () => {
  it('EMNIST mapping: a bad line, a gap in labels, a non-printable code, a count that does not fit the preset', async () => {
    expect(errorOf(parseEmnistMapping('0 48\n1 x\n', 'm.txt'))).toBe(
      'm.txt: line 2: expected "label ascii" or "label upper lower" (integers), got "1 x"',
    );
    expect(errorOf(parseEmnistMapping('0 48\n2 50\n', 'm.txt'))).toBe(
      'm.txt: line 2: label 2, expected 1 (labels must be consecutive)',
    );
    expect(errorOf(parseEmnistMapping('0 7\n', 'm.txt'))).toBe(
      'm.txt: line 1: 7 is not a printable ASCII code (32..126)',
    );
    expect(errorOf(parseEmnistMapping('', 'm.txt'))).toBe('m.txt: is empty (expected "label ascii" lines)');
    const pair = idxPair(2, [1, 2]);
    expect(
      errorOf(
        await loadIdxFiles(DATASETS['emnist-letters'], {
          ...pair,
          mapping: sharedFile('emnist/emnist-balanced-mapping.txt'),
        }),
      ),
    ).toBe('emnist/emnist-balanced-mapping.txt: maps labels 0..46, emnist-letters stores 1..26');
  });

  it('class list: indices out of order; a list of the wrong length for CIFAR-10', async () => {
    expect(errorOf(parseClassNameFile('0\ta\n2\tb\n', 'c.txt'))).toBe(
      'c.txt: line 2: index 2, expected 1 (indices must run 0, 1, …)',
    );
    const records = file('r.bin', new Uint8Array(3073));
    expect(
      errorOf(
        await loadCifarFiles(DATASETS.cifar10, {
          records,
          classes: file('c.txt', new TextEncoder().encode('cat\ndog\n')),
        }),
      ),
    ).toBe('c.txt: lists 2 classes, cifar10 has 10');
  });
});

describe('files on disk (Node)', () => {
  it('a missing file: "no such file"; a file over the limit; a directory', async () => {
    expect(errorOf(await readFileInput('/nonexistent/x.gz'))).toBe('/nonexistent/x.gz: no such file');
    const path = `${SHARED_DATA}mnist/t10k-images-idx3-ubyte.gz`;
    expect(errorOf(await readFileInput(path, 2 ** 20))).toBe(`${path}: is 1.6 MiB, over the 1 MiB limit`);
    expect(errorOf(await readFileInput(SHARED_DATA))).toBe(`${SHARED_DATA}: is not a file`);
  });

  it('a raw (not gzipped) IDX pair on disk reads like the gzipped one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vsml-idx-'));
    const { images, labels } = idxPair(3, [1, 2, 3]);
    writeFileSync(join(dir, 'i'), images.bytes);
    writeFileSync(join(dir, 'l'), labels.bytes);
    const set = unwrap(
      await loadIdxFiles(DATASETS['mnist-idx'], {
        images: unwrap(await readFileInput(join(dir, 'i'))),
        labels: unwrap(await readFileInput(join(dir, 'l'))),
      }),
    );
    expect(Array.from(set.labels)).toEqual([1, 2, 3]);
  });
});

describe('registry, transforms and learners', () => {
  it('an unknown dataset name lists the known ones', async () => {
    expect(errorOf(getDataset('mnsit'))).toBe(
      'dataset: unknown dataset "mnsit" (known: mnist, random, sum-sign, mnist-idx, fashion-mnist, emnist-letters, emnist-balanced, kmnist, omniglot, cifar10)',
    );
    expect(errorOf(await openDataset('kmnist', { split: 'test' }))).toBe(
      'images: no file given; kmnist needs images and labels',
    );
  });

  it('transform errors: grayscale of one channel, a bad side, shuffle with projection, classes of a generated task', () => {
    const random = randomSet(1);
    expect(errorOf(buildTask(random, { grayscale: true }))).toBe('grayscale: needs 3 channels (RGB), the data has 1');
    expect(errorOf(buildTask(random, { resize: 0 }))).toBe('resize: must be an integer side in [1, 512], got 0');
    expect(errorOf(buildTask(random, { shufflePixels: true, project: true }))).toBe(
      'shufflePixels: pixel shuffle and projection together: a shuffle before a random projection is just another projection; choose one',
    );
    expect(errorOf(buildTask(sumSignSource(), { classes: [0, 1] }))).toBe(
      'classes: sum-sign is generated; class subsets need a dataset of examples',
    );
    expect(errorOf(buildTask(random, { seed: -1 }))).toBe('seed: must be an integer in [0, 2^32), got -1');
    expect(errorOf(buildTask(random, { normalisation: { mean: 0, std: 0 } }))).toBe(
      'normalisation: needs a finite mean and a std > 0, got 0/0',
    );
  });

  it('class lists: out of range, repeated, too short', () => {
    const random = randomSet(1);
    expect(errorOf(selectClasses(random, [3, 10]))).toBe('classes: class 10 is not in [0, 10)');
    expect(errorOf(selectClasses(random, [3, 3]))).toBe('classes: class 3 is listed twice');
    expect(errorOf(selectClasses(random, [3]))).toBe('classes: needs at least 2 classes, got 1');
  });

  it('stream options: runs and seed', () => {
    const task = unwrap(buildTask(randomSet(1)));
    expect(errorOf(createRunStreams(task, { seed: 1, runs: 0 }))).toBe('runs: must be a positive integer, got 0');
    expect(errorOf(createRunStreams(task, { seed: 1.5, runs: 1 }))).toBe(
      'seed: must be an integer in [0, 2^32), got 1.5',
    );
  });

  it('checkTaskFitsLearner: input size and class count that do not match the learner', () => {
    const task = unwrap(buildTask(randomSet(1), { resize: 14 }));
    expect(errorOf(checkTaskFitsLearner(task, { inputSize: 784 }, 'learner.json'))).toBe(
      'learner.json: takes 784 inputs, but random/test [14x14] has 196 (14x14x1)',
    );
    expect(errorOf(checkTaskFitsLearner(task, { inputSize: 196, numClasses: 5 }, 'learner.json'))).toBe(
      'learner.json: has 5 outputs, but random/test [14x14] has 10 classes',
    );
    expect(checkTaskFitsLearner(task, { inputSize: 196, numClasses: 10 }).ok).toBe(true);
  });
});
