// vsml evaluate --stream association (the paper's Fig. 9 stream on the built-in MNIST the studio runs):
// the file's first- and second-showing accuracies are evaluateAssociation's on the same streams and
// seeds, the table prints them, fresh episodes reset the learners, and the flags are checked.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAssociationStreams, type AssociationOrder } from '../../src/data/associationStream';
import { openDatasetNode } from '../../src/data/node/open';
import { buildTask } from '../../src/data/task';
import type { Task } from '../../src/data/types';
import { evaluateAssociation } from '../../src/meta/associationEvaluation';
import { vsmlReset } from '../../src/meta/episodes';
import { baselineLearner, vsmlLearner } from '../../src/meta/learners';
import { ReferenceEngine } from '../../src/model/referenceEngine';
import { parseEvaluation, type Evaluation } from '../../src/model/formats/evaluation';
import { parseLearner } from '../../src/model/formats/learner';
import { expectOk } from '../formats/helpers';
import { FIXTURES, tempDir, vsml } from './helpers';

const TINY = join(FIXTURES, 'tiny.learner.json');
const BUILTIN = ['--dataset', 'mnist', '--transform', 'resize:7'];

let dir: string;
let task: Task;
beforeAll(async () => {
  dir = await tempDir();
  const source = await openDatasetNode('mnist', { split: 'test', seed: 22 });
  if (!source.ok) throw new Error(source.error.message);
  const t = buildTask(source.value, { seed: 22, resize: 7 });
  if (!t.ok) throw new Error(t.error.message);
  task = t.value;
});

const readEvaluation = async (path: string): Promise<Evaluation> =>
  expectOk(parseEvaluation(JSON.parse(await readFile(path, 'utf8'))));

const streams = (order: AssociationOrder, fresh: boolean) => {
  const s = createAssociationStreams(task, { seed: 22, runs: 3, order, fresh });
  if (!s.ok) throw new Error(s.error.message);
  return s.value;
};

describe('vsml evaluate --stream association (built-in MNIST 7x7, 45 steps, 3 runs, seed 22)', () => {
  it('sgd, fresh: the file and the table give evaluateAssociation(sgd, fresh apart episodes)', async () => {
    const out = join(dir, 'sgd.json');
    const r = await vsml(
      'evaluate',
      '--learner',
      'sgd',
      ...BUILTIN,
      '--stream',
      'association',
      '--fresh',
      '--steps',
      '45',
      '--runs',
      '3',
      '--out',
      out,
    );
    expect(r.stderr).toEqual([]);
    expect(r.code).toBe(0);
    const got = await readEvaluation(out);
    const b = baselineLearner('sgd', 49, 10, 3, 22);
    const labels = {
      learner: 'sgd',
      dataset: 'mnist',
      split: 'test',
      transform: 'resize:7',
      seed: 22,
      backend: 'cpu',
      init: 'per-run',
    };
    const direct = await evaluateAssociation(
      b,
      () => b.reset(22),
      streams('apart', true),
      'apart',
      { steps: 45 },
      labels,
    );
    expect(got).toEqual(direct.evaluation);
    const a = got.association;
    expect([a?.order, a?.fresh, a?.episodeLength, a?.first && a.first.count + (a.second?.count ?? 0)]).toEqual([
      'apart',
      true,
      20,
      135,
    ]);
    const mean = (x: { mean: number; std: number | null } | null | undefined) =>
      `${x?.mean.toFixed(4)} ± ${x?.std?.toFixed(4)}`;
    expect(r.stdout.slice(2, 5)).toEqual([
      'association (apart, every episode from fresh learners, 20 steps per episode) sgd:',
      `  first showings   ${mean(a?.first)} (n = ${a?.first?.count})`,
      `  second showings  ${mean(a?.second)} (n = ${a?.second?.count})`,
    ]);
  });

  it('a VSML learner file, adjacent, continuing: as evaluateAssociation on the CPU engine; fresh differs from continuing', async () => {
    const learner = expectOk(parseLearner(JSON.parse(await readFile(TINY, 'utf8'))));
    const run = async (fresh: boolean) => {
      const out = join(dir, `tiny-${fresh}.json`);
      const r = await vsml(
        'evaluate',
        '--learner',
        TINY,
        ...BUILTIN,
        '--stream',
        'association',
        '--order',
        'adjacent',
        ...(fresh ? ['--fresh'] : []),
        '--steps',
        '45',
        '--runs',
        '3',
        '--out',
        out,
      );
      expect(r.stderr).toEqual([]);
      return readEvaluation(out);
    };
    const got = await run(false);
    const engine = new ReferenceEngine({ config: learner.config, inputSize: 49, numClasses: 10, runs: 3 });
    const direct = await evaluateAssociation(
      vsmlLearner(engine, learner, 22),
      vsmlReset(() => engine, learner, 22),
      streams('adjacent', false),
      'adjacent',
      { steps: 45 },
      { learner: TINY, dataset: 'mnist' },
    );
    expect(got.association).toEqual(direct.evaluation.association);
    expect(got.curve).toEqual(direct.evaluation.curve);
    const fresh = await run(true);
    expect(fresh.association?.fresh).toBe(true);
    expect(fresh.curve.slice(0, 20)).toEqual(got.curve.slice(0, 20));
    expect(fresh.curve[44]).not.toBe(got.curve[44]);
  });

  it.each<[string, string[], string]>([
    [
      '--order without the association stream',
      ['--order', 'adjacent'],
      'vsml evaluate: --order: only for --stream association',
    ],
    [
      '--fresh without the association stream',
      ['--stream', 'iid', '--fresh'],
      'vsml evaluate: --fresh: only for --stream association',
    ],
    [
      'an unknown order',
      ['--stream', 'association', '--order', 'mixed'],
      'vsml evaluate: flag --order must be one of apart, adjacent, got "mixed"',
    ],
  ])('refuses %s in one line', async (_, flags, line) => {
    const r = await vsml('evaluate', '--learner', 'sgd', ...BUILTIN, ...flags, '--out', join(dir, 'x.json'));
    expect(r.code).toBe(2);
    expect(r.stderr[0].split(' (usage: ')[0]).toBe(line);
  });

  it('refuses a generated data set for the association stream, naming --stream', async () => {
    const r = await vsml(
      'evaluate',
      '--learner',
      'sgd',
      '--dataset',
      'sum-sign',
      '--stream',
      'association',
      '--out',
      join(dir, 'y.json'),
    );
    expect(r.code).toBe(2);
    expect(r.stderr[0]).toBe(
      'vsml evaluate: --stream: association episodes need a dataset of examples; sum-sign is generated',
    );
  });
});
