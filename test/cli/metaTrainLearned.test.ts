// vsml meta-train with a learned learner without variable sharing (learner.kind meta-rnn, hebbian,
// fw-memory; ES on the CPU reference): learner.json in the kind's format, init from a file of the
// same kind (others refused, naming init), --resume with another learner refused, and a SIGKILLed
// process resumed to the same checkpoint and learner bytes as an uninterrupted run.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRunCheckpoint } from '../../src/meta/runCheckpoint';
import { parseLearnedLearner } from '../../src/model/formats/learnedLearner';
import { tinyConfigDoc } from '../meta/trainerHelpers';
import { FIXTURES, killAndResume, tempDir, vsml, writeDoc } from './helpers';

/** MNIST 7x7 classes 0-2 ± projection on a learner at 49/3: 4 pairs, T 12 (tinyConfigDoc) unless overridden. */
const learnedDoc = (learner: Record<string, unknown>, overrides: Record<string, unknown> = {}) =>
  tinyConfigDoc({ learner: { shape: { inputSize: 49, numClasses: 3 }, ...learner }, ...overrides });

describe('vsml meta-train --config (learner.kind meta-rnn, hebbian, fw-memory)', () => {
  it.each([
    ['meta-rnn', { hidden: 4 }, 'vsml-meta-rnn'],
    ['hebbian', {}, 'vsml-hebbian'],
    ['fw-memory', { hidden: 4, memorySize: 2 }, 'vsml-fw-memory'],
  ])(
    '%s: runs 3 steps, logs them and an evaluation, writes learner.json in its format (%j)',
    async (kind, spec, format) => {
      const dir = await tempDir();
      const config = await writeDoc(dir, 'c.json', learnedDoc({ kind, spec }, { steps: 3 }));
      const out = join(dir, 'run');
      const r = await vsml('meta-train', '--config', config, '--out', out);
      expect(r.code).toBe(0);
      expect(r.stdout[0]).toMatch(
        new RegExp(
          `^meta-train: 3 of 3 steps \\(0 rejected\\), 4 pairs \\(es\\) x T=12, on the ${kind} CPU reference; `,
        ),
      );
      const learner = JSON.parse(await readFile(join(out, 'learner.json'), 'utf8'));
      expect(learner.format).toBe(format);
      const parsed = parseLearnedLearner(learner);
      const cp = parseRunCheckpoint(JSON.parse(await readFile(join(out, 'checkpoint.json'), 'utf8')));
      if (!parsed.ok || !cp.ok) throw new Error('unreadable');
      expect(cp.value.step).toBe(3);
      expect(Array.from(cp.value.learner.params)).toEqual(Array.from(parsed.value.params));
      const log = (await readFile(join(out, 'log.jsonl'), 'utf8'))
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(log.map((e) => [e.step, 'eval' in e])).toEqual([
        [0, true],
        [1, false],
        [2, false],
        [3, false],
        [3, true],
      ]);
    },
    60_000,
  );

  it('init: a learned file of the same kind starts the run; a VSML learner or another spec is refused naming init', async () => {
    const dir = await tempDir();
    const first = join(dir, 'first');
    expect(
      (
        await vsml(
          'meta-train',
          '--config',
          await writeDoc(
            dir,
            'a.json',
            learnedDoc({ kind: 'hebbian' }, { steps: 1, evaluation: { every: 0, datasets: [] } }),
          ),
          '--out',
          first,
        )
      ).code,
    ).toBe(0);
    const from = join(first, 'learner.json');
    const ok = await vsml(
      'meta-train',
      '--config',
      await writeDoc(
        dir,
        'b.json',
        learnedDoc({ kind: 'hebbian' }, { steps: 1, init: from, evaluation: { every: 0, datasets: [] } }),
      ),
      '--out',
      join(dir, 'b'),
    );
    expect(ok.code).toBe(0);
    const vsmlLearner = join(FIXTURES, 'tiny.learner.json');
    const c = await writeDoc(dir, 'c.json', learnedDoc({ kind: 'hebbian' }, { steps: 1, init: vsmlLearner }));
    const wrong = await vsml('meta-train', '--config', c, '--out', join(dir, 'c'));
    expect(wrong.code).toBe(2);
    expect(wrong.stderr[0]).toBe(
      `${c}: init: ${vsmlLearner}: format: expected "vsml-hebbian" (a hebbian learner), got "vsml-learner" (a VSML learner)`,
    );
    const d = await writeDoc(
      dir,
      'd.json',
      learnedDoc({ kind: 'hebbian', spec: { tanhBound: 50 } }, { steps: 1, init: from }),
    );
    const spec = await vsml('meta-train', '--config', d, '--out', join(dir, 'd'));
    expect(spec.stderr[0]).toBe(
      `${d}: init: the learner ${from} has spec {"tanhBound":100}, the config's learner.spec is {"tanhBound":50}`,
    );
  }, 60_000);

  it('--resume with another learner is refused naming learner.kind', async () => {
    const dir = await tempDir();
    const out = join(dir, 'run');
    expect(
      (
        await vsml(
          'meta-train',
          '--config',
          await writeDoc(
            dir,
            'a.json',
            learnedDoc({ kind: 'hebbian' }, { steps: 1, evaluation: { every: 0, datasets: [] } }),
          ),
          '--out',
          out,
        )
      ).code,
    ).toBe(0);
    const b = await writeDoc(
      dir,
      'b.json',
      learnedDoc({ kind: 'meta-rnn' }, { steps: 2, evaluation: { every: 0, datasets: [] } }),
    );
    const r = await vsml('meta-train', '--config', b, '--out', out, '--resume');
    expect(r.code).toBe(2);
    expect(r.stderr[0]).toBe(
      `${b}: learner.kind: differs from ${join(out, 'checkpoint.json')} (on --resume only steps, checkpointEvery and evaluation may change)`,
    );
  }, 60_000);

  it('SIGKILL after the checkpoint of step 2, --resume to 40: the same checkpoint.json and learner.json as 40 uninterrupted steps (Meta RNN H 16, T 60)', async () => {
    const dir = await tempDir();
    const config = await writeDoc(
      dir,
      'c.json',
      learnedDoc(
        { kind: 'meta-rnn', spec: { hidden: 16 } },
        { steps: 40, trajectoryLength: 60, checkpointEvery: 1, evaluation: { every: 0, datasets: [] } },
      ),
    );
    const r = await killAndResume(config, dir);
    expect(r.signal).toBe('SIGKILL');
    expect(r.at).toBeGreaterThanOrEqual(2);
    expect(r.at).toBeLessThan(40);
    expect([r.resumedCode, r.wholeCode]).toEqual([0, 0]);
    expect(r.killed).toEqual(r.whole);
  }, 120_000);
});
