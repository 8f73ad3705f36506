// vsml evaluate on bad input: exit 2 and one line naming the file or flag and what is wrong;
// exit 1 when the inputs are fine but the output cannot be written.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { clone, learnerDoc } from '../formats/helpers';
import { FIXTURES, tempDir, vsml, vsmlProcess, writeDoc } from './helpers';
import { MNIST_IMAGES, MNIST_LABELS } from './sharedData';

const be32 = (...v: number[]) => {
  const b = Buffer.alloc(4 * v.length);
  v.forEach((x, i) => b.writeUInt32BE(x, 4 * i));
  return b;
};

let dir: string;
let f: Record<string, string>;
beforeAll(async () => {
  dir = await tempDir();
  f = {
    img3: join(dir, 'img3-idx3-ubyte'),
    lab3: join(dir, 'lab3-idx1-ubyte'),
    labOut: join(dir, 'labout-idx1-ubyte'),
    trunc: join(dir, 'trunc.gz'),
    badLearner: join(dir, 'bad.learner.json'),
  };
  await writeFile(f.img3, Buffer.concat([be32(0x803, 3, 2, 2), Buffer.alloc(12)]));
  await writeFile(f.lab3, Buffer.concat([be32(0x801, 3), Buffer.from([1, 2, 3])]));
  await writeFile(f.labOut, Buffer.concat([be32(0x801, 3), Buffer.from([1, 10, 2])]));
  await writeFile(f.trunc, (await readFile(MNIST_IMAGES)).subarray(0, 3000));
  const doc = clone(learnerDoc());
  doc.params.lstm.w[3].pop();
  await writeDoc(dir, 'bad.learner.json', doc);
});

const OUT = () => ['--out', join(dir, 'never.json')];

describe('vsml evaluate: bad input exits 2 with one line', () => {
  const cases: [string, () => string[], () => string][] = [
    [
      'IDX images with the labels magic',
      () => ['--dataset', 'idx', '--images', MNIST_LABELS, '--labels', MNIST_LABELS],
      () => `${MNIST_LABELS}: bad magic 0x00000801 (an IDX label file), expected 0x00000803 (IDX images, uint8)`,
    ],
    [
      'a truncated gzip',
      () => ['--dataset', 'idx', '--images', f.trunc, '--labels', MNIST_LABELS],
      () => `${f.trunc}: gzip data is truncated or corrupt (unexpected end of file)`,
    ],
    [
      'image and label counts that differ',
      () => ['--dataset', 'idx', '--images', MNIST_IMAGES, '--labels', f.lab3],
      () => `${f.lab3}: has 3 labels, but ${MNIST_IMAGES} has 10000 images`,
    ],
    [
      'a label out of range for the preset',
      () => ['--dataset', 'idx', '--images', f.img3, '--labels', f.labOut],
      () => `${f.labOut}: label 10 at index 1 is outside [0, 10) for mnist-idx (10 classes)`,
    ],
    [
      'a missing file',
      () => ['--dataset', 'idx', '--images', join(dir, 'nope.gz'), '--labels', MNIST_LABELS],
      () => `${join(dir, 'nope.gz')}: no such file`,
    ],
    [
      'idx without --labels',
      () => ['--dataset', 'idx', '--images', f.img3],
      () => 'vsml evaluate: --labels: mnist-idx needs --labels F',
    ],
    [
      'files for a built-in dataset',
      () => ['--dataset', 'mnist', '--images', f.img3],
      () => 'vsml evaluate: --images: mnist takes no files',
    ],
    [
      '--preset without --dataset idx',
      () => ['--dataset', 'mnist', '--preset', 'kmnist'],
      () => 'vsml evaluate: --preset: only goes with --dataset idx (--dataset is "mnist")',
    ],
    [
      'an unknown dataset',
      () => ['--dataset', 'mnist-test'],
      () =>
        'vsml evaluate: --dataset: unknown dataset "mnist-test" (known: mnist, random, sum-sign, idx, mnist-idx, fashion-mnist, emnist-letters, emnist-balanced, kmnist, omniglot, cifar10)',
    ],
    [
      'a std of 0',
      () => ['--dataset', 'mnist', '--normalize', '0.1,0'],
      () => 'vsml evaluate: --normalize: must be MEAN,STD with a finite mean and a std > 0, got "0.1,0"',
    ],
    [
      'normalising a synthetic task',
      () => ['--dataset', 'sum-sign', '--normalize', 'mnist'],
      () => 'vsml evaluate: --normalize: sum-sign is synthetic and not normalised',
    ],
    [
      'an unknown transform',
      () => ['--dataset', 'mnist', '--transform', 'resize:14,blur'],
      () =>
        'vsml evaluate: --transform: unknown transform "blur" (known: project:SEED, shuffle:SEED, resize:N|none, classes:A.B.C, gray, upright)',
    ],
    [
      'a class the dataset lacks',
      () => ['--dataset', 'mnist', '--transform', 'classes:3.12'],
      () => 'vsml evaluate: --transform: classes: class 12 is not in [0, 10)',
    ],
    [
      'a projection without a seed',
      () => ['--dataset', 'mnist', '--transform', 'project'],
      () => 'vsml evaluate: --transform: project needs a seed, an integer in [0, 4294967295]: project:SEED, got ""',
    ],
    [
      'gray on one channel',
      () => ['--dataset', 'mnist', '--transform', 'gray'],
      () => 'vsml evaluate: --transform: grayscale: needs 3 channels (RGB), the data has 1',
    ],
    [
      'zero steps',
      () => ['--dataset', 'mnist', '--steps', '0'],
      () => 'vsml evaluate: flag --steps must be an integer in [1, 10000000], got "0"',
    ],
    [
      'webgpu for a baseline',
      () => ['--dataset', 'mnist', '--backend', 'webgpu'],
      () => 'vsml evaluate: --backend: the baselines run on the CPU; webgpu is for VSML learner files',
    ],
  ];
  for (const [name, args, line] of cases) {
    it(`rejects ${name}`, async () => {
      const r = await vsml('evaluate', '--learner', 'sgd', ...args(), ...OUT());
      expect(r).toEqual({ code: 2, stdout: [], stderr: [line()] });
    });
  }

  it('rejects a malformed learner file, naming the file and the field', async () => {
    const r = await vsml('evaluate', '--learner', f.badLearner, '--dataset', 'sum-sign', ...OUT());
    expect(r).toEqual({
      code: 2,
      stdout: [],
      stderr: [`${f.badLearner}: params.lstm.w[3]: expected 16 numbers, got 15`],
    });
  });

  it('rejects more baseline runs than memory allows, before allocating', async () => {
    const r = await vsml('evaluate', '--learner', 'adam-deep', '--dataset', 'sum-sign', '--runs', '4096', ...OUT());
    expect(r.stderr).toEqual([
      'vsml evaluate: --runs: 4096 runs of adam-deep on 784 inputs need 5.8 GiB of weights and optimiser state, over the 2.0 GiB limit',
    ]);
    expect(r.code).toBe(2);
  });

  it('rejects --init with a VSML learner', async () => {
    const r = await vsml(
      'evaluate',
      '--learner',
      join(FIXTURES, 'tiny.learner.json'),
      '--dataset',
      'sum-sign',
      '--init',
      'shared',
      ...OUT(),
    );
    expect(r.stderr).toEqual([
      "vsml evaluate: --init: only for the baselines (sgd, adam, sgd-deep, adam-deep); a VSML run's initial state is drawn from --seed",
    ]);
    expect(r.code).toBe(2);
  });

  it('exits 1 when the output cannot be written', async () => {
    const out = join(dir, 'no-such-dir', 'e.json');
    const r = await vsml(
      'evaluate',
      '--learner',
      'sgd',
      '--dataset',
      'sum-sign',
      '--steps',
      '5',
      '--runs',
      '1',
      '--out',
      out,
    );
    expect(r.code).toBe(1);
    expect(r.stderr[0]).toMatch(new RegExp(`^vsml evaluate: cannot write ${out}: ENOENT`));
  });

  it('as a process: a corrupt gzip exits 2 with one line on stderr and no stack', () => {
    const r = vsmlProcess(
      'evaluate',
      '--learner',
      'sgd',
      '--dataset',
      'idx',
      '--images',
      f.trunc,
      '--labels',
      MNIST_LABELS,
      ...OUT(),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${f.trunc}: gzip data is truncated or corrupt (unexpected end of file)\n`);
    expect(r.stdout).toBe('');
  });
});
