// The meta-training config: defaults and presets with the official numbers, overlays, the full JSON
// form, task variants and their assignment to pairs, and what may change on resume.
import { access, readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_META_CONFIG } from '../../src/meta/metaConfig';
import {
  mapConfigFiles,
  metaConfigToJson,
  parseMetaConfig,
  presetConfig,
  trajectoryDifference,
} from '../../src/meta/metaConfigParse';
import { assignVariants, taskVariants } from '../../src/meta/variants';
import { variantTaskSeed } from '../../src/meta/seeds';
import { DEFAULT_CONFIG } from '../../src/model/config';
import { tinyConfig } from './trainerHelpers';

const doc = (fields: Record<string, unknown>) => ({ format: 'vsml-meta-config', version: 1, ...fields });
const parse = (fields: Record<string, unknown>) => {
  const r = parseMetaConfig(doc(fields));
  if (!r.ok) throw new Error(`${r.error.field}: ${r.error.message}`);
  return r.value;
};

describe('defaults and presets', () => {
  it('an empty config is the official ES (sigma 0.05, Adam 0.025 / 0.9 / 0.999 / 1e-8, T 500, seed 42, no shaping) with 128 pairs', () => {
    const c = parse({});
    expect(c).toEqual(DEFAULT_META_CONFIG);
    expect([
      c.sigma,
      c.learningRate,
      c.beta1,
      c.beta2,
      c.adamEps,
      c.trajectoryLength,
      c.seed,
      c.fitnessShaping,
      c.pairs,
    ]).toEqual([0.05, 0.025, 0.9, 0.999, 1e-8, 500, 42, 'none', 128]);
    expect(c.model).toEqual(DEFAULT_CONFIG);
    expect(c.tasks).toMatchObject({
      project: [false, true],
      resize: [null],
      classes: [null],
      assign: 'cycle',
      projection: 'fixed',
      split: 'train',
    });
  });

  it('method gradient, clone-sgd and init: defaults es / meta-loss / eta 3 / null; refusals name the field', () => {
    expect([
      DEFAULT_META_CONFIG.method,
      DEFAULT_META_CONFIG.objective,
      DEFAULT_META_CONFIG.cloneLearningRate,
      DEFAULT_META_CONFIG.init,
      DEFAULT_META_CONFIG.clipNorm,
    ]).toEqual(['es', 'meta-loss', 3, null, 0]);
    const bad = (fields: Record<string, unknown>) => {
      const r = parseMetaConfig(doc(fields));
      return r.ok ? 'ok' : `${r.error.field}: ${r.error.message}`;
    };
    expect(bad({ objective: 'clone-sgd' })).toBe(
      'objective: clone-sgd needs "method": "gradient" (the teacher\'s errors are fed in, which engine rollouts cannot do)',
    );
    expect(bad({ method: 'gradient', objective: 'clone-sgd', model: { hiddenSizes: [4] } })).toBe(
      'model.hiddenSizes: clone-sgd clones SGD on one linear layer: no hidden layers',
    );
    expect(bad({ method: 'bptt' })).toBe('method: must be one of es, gradient, cma-es, clone-backprop, got "bptt"');
    expect(bad({ init: 3 })).toBe('init: must be the path of a vsml-learner file or null, got 3');
    expect(bad({ clipNorm: -1 })).toBe('clipNorm: must be a number in [0, 1000000], got -1');
    const c = parse({ method: 'gradient', objective: 'clone-sgd', init: 'a/l.json' });
    expect(mapConfigFiles(c, (x) => `/root/${x}`).init).toBe('/root/a/l.json');
    expect(parse(metaConfigToJson(c))).toEqual(c);
    expect(trajectoryDifference(c, { ...c, init: null })).toBe('init');
  });

  it('objective final-loss: finalSteps default 100, at most trajectoryLength, es or cma-es only; it changes the trajectory', () => {
    const bad = (fields: Record<string, unknown>) => {
      const r = parseMetaConfig(doc(fields));
      return r.ok ? 'ok' : `${r.error.field}: ${r.error.message}`;
    };
    expect(DEFAULT_META_CONFIG.finalSteps).toBe(100);
    expect(bad({ objective: 'final-loss', trajectoryLength: 500 })).toBe('ok');
    expect(bad({ objective: 'final-loss', method: 'cma-es', trajectoryLength: 30, finalSteps: 10 })).toBe('ok');
    expect(bad({ objective: 'final-loss', trajectoryLength: 50 })).toBe(
      'finalSteps: must be at most trajectoryLength (50), got 100',
    );
    expect(bad({ objective: 'final-loss', method: 'gradient' })).toBe(
      'objective: final-loss is the fitness of engine rollouts: it needs "method": "es" or "cma-es"',
    );
    expect(bad({ finalSteps: 0 })).toBe('finalSteps: must be an integer in [1, 100000], got 0');
    const c = parse({ objective: 'final-loss', finalSteps: 20 });
    expect(parse(metaConfigToJson(c))).toEqual(c);
    expect(trajectoryDifference(c, { ...c, finalSteps: 30 })).toBe('finalSteps');
  });

  it('paper-fig6: MNIST +- projection, 1024 pairs, 10,000 steps, evaluation every 100 steps, 32 runs x 2,000, seed 22', () => {
    const c = presetConfig('paper-fig6');
    expect([c.pairs, c.steps, c.trajectoryLength, c.sigma, c.learningRate, c.seed]).toEqual([
      1024, 10000, 500, 0.05, 0.025, 42,
    ]);
    expect(taskVariants(c).map((v) => [v.dataset.name, v.project])).toEqual([
      ['mnist', false],
      ['mnist', true],
    ]);
    expect(c.evaluation).toMatchObject({ every: 100, steps: 2000, runs: 32, seed: 22 });
    expect(c.evaluation.datasets.map((d) => [d.name, d.split])).toEqual([['mnist/test', 'test']]);
  });

  it('quick-demo: from the shipped cloned learner, 7x7 MNIST, classes 0-2, +- projection, 16 pairs, sigma 0.01, T 30', () => {
    const c = presetConfig('quick-demo');
    expect([c.pairs, c.trajectoryLength, c.steps, c.sigma, c.learningRate, c.init]).toEqual([
      16,
      30,
      300,
      0.01,
      0.003,
      'public/learners/vsml-clone-sgd.learner.json',
    ]);
    expect(taskVariants(c).map((v) => [v.resize, v.classes, v.project])).toEqual([
      [7, [0, 1, 2], false],
      [7, [0, 1, 2], true],
    ]);
    expect(c.evaluation.datasets[0].name).toBe('mnist/test 7x7 classes 0.1.2');
  });

  it('cold-demo: the same task from the official initialisation, 8 pairs, T 50', () => {
    const c = presetConfig('cold-demo');
    expect([c.pairs, c.trajectoryLength, c.steps, c.init]).toEqual([8, 50, 300, null]);
    expect(taskVariants(c).map((v) => [v.resize, v.classes, v.project])).toEqual([
      [7, [0, 1, 2], false],
      [7, [0, 1, 2], true],
    ]);
    expect(c.evaluation.datasets[0].name).toBe('mnist/test 7x7 classes 0.1.2');
  });

  it('a file overlays its preset: scalars replace, tasks / evaluation / model merge one level, lists replace', () => {
    const c = parse({ preset: 'cold-demo', pairs: 3, tasks: { project: [true] }, model: { microTicks: 3 } });
    expect(c.pairs).toBe(3);
    expect(c.trajectoryLength).toBe(50);
    expect(c.tasks).toMatchObject({ project: [true], resize: [7], classes: [[0, 1, 2]] });
    expect(c.model).toEqual({ ...DEFAULT_CONFIG, microTicks: 3 });
  });

  it('the full JSON form reads back to the same config', () => {
    for (const c of [
      presetConfig('paper-fig6'),
      presetConfig('quick-demo'),
      tinyConfig({ fitnessShaping: 'centred-ranks' }),
    ]) {
      const back = parseMetaConfig(JSON.parse(JSON.stringify(metaConfigToJson(c))));
      expect(back).toEqual({ ok: true, value: c });
      expect(metaConfigToJson(c)).not.toHaveProperty('preset');
    }
  });

  it('dataset references: a bare name, or files, normalisation and upright', () => {
    const c = parse({
      tasks: {
        datasets: [
          'mnist',
          { name: 'emnist-letters', files: { images: 'i.gz', labels: 'l.gz' }, normalize: 'none', upright: true },
        ],
      },
      evaluation: {
        datasets: [
          { dataset: { name: 'fashion-mnist', files: { images: 'f.gz', labels: 'g.gz' }, normalize: 'mnist' } },
        ],
      },
    });
    expect(c.tasks.datasets[1]).toEqual({
      name: 'emnist-letters',
      files: { images: 'i.gz', labels: 'l.gz' },
      normalisation: null,
      upright: true,
    });
    expect(c.evaluation.datasets[0].dataset.normalisation).toEqual({ mean: 0.13066, std: 0.30811 });
    const moved = mapConfigFiles(c, (p) => `/data/${p}`);
    expect(moved.tasks.datasets[1].files).toEqual({ images: '/data/i.gz', labels: '/data/l.gz' });
    expect(moved.evaluation.datasets[0].dataset.files).toEqual({ images: '/data/f.gz', labels: '/data/g.gz' });
  });

  it('configs/meta/paper-fig6-shared-data.json reads, and every file it names exists (relative to it)', async () => {
    const path = fileURLToPath(new URL('../../configs/meta/paper-fig6-shared-data.json', import.meta.url));
    const r = parseMetaConfig(JSON.parse(await readFile(path, 'utf8')));
    if (!r.ok) throw new Error(r.error.message);
    const c = mapConfigFiles(r.value, (p) => resolve(dirname(path), p));
    const files = [...c.tasks.datasets, ...c.evaluation.datasets.map((d) => d.dataset)].flatMap((d) =>
      Object.values(d.files ?? {}),
    );
    expect(files).toHaveLength(6);
    await Promise.all(files.map((f) => access(f as string)));
    expect(c.pairs).toBe(1024);
  });
});

describe('task variants', () => {
  it('are the cross product with project fastest, then resize, classes, dataset, copy (official mpi_split order)', () => {
    const c = parse({
      tasks: {
        datasets: ['mnist', 'random'],
        project: [false, true],
        resize: [null, 14, 32],
        classes: [null, [1, 2, 3]],
        copies: 2,
      },
    });
    const v = taskVariants(c);
    expect(v).toHaveLength(2 * 3 * 2 * 2 * 2);
    expect(v.slice(0, 7).map((x) => [x.project, x.resize, x.classes, x.dataset.name, x.copy])).toEqual([
      [false, null, null, 'mnist', 0],
      [true, null, null, 'mnist', 0],
      [false, 14, null, 'mnist', 0],
      [true, 14, null, 'mnist', 0],
      [false, 32, null, 'mnist', 0],
      [true, 32, null, 'mnist', 0],
      [false, null, [1, 2, 3], 'mnist', 0],
    ]);
    expect([v[12].dataset.name, v[12].copy, v[24].dataset.name, v[24].copy]).toEqual(['random', 0, 'mnist', 1]);
    expect(v.map((x) => x.taskSeed)).toEqual(v.map((x) => variantTaskSeed(c.seed, x.index)));
    expect(new Set(v.map((x) => x.taskSeed)).size).toBe(48);
  });

  it('cycle: pair p of step s gets (s P + p) mod V: fixed per pair when V divides P, in turns otherwise', () => {
    const c = parse({ pairs: 4 });
    expect(Array.from(assignVariants(c, 2, 0))).toEqual([0, 1, 0, 1]);
    expect(Array.from(assignVariants(c, 2, 9))).toEqual([0, 1, 0, 1]);
    expect(Array.from(assignVariants(c, 3, 0))).toEqual([0, 1, 2, 0]);
    expect(Array.from(assignVariants(c, 3, 1))).toEqual([1, 2, 0, 1]);
  });

  it('random: a seeded draw per pair and step, every variant reached', () => {
    const c = parse({ pairs: 64, tasks: { assign: 'random' } });
    const a = assignVariants(c, 5, 3);
    expect(Array.from(assignVariants(c, 5, 3))).toEqual(Array.from(a));
    expect(Array.from(assignVariants(c, 5, 4))).not.toEqual(Array.from(a));
    expect(new Set(a).size).toBe(5);
  });
});

describe('trajectoryDifference (what --resume may change)', () => {
  it('allows steps, checkpointEvery and evaluation; names the first other field that differs', () => {
    const a = tinyConfig();
    expect(trajectoryDifference(a, tinyConfig({ steps: 99, checkpointEvery: 5, evaluation: { every: 0 } }))).toBeNull();
    expect(trajectoryDifference(a, tinyConfig({ pairs: 5 }))).toBe('pairs');
    expect(trajectoryDifference(a, tinyConfig({ model: { microTicks: 3 } }))).toBe('model.microTicks');
    expect(trajectoryDifference(a, tinyConfig({ tasks: { resize: [8] } }))).toBe('tasks.resize[0]');
    expect(trajectoryDifference(a, tinyConfig({ tasks: { project: [false] } }))).toBe('tasks.project');
  });
});
