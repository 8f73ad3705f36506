// vsml evaluate in-process: every learner kind on MNIST test (small T and R), the numbers it writes
// against the protocol run directly, seeds, raw vs gzipped IDX, and one process run.
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTask } from '../../src/data/task';
import { createRunStreams } from '../../src/data/stream';
import { openDatasetNode } from '../../src/data/node/open';
import { DATASETS } from '../../src/data/registry';
import type { Task } from '../../src/data/types';
import { toEvaluation } from '../../src/meta/evaluate';
import { baselineLearner, vsmlLearner } from '../../src/meta/learners';
import { runProtocol } from '../../src/meta/protocol';
import { ReferenceEngine } from '../../src/model/referenceEngine';
import { parseEvaluation, type Evaluation } from '../../src/model/formats/evaluation';
import { parseLearner } from '../../src/model/formats/learner';
import { expectOk } from '../formats/helpers';
import { FIXTURES, tempDir, vsml, vsmlProcess } from './helpers';
import { MNIST_IMAGES, MNIST_LABELS } from './sharedData';

const TINY = join(FIXTURES, 'tiny.learner.json');
const MNIST = ['--dataset', 'idx', '--preset', 'mnist', '--images', MNIST_IMAGES, '--labels', MNIST_LABELS];

let dir: string;
let task: Task;
beforeAll(async () => {
  dir = await tempDir();
  const source = await openDatasetNode(DATASETS['mnist-idx'], {
    split: 'test',
    paths: { images: MNIST_IMAGES, labels: MNIST_LABELS },
  });
  if (!source.ok) throw new Error(source.error.message);
  const t = buildTask(source.value, { seed: 22 });
  if (!t.ok) throw new Error(t.error.message);
  task = t.value;
});

const readEvaluation = async (path: string): Promise<Evaluation> =>
  expectOk(parseEvaluation(JSON.parse(await readFile(path, 'utf8'))));

const streams = (runs: number, seed: number) => {
  const s = createRunStreams(task, { seed, runs });
  if (!s.ok) throw new Error(s.error.message);
  return s.value;
};

describe('vsml evaluate on MNIST test (IDX, 50 steps, 2 runs, seed 22)', () => {
  for (const learner of ['sgd', 'adam', 'sgd-deep', 'adam-deep'] as const) {
    it(`${learner}: writes what the protocol gives for baselineLearner(${learner}, seed 22) on runOrderSeed(22, r)`, async () => {
      const out = join(dir, `${learner}.json`);
      const r = await vsml(
        'evaluate',
        '--learner',
        learner,
        ...MNIST,
        '--split',
        'test',
        '--steps',
        '50',
        '--runs',
        '2',
        '--seed',
        '22',
        '--out',
        out,
      );
      expect(r.stderr).toEqual([]);
      expect(r.code).toBe(0);
      expect(r.stdout[0]).toMatch(/^learner +dataset +steps +runs +cum\. acc\. @100 +cum\. acc\. @end +final acc\.$/);
      expect(r.stdout[1]).toMatch(
        new RegExp(`^${learner} +mnist-idx test +50 +2 +- +0\\.\\d{4} ± 0\\.\\d{4} +[01]\\.\\d{4} ± 0\\.\\d{4}$`),
      );
      expect(r.stdout[2]).toMatch(
        new RegExp(`^evaluate: 2 runs x 50 steps of mnist-idx/test \\(A=784, K=10\\) in \\d+\\.\\d s -> ${out}$`),
      );
      const got = await readEvaluation(out);
      const direct = await runProtocol(baselineLearner(learner, 784, 10, 2, 22), streams(2, 22), { steps: 50 });
      const labels = { learner, dataset: 'mnist-idx', split: 'test', seed: 22, backend: 'cpu', init: 'per-run' };
      expect(got).toEqual(toEvaluation(direct, labels));
      expect(got.cumulativeAccuracy.at100).toBeNull();
      expect(got.curve.length).toBe(50);
    });
  }

  it('a VSML learner file (tiny, N=4 M=2) runs on the 784-input grid: as vsmlLearner on the CPU engine', async () => {
    const out = join(dir, 'tiny.json');
    const r = await vsml('evaluate', '--learner', TINY, ...MNIST, '--steps', '20', '--runs', '2', '--out', out);
    expect(r.stderr).toEqual([]);
    expect(r.code).toBe(0);
    const got = await readEvaluation(out);
    expect([got.learner, got.backend, got.init, got.seed]).toEqual([TINY, 'cpu', undefined, 22]);
    const learner = expectOk(parseLearner(JSON.parse(await readFile(TINY, 'utf8'))));
    const engine = new ReferenceEngine({ config: learner.config, inputSize: 784, numClasses: 10, runs: 2 });
    const direct = await runProtocol(vsmlLearner(engine, learner, 22), streams(2, 22), { steps: 20 });
    expect(got.curve).toEqual(toEvaluation(direct, { learner: TINY, dataset: 'mnist-idx' }).curve);
  });

  it('reads a raw (not gzipped) IDX pair to the same result, and repeats exactly with the same seed', async () => {
    const rawImages = join(dir, 'images-idx3-ubyte');
    const rawLabels = join(dir, 'labels-idx1-ubyte');
    await writeFile(rawImages, gunzipSync(readFileSync(MNIST_IMAGES)));
    await writeFile(rawLabels, gunzipSync(readFileSync(MNIST_LABELS)));
    const run = async (name: string, images: string, labels: string, seed: string) => {
      const out = join(dir, name);
      const args = [
        '--dataset',
        'idx',
        '--images',
        images,
        '--labels',
        labels,
        '--steps',
        '30',
        '--runs',
        '3',
        '--seed',
        seed,
        '--out',
        out,
      ];
      expect((await vsml('evaluate', '--learner', 'sgd', ...args)).code).toBe(0);
      return readEvaluation(out);
    };
    const gz = await run('gz.json', MNIST_IMAGES, MNIST_LABELS, '5');
    expect(await run('raw.json', rawImages, rawLabels, '5')).toEqual(gz);
    expect((await run('seed6.json', rawImages, rawLabels, '6')).curve).not.toEqual(gz.curve);
  });

  it('--init shared starts every run from the same weights; --transform is recorded in canonical order', async () => {
    const out = join(dir, 'shared.json');
    const r = await vsml(
      'evaluate',
      '--learner',
      'adam',
      ...MNIST,
      '--steps',
      '10',
      '--runs',
      '2',
      '--init',
      'shared',
      '--transform',
      'resize:14,classes:1.7',
      '--out',
      out,
    );
    expect(r.code).toBe(0);
    const got = await readEvaluation(out);
    expect([got.init, got.transform]).toEqual(['shared', 'classes:1.7,resize:14']);
    expect(r.stdout[2]).toMatch(/of mnist-idx\/test \[classes 1,7, 14x14\] \(A=196, K=2\)/);
  });

  it('the built-in datasets run: mnist, random (20 examples memorised), sum-sign', async () => {
    for (const dataset of ['mnist', 'random', 'sum-sign']) {
      const out = join(dir, `${dataset}.json`);
      const r = await vsml(
        'evaluate',
        '--learner',
        'sgd',
        '--dataset',
        dataset,
        '--steps',
        '100',
        '--runs',
        '2',
        '--out',
        out,
      );
      expect(r.stderr).toEqual([]);
      expect(r.code).toBe(0);
      const got = await readEvaluation(out);
      expect(got.dataset).toBe(dataset);
      expect(got.cumulativeAccuracy.at100?.mean).toBe(got.curve[99]);
    }
  });

  it('as a process: exit 0 and the table on stdout', () => {
    const out = join(dir, 'process.json');
    const r = vsmlProcess(
      'evaluate',
      '--learner',
      'sgd',
      '--dataset',
      'sum-sign',
      '--steps',
      '20',
      '--runs',
      '2',
      '--out',
      out,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[1]).toMatch(/^sgd +sum-sign test +20 +2 +- /);
  });
});
