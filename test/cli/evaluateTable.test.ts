// vsml evaluate's table mode: learners x datasets x transforms in one command, one
// vsml-evaluation-table file; each cell the same numbers as the single-cell command with the same
// seed; the lists' bad items refused with the flag and the item named; --stream-out for vsml trace.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseStream } from '../../src/data/streamFile';
import { parseEvaluation, type Evaluation } from '../../src/model/formats/evaluation';
import { crossingsOf, parseEvaluationTable, type EvaluationTable } from '../../src/model/formats/evaluationTable';
import { expectOk } from '../formats/helpers';
import { FIXTURES, tempDir, vsml } from './helpers';
import { MNIST_IMAGES, MNIST_LABELS, SHARED_DATA } from './sharedData';

const TINY = join(FIXTURES, 'tiny.learner.json');
const MNIST = ['--dataset', 'mnist-idx', '--images', MNIST_IMAGES, '--labels', MNIST_LABELS];
const SMALL = ['--steps', '20', '--runs', '2', '--seed', '22'];

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});

const readJson = async (path: string): Promise<unknown> => JSON.parse(await readFile(path, 'utf8'));
const readTable = async (path: string): Promise<EvaluationTable> =>
  expectOk(parseEvaluationTable(await readJson(path)));
const readEvaluation = async (path: string): Promise<Evaluation> => expectOk(parseEvaluation(await readJson(path)));

describe('vsml evaluate, table mode (MNIST test, 20 steps, 2 runs, seed 22)', () => {
  it('tiny and sgd x resize:7 and classes:5.8.1,resize:4: each cell equals the single-cell command with the same flags', async () => {
    const out = join(dir, 'table.json');
    const r = await vsml(
      'evaluate',
      '--learner',
      `${TINY},sgd`,
      ...MNIST,
      '--transforms',
      'resize:7;classes:5.8.1,resize:4',
      ...SMALL,
      '--at',
      '5,20',
      '--out',
      out,
    );
    expect(r.stderr).toEqual([]);
    expect(r.code).toBe(0);
    const table = await readTable(out);
    expect(table.at).toEqual([5, 20]);
    expect(table.rows.map((x) => [x.evaluation.learner, x.evaluation.transform])).toEqual([
      [TINY, 'resize:7'],
      ['sgd', 'resize:7'],
      [TINY, 'classes:5.8.1,resize:4'],
      ['sgd', 'classes:5.8.1,resize:4'],
    ]);
    for (const [i, x] of table.rows.entries()) {
      const single = join(dir, `single-${i}.json`);
      const s = await vsml(
        'evaluate',
        '--learner',
        x.evaluation.learner,
        ...MNIST,
        '--transform',
        x.evaluation.transform as string,
        ...SMALL,
        '--out',
        single,
      );
      expect(s.code).toBe(0);
      expect(x.evaluation).toEqual(await readEvaluation(single));
      // acc_r(T) over runs is cumulativeAccuracy.atEnd, to the bit.
      expect(x.at[1]).toEqual(x.evaluation.cumulativeAccuracy.atEnd);
      expect(x.at[0].mean).toBe(x.evaluation.curve[4]);
    }
    expect(table.crossings).toEqual(crossingsOf(table.rows));
    expect(table.crossings.map((c) => [c.reference, c.baseline])).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(r.stdout[0]).toMatch(
      /^learner +dataset +steps +runs +cum\. acc\. @5 +cum\. acc\. @100 +cum\. acc\. @end +final acc\.$/,
    );
    expect(r.stdout[1]).toMatch(
      / mnist-idx test \[resize:7\] +20 +2 +0\.\d{4} ± 0\.\d{4} +- +0\.\d{4} ± 0\.\d{4} +[01]\.\d{4} ± 0\.\d{4}$/,
    );
    expect(r.stdout[5]).toBe(
      "where each baseline's mean cumulative accuracy is above the VSML learner's (mean curves over runs):",
    );
    expect(r.stdout[6]).toMatch(
      new RegExp(
        `^  mnist-idx test \\[resize:7\\]: sgd vs ${TINY}: (never above in 20 steps|first above at step \\d+, .*)$`,
      ),
    );
    expect(r.stdout.at(-1)).toMatch(
      new RegExp(
        `^evaluate: 4 cells \\(2 learners x 1 datasets x 2 transforms\\), 2 runs x 20 steps each, in \\d+\\.\\d s -> ${out}$`,
      ),
    );
  });

  it('--dataset mnist-idx,fashion-mnist --data-dir: the files from the shared layout; the MNIST row equals --images/--labels', async () => {
    const out = join(dir, 'datasets.json');
    const r = await vsml(
      'evaluate',
      '--learner',
      'sgd',
      '--dataset',
      'mnist-idx,fashion-mnist',
      '--data-dir',
      SHARED_DATA,
      '--transforms',
      'resize:7',
      ...SMALL,
      '--out',
      out,
    );
    expect(r.stderr).toEqual([]);
    expect(r.code).toBe(0);
    const table = await readTable(out);
    expect(table.rows.map((x) => x.evaluation.dataset)).toEqual(['mnist-idx', 'fashion-mnist']);
    expect(table.crossings).toEqual([]);
    const single = join(dir, 'mnist-single.json');
    expect(
      (await vsml('evaluate', '--learner', 'sgd', ...MNIST, '--transform', 'resize:7', ...SMALL, '--out', single)).code,
    ).toBe(0);
    expect(table.rows[0].evaluation).toEqual(await readEvaluation(single));
  });

  it('one cell with --at writes a table; one cell without it the vsml-evaluation file as before', async () => {
    const out = join(dir, 'one.json');
    expect(
      (
        await vsml(
          'evaluate',
          '--learner',
          'sgd',
          ...MNIST,
          '--transform',
          'resize:7',
          ...SMALL,
          '--at',
          '10',
          '--out',
          out,
        )
      ).code,
    ).toBe(0);
    expect(((await readJson(out)) as { format: string }).format).toBe('vsml-evaluation-table');
    expect(
      (await vsml('evaluate', '--learner', 'sgd', ...MNIST, '--transforms', 'none', ...SMALL, '--out', out)).code,
    ).toBe(0);
    const e = await readEvaluation(out);
    expect(e.transform).toBeUndefined();
  });
});

describe('vsml evaluate, table mode: bad list items exit 2 with one line naming the flag and the item', () => {
  const known =
    'known: mnist, random, sum-sign, idx, mnist-idx, fashion-mnist, emnist-letters, emnist-balanced, kmnist, omniglot, cifar10';
  const cases: [string, string[], string][] = [
    [
      'an empty learner item',
      ['--learner', 'sgd,,adam', '--dataset', 'sum-sign'],
      'vsml evaluate: --learner: item 2 of "sgd,,adam" is empty',
    ],
    [
      'an unknown learner',
      ['--learner', 'sgd,nope.learner.json', '--dataset', 'sum-sign'],
      'vsml evaluate: --learner: nope.learner.json: cannot read: no such file',
    ],
    [
      'an unknown dataset',
      ['--learner', 'sgd', '--dataset', 'sum-sign,mnist-test'],
      `vsml evaluate: --dataset: unknown dataset "mnist-test" (${known})`,
    ],
    [
      'an empty dataset item',
      ['--learner', 'sgd', '--dataset', 'sum-sign,'],
      'vsml evaluate: --dataset: item 2 of "sum-sign," is empty',
    ],
    [
      'a transform that does not parse',
      ['--learner', 'sgd', '--dataset', 'mnist', '--transforms', 'resize:7;blur'],
      'vsml evaluate: --transforms: item "blur": unknown transform "blur" (known: project:SEED, shuffle:SEED, resize:N|none, classes:A.B.C, gray, upright)',
    ],
    [
      'an empty transform item',
      ['--learner', 'sgd', '--dataset', 'mnist', '--transforms', 'resize:7;;none'],
      'vsml evaluate: --transforms: item 2 of "resize:7;;none" is empty',
    ],
    [
      'a class the dataset lacks',
      ['--learner', 'sgd,adam', '--dataset', 'mnist', '--transforms', 'none;classes:3.12'],
      'vsml evaluate: --transforms: item "classes:3.12": classes: class 12 is not in [0, 10)',
    ],
    [
      '--transform and --transforms',
      ['--learner', 'sgd', '--dataset', 'mnist', '--transform', 'resize:7', '--transforms', 'none'],
      'vsml evaluate: --transforms: one row per item of --transforms, or one --transform for every row, not both',
    ],
    [
      'a step of --at beyond --steps',
      ['--learner', 'sgd', '--dataset', 'mnist', '--steps', '20', '--at', '10,30'],
      'vsml evaluate: --at: item "30" must be a step in [1, 20] (--steps)',
    ],
    [
      'steps of --at out of order',
      ['--learner', 'sgd', '--dataset', 'mnist', '--steps', '20', '--at', '10,5'],
      'vsml evaluate: --at: item "5" must be above the one before (10): steps in increasing order',
    ],
    [
      'files with several datasets',
      ['--learner', 'sgd', '--dataset', 'mnist-idx,fashion-mnist', '--images', MNIST_IMAGES, '--labels', MNIST_LABELS],
      'vsml evaluate: --images: names the files of one dataset, but --dataset lists 2; give --data-dir DIR instead',
    ],
    [
      '--stream-out for a table',
      ['--learner', 'sgd,adam', '--dataset', 'mnist', '--stream-out', 'S.json'],
      'vsml evaluate: --stream-out: writes run 0 of one learner on one dataset; not for a table',
    ],
    [
      'a dataset --data-dir has no files for',
      ['--learner', 'sgd', '--dataset', 'mnist,omniglot', '--data-dir', '/x'],
      'vsml evaluate: --data-dir: no files of omniglot (test) are known under a data folder (known: mnist-idx, fashion-mnist, emnist-letters, emnist-balanced, cifar10); give --images/--labels with that one --dataset',
    ],
  ];
  for (const [name, args, message] of cases) {
    it(`rejects ${name}, writing nothing`, async () => {
      const out = join(dir, `never-${name.replace(/\W+/g, '-')}.json`);
      expect(await vsml('evaluate', ...args, '--out', out)).toEqual({ code: 2, stdout: [], stderr: [message] });
      expect(existsSync(out)).toBe(false);
    });
  }
});

describe('vsml evaluate --stream-out, then vsml trace --windows', () => {
  it("writes run 0's examples as a vsml-stream file that vsml trace replays, with a summary per window", async () => {
    const out = join(dir, 'run0.json');
    const stream = join(dir, 'run0.stream.json');
    const r = await vsml(
      'evaluate',
      '--learner',
      TINY,
      ...MNIST,
      '--transform',
      'resize:4',
      '--steps',
      '30',
      '--runs',
      '2',
      '--stream-out',
      stream,
      '--out',
      out,
    );
    expect(r.code).toBe(0);
    expect(r.stdout.at(-1)).toBe(`evaluate: run 0's 30 examples -> ${stream}`);
    const s = expectOk(parseStream(await readJson(stream)));
    expect([s.steps, s.inputSize, s.numClasses]).toEqual([30, 16, 10]);
    const t = await vsml(
      'trace',
      '--learner',
      TINY,
      '--stream',
      stream,
      '--windows',
      '10',
      '--out',
      join(dir, 'run0.trace.json'),
    );
    expect(t.code).toBe(0);
    expect(t.stdout.slice(1).map((l) => l.split(/ +/)[0])).toEqual(['examples', '1-10', '11-20', '21-30']);
  });
});
