// vsml meta-train on bad input: exit 2 and one line naming the file (or flag) and the field.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tinyConfigDoc } from '../meta/trainerHelpers';
import { tempDir, vsml, vsmlProcess, writeDoc } from './helpers';

let dir: string;
let good: string;
/** A finished 1-step run, whose checkpoint the checkpoint cases edit. */
let done: string;
beforeAll(async () => {
  dir = await tempDir();
  good = await writeDoc(dir, 'good.json', tinyConfigDoc({ steps: 1, evaluation: { every: 0 } }));
  done = join(dir, 'done');
  const r = await vsml('meta-train', '--config', good, '--out', done);
  if (r.code !== 0) throw new Error(r.stderr.join('\n'));
});

/** A run folder holding `done`'s checkpoint edited by `edit`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function editedRun(name: string, edit: (doc: Record<string, any>) => void): Promise<string> {
  const doc = JSON.parse(await readFile(join(done, 'checkpoint.json'), 'utf8'));
  edit(doc);
  const out = join(dir, name);
  await mkdir(out, { recursive: true });
  await writeFile(join(out, 'checkpoint.json'), JSON.stringify(doc));
  return out;
}

const cfg = (overrides: Record<string, unknown>) => async (name: string) =>
  writeDoc(dir, name, tinyConfigDoc(overrides));
const KNOWN_DATASETS =
  'mnist, random, sum-sign, mnist-idx, fashion-mnist, emnist-letters, emnist-balanced, kmnist, omniglot, cifar10';

describe('vsml meta-train: a config whose init learner is missing or does not fit', () => {
  it('names the missing learner file', async () => {
    const path = await writeDoc(
      dir,
      'init-missing.json',
      tinyConfigDoc({ method: 'gradient', init: 'nope.learner.json' }),
    );
    const r = await vsml('meta-train', '--config', path, '--out', join(dir, 'never'));
    expect(r.code).toBe(2);
    expect(r.stderr).toEqual([`${join(dir, 'nope.learner.json')}: cannot read: no such file`]);
  });

  it('names the config and init when the learner has another model config', async () => {
    await writeDoc(dir, 'n8.learner.json', await readFile(join(done, 'learner.json'), 'utf8'));
    const path = await writeDoc(
      dir,
      'init-other-model.json',
      tinyConfigDoc({ method: 'gradient', init: 'n8.learner.json', model: { stateSize: 8 } }),
    );
    const r = await vsml('meta-train', '--config', path, '--out', join(dir, 'never'));
    expect(r.code).toBe(2);
    expect(r.stderr).toEqual([
      `${path}: init: the learner ${join(dir, 'n8.learner.json')} has another model config than the config's "model"`,
    ]);
  });

  it("starts from the learner: after one step of Adam 1e-9 its V_M is the learner's within 1e-6", async () => {
    await writeDoc(dir, 'start.learner.json', await readFile(join(done, 'learner.json'), 'utf8'));
    const path = await writeDoc(
      dir,
      'init-ok.json',
      tinyConfigDoc({
        method: 'gradient',
        init: 'start.learner.json',
        steps: 1,
        learningRate: 1e-9,
        evaluation: { every: 0 },
      }),
    );
    const r = await vsml('meta-train', '--config', path, '--out', join(dir, 'init-ok'));
    expect(r.code).toBe(0);
    const a = JSON.parse(await readFile(join(done, 'learner.json'), 'utf8'));
    const b = JSON.parse(await readFile(join(dir, 'init-ok', 'learner.json'), 'utf8'));
    const flat = (p: unknown): number[] =>
      Array.isArray(p)
        ? p.flatMap(flat)
        : typeof p === 'object' && p !== null
          ? Object.values(p).flatMap(flat)
          : [p as number];
    const [fa, fb] = [flat(a.params), flat(b.params)];
    expect(fb).toHaveLength(fa.length);
    expect(Math.max(...fa.map((x, i) => Math.abs(x - fb[i])))).toBeLessThan(1e-6);
    expect(fb).not.toEqual(fa);
  });
});

describe('vsml meta-train: a bad config file exits 2 with FILE: FIELD: reason', () => {
  const cases: [string, (name: string) => Promise<string>, string][] = [
    ['no JSON', async (n) => writeDoc(dir, n, '{"format": '), 'invalid JSON: '],
    ['another format', cfg({ format: 'vsml-learner' }), 'format: expected "vsml-meta-config", got "vsml-learner"'],
    ['zero pairs', cfg({ pairs: 0 }), 'pairs: must be an integer in [1, 65536], got 0'],
    ['a negative sigma', cfg({ sigma: -0.05 }), 'sigma: must be a number in (0, 10], got -0.05'],
    ['beta2 of 1', cfg({ beta2: 1 }), 'beta2: must be a number in [0, 1), got 1'],
    [
      'an unknown shaping',
      cfg({ fitnessShaping: 'ranks' }),
      'fitnessShaping: must be one of none, centred-ranks, got "ranks"',
    ],
    [
      'an unknown preset',
      cfg({ preset: 'fig6' }),
      'preset: unknown preset "fig6" (known: paper-fig6, quick-demo, cold-demo, clone-demo, clone-backprop-demo)',
    ],
    [
      'a resize of 0',
      cfg({ tasks: { resize: [0] } }),
      'tasks.resize[0]: must be null or an integer in [1, 512], got 0',
    ],
    [
      'a class MNIST lacks',
      cfg({ tasks: { classes: [[0, 12]] } }),
      'tasks.classes[0][1]: class 12 is not in [0, 10) for mnist',
    ],
    ['an empty axis', cfg({ tasks: { project: [] } }), 'tasks.project: must list at least one entry'],
    [
      'an unknown dataset',
      cfg({ tasks: { datasets: ['mnistt'] } }),
      `tasks.datasets[0]: unknown dataset "mnistt" (known: ${KNOWN_DATASETS})`,
    ],
    [
      'a file preset without its files',
      cfg({ tasks: { datasets: [{ name: 'fashion-mnist' }] } }),
      'tasks.datasets[0].files.images: fashion-mnist needs an images file',
    ],
    ['a bad model option', cfg({ model: { stateSize: 0 } }), 'model.stateSize: must be an integer in [1, 64], got 0'],
    [
      'evaluation runs of 0',
      cfg({ evaluation: { runs: 0 } }),
      'evaluation.runs: must be an integer in [1, 4096], got 0',
    ],
    [
      'two evaluations with one name',
      cfg({ evaluation: { datasets: [{ dataset: 'mnist' }, { dataset: 'mnist' }] } }),
      'evaluation.datasets[1]: two evaluations are named "mnist/test"; give one a "name"',
    ],
  ];
  for (const [what, make, message] of cases) {
    it(`rejects ${what}`, async () => {
      const path = await make(`${what.replace(/\W+/g, '-')}.json`);
      const r = await vsml('meta-train', '--config', path, '--out', join(dir, 'never'));
      expect(r.code).toBe(2);
      expect(r.stdout).toEqual([]);
      expect(r.stderr).toHaveLength(1);
      expect(r.stderr[0].startsWith(`${path}: ${message}`)).toBe(true);
    });
  }

  it('names the unknown field and the known ones', async () => {
    const path = await writeDoc(dir, 'typo.json', tinyConfigDoc({ pairz: 3 }));
    const r = await vsml('meta-train', '--config', path, '--out', join(dir, 'never'));
    expect(r.stderr).toEqual([
      `${path}: pairz: unknown field (known: format, version, preset, init, learner, seed, method, objective, finalSteps, cloneLearningRate, cloneWeightScale, cloneBatch, cloneWarmup, cloneUnroll, cloneStateWeight, cloneDeepFrom, steps, pairs, sigma, learningRate, beta1, beta2, adamEps, clipNorm, trajectoryLength, fitnessShaping, checkpointEvery, tasks, evaluation, model)`,
    ]);
  });

  it("names a missing data file, resolved against the config's folder", async () => {
    const path = await writeDoc(
      dir,
      'files.json',
      tinyConfigDoc({
        tasks: { datasets: [{ name: 'mnist-idx', files: { images: 'nope-images.gz', labels: 'nope-labels.gz' } }] },
      }),
    );
    const r = await vsml('meta-train', '--config', path, '--out', join(dir, 'never'));
    expect(r).toEqual({ code: 2, stdout: [], stderr: [`${join(dir, 'nope-images.gz')}: no such file`] });
  });
});

describe('vsml meta-train: flags, run folders and checkpoints', () => {
  it.each([
    [
      ['--out', 'x'],
      `vsml meta-train: missing --config C.json or --preset paper-fig6|quick-demo|cold-demo|clone-demo|clone-backprop-demo`,
    ],
    [
      ['--config', 'a.json', '--preset', 'quick-demo', '--out', 'x'],
      'vsml meta-train: --preset: give --config or --preset, not both (a config file can name "preset")',
    ],
    [
      ['--preset', 'quick-demo', '--out', 'x', '--steps', 'many'],
      'vsml meta-train: flag --steps must be an integer in [0, 10000000], got "many"',
    ],
  ])('rejects %j', async (argv, message) => {
    expect(await vsml('meta-train', ...argv)).toEqual({ code: 2, stdout: [], stderr: [message] });
  });

  it('refuses --resume without a checkpoint, and a new run into a folder that has one', async () => {
    const empty = join(dir, 'empty');
    expect((await vsml('meta-train', '--config', good, '--out', empty, '--resume')).stderr).toEqual([
      `${join(empty, 'checkpoint.json')}: no such file (nothing to resume; run without --resume to start)`,
    ]);
    expect(await vsml('meta-train', '--config', good, '--out', done)).toEqual({
      code: 2,
      stdout: [],
      stderr: [
        `vsml meta-train: --out: ${done} already holds a checkpoint; add --resume to continue it, or choose another --out`,
      ],
    });
  });

  it('refuses to resume with a config that meta-trains differently, naming the field', async () => {
    const other = await writeDoc(dir, 'other.json', tinyConfigDoc({ steps: 1, sigma: 0.1 }));
    const r = await vsml('meta-train', '--config', other, '--out', done, '--resume');
    expect(r.stderr).toEqual([
      `${other}: sigma: differs from ${join(done, 'checkpoint.json')} (on --resume only steps, checkpointEvery and evaluation may change)`,
    ]);
  });

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const checkpointCases: [string, (doc: Record<string, any>) => void, string][] = [
    [
      'a NaN moment (null in JSON)',
      (d) => (d.optimizer.m[3] = null),
      'optimizer.m[3]: must be a finite number, got null',
    ],
    [
      'a NaN parameter written as a string',
      (d) => (d.learner.params.lstm.w[0][1] = 'NaN'),
      'learner.params.lstm.w[0][1]: must be a finite number, got "NaN"',
    ],
    ['a negative second moment', (d) => (d.optimizer.v[0] = -1), 'optimizer.v[0]: must be >= 0, got -1'],
    ['a short moment vector', (d) => d.optimizer.v.pop(), 'optimizer.v: expected 2384 numbers, got 2383'],
    [
      'a step count Adam disagrees with',
      (d) => (d.optimizer.t = 5),
      'optimizer.t: must equal step - rejected (1), got 5',
    ],
    ['a bad config field', (d) => (d.config.pairs = -1), 'config.pairs: must be an integer in [1, 65536], got -1'],
    ['an RNG counter that is not the step', (d) => (d.rng.counter = 0), 'rng.counter: must equal step (1), got 0'],
    ['another format', (d) => (d.format = 'vsml-learner'), 'format: expected "vsml-checkpoint", got "vsml-learner"'],
  ];
  for (const [what, edit, message] of checkpointCases) {
    it(`refuses a checkpoint with ${what}`, async () => {
      const out = await editedRun(what.replace(/\W+/g, '-'), edit);
      const r = await vsml('meta-train', '--out', out, '--resume');
      expect(r).toEqual({ code: 2, stdout: [], stderr: [`${join(out, 'checkpoint.json')}: ${message}`] });
    });
  }

  it('exits 2 with one line as a process too', () => {
    const r = vsmlProcess('meta-train', '--preset', 'quick-demo', '--out', join(dir, 'never'), '--resume=1');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^vsml meta-train: flag --resume takes no value \(usage: vsml meta-train \[--config C\.json\] \[--preset paper-fig6\|quick-demo\|cold-demo\|clone-demo\|clone-backprop-demo\] --out DIR \[--resume\] \[--backend cpu\|reference\|webgpu\] \[--steps N\] \[--max-memory SIZE\] \[--queue redis:\/\/HOST:PORT\[\/DB\]\] \[--job-pairs N\]\)\n$/,
    );
  });
});
