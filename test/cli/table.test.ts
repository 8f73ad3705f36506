// vsml table: learners x datasets on evaluate's table mode. Each cell is the single-cell `vsml
// evaluate` of the same learner and dataset, to the bit; the ✱ marks follow the learner's
// meta-training record (--seen, a checkpoint.json or config.json beside the file, its model card,
// the init chain; baselines saw nothing; ? without a record); --markdown writes the same grids; bad
// input is refused naming the flag or the file before anything runs.
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseEvaluation } from '../../src/model/formats/evaluation';
import { parseEvaluationTable } from '../../src/model/formats/evaluationTable';
import { learnedLearnerToJson } from '../../src/model/formats/learnedLearner';
import { initMetaRnn } from '../../src/model/learners/metaRnnInit';
import { loadLearner } from '../../src/cli/evaluateLearner';
import { neverSeen, seenOf } from '../../src/cli/tableSeen';
import { expectOk } from '../formats/helpers';
import { FIXTURES, ROOT, tempDir, vsml, writeDoc } from './helpers';

const TINY = join(FIXTURES, 'tiny.learner.json');
const SMALL = ['--steps', '30', '--runs', '2', '--seed', '22'];
const SPEC = { hidden: 8, microTicks: 2, tanhBound: 100 };
const metaRnnDoc = (inputSize: number) =>
  learnedLearnerToJson({
    kind: 'meta-rnn',
    shape: { inputSize, numClasses: 10 },
    spec: SPEC,
    params: initMetaRnn({ inputSize, numClasses: 10 }, 3, SPEC),
  });

let dir: string;
/** A Meta RNN (784/10, H 8) in a run folder whose checkpoint.json says it was meta-trained on sum-sign. */
let rnn: string;
beforeAll(async () => {
  dir = await tempDir();
  await mkdir(join(dir, 'run'));
  rnn = await writeDoc(join(dir, 'run'), 'learner.json', metaRnnDoc(784));
  await writeDoc(join(dir, 'run'), 'checkpoint.json', {
    format: 'vsml-checkpoint',
    version: 1,
    config: { tasks: { datasets: ['sum-sign'] } },
    learner: { format: 'vsml-meta-rnn' },
  });
});

const readJson = async (path: string): Promise<unknown> => JSON.parse(await readFile(path, 'utf8'));

describe('vsml table (tiny VSML, a Meta RNN, sgd x mnist, sum-sign; 30 steps, 2 runs, seed 22)', () => {
  it('each cell equals vsml evaluate of that learner and dataset; the grids mark what each never saw; --markdown the same', async () => {
    const out = join(dir, 'fig8.json');
    const md = join(dir, 'fig8.md');
    const r = await vsml(
      'table',
      '--learners',
      `${TINY},${rnn},sgd`,
      '--datasets',
      'mnist,sum-sign',
      ...SMALL,
      '--at',
      '10',
      '--seen',
      `${TINY}=mnist-idx`,
      '--out',
      out,
      '--markdown',
      md,
    );
    expect(r.stderr).toEqual([]);
    expect(r.code).toBe(0);
    const table = expectOk(parseEvaluationTable(await readJson(out)));
    expect(table.rows.map((x) => [x.evaluation.learner, x.evaluation.dataset])).toEqual([
      [TINY, 'mnist'],
      [rnn, 'mnist'],
      ['sgd', 'mnist'],
      [TINY, 'sum-sign'],
      [rnn, 'sum-sign'],
      ['sgd', 'sum-sign'],
    ]);
    const means: string[] = [];
    for (const [i, x] of table.rows.entries()) {
      const single = join(dir, `single-${i}.json`);
      const s = await vsml(
        'evaluate',
        '--learner',
        x.evaluation.learner,
        '--dataset',
        x.evaluation.dataset,
        ...SMALL,
        '--out',
        single,
      );
      expect(s.code).toBe(0);
      expect(x.evaluation).toEqual(expectOk(parseEvaluation(await readJson(single))));
      const e = x.evaluation.cumulativeAccuracy.atEnd;
      means.push(`${e.mean.toFixed(4)} ± ${(e.std as number).toFixed(4)}`);
    }
    // Grids at 10 and at 30 (the run is shorter than 100); rows learners, columns datasets.
    expect(r.stdout[0]).toBe(
      'cumulative online accuracy after 10 examples (mean ± std over 2 runs, seed 22; ✱ never seen in meta-training, ? no record):',
    );
    expect(r.stdout[5]).toBe(
      'cumulative online accuracy after 30 examples (mean ± std over 2 runs, seed 22; ✱ never seen in meta-training, ? no record):',
    );
    const grid30 = r.stdout.slice(6, 10).map((l) => l.trim().split(/ {2,}/));
    expect(grid30).toEqual([
      ['learner', 'mnist', 'sum-sign'],
      [TINY, means[0], `${means[3]} ✱`],
      [rnn, `${means[1]} ✱`, means[4]],
      ['sgd', `${means[2]} ✱`, `${means[5]} ✱`],
    ]);
    expect(r.stdout.slice(10, 14)).toEqual([
      'seen in meta-training:',
      `  ${TINY}: mnist-idx (--seen)`,
      `  ${rnn}: sum-sign (${join(dir, 'run', 'checkpoint.json')})`,
      '  sgd: nothing (a baseline, not meta-trained)',
    ]);
    expect(r.stdout.at(-1)).toMatch(
      new RegExp(`^table: 3 learners x 2 datasets, 2 runs x 30 steps each, in \\d+\\.\\d s -> ${out}, ${md}$`),
    );

    const lines = (await readFile(md, 'utf8')).split('\n');
    expect(lines.slice(0, 7)).toEqual([
      '**Cumulative online accuracy after 10 examples**',
      '',
      '| learner | mnist | sum-sign |',
      '|---|---:|---:|',
      expect.stringMatching(
        new RegExp(`^\\| \`${TINY}\` \\| 0\\.\\d{4} ± 0\\.\\d{4} \\| 0\\.\\d{4} ± 0\\.\\d{4} ✱ \\|$`),
      ),
      expect.stringMatching(/^\| `.*learner\.json` \| 0\.\d{4} ± 0\.\d{4} ✱ \| 0\.\d{4} ± 0\.\d{4} \|$/),
      expect.stringMatching(/^\| `sgd` \| 0\.\d{4} ± 0\.\d{4} ✱ \| 0\.\d{4} ± 0\.\d{4} ✱ \|$/),
    ]);
    expect(lines.slice(8, 15)).toEqual([
      '**Cumulative online accuracy after 30 examples**',
      '',
      '| learner | mnist | sum-sign |',
      '|---|---:|---:|',
      `| \`${TINY}\` | ${means[0]} | ${means[3]} ✱ |`,
      `| \`${rnn}\` | ${means[1]} ✱ | ${means[4]} |`,
      `| \`sgd\` | ${means[2]} ✱ | ${means[5]} ✱ |`,
    ]);
    expect(lines[16]).toMatch(
      /^✱ = never seen in meta-training; \? = no meta-training record found\. Each cell: the mean ± sample std over 2 runs \(seed 22, 30 steps\)/,
    );
    expect(lines.slice(18)).toEqual([
      'Seen in meta-training:',
      '',
      `- \`${TINY}\`: mnist-idx (--seen)`,
      `- \`${rnn}\`: sum-sign (${join(dir, 'run', 'checkpoint.json')})`,
      '- `sgd`: nothing (a baseline, not meta-trained)',
      '',
    ]);
  });
});

describe("a learner's meta-training record (tableSeen.ts)", () => {
  const record = async (path: string) => {
    const l = await loadLearner(path);
    if (!l.ok) throw new Error(l.line);
    return seenOf(path, l.value, new Map());
  };

  it('the shipped vsml-mnist learner: its model card links the configs of both stages and stage 2 starts from vsml-clone-sgd, whose card links stage 1: MNIST only', async () => {
    const r = expectOk(await record(join(ROOT, 'public/learners/vsml-mnist.learner.json')));
    expect(r.datasets).toEqual(['mnist']);
    expect(r.source).toBe(
      'public/learners/vsml-mnist.md, configs/meta/default-learner-1-clone.json, configs/meta/default-learner-2-meta.json, public/learners/vsml-clone-sgd.md',
    );
    // mnist-idx (the IDX files) is MNIST too; Fashion-MNIST is not.
    expect([neverSeen(r, 'mnist-idx'), neverSeen(r, 'mnist'), neverSeen(r, 'fashion-mnist')]).toEqual([
      false,
      false,
      true,
    ]);
  });

  it("a config.json beside the file: its datasets and its init's (the shipped learner, followed through its card)", async () => {
    const sub = join(dir, 'cfg');
    await mkdir(sub);
    const path = await writeDoc(sub, 'learner.json', metaRnnDoc(784));
    await writeDoc(sub, 'config.json', {
      format: 'vsml-meta-config',
      tasks: { datasets: ['random', { name: 'sum-sign' }] },
      init: resolve(ROOT, 'public/learners/vsml-mnist.learner.json'),
    });
    expect(expectOk(await record(path)).datasets).toEqual(['random', 'sum-sign', 'mnist']);
  });

  it('no record beside the file: unknown, and every cell is "?"', async () => {
    const path = await writeDoc(dir, 'bare.json', metaRnnDoc(784));
    const r = expectOk(await record(path));
    expect(r).toEqual({
      datasets: null,
      source: 'no checkpoint.json, config.json or model card beside it; give --seen',
    });
    expect(neverSeen(r, 'mnist')).toBeNull();
  });

  it('a checkpoint of another kind of learner beside the file is not its record', async () => {
    const sub = join(dir, 'other');
    await mkdir(sub);
    const path = await writeDoc(sub, 'learner.json', metaRnnDoc(784));
    await writeDoc(sub, 'checkpoint.json', {
      format: 'vsml-checkpoint',
      config: { tasks: { datasets: ['mnist'] } },
      learner: { format: 'vsml-learner' },
    });
    expect(expectOk(await record(path)).datasets).toBeNull();
  });

  it('a record with a bad dataset is refused naming the file and the field', async () => {
    const sub = join(dir, 'bad');
    await mkdir(sub);
    const path = await writeDoc(sub, 'learner.json', metaRnnDoc(784));
    await writeDoc(sub, 'config.json', { format: 'vsml-meta-config', tasks: { datasets: ['mnist', 'mnistt'] } });
    const r = await record(path);
    expect(r.ok ? 'ok' : `${r.error.field}: ${r.error.message}`).toBe(
      `${join(sub, 'config.json')}: tasks.datasets[1]: unknown dataset "mnistt" (known: mnist, random, sum-sign, mnist-idx, fashion-mnist, emnist-letters, emnist-balanced, kmnist, omniglot, cifar10)`,
    );
  });
});

describe('vsml table refuses bad input with one line naming the flag or the file, writing nothing', () => {
  it.each([
    [
      '--seen naming a learner not in --learners',
      ['--learners', 'sgd,adam', '--datasets', 'sum-sign', '--seen', 'sgd-deep=mnist'],
      'vsml table: --seen: "sgd-deep" is not one of --learners (sgd, adam)',
    ],
    [
      '--seen with an unknown dataset',
      ['--learners', 'sgd', '--datasets', 'sum-sign', '--seen', 'sgd=mnist,mnistt'],
      'vsml table: --seen: sgd: unknown dataset "mnistt" (known: mnist, random, sum-sign, mnist-idx, fashion-mnist, emnist-letters, emnist-balanced, kmnist, omniglot, cifar10)',
    ],
    [
      '--seen without =',
      ['--learners', 'sgd', '--datasets', 'sum-sign', '--seen', 'sgd'],
      'vsml table: --seen: item "sgd" must be LEARNER=DATASET,... (LEARNER= for none)',
    ],
    [
      'a learner listed twice',
      ['--learners', 'sgd,adam,sgd', '--datasets', 'sum-sign'],
      'vsml table: --learners: sgd is listed twice',
    ],
    [
      'an unknown dataset',
      ['--learners', 'sgd', '--datasets', 'sum-sign,mnist-test'],
      'vsml table: --datasets: unknown dataset "mnist-test" (known: mnist, random, sum-sign, idx, mnist-idx, fashion-mnist, emnist-letters, emnist-balanced, kmnist, omniglot, cifar10)',
    ],
    [
      'a learner file that is not there',
      ['--learners', 'sgd,nope.learner.json', '--datasets', 'sum-sign'],
      'vsml table: --learners: nope.learner.json: cannot read: no such file',
    ],
    [
      'a data file missing from --data-dir (the path named)',
      ['--learners', 'sgd', '--datasets', 'sum-sign,emnist-letters', '--data-dir', '/nonexistent-data'],
      '/nonexistent-data/emnist/emnist-letters-test-0to14799-images-idx3-ubyte.gz: no such file',
    ],
  ])('%s', async (_name, args, line) => {
    const out = join(dir, `never-${_name.replace(/\W+/g, '-')}.json`);
    expect(await vsml('table', ...args, ...SMALL, '--out', out)).toEqual({ code: 2, stdout: [], stderr: [line] });
    expect(existsSync(out)).toBe(false);
  });

  it('a learned learner narrower than a dataset: the file and shape.inputSize, before the cells that fit run', async () => {
    const narrow = await writeDoc(dir, 'narrow.json', metaRnnDoc(49));
    const out = join(dir, 'never-narrow.json');
    expect(
      await vsml('table', '--learners', `sgd,${narrow}`, '--datasets', 'sum-sign', ...SMALL, '--out', out),
    ).toEqual({
      code: 2,
      stdout: [],
      stderr: [
        `vsml table: ${narrow}: shape.inputSize: the meta-rnn learner reads 49 inputs and the dataset has 784: a learner without variable sharing is tied to its input size (resize the dataset to at most 49 inputs) (sum-sign test)`,
      ],
    });
    expect(existsSync(out)).toBe(false);
  });
});
