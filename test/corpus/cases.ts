// The bad-input corpus as one table: every malformed input, where it goes, and the one line the
// program must answer with. Three kinds of row:
//   FILE_CASES  an input file, fed to every CLI command that takes its slot (invoke.ts), and where
//               `studio` is given also to the studio's learner-file or data-file input;
//   FLAG_CASES  a command line (flags out of range, unknown names, conflicting flags, locked runs);
//   URL_CASES   a studio link with bad keys, each of which the page must name.
// Expected lines: "{file}" is the input's path as the command was given it (for a checkpoint, the
// run folder's checkpoint.json); `prefix` rows pin the start of the line only (V8's own JSON
// messages, and memory sizes of this machine). Every row exits 2 (bad input) unless `code` says.
// A row marked `defect` is what the program SHOULD answer; `defect.today` is what it answers now
// (`run: 'fails'`: the row runs and is expected to fail until fixed; 'skip': not run, see `today`).
import type { Slot } from './invoke';

export interface Defect {
  /** What the program prints (or does) today. */
  readonly today: string;
  /** Run it expecting a failure, or leave it out (it would swell or run for hours). */
  readonly run: 'fails' | 'skip';
}

export interface FileCase {
  readonly id: string;
  /** files/... (committed), gen:NAME (generate.ts), "missing" or "directory". */
  readonly input: string;
  readonly slots: readonly Slot[];
  /** The one stderr line, or one per slot where they differ. */
  readonly line: string | { readonly [S in Slot]?: string };
  readonly prefix?: true;
  readonly code?: number;
  /** The studio's banner for this input in its file input ("{name}": the file's name), when the studio takes it. */
  readonly studio?: string;
  readonly defect?: Defect;
}

export interface FlagCase {
  readonly id: string;
  /** Placeholders: {learner} {stream} {state} {config} (good files), {out} (a file to write), {run} (an empty run folder),
   * {resumeRun} (a run folder holding the good step-1 checkpoint), {lockedRun} (the same, locked by a live process). */
  readonly argv: readonly string[];
  readonly line: string;
  readonly prefix?: true;
  readonly code?: number;
  readonly defect?: Defect;
}

export interface UrlCase {
  readonly id: string;
  /** The query string, without "?". */
  readonly query: string;
  /** Text the page's link banner must show, one entry per bad key. */
  readonly named: readonly string[];
  readonly defect?: Defect;
}

const JSON_SLOTS: readonly Slot[] = ['learner', 'stream', 'state', 'config', 'checkpoint'];
const IDX: readonly Slot[] = ['images', 'labels'];
const DATASETS =
  'mnist, random, sum-sign, mnist-idx, fashion-mnist, emnist-letters, emnist-balanced, kmnist, omniglot, cifar10';
const CONFIG_KEYS =
  'format, version, preset, init, learner, seed, method, objective, finalSteps, cloneLearningRate, cloneWeightScale, cloneBatch, cloneWarmup, cloneUnroll, cloneStateWeight, cloneDeepFrom, steps, pairs, sigma, learningRate, beta1, beta2, adamEps, clipNorm, trajectoryLength, fitnessShaping, checkpointEvery, tasks, evaluation, model';
const MODEL_KEYS =
  'stateSize, messageSize, microTicks, tanhBound, outputIndex, feedLabel, hiddenSizes, initRandProportion, backwardPass, layerNorm';
const PRESETS = 'paper-fig6, quick-demo, cold-demo, clone-demo, clone-backprop-demo';
const INF = 'beyond the float64 range ±1.8e308';
/** The studio refuses a learner nested this deep before parsing it (the CLI parses it and names the field). */
const DEEP = '{name}: not a learner: nested deeper than 64 levels';

/** A learner row: the same line in the CLI and in the studio (after the file's name and "learner: "). */
const learner = (id: string, line: string): FileCase => ({
  id: `learner/${id}`,
  input: `learner/${id}.json`,
  slots: ['learner'],
  line: `{file}: ${line}`,
  studio: `{name}: learner: ${line}`,
});
/** An IDX row for the images or labels slot: the CLI names the file; the studio names the dataset, then the file. */
const idx = (slot: 'images' | 'labels', name: string, line: string, extra: Partial<FileCase> = {}): FileCase => ({
  id: `${slot}/${name}`,
  input: `gen:${name}`,
  slots: [slot],
  line: `{file}: ${line}`,
  studio: `fashion-mnist: {name}: ${line}`,
  ...extra,
});
const simple = (slot: Slot, file: string, line: string, extra: Partial<FileCase> = {}): FileCase => ({
  id: `${slot}/${file.replace(/\.\w+$/, '')}`,
  input: `${slot === 'class-names' ? 'classes' : slot}/${file}`,
  slots: [slot],
  line: `{file}: ${line}`,
  ...extra,
});

export const FILE_CASES: readonly FileCase[] = [
  // Any JSON input: read errors and syntax, the same line in every slot.
  {
    id: 'json/missing',
    input: 'missing',
    slots: JSON_SLOTS,
    line: {
      learner: '{file}: cannot read: no such file',
      stream: '{file}: cannot read: no such file',
      state: '{file}: cannot read: no such file',
      config: '{file}: cannot read: no such file',
      checkpoint: '{file}: no such file (nothing to resume; run without --resume to start)',
    },
  },
  { id: 'json/directory', input: 'directory', slots: JSON_SLOTS, line: '{file}: cannot read: not a regular file' },
  {
    id: 'json/over-512-mib',
    input: 'gen:json-sparse.json',
    slots: JSON_SLOTS,
    line: '{file}: file is 513.0 MiB, over the 512.0 MiB limit',
    studio: '{name}: file is 513 MiB, over the 64 MiB limit for a learner file',
  },
  {
    id: 'json/empty',
    input: 'json/empty.json',
    slots: JSON_SLOTS,
    line: '{file}: invalid JSON: Unexpected end of JSON input',
    studio: '{name}: not a JSON file (',
  },
  {
    id: 'json/not-json',
    input: 'json/not-json.json',
    slots: JSON_SLOTS,
    line: "{file}: invalid JSON: Unexpected token 'h'",
    prefix: true,
    studio: '{name}: not a JSON file (',
  },
  {
    id: 'json/truncated',
    input: 'json/truncated.json',
    slots: JSON_SLOTS,
    line: '{file}: invalid JSON: Unexpected end of JSON input',
    studio: '{name}: not a JSON file (',
  },
  {
    id: 'json/byte-order-mark',
    input: 'json/bom.json',
    slots: JSON_SLOTS,
    line: '{file}: invalid JSON: Unexpected token',
    prefix: true,
  },
  {
    id: 'json/nan-literal',
    input: 'json/nan-literal.json',
    slots: JSON_SLOTS,
    line: "{file}: invalid JSON: Unexpected token 'N'",
    prefix: true,
    studio: '{name}: not a JSON file (',
  },
  {
    id: 'json/top-array',
    input: 'json/top-array.json',
    slots: JSON_SLOTS,
    line: '{file}: must be an object, got an array of 0',
    studio: '{name}: learner: must be an object, got an array of 0',
  },
  {
    id: 'json/top-null',
    input: 'json/top-null.json',
    slots: JSON_SLOTS,
    line: '{file}: must be an object, got null',
    studio: '{name}: learner: must be an object, got null',
  },
  {
    id: 'json/top-string',
    input: 'json/top-string.json',
    slots: JSON_SLOTS,
    line: '{file}: must be an object, got "vsml"',
  },
  {
    id: 'json/nested-5000-deep',
    input: 'json/deep-5000.json',
    slots: JSON_SLOTS,
    line: '{file}: must be an object, got an array of 1',
    studio: DEEP,
  },

  // vsml-learner: trace --learner, evaluate --learner, meta-train (a config's init).
  learner('format-stream', 'format: expected "vsml-learner", got "vsml-stream"'),
  learner('format-missing', 'format: missing (expected "vsml-learner")'),
  learner('version-2', 'version: unsupported version 2 (supported: 1)'),
  learner('version-string', 'version: unsupported version "1" (supported: 1)'),
  learner('unknown-field', 'params: missing'),
  learner('params-missing', 'params: missing'),
  learner('nan-string', 'params.fwd.b[0]: must be a finite number, got "NaN"'),
  {
    ...learner('nan-literal', "invalid JSON: Unexpected token 'N'"),
    prefix: true,
    studio: '{name}: not a JSON file (',
  },
  learner('1e39', 'params.fwd.b[0]: must be within the float32 range ±3.4028235e38, got 1e+39'),
  learner('1e400', `params.fwd.b[0]: must be a finite number, got Infinity (${INF})`),
  learner('minus-1e400', `params.lstm.w[2][5]: must be a finite number, got -Infinity (${INF})`),
  learner('null-number', 'params.bwd.b[1]: must be a finite number, got null'),
  learner('string-matrix', 'params.lstm.w: must be an array, got "weights"'),
  learner('row-short', 'params.lstm.w[3]: expected 16 numbers, got 15'),
  learner('rows-extra', 'params.lstm.w: expected 8 rows, got 9'),
  learner('bias-long', 'params.fwd.b: expected 2 numbers, got 3'),
  learner('state-size-0', 'config.stateSize: must be an integer in [1, 64], got 0'),
  learner('state-size-fraction', 'config.stateSize: must be an integer in [1, 64], got 2.5'),
  learner('config-unknown', `config.learningRate: unknown option (known: ${MODEL_KEYS})`),
  learner('layer-norm', 'config.layerNorm: layerNorm=true is not supported yet'),
  learner('feed-label-number', 'config.feedLabel: must be true or false, got 1'),
  learner('hidden-negative', 'config.hiddenSizes[0]: must be an integer in [1, 4096], got -3'),
  learner('proto-key', `config.__proto__: unknown option (known: ${MODEL_KEYS})`),
  learner('constructor-key', 'constructor: unknown field (known: format, version, config, params)'),
  { ...learner('deep-params', 'params.lstm.w: expected 8 rows, got 1'), studio: DEEP },
  { ...learner('deep-config', 'config.hiddenSizes[0]: must be a finite number, got an array of 1'), studio: DEEP },
  learner('config-vs-params', 'params.lstm.w: expected 10 rows, got 8'),

  // vsml-stream: trace --stream.
  simple('stream', 'classes-1.json', 'numClasses: must be an integer in [2, 4096], got 1'),
  simple('stream', 'classes-4097.json', 'numClasses: must be an integer in [2, 4096], got 4097'),
  simple('stream', 'label-out.json', 'labels[4]: must be an integer in [0, 1], got 2'),
  simple('stream', 'label-fraction.json', 'labels[1]: must be an integer in [0, 1], got 0.5'),
  simple('stream', 'ragged.json', 'inputs[2]: expected 3 numbers (as inputs[0]), got 2'),
  simple('stream', 'no-examples.json', 'inputs: expected at least 1 example, got 0'),
  simple('stream', 'empty-row.json', 'inputs[0]: expected at least 1 number, got 0'),
  simple('stream', 'labels-short.json', 'labels: expected 6 labels (one per input row), got 5'),
  simple('stream', 'nan-string.json', 'inputs[1][2]: must be a finite number, got "NaN"'),
  simple('stream', '1e39.json', 'inputs[0][0]: must be within the float32 range ±3.4028235e38, got 1e+39'),
  simple('stream', '1e400.json', `inputs[0][0]: must be a finite number, got Infinity (${INF})`),
  simple('stream', 'format-learner.json', 'format: expected "vsml-stream", got "vsml-learner"'),
  simple(
    'stream',
    'unknown-field.json',
    'classNames: unknown field (known: format, version, numClasses, inputs, labels)',
  ),
  simple('stream', 'inputs-object.json', 'inputs: must be an array, got an object'),
  {
    id: 'stream/a-1e6-k-4096',
    input: 'gen:stream-a1e6-k4096.json',
    slots: ['stream'],
    prefix: true,
    line: 'vsml trace: {file} inputs[0] and numClasses: VSML state h and c needs 2 copies x 1 run x 4096000000 cells x 8 floats x 4 bytes = 244.1 GiB (244.1 GiB in all), over the ',
  },

  // vsml-state: trace --state (the good learner on the good stream: one layer of 3 x 2 cells, N = 4).
  simple('state', 'other-grid.json', 'layers[0].h: expected 24 numbers (A=3 x B=2 x N=4), got 32'),
  simple('state', 'two-layers.json', 'layers: expected 1 layer (grids 3x2), got 2'),
  simple('state', 'nan.json', 'layers[0].c[5]: must be a finite number, got "NaN"'),
  simple('state', 'h-missing.json', 'layers[0].h: missing'),
  simple('state', 'layers-object.json', 'layers: must be an array, got an object'),
  simple('state', 'format-missing.json', 'format: missing (expected "vsml-state")'),

  // vsml-meta-config: meta-train --config.
  simple('config', 'format-learner.json', 'format: expected "vsml-meta-config", got "vsml-learner"'),
  simple('config', 'version-0.json', 'version: unsupported version 0 (supported: 1)'),
  simple('config', 'unknown-field.json', `stpes: unknown field (known: ${CONFIG_KEYS})`),
  simple('config', 'pairs-0.json', 'pairs: must be an integer in [1, 65536], got 0'),
  simple('config', 'sigma-nan.json', 'sigma: must be a number in (0, 10], got "NaN"'),
  simple('config', 'sigma-1e39.json', 'sigma: must be a number in (0, 10], got 1e+39'),
  simple('config', 'sigma-1e400.json', `sigma: must be a number in (0, 10], got Infinity (${INF})`),
  simple('config', 'proto-key.json', `__proto__: unknown field (known: ${CONFIG_KEYS})`),
  simple('config', 'preset-proto.json', `preset: unknown preset "__proto__" (known: ${PRESETS})`),
  simple('config', 'preset-constructor.json', `preset: unknown preset "constructor" (known: ${PRESETS})`),
  simple('config', 'dataset-unknown.json', `tasks.datasets[0]: unknown dataset "mnistt" (known: ${DATASETS})`),
  simple('config', 'classes-duplicate.json', 'tasks.classes[0][1]: class 3 is listed twice'),
  simple('config', 'classes-out.json', 'tasks.classes[0][1]: class 12 is not in [0, 10) for mnist'),
  simple('config', 'init-number.json', 'init: must be the path of a vsml-learner file or null, got 3'),
  simple('config', 'state-size-0.json', 'model.stateSize: must be an integer in [1, 64], got 0'),
  simple(
    'config',
    'tasks-unknown.json',
    'tasks.transforms: unknown field (known: datasets, project, resize, classes, copies, assign, projection, split)',
  ),
  simple('config', 'deep-tasks.json', 'tasks.datasets[0]: must be an object, got an array of 1'),
  {
    ...simple('config', 'init-other-model.json', ''),
    line: '{file}: init: the learner {corpus}good/learner.json has another model config than the config\'s "model"',
  },
  { ...simple('config', 'files-missing.json', ''), line: '{corpus}config/no-such-images.gz: no such file' },
  {
    ...simple(
      'config',
      'resize-512-project.json',
      'tasks.project and tasks.resize: the projection matrix and its transpose needs 2 matrices x 262144 rows x 262144 columns x 4 bytes = 512.0 GiB (520.0 GiB in all), over the ',
    ),
    prefix: true,
  },
  simple('config', 'dataset-proto.json', `tasks.datasets[0]: unknown dataset "__proto__" (known: ${DATASETS})`),
  simple('config', 'dataset-constructor.json', `tasks.datasets[0]: unknown dataset "constructor" (known: ${DATASETS})`),
  {
    ...simple(
      'config',
      'hidden-3x4096.json',
      'model.hiddenSizes and pairs: rollout state h and c needs 256 runs x 36806656 cells x 4 floats x 4 bytes = 140.4 GiB (245.8 GiB in all), over the ',
    ),
    prefix: true,
  },

  // vsml-checkpoint: meta-train --resume (the input becomes DIR/checkpoint.json).
  simple('checkpoint', 'nan-moment.json', 'optimizer.m[3]: must be a finite number, got "NaN"'),
  simple('checkpoint', 'counter.json', 'rng.counter: must equal step (1), got 0'),
  simple('checkpoint', 't-mismatch.json', 'optimizer.t: must equal step - rejected (1), got 5'),
  simple('checkpoint', 'learner-other-model.json', 'learner.config: differs from config.model'),
  simple('checkpoint', 'format-config.json', 'format: expected "vsml-checkpoint", got "vsml-meta-config"'),
  simple('checkpoint', 'pairs-negative.json', 'config.pairs: must be an integer in [1, 65536], got -1'),
  simple('checkpoint', 'v-negative.json', 'optimizer.v[0]: must be >= 0, got -1'),
  simple('checkpoint', 'm-short.json', 'optimizer.m: expected 68 numbers, got 67'),
  simple('checkpoint', 'step-1e400.json', `step: must be an integer in [0, 10000000], got Infinity (${INF})`),

  // IDX images and labels: evaluate --dataset idx --images/--labels, meta-train (a config's dataset files).
  { id: 'idx/missing', input: 'missing', slots: IDX, line: '{file}: no such file' },
  { id: 'idx/directory', input: 'directory', slots: IDX, line: '{file}: is not a file' },
  {
    id: 'idx/empty',
    input: 'gen:empty.idx',
    slots: IDX,
    line: {
      images: '{file}: is 0 bytes, shorter than the 16-byte IDX images header',
      labels: '{file}: is 0 bytes, shorter than the 8-byte IDX labels header',
    },
  },
  {
    id: 'idx/gzip-bomb',
    input: 'gen:bomb.gz',
    slots: IDX,
    line: '{file}: decompresses to more than the 256 MiB limit',
    studio: 'fashion-mnist: {name}: decompresses to more than the 256 MiB limit',
  },
  idx('images', 'images-short-header.idx', 'is 10 bytes, shorter than the 16-byte IDX images header'),
  idx(
    'images',
    'images-short-body.idx',
    'truncated: the header declares 3 images of 28x28 (2368 bytes), the data has 2016',
  ),
  idx(
    'images',
    'images-labels-magic.idx',
    'bad magic 0x00000801 (an IDX label file), expected 0x00000803 (IDX images, uint8)',
  ),
  idx('images', 'images-two-dims.idx', 'bad magic 0x00000802, expected 0x00000803 (IDX images, uint8)'),
  idx('images', 'images-float.idx', 'bad magic 0x00000d03, expected 0x00000803 (IDX images, uint8)'),
  idx('images', 'images-zero-rows.idx', 'image size 0x28 is outside 1..4096'),
  idx('images', 'images-zero-count.idx', 'holds 0 images'),
  idx('images', 'images-trailing.idx', '5 bytes after the 3 images of 28x28 the header declares'),
  idx(
    'images',
    'images-4e9.idx',
    'truncated: the header declares 4294967295 images of 4096x4096 (72057594021150740 bytes), the data has 80',
  ),
  idx('images', 'images-truncated.gz', 'gzip data is truncated or corrupt (unexpected end of file)', {
    studio: 'fashion-mnist: {name}: gzip data is truncated or corrupt',
  }),
  idx('images', 'images-garbage.gz', 'gzip data is truncated or corrupt (unknown compression method)', {
    studio: 'fashion-mnist: {name}: gzip data is truncated or corrupt',
  }),
  idx('images', 'images-sparse.idx', 'is 300 MiB, over the 256 MiB limit', {
    studio: '{name}: file is 300 MiB, over the 256 MiB limit for a data file',
  }),
  idx('labels', 'labels-short-header.idx', 'is 4 bytes, shorter than the 8-byte IDX labels header'),
  idx('labels', 'labels-four.idx', 'has 4 labels, but {images} has 3 images', { studio: undefined }),
  idx('labels', 'labels-ten.idx', 'label 10 at index 1 is outside [0, 10) for mnist-idx (10 classes)', {
    studio: undefined,
  }),
  idx(
    'labels',
    'labels-images-magic.idx',
    'bad magic 0x00000803 (an IDX image file), expected 0x00000801 (IDX labels, uint8)',
  ),

  // CIFAR-10 records, class lists, EMNIST mappings: evaluate --records / --class-names / --mapping.
  {
    id: 'records/empty',
    input: 'gen:empty.bin',
    slots: ['records'],
    line: '{file}: is empty (expected 3073-byte CIFAR-10 records)',
  },
  {
    id: 'records/partial',
    input: 'gen:records-partial.bin',
    slots: ['records'],
    line: '{file}: is 6246 bytes, not a whole number of 3073-byte CIFAR-10 records (2 records and 100 bytes over)',
  },
  {
    id: 'records/label-10',
    input: 'gen:records-label-10.bin',
    slots: ['records'],
    line: '{file}: record 1 has label 10, outside 0..9',
  },
  simple('class-names', 'empty.txt', 'is empty (expected one class name per line)'),
  simple('class-names', 'index-gap.txt', 'line 2: index 2, expected 1 (indices must run 0, 1, …)'),
  simple('class-names', 'three.txt', 'lists 3 classes, cifar10 has 10'),
  simple('mapping', 'gap.txt', 'line 2: label 3, expected 2 (labels must be consecutive)'),
  simple('mapping', 'non-ascii.txt', 'line 2: 300 is not a printable ASCII code (32..126)'),
  simple('mapping', 'words.txt', 'line 1: expected "label ascii" or "label upper lower" (integers), got "one A a"'),
];

const T = ['trace', '--learner', '{learner}', '--stream', '{stream}'];
const E = ['evaluate', '--learner', 'sgd', '--steps', '5', '--runs', '1'];
const TRANSFORMS = 'project:SEED, shuffle:SEED, resize:N|none, classes:A.B.C, gray, upright';
const EVAL_DATASETS =
  'mnist, random, sum-sign, idx, mnist-idx, fashion-mnist, emnist-letters, emnist-balanced, kmnist, omniglot, cifar10';

export const FLAG_CASES: readonly FlagCase[] = [
  {
    id: 'vsml/unknown-command',
    argv: ['trase'],
    line: 'vsml: unknown command "trase" (commands: trace, evaluate, table, meta-train, worker, clone-check)',
  },
  {
    id: 'trace/seed-negative',
    argv: [...T, '--seed', '-1', '--out', '{out}'],
    line: 'vsml trace: flag --seed must be an integer in [0, 4294967295], got "-1"',
  },
  {
    id: 'trace/seed-2^32',
    argv: [...T, '--seed', '4294967296', '--out', '{out}'],
    line: 'vsml trace: flag --seed must be an integer in [0, 4294967295], got "4294967296"',
  },
  {
    id: 'trace/seed-fraction',
    argv: [...T, '--seed', '1.5', '--out', '{out}'],
    line: 'vsml trace: flag --seed must be an integer in [0, 4294967295], got "1.5"',
  },
  {
    id: 'trace/seed-and-state',
    argv: [...T, '--seed', '3', '--state', '{state}', '--out', '{out}'],
    line: 'vsml trace: give --state or --seed, not both (--seed only draws the initial state)',
  },
  {
    id: 'trace/backend-unknown',
    argv: [...T, '--backend', 'metal', '--out', '{out}'],
    line: 'vsml trace: flag --backend must be one of cpu, reference, webgpu, got "metal" (usage: ',
    prefix: true,
  },
  {
    id: 'trace/unknown-flag',
    argv: [...T, '--lr', '1', '--out', '{out}'],
    line: 'vsml trace: unknown flag --lr (usage: ',
    prefix: true,
  },
  {
    id: 'trace/flag-twice',
    argv: [...T, '--out', '{out}', '--out', '{out}'],
    line: 'vsml trace: flag --out given twice (usage: ',
    prefix: true,
  },
  {
    id: 'trace/positional',
    argv: [...T, 'extra', '--out', '{out}'],
    line: 'vsml trace: unexpected argument "extra" (usage: ',
    prefix: true,
  },
  { id: 'trace/out-missing', argv: T, line: 'vsml trace: missing required flag --out (usage: ', prefix: true },
  {
    id: 'trace/max-memory-unit',
    argv: [...T, '--max-memory', '12parsecs', '--out', '{out}'],
    line: 'vsml trace: --max-memory: ',
    prefix: true,
  },
  {
    id: 'evaluate/runs-0',
    argv: [...E.slice(0, 5), '--runs', '0', '--dataset', 'sum-sign', '--out', '{out}'],
    line: 'vsml evaluate: flag --runs must be an integer in [1, 4096], got "0"',
  },
  {
    id: 'evaluate/runs-4097',
    argv: [...E.slice(0, 5), '--runs', '4097', '--dataset', 'sum-sign', '--out', '{out}'],
    line: 'vsml evaluate: flag --runs must be an integer in [1, 4096], got "4097"',
  },
  {
    id: 'evaluate/steps-1e3',
    argv: ['evaluate', '--learner', 'sgd', '--steps', '1e3', '--dataset', 'sum-sign', '--out', '{out}'],
    line: 'vsml evaluate: flag --steps must be an integer in [1, 10000000], got "1e3"',
  },
  {
    id: 'evaluate/dataset-unknown',
    argv: [...E, '--dataset', 'mnistt', '--out', '{out}'],
    line: `vsml evaluate: --dataset: unknown dataset "mnistt" (known: ${EVAL_DATASETS})`,
  },
  {
    id: 'evaluate/dataset-proto',
    argv: [...E, '--dataset', '__proto__', '--out', '{out}'],
    line: `vsml evaluate: --dataset: unknown dataset "__proto__" (known: ${EVAL_DATASETS})`,
  },
  {
    id: 'evaluate/dataset-constructor',
    argv: [...E, '--dataset', 'constructor', '--out', '{out}'],
    line: `vsml evaluate: --dataset: unknown dataset "constructor" (known: ${EVAL_DATASETS})`,
  },
  {
    id: 'evaluate/normalize-constructor',
    argv: [...E, '--dataset', 'mnist', '--normalize', 'constructor', '--out', '{out}'],
    line: 'vsml evaluate: --normalize: must be MEAN,STD, none, or one of mnist, mnist-idx, fashion-mnist, emnist-letters, emnist-balanced, kmnist, omniglot, cifar10, got "constructor"',
  },
  {
    id: 'evaluate/transform-unknown',
    argv: [...E, '--dataset', 'mnist', '--transform', 'resize:14,blur', '--out', '{out}'],
    line: `vsml evaluate: --transform: unknown transform "blur" (known: ${TRANSFORMS})`,
  },
  {
    id: 'evaluate/resize-0',
    argv: [...E, '--dataset', 'mnist', '--transform', 'resize:0', '--out', '{out}'],
    line: 'vsml evaluate: --transform: resize needs a side: resize:N with N a positive integer, or resize:none, got "resize:0"',
  },
  {
    id: 'evaluate/classes-duplicate',
    argv: [...E, '--dataset', 'mnist', '--transform', 'classes:3.3', '--out', '{out}'],
    line: 'vsml evaluate: --transform: classes: class 3 is listed twice',
    prefix: true,
  },
  {
    id: 'evaluate/classes-out-of-range',
    argv: [...E, '--dataset', 'mnist', '--transform', 'classes:3.12', '--out', '{out}'],
    line: 'vsml evaluate: --transform: classes: class 12 is not in [0, 10)',
  },
  {
    id: 'evaluate/classes-one',
    argv: [...E, '--dataset', 'mnist', '--transform', 'classes:3', '--out', '{out}'],
    line: 'vsml evaluate: --transform: classes needs at least two class indices joined by dots, e.g. classes:5.8.1, got "classes:3"',
  },
  {
    id: 'evaluate/two-seeds',
    argv: [...E, '--dataset', 'mnist', '--transform', 'project:7,shuffle:8', '--out', '{out}'],
    line: 'vsml evaluate: --transform: project and shuffle name different seeds (7, 8); a task has one seed',
  },
  {
    id: 'evaluate/upright-mnist',
    argv: [...E, '--dataset', 'mnist', '--transform', 'upright', '--out', '{out}'],
    line: 'vsml evaluate: --transform: upright is for EMNIST, not mnist',
  },
  {
    id: 'evaluate/gray-mnist',
    argv: [...E, '--dataset', 'mnist', '--transform', 'gray', '--out', '{out}'],
    line: 'vsml evaluate: --transform: grayscale: needs 3 channels (RGB), the data has 1',
  },
  {
    id: 'evaluate/normalize-nan',
    argv: [...E, '--dataset', 'mnist', '--normalize', '0.1,NaN', '--out', '{out}'],
    line: 'vsml evaluate: --normalize: must be MEAN,STD with a finite mean and a std > 0, got "0.1,NaN"',
  },
  {
    id: 'evaluate/normalize-1e400',
    argv: [...E, '--dataset', 'mnist', '--normalize', '1e400,1', '--out', '{out}'],
    line: 'vsml evaluate: --normalize: must be MEAN,STD with a finite mean and a std > 0, got "1e400,1"',
  },
  {
    id: 'evaluate/files-for-builtin',
    argv: [...E, '--dataset', 'mnist', '--images', '{stream}', '--out', '{out}'],
    line: 'vsml evaluate: --images: mnist takes no files',
  },
  {
    id: 'evaluate/idx-without-labels',
    argv: [...E, '--dataset', 'idx', '--images', '{stream}', '--out', '{out}'],
    line: 'vsml evaluate: --labels: mnist-idx needs --labels F',
  },
  {
    id: 'evaluate/init-with-vsml',
    argv: ['evaluate', '--learner', '{learner}', '--dataset', 'sum-sign', '--init', 'shared', '--out', '{out}'],
    line: "vsml evaluate: --init: only for the baselines (sgd, adam, sgd-deep, adam-deep); a VSML run's initial state is drawn from --seed",
  },
  {
    id: 'table/seen-unknown-learner',
    argv: ['table', '--learners', 'sgd', '--datasets', 'sum-sign', '--seen', 'adam=mnist', '--out', '{out}'],
    line: 'vsml table: --seen: "adam" is not one of --learners (sgd)',
  },
  {
    id: 'table/datasets-empty-item',
    argv: ['table', '--learners', 'sgd', '--datasets', 'sum-sign,', '--out', '{out}'],
    line: 'vsml table: --datasets: item 2 of "sum-sign," is empty',
  },
  {
    id: 'evaluate/webgpu-baseline',
    argv: [...E, '--dataset', 'sum-sign', '--backend', 'webgpu', '--out', '{out}'],
    line: 'vsml evaluate: --backend: the baselines run on the CPU; webgpu is for VSML learner files',
  },
  {
    id: 'evaluate/runs-4096-vsml',
    argv: [
      'evaluate',
      '--learner',
      '{learner}',
      '--dataset',
      'mnist',
      '--runs',
      '4096',
      '--max-memory',
      '1GiB',
      '--out',
      '{out}',
    ],
    line: 'vsml evaluate: --runs: VSML state h and c needs 2 copies x 4096 runs x 7840 cells x 8 floats x 4 bytes = ',
    prefix: true,
  },
  {
    id: 'evaluate/runs-4096-adam-deep',
    argv: [
      'evaluate',
      '--learner',
      'adam-deep',
      '--dataset',
      'sum-sign',
      '--runs',
      '4096',
      '--max-memory',
      '1GiB',
      '--out',
      '{out}',
    ],
    line: 'vsml evaluate: --runs: ',
    prefix: true,
  },
  {
    id: 'meta-train/steps-negative',
    argv: ['meta-train', '--config', '{config}', '--steps', '-1', '--out', '{run}'],
    line: 'vsml meta-train: flag --steps must be an integer in [0, 10000000], got "-1"',
  },
  {
    id: 'meta-train/no-config',
    argv: ['meta-train', '--out', '{run}'],
    line: `vsml meta-train: missing --config C.json or --preset ${PRESETS.split(', ').join('|')}`,
  },
  {
    id: 'meta-train/config-and-preset',
    argv: ['meta-train', '--config', '{config}', '--preset', 'quick-demo', '--out', '{run}'],
    line: 'vsml meta-train: --preset: give --config or --preset, not both (a config file can name "preset")',
  },
  {
    id: 'meta-train/preset-unknown',
    argv: ['meta-train', '--preset', 'fig6', '--out', '{run}'],
    line: `vsml meta-train: flag --preset must be one of ${PRESETS}, got "fig6" (usage: `,
    prefix: true,
  },
  {
    id: 'meta-train/resume-flag-value',
    argv: ['meta-train', '--resume=yes', '--out', '{run}'],
    line: 'vsml meta-train: flag --resume takes no value (usage: ',
    prefix: true,
  },
  {
    id: 'meta-train/out-holds-checkpoint',
    argv: ['meta-train', '--config', '{config}', '--out', '{resumeRun}'],
    line: 'vsml meta-train: --out: {resumeRun} already holds a checkpoint; add --resume to continue it, or choose another --out',
  },
  {
    id: 'meta-train/resume-steps-below',
    argv: ['meta-train', '--resume', '--steps', '0', '--out', '{resumeRun}'],
    line: "vsml meta-train: --steps: 0 is below the checkpoint's step 1 ({resumeRun}/checkpoint.json); give at least 1",
  },
  {
    id: 'meta-train/locked-run',
    argv: ['meta-train', '--resume', '--out', '{lockedRun}'],
    line: 'vsml meta-train: --out: {lockedRun} is in use by ',
    prefix: true,
  },
];

export const URL_CASES: readonly UrlCase[] = [
  { id: 'url/unknown-key', query: 'zzz=1', named: ['zzz: unknown setting'] },
  { id: 'url/S-0', query: 'S=0', named: ['S: must be an integer in [1, 256], got "0"'] },
  { id: 'url/S-257', query: 'S=257', named: ['S: must be an integer in [1, 256], got "257"'] },
  { id: 'url/S-1e3', query: 'S=1e3', named: ['S: must be an integer in [1, 256], got "1e3"'] },
  { id: 'url/resize-0', query: 'resize=0', named: ['resize: must be an integer in [1, 512], got "0"'] },
  { id: 'url/seed-negative', query: 'seed=-1', named: ['seed: must be an integer in [0, 4294967295], got "-1"'] },
  { id: 'url/data-unknown', query: 'data=nope', named: ['data: unknown dataset "nope"'] },
  { id: 'url/data-proto', query: 'data=__proto__', named: ['data: unknown dataset "__proto__"'] },
  { id: 'url/cls-duplicate', query: 'cls=3,3', named: ['cls: lists a class twice, got "3,3"'] },
  { id: 'url/cls-one', query: 'cls=1', named: ['cls: needs at least 2 classes, got "1"'] },
  { id: 'url/base-unknown', query: 'base=sgd,rmsprop', named: ['base: unknown baseline "rmsprop"'] },
  { id: 'url/speed-0', query: 'speed=0', named: ['speed: must be an integer in [1, 100000], got "0"'] },
  { id: 'url/vec-x', query: 'vec=x', named: ['vec: must be one of h, c, got "x"'] },
  { id: 'url/shuffle-yes', query: 'shuffle=yes', named: ['shuffle: must be 0 or 1, got "yes"'] },
  { id: 'url/learner-unknown', query: 'learner=nope', named: ['learner: unknown learner "nope"'] },
  {
    id: 'url/three-bad-keys',
    query: 'S=0&resize=0&zzz=1',
    named: [
      'S: must be an integer in [1, 256], got "0"',
      'resize: must be an integer in [1, 512], got "0"',
      'zzz: unknown setting',
    ],
  },
];
