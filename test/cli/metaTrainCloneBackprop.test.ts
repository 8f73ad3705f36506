// vsml meta-train with "method": "clone-backprop" (tiny task: 7x7 MNIST, 3 classes; held-out runs of
// the cloned learner on the CPU reference with backwardPass): the run folder, a process killed with
// SIGKILL mid-run and resumed ending on the same checkpoint bytes as an uninterrupted run; and
// `vsml clone-check` on its learner: the VSML row beside the backprop it cloned, and its refusals.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCheckpoint } from '../../src/meta/checkpoint';
import { parseEvaluation } from '../../src/model/formats/evaluation';
import { tinyConfigDoc } from '../meta/trainerHelpers';
import { killAndResume, tempDir, vsml, writeDoc } from './helpers';

const STEPS = 30;
const MODEL = { stateSize: 8, messageSize: 4, backwardPass: true, outputIndex: 0 };
const cloneDoc = (o: Record<string, unknown> = {}) =>
  tinyConfigDoc({
    method: 'clone-backprop',
    model: MODEL,
    cloneBatch: 24,
    cloneWarmup: 3,
    cloneLearningRate: 2,
    cloneWeightScale: 5,
    learningRate: 0.03,
    ...o,
  });

describe('vsml meta-train --config (method clone-backprop)', () => {
  it('runs, logs every step and writes the checkpoint and the learner (backwardPass, outputIndex 0)', async () => {
    const dir = await tempDir();
    const config = await writeDoc(
      dir,
      'c.json',
      cloneDoc({
        steps: 3,
        evaluation: { every: 3, steps: 10, runs: 2, datasets: [{ dataset: 'mnist', resize: 7, classes: [0, 1, 2] }] },
      }),
    );
    const out = join(dir, 'run');
    const r = await vsml('meta-train', '--config', config, '--out', out, '--backend', 'reference');
    expect(r.code).toBe(0);
    expect(r.stdout[0]).toMatch(
      /^meta-train: 3 of 3 steps \(0 rejected\), 24 cells \(clone-backprop\), on reference; /,
    );
    const cp = parseCheckpoint(JSON.parse(await readFile(join(out, 'checkpoint.json'), 'utf8')));
    if (!cp.ok) throw new Error(`${cp.error.field}: ${cp.error.message}`);
    expect([cp.value.step, cp.value.learner.config.backwardPass, cp.value.learner.config.outputIndex]).toEqual([
      3,
      true,
      0,
    ]);
    const log = (await readFile(join(out, 'log.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(log.filter((e) => 'metaLoss' in e).map((e) => [e.step, e.accepted])).toEqual([
      [1, true],
      [2, true],
      [3, true],
    ]);
    expect(log.filter((e) => 'eval' in e).map((e) => e.step)).toEqual([0, 3]);
  }, 60_000);

  it(`SIGKILL after the checkpoint of step 2, --resume to ${STEPS}: the same checkpoint.json as ${STEPS} uninterrupted steps`, async () => {
    const dir = await tempDir();
    const config = await writeDoc(
      dir,
      'c.json',
      cloneDoc({ steps: STEPS, checkpointEvery: 1, evaluation: { every: 0 } }),
    );
    const r = await killAndResume(config, dir);
    expect(r.signal).toBe('SIGKILL');
    expect(r.at).toBeGreaterThanOrEqual(2);
    expect(r.at).toBeLessThan(STEPS);
    expect([r.resumedCode, r.wholeCode]).toEqual([0, 0]);
    expect(r.killed).toEqual(r.whole);
  }, 90_000);
});

describe('vsml clone-check', () => {
  it('evaluates the cloned learner and the backprop it cloned on the same streams, one file each', async () => {
    const dir = await tempDir();
    const config = await writeDoc(dir, 'c.json', cloneDoc({ steps: 2, evaluation: { every: 0 } }));
    const out = join(dir, 'run');
    expect((await vsml('meta-train', '--config', config, '--out', out, '--backend', 'reference')).code).toBe(0);
    const prefix = join(dir, 'check');
    const r = await vsml(
      'clone-check',
      '--learner',
      join(out, 'learner.json'),
      '--eta',
      '2',
      '--kappa',
      '5',
      '--dataset',
      'mnist',
      '--transform',
      'resize:7,classes:0.1.2',
      '--steps',
      '20',
      '--runs',
      '2',
      '--backend',
      'reference',
      '--out',
      prefix,
    );
    expect(r.code).toBe(0);
    expect(r.stdout[2]).toMatch(/^backprop \(eta 2, kappa 5\) +mnist test \[classes:0\.1\.2,resize:7\] +20 +2 /);
    for (const kind of ['vsml', 'backprop']) {
      const e = parseEvaluation(JSON.parse(await readFile(`${prefix}.${kind}.json`, 'utf8')));
      if (!e.ok) throw new Error(e.error.message);
      expect([e.value.steps, e.value.runs, e.value.seed]).toEqual([20, 2, 22]);
    }
  }, 60_000);

  it('refuses a learner without backwardPass and a learning rate that is not a positive number, naming them', async () => {
    const bad = await vsml(
      'clone-check',
      '--learner',
      'public/learners/vsml-mnist.learner.json',
      '--eta',
      '2',
      '--kappa',
      '5',
      '--dataset',
      'mnist',
      '--out',
      '/tmp/never',
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr.join('\n')).toContain(
      'public/learners/vsml-mnist.learner.json: config.backwardPass: a learner cloned from backprop runs a reverse tick after every example: must be true',
    );
    const eta = await vsml(
      'clone-check',
      '--learner',
      'public/learners/vsml-mnist.learner.json',
      '--eta',
      '0',
      '--kappa',
      '5',
      '--dataset',
      'mnist',
      '--out',
      '/tmp/never',
    );
    expect(eta.code).toBe(2);
    expect(eta.stderr.join('\n')).toContain('vsml clone-check: --eta: must be a number > 0, got "0"');
  });
});
