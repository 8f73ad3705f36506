// The flags that say which data a command streams, and how they become a src/data Task:
//   --dataset NAME     mnist (built in), random, sum-sign, idx (an IDX pair, see --preset), cifar10,
//                      or a registry preset by name (mnist-idx, fashion-mnist, emnist-letters, ...)
//   --preset P         with --dataset idx: which dataset the IDX pair is (default mnist): its classes
//                      and normalisation (mnist, fashion-mnist, emnist-letters, emnist-balanced, kmnist, omniglot)
//   --images/--labels  the IDX pair (gzipped or raw); --records a CIFAR-10 batch;
//   --mapping          an EMNIST mapping file; --class-names a class list (index<TAB>name)
//   --split            test (default) or train
//   --normalize        MEAN,STD | none | a dataset name whose statistics to use (e.g. mnist for
//                      Fashion-MNIST as the official code); default: the preset's
//   --transform        see transformFlag.ts
import { DATASETS, DATASET_NAMES, type DatasetInfo, type FileRole } from '../data/registry';
import type { TaskSpec } from '../data/task';
import type { Normalisation, SplitName } from '../data/types';
import type { OpenNodeRequest } from '../data/node/open';
import { fail, ok, type Result } from '../model/result';
import type { FlagSpec, FlagValues } from './args';
import { parseTransform, TRANSFORM_SYNTAX } from './transformFlag';

/** The kinds of --dataset beyond the registry's names: `idx` (with --preset). */
const IDX_PRESETS = DATASET_NAMES.filter((n) => DATASETS[n].kind === 'idx');
/** --preset names: the idx presets, with `mnist` for `mnist-idx`. */
const PRESET_NAMES = ['mnist', ...IDX_PRESETS.filter((n) => n !== 'mnist-idx')];
export const DATASET_CHOICES = [
  'mnist',
  'random',
  'sum-sign',
  'idx',
  ...DATASET_NAMES.filter((n) => !['mnist', 'random', 'sum-sign'].includes(n)),
];

/** File flags and the file role each fills. */
const FILE_FLAGS: readonly [string, FileRole][] = [
  ['images', 'images'],
  ['labels', 'labels'],
  ['records', 'records'],
  ['mapping', 'mapping'],
  ['class-names', 'classes'],
];

export const DATA_FLAGS: readonly FlagSpec[] = [
  { name: 'dataset', value: 'NAME', required: true, help: `${DATASET_CHOICES.join(', ')}` },
  {
    name: 'preset',
    value: 'P',
    choices: PRESET_NAMES,
    help: `with --dataset idx: what the IDX pair holds, for its classes and statistics (${PRESET_NAMES.join(', ')}; default mnist)`,
  },
  { name: 'images', value: 'F', help: 'IDX images file (gzipped or raw)' },
  { name: 'labels', value: 'F', help: 'IDX labels file (gzipped or raw)' },
  { name: 'records', value: 'F', help: 'CIFAR-10 binary batch (gzipped or raw), for --dataset cifar10' },
  { name: 'mapping', value: 'F', help: 'EMNIST mapping file (class names)' },
  { name: 'class-names', value: 'F', help: 'class list, one "index<TAB>name" per line' },
  {
    name: 'split',
    value: 'test|train',
    choices: ['test', 'train'],
    help: 'which split (default test); for file datasets it only names the set',
  },
  {
    name: 'normalize',
    value: 'MEAN,STD',
    help: 'x -> (x/255 - MEAN)/STD; "none"; or a dataset name whose statistics to use (default: the dataset\'s)',
  },
  { name: 'transform', value: 'LIST', help: `comma-separated: ${TRANSFORM_SYNTAX}` },
];

/** What the data flags ask for, ready for openDatasetNode and buildTask. */
export interface DataRequest {
  readonly info: DatasetInfo;
  readonly split: SplitName;
  readonly open: OpenNodeRequest;
  readonly task: TaskSpec;
  /** Canonical --transform text ('' for none). */
  readonly transform: string;
}

const usage = (flag: string, message: string): Result<never> => fail('usage', `--${flag}`, message);

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

function parseNormalize(text: string): Result<Normalisation | null> {
  if (text === 'none') return ok(null);
  if (text.includes(',')) {
    const parts = text.split(',');
    const [mean, std] = parts.map((p) => (NUMBER.test(p.trim()) ? Number(p) : NaN));
    if (parts.length !== 2 || !Number.isFinite(mean) || !(std > 0 && Number.isFinite(std))) {
      return usage('normalize', `must be MEAN,STD with a finite mean and a std > 0, got ${JSON.stringify(text)}`);
    }
    return ok({ mean, std });
  }
  const byName = text === 'mnist' ? DATASETS.mnist : (DATASETS as Record<string, DatasetInfo | undefined>)[text];
  if (!byName?.normalisation) {
    const named = DATASET_NAMES.filter((n) => DATASETS[n].normalisation);
    return usage('normalize', `must be MEAN,STD, none, or one of ${named.join(', ')}, got ${JSON.stringify(text)}`);
  }
  return ok(byName.normalisation);
}

function datasetOf(flags: FlagValues): Result<DatasetInfo> {
  const name = flags.get('dataset') as string;
  const preset = flags.get('preset');
  if (name === 'idx')
    return ok(DATASETS[preset === undefined || preset === 'mnist' ? 'mnist-idx' : (preset as keyof typeof DATASETS)]);
  if (preset !== undefined)
    return usage('preset', `only goes with --dataset idx (--dataset is ${JSON.stringify(name)})`);
  // Own keys only: "__proto__" or "constructor" must be unknown names, not Object.prototype's members.
  const info = Object.hasOwn(DATASETS, name) ? (DATASETS as Record<string, DatasetInfo>)[name] : undefined;
  if (!info) return usage('dataset', `unknown dataset ${JSON.stringify(name)} (known: ${DATASET_CHOICES.join(', ')})`);
  return ok(info);
}

/** The data flags as a request; a usage problem names its flag in `field`. */
export function parseDataFlags(flags: FlagValues, streamSeed: number): Result<DataRequest> {
  const info = datasetOf(flags);
  if (!info.ok) return info;
  const { kind, files, name } = info.value;
  const paths: { [R in FileRole]?: string } = {};
  for (const [flag, role] of FILE_FLAGS) {
    const path = flags.get(flag);
    if (path === undefined) continue;
    if (![...files.required, ...files.optional].includes(role)) {
      const takes = [...files.required, ...files.optional].map(
        (r) => `--${FILE_FLAGS.find(([, fr]) => fr === r)?.[0]}`,
      );
      return usage(flag, `${name} takes ${takes.length ? `only ${takes.join(', ')}` : 'no files'}`);
    }
    paths[role] = path;
  }
  for (const role of files.required) {
    if (paths[role] === undefined) {
      const flag = FILE_FLAGS.find(([, r]) => r === role)?.[0];
      return usage(flag ?? role, `${name} needs --${flag} F`);
    }
  }
  const transform = parseTransform(flags.get('transform'));
  if (!transform.ok) return transform;
  if (transform.value.upright && !info.value.storedTransposed)
    return usage('transform', `upright is for EMNIST, not ${name}`);
  let normalisation: Normalisation | null | undefined;
  const normText = flags.get('normalize');
  if (normText !== undefined) {
    if (kind === 'synthetic') return usage('normalize', `${name} is synthetic and not normalised`);
    const n = parseNormalize(normText);
    if (!n.ok) return n;
    normalisation = n.value;
  }
  const split = (flags.get('split') ?? 'test') as SplitName;
  // The task seed: the one project:/shuffle: name, else the stream seed (it draws Random's 20 examples).
  const taskSeed = transform.value.task.seed ?? streamSeed;
  return ok({
    info: info.value,
    split,
    open: {
      split,
      paths,
      seed: taskSeed,
      upright: transform.value.upright,
      ...(normalisation !== undefined ? { normalisation } : {}),
    },
    task: { ...transform.value.task, seed: taskSeed },
    transform: transform.value.text,
  });
}
