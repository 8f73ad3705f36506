// vsml evaluate with a learned learner file without variable sharing (here a Meta RNN with H = 8):
// told apart from a VSML learner by its format, run on the CPU whatever --backend says, zero-padded
// to its 784 inputs; the numbers are the protocol's on learnedBatchLearner, to the bit. Bad files
// (NaN parameters, a dataset wider than the learner, an unknown format) are refused naming the file
// and the field, before any cell of a table runs.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatasetNode } from '../../src/data/node/open';
import { DATASETS } from '../../src/data/registry';
import { createRunStreams } from '../../src/data/stream';
import { buildTask } from '../../src/data/task';
import { toEvaluation } from '../../src/meta/evaluate';
import { learnedBatchLearner } from '../../src/meta/learnedBatch';
import { runProtocol } from '../../src/meta/protocol';
import { parseEvaluation, type Evaluation } from '../../src/model/formats/evaluation';
import { parseEvaluationTable } from '../../src/model/formats/evaluationTable';
import { learnedLearnerToJson, type LearnedLearner } from '../../src/model/formats/learnedLearner';
import { HEBBIAN_DEF } from '../../src/model/learners/hebbian';
import { PADDED_SHAPE, type LearnedShape } from '../../src/model/learners/learned';
import { initMetaRnn } from '../../src/model/learners/metaRnnInit';
import { expectOk } from '../formats/helpers';
import { tempDir, vsml, writeDoc } from './helpers';
import { MNIST_IMAGES, MNIST_LABELS } from './sharedData';

const MNIST = ['--dataset', 'mnist-idx', '--images', MNIST_IMAGES, '--labels', MNIST_LABELS];
const SMALL = ['--steps', '30', '--runs', '2', '--seed', '22'];
const SPEC = { hidden: 8, microTicks: 2, tanhBound: 100 };

/** A fresh Meta RNN (H = 8) of `shape` from `seed`, as a learner and as its file's document. */
function metaRnn(shape: LearnedShape, seed = 3): { learner: LearnedLearner; doc: Record<string, unknown> } {
  const learner: LearnedLearner = { kind: 'meta-rnn', shape, spec: SPEC, params: initMetaRnn(shape, seed, SPEC) };
  return { learner, doc: learnedLearnerToJson(learner) };
}

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});

const readEvaluation = async (path: string): Promise<Evaluation> =>
  expectOk(parseEvaluation(JSON.parse(await readFile(path, 'utf8'))));

async function mnistStreams(runs: number, seed: number) {
  const source = expectOk(
    await openDatasetNode(DATASETS['mnist-idx'], {
      split: 'test',
      paths: { images: MNIST_IMAGES, labels: MNIST_LABELS },
    }),
  );
  return expectOk(createRunStreams(expectOk(buildTask(source, { seed })), { seed, runs }));
}

describe('vsml evaluate --learner a learned learner file (Meta RNN, H 8; MNIST test, 30 steps, 2 runs, seed 22)', () => {
  it('784 inputs, 10 outputs: writes what the protocol gives for learnedBatchLearner on runOrderSeed(22, r); --backend webgpu still runs it on the CPU', async () => {
    const { learner, doc } = metaRnn({ inputSize: 784, numClasses: 10 });
    const path = await writeDoc(dir, 'meta-rnn-10.json', doc);
    const out = join(dir, 'meta-rnn-10.eval.json');
    const r = await vsml('evaluate', '--learner', path, ...MNIST, ...SMALL, '--backend', 'webgpu', '--out', out);
    expect(r.stderr).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.stdout[1]).toMatch(/ mnist-idx test +30 +2 +- +0\.\d{4} ± 0\.\d{4} +[01]\.\d{4} ± 0\.\d{4}$/);
    const got = await readEvaluation(out);
    const direct = await runProtocol(
      expectOk(learnedBatchLearner(learner, { inputSize: 784, numClasses: 10 }, 2)),
      await mnistStreams(2, 22),
      { steps: 30 },
    );
    expect(got).toEqual(
      toEvaluation(direct, { learner: path, dataset: 'mnist-idx', split: 'test', seed: 22, backend: 'cpu' }),
    );
    // Ten outputs at chance: some predictions right, so the comparison is not of zeros.
    expect(got.cumulativeAccuracy.atEnd.mean).toBeGreaterThan(0);
  });

  it('784/62 (the official padded shape) on resize:7 (49 inputs zero-padded) and sum-sign in a table with sgd: each cell equals the single-cell command', async () => {
    const { doc } = metaRnn({ inputSize: 784, numClasses: 62 }, 4);
    const path = await writeDoc(dir, 'meta-rnn-62.json', doc);
    const out = join(dir, 'table.json');
    const r = await vsml(
      'evaluate',
      '--learner',
      `${path},sgd`,
      '--dataset',
      'mnist,sum-sign',
      '--transform',
      'resize:7',
      ...SMALL,
      '--at',
      '10',
      '--out',
      out,
    );
    expect(r.stderr).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      "where each baseline's mean cumulative accuracy is above the Meta RNN learner's (mean curves over runs):",
    );
    expect(r.stdout.join('\n')).not.toContain('VSML learner');
    const table = expectOk(parseEvaluationTable(JSON.parse(await readFile(out, 'utf8'))));
    expect(table.rows.map((x) => [x.evaluation.learner, x.evaluation.dataset, x.evaluation.backend])).toEqual([
      [path, 'mnist', 'cpu'],
      ['sgd', 'mnist', 'cpu'],
      [path, 'sum-sign', 'cpu'],
      ['sgd', 'sum-sign', 'cpu'],
    ]);
    for (const [i, x] of table.rows.entries()) {
      const single = join(dir, `single-${i}.json`);
      const s = await vsml(
        'evaluate',
        '--learner',
        x.evaluation.learner,
        '--dataset',
        x.evaluation.dataset,
        '--transform',
        'resize:7',
        ...SMALL,
        '--out',
        single,
      );
      expect(s.code).toBe(0);
      expect(x.evaluation).toEqual(await readEvaluation(single));
    }
  });
});

describe('vsml evaluate refuses a bad learned learner file, naming the file and the field, before any cell runs', () => {
  it('a NaN parameter: the block, the index, row and column', async () => {
    const { learner } = metaRnn({ inputSize: 784, numClasses: 10 });
    const params = learner.params.slice();
    params[8 * 4 + 3] = NaN; // lstmW row 1, col 3 (lstmW is (A + 2K + H) x 4H = 812 x 32)
    const path = await writeDoc(dir, 'nan.json', learnedLearnerToJson({ ...learner, params }));
    const out = join(dir, 'never-nan.json');
    expect(await vsml('evaluate', '--learner', `sgd,${path}`, '--dataset', 'sum-sign', ...SMALL, '--out', out)).toEqual(
      {
        code: 2,
        stdout: [],
        stderr: [`vsml evaluate: --learner: ${path}: params.lstmW.f32[35]: must be finite, got NaN (row 1, col 3)`],
      },
    );
    expect(existsSync(out)).toBe(false);
  });

  it('a dataset wider than the learner (25 inputs, MNIST has 784): shape.inputSize, in one cell and in a table whose other cells fit', async () => {
    const { doc } = metaRnn({ inputSize: 25, numClasses: 10 });
    const path = await writeDoc(dir, 'narrow.json', doc);
    const why =
      'shape.inputSize: the meta-rnn learner reads 25 inputs and the dataset has 784: a learner without variable sharing is tied to its input size (resize the dataset to at most 25 inputs)';
    const one = join(dir, 'never-narrow.json');
    expect(await vsml('evaluate', '--learner', path, '--dataset', 'mnist', ...SMALL, '--out', one)).toEqual({
      code: 2,
      stdout: [],
      stderr: [`vsml evaluate: ${path}: ${why} (mnist test)`],
    });
    const table = join(dir, 'never-narrow-table.json');
    const r = await vsml(
      'evaluate',
      '--learner',
      `sgd,${path}`,
      '--dataset',
      'mnist',
      '--transforms',
      'resize:5;none',
      ...SMALL,
      '--out',
      table,
    );
    expect(r).toEqual({ code: 2, stdout: [], stderr: [`vsml evaluate: ${path}: ${why} (mnist test)`] });
    expect(existsSync(one) || existsSync(table)).toBe(false);
  });

  it('too many classes: shape.numClasses', async () => {
    const { doc } = metaRnn({ inputSize: 784, numClasses: 2 });
    const path = await writeDoc(dir, 'two.json', doc);
    const r = await vsml(
      'evaluate',
      '--learner',
      path,
      '--dataset',
      'mnist',
      ...SMALL,
      '--out',
      join(dir, 'never-two.json'),
    );
    expect(r.stderr).toEqual([
      `vsml evaluate: ${path}: shape.numClasses: the meta-rnn learner has 2 outputs and the dataset 10 classes (mnist test)`,
    ]);
    expect(r.code).toBe(2);
  });

  it('a request over --max-memory: the Hebbian fast weights of every run ((784 + 2 x 62) x 62 + 2 x 62 = 56,420 floats), named by --runs', async () => {
    const path = await writeDoc(
      dir,
      'hebbian.json',
      learnedLearnerToJson({
        kind: 'hebbian',
        shape: PADDED_SHAPE,
        spec: { tanhBound: 100 },
        params: HEBBIAN_DEF.init(PADDED_SHAPE, 1),
      }),
    );
    const r = await vsml(
      'evaluate',
      '--learner',
      path,
      '--dataset',
      'sum-sign',
      '--runs',
      '4096',
      '--max-memory',
      '512MiB',
      '--out',
      join(dir, 'never-hebbian.json'),
    );
    expect(r.stderr).toEqual([
      'vsml evaluate: --runs: hebbian state needs 4096 runs x 56420 floats x 4 bytes = 881.6 MiB (931.2 MiB in all), over the 512.0 MiB limit (--max-memory) by 419.2 MiB; raise it with --max-memory',
    ]);
    expect(r.code).toBe(2);
  });

  it('an unknown format: named as every command names it', async () => {
    const path = await writeDoc(dir, 'unknown.json', { format: 'vsml-lstm', version: 1 });
    const r = await vsml(
      'evaluate',
      '--learner',
      path,
      '--dataset',
      'sum-sign',
      ...SMALL,
      '--out',
      join(dir, 'never-unknown.json'),
    );
    expect(r.stderr).toEqual([`${path}: format: expected "vsml-learner", got "vsml-lstm"`]);
    expect(r.code).toBe(2);
  });
});
