// The acceptance check of `vsml evaluate --learner sgd` on MNIST test: it agrees with an independent
// implementation of online shallow SGD (test/independent/onlineSgd.ts, nothing from src/):
//  1. on the same examples in the same order from the same initial weights, prediction for
//     prediction (up to float32 vs float64 rounding);
//  2. with its own IDX reading, shuffles, init and seeds: cumulative accuracy after 100 and 2000
//     steps over 32 runs agree within 2 standard errors of the difference of the means.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatasetNode } from '../../src/data/node/open';
import { DATASETS } from '../../src/data/registry';
import { createRunStreams } from '../../src/data/stream';
import { buildTask } from '../../src/data/task';
import { baselineLearner } from '../../src/meta/learners';
import { runProtocol } from '../../src/meta/protocol';
import { parseEvaluation, type Evaluation } from '../../src/model/formats/evaluation';
import { expectOk } from '../formats/helpers';
import { onlineSgd, onlineSgdRuns, readIdxPair, type LinearWeights } from '../independent/onlineSgd';
import { tempDir, vsml } from './helpers';
import { MNIST_IMAGES, MNIST_LABELS } from './sharedData';

const MNIST = [
  '--dataset',
  'idx',
  '--preset',
  'mnist',
  '--images',
  MNIST_IMAGES,
  '--labels',
  MNIST_LABELS,
  '--split',
  'test',
];

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});

async function cliEvaluate(name: string, steps: number, runs: number, seed: number): Promise<Evaluation> {
  const out = join(dir, name);
  const r = await vsml(
    'evaluate',
    '--learner',
    'sgd',
    ...MNIST,
    '--steps',
    String(steps),
    '--runs',
    String(runs),
    '--seed',
    String(seed),
    '--out',
    out,
  );
  expect(r.stderr).toEqual([]);
  return expectOk(parseEvaluation(JSON.parse(await readFile(out, 'utf8'))));
}

/** Mean and sample std of the cumulative accuracy after t steps. */
function cumulativeAt(correct: readonly boolean[][], t: number): { mean: number; std: number } {
  const acc = correct.map((c) => c.slice(0, t).filter(Boolean).length / t);
  const mean = acc.reduce((s, a) => s + a, 0) / acc.length;
  const std = Math.sqrt(acc.reduce((s, a) => s + (a - mean) ** 2, 0) / (acc.length - 1));
  return { mean, std };
}

describe('evaluate --learner sgd vs the independent online SGD (MNIST test)', () => {
  it('same examples, same order, same initial weights: the same predictions (4 runs x 500 steps, seed 22)', async () => {
    const R = 4;
    const T = 500;
    const cli = await cliEvaluate('same.json', T, R, 22);
    // What the CLI streamed and started from, taken from src/data and the baseline (W stored [out][in]).
    const source = await openDatasetNode(DATASETS['mnist-idx'], {
      split: 'test',
      paths: { images: MNIST_IMAGES, labels: MNIST_LABELS },
    });
    const task = buildTask(expectOk(source), { seed: 22 });
    const block = expectOk(createRunStreams(expectOk(task), { seed: 22, runs: R })).nextBlock(T);
    const baseline = baselineLearner('sgd', 784, 10, R, 22);
    const P = baseline.layout.size;
    const start = (r: number): LinearWeights => ({
      W: Array.from({ length: 784 }, (_, i) =>
        Array.from({ length: 10 }, (_, k) => baseline.params[r * P + k * 784 + i]),
      ),
      b: Array.from({ length: 10 }, (_, k) => baseline.params[r * P + 7840 + k]),
    });
    const starts = Array.from({ length: R }, (_, r) => start(r));
    const protocol = await runProtocol(baseline, expectOk(createRunStreams(expectOk(task), { seed: 22, runs: R })), {
      steps: T,
    });
    const independent = Array.from({ length: R }, (_, r) => {
      const xs = Array.from({ length: T }, (_, t) =>
        Float64Array.from(block.inputs.subarray((r * T + t) * 784, (r * T + t + 1) * 784)),
      );
      return onlineSgd(starts[r], xs, Array.from(block.labels.subarray(r * T, (r + 1) * T)));
    });
    let differ = 0;
    let maxLossDiff = 0;
    independent.forEach((run, r) =>
      run.correct.forEach((c, t) => {
        if (c !== (protocol.correct[r * T + t] === 1)) differ++;
        maxLossDiff = Math.max(maxLossDiff, Math.abs(run.loss[t] - protocol.loss[r * T + t]));
      }),
    );
    expect(differ).toBe(0);
    expect(maxLossDiff).toBeLessThan(1e-3);
    const curve = Array.from(
      { length: T },
      (_, t) =>
        cumulativeAt(
          independent.map((x) => x.correct),
          t + 1,
        ).mean,
    );
    curve.forEach((v, t) => expect(cli.curve[t]).toBeCloseTo(v, 12));
  });

  it('own data order, init and seeds: cumulative accuracy @100 and @2000 agree within 2 standard errors (32 runs)', async () => {
    const cli = await cliEvaluate('stat.json', 2000, 32, 22);
    const data = readIdxPair(MNIST_IMAGES, MNIST_LABELS, 0.13066, 0.30811);
    const correct = onlineSgdRuns(data, 32, 2000, 1).map((r) => r.correct);
    for (const [t, ours] of [
      [100, cli.cumulativeAccuracy.at100!],
      [2000, cli.cumulativeAccuracy.atEnd],
    ] as const) {
      const theirs = cumulativeAt(correct, t);
      const se = Math.sqrt((ours.std! ** 2 + theirs.std ** 2) / 32);
      expect(Math.abs(ours.mean - theirs.mean)).toBeLessThan(2 * se);
    }
    // Online SGD on MNIST learns: far above chance (0.1) after 2000 examples.
    expect(cli.cumulativeAccuracy.atEnd.mean).toBeGreaterThan(0.7);
  });
});
