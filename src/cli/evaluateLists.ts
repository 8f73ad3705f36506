// The lists of `vsml evaluate`'s table mode, and the per-cell data flags they become:
//   --learner L1,L2,...      learner files and baseline names, comma-separated
//   --dataset D1,D2,...      dataset names, comma-separated
//   --transforms "T1;T2;..." one row per item, `;`-separated; each item a --transform list (commas
//                            inside), or `none` for the untransformed data
//   --at S1,S2,...           steps (1-based, increasing, at most --steps) at which to give every run's
//                            cumulative accuracy
//   --data-dir DIR           where the files of datasets that need them are found, laid out as
//                            ../shared/data (DATA_DIR_FILES below); for several datasets at once
// An empty item, an unknown learner or dataset, or a transform that does not parse is refused with
// the flag and the item named.
import { DATASETS, type DatasetName } from '../data/registry';
import type { SplitName } from '../data/types';
import { fail, ok, type Result } from '../model/result';
import type { FlagValues } from './args';
import { parseTransform } from './transformFlag';

/** The item of a --transforms list that stands for no transform. */
export const NO_TRANSFORM = 'none';

/** Files of each dataset under --data-dir, by split (the layout of ../shared/data, its README). */
export const DATA_DIR_FILES: Partial<Record<DatasetName, Record<SplitName, Readonly<Record<string, string>>>>> = {
  'mnist-idx': {
    test: { images: 'mnist/t10k-images-idx3-ubyte.gz', labels: 'mnist/t10k-labels-idx1-ubyte.gz' },
    train: { images: 'mnist/train-images-idx3-ubyte.gz', labels: 'mnist/train-labels-idx1-ubyte.gz' },
  },
  'fashion-mnist': {
    test: { images: 'fashion-mnist/t10k-images-idx3-ubyte.gz', labels: 'fashion-mnist/t10k-labels-idx1-ubyte.gz' },
    train: {
      images: 'fashion-mnist/train-first20000-images-idx3-ubyte.gz',
      labels: 'fashion-mnist/train-first20000-labels-idx1-ubyte.gz',
    },
  },
  'emnist-letters': {
    test: {
      images: 'emnist/emnist-letters-test-0to14799-images-idx3-ubyte.gz',
      labels: 'emnist/emnist-letters-test-0to14799-labels-idx1-ubyte.gz',
      mapping: 'emnist/emnist-letters-mapping.txt',
    },
    train: {
      images: 'emnist/emnist-letters-train-85264to88799-images-idx3-ubyte.gz',
      labels: 'emnist/emnist-letters-train-85264to88799-labels-idx1-ubyte.gz',
      mapping: 'emnist/emnist-letters-mapping.txt',
    },
  },
  'emnist-balanced': {
    test: {
      images: 'emnist/emnist-balanced-test-18496to18799-images-idx3-ubyte.gz',
      labels: 'emnist/emnist-balanced-test-18496to18799-labels-idx1-ubyte.gz',
      mapping: 'emnist/emnist-balanced-mapping.txt',
    },
    train: {
      images: 'emnist/emnist-balanced-train-103680to112799-images-idx3-ubyte.gz',
      labels: 'emnist/emnist-balanced-train-103680to112799-labels-idx1-ubyte.gz',
      mapping: 'emnist/emnist-balanced-mapping.txt',
    },
  },
  cifar10: {
    test: { records: 'cifar-10/cifar-10-test_batch-first1000.bin.gz' },
    train: { records: 'cifar-10/cifar-10-data_batch_1-first4000.bin.gz' },
  },
};

/** The flags whose values are files of one dataset (dataFlags.ts's FILE_FLAGS). */
const FILE_FLAGS = ['images', 'labels', 'records', 'mapping', 'class-names'];

const usage = (flag: string, message: string): Result<never> => fail('usage', `--${flag}`, message);

/** A flag's value split at `sep`; an empty item is refused, naming the flag and its position. */
export function splitList(flag: string, text: string, sep = ','): Result<string[]> {
  const items = text.split(sep);
  const empty = items.findIndex((s) => s.trim() === '');
  if (empty >= 0) return usage(flag, `item ${empty + 1} of ${JSON.stringify(text)} is empty`);
  return ok(items.map((s) => s.trim()));
}

/** --at: steps in [1, steps], increasing. */
export function parseAt(text: string, steps: number): Result<number[]> {
  const items = splitList('at', text);
  if (!items.ok) return items;
  const out: number[] = [];
  for (const item of items.value) {
    const n = /^\d+$/.test(item) ? Number(item) : NaN;
    if (!(n >= 1 && n <= steps))
      return usage('at', `item ${JSON.stringify(item)} must be a step in [1, ${steps}] (--steps)`);
    if (out.length > 0 && n <= out[out.length - 1])
      return usage(
        'at',
        `item ${JSON.stringify(item)} must be above the one before (${out[out.length - 1]}): steps in increasing order`,
      );
    out.push(n);
  }
  return ok(out);
}

/** --transforms: each item checked as a --transform list; '' stands for `none`. */
export function parseTransforms(text: string): Result<string[]> {
  const items = splitList('transforms', text, ';');
  if (!items.ok) return items;
  const out: string[] = [];
  for (const item of items.value) {
    if (item === NO_TRANSFORM) {
      out.push('');
      continue;
    }
    const t = parseTransform(item);
    if (!t.ok) return usage('transforms', `item ${JSON.stringify(item)}: ${t.error.message}`);
    out.push(item);
  }
  return ok(out);
}

/** The dataset a --dataset item names in the registry (`idx` with --preset), or null. */
function registryName(item: string, preset: string | undefined): DatasetName | null {
  if (item === 'idx') return preset === undefined || preset === 'mnist' ? 'mnist-idx' : (preset as DatasetName);
  return Object.hasOwn(DATASETS, item) ? (item as DatasetName) : null;
}

/**
 * The flags of one cell: `--dataset item`, `--transform` the transform item (none: absent), and with
 * --data-dir the dataset's files when it needs files and the command gave none.
 */
export function cellFlags(flags: FlagValues, dataset: string, transform: string): Result<FlagValues> {
  const out = new Map(flags);
  out.set('dataset', dataset);
  out.delete('transforms');
  out.delete('at');
  if (transform === '') out.delete('transform');
  else out.set('transform', transform);
  const dir = flags.get('data-dir');
  out.delete('data-dir');
  if (dir === undefined || FILE_FLAGS.some((f) => flags.has(f))) return ok(out);
  const name = registryName(dataset, flags.get('preset'));
  if (name === null || DATASETS[name].files.required.length === 0) return ok(out);
  const split = (flags.get('split') ?? 'test') as SplitName;
  const files = DATA_DIR_FILES[name]?.[split];
  if (!files)
    return usage(
      'data-dir',
      `no files of ${name} (${split}) are known under a data folder (known: ${Object.keys(DATA_DIR_FILES).join(', ')}); give --images/--labels with that one --dataset`,
    );
  for (const [flag, rel] of Object.entries(files)) out.set(flag, `${dir.replace(/\/+$/, '')}/${rel}`);
  return ok(out);
}

/** File flags go with one dataset: with several, they are refused (use --data-dir). */
export function checkFileFlags(flags: FlagValues, datasets: readonly string[]): string | null {
  if (datasets.length < 2) return null;
  const given = FILE_FLAGS.find((f) => flags.has(f));
  return given
    ? `--${given}: names the files of one dataset, but --dataset lists ${datasets.length}; give --data-dir DIR instead`
    : null;
}
