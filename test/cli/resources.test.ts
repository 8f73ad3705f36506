// Requests too large for the machine are refused before any work (issue 10, defect 2): exit 2 and
// one line naming the field, the product that makes it large and by how much it is over
// --max-memory; never "Invalid typed array length", never a swelling process. Every case here is
// refused before its big arrays exist, so the tests ask for huge sizes and allocate nothing large.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tinyConfigDoc } from '../meta/trainerHelpers';
import { FIXTURES, ROOT, tempDir, vsml, writeDoc } from './helpers';

const TINY = join(FIXTURES, 'tiny.learner.json');
const MNIST_LEARNER = join(ROOT, 'public', 'learners', 'vsml-mnist.learner.json');

let dir: string;
let wide: string;
let deep: string;
beforeAll(async () => {
  dir = await tempDir();
  // One example of A = 10^6 inputs and K = 4096 classes (2 MB of JSON).
  wide = join(dir, 'wide.stream.json');
  await writeFile(
    wide,
    `{"format":"vsml-stream","version":1,"numClasses":4096,"inputs":[[${new Array(1_000_000).fill(0).join(',')}]],"labels":[0]}`,
  );
  // The shipped MNIST learner with 64 hidden layers of 256 (V_M does not depend on the layers).
  const { readFile } = await import('node:fs/promises');
  const learner = JSON.parse(await readFile(MNIST_LEARNER, 'utf8'));
  deep = await writeDoc(dir, 'deep.learner.json', {
    ...learner,
    config: { ...learner.config, hiddenSizes: new Array(64).fill(256) },
  });
});

const out = (name: string) => join(dir, name);

describe('vsml trace', () => {
  it('refuses a stream of A = 10^6 inputs and K = 4096 classes: the state is over --max-memory', async () => {
    const r = await vsml('trace', '--learner', TINY, '--stream', wide, '--out', out('t.json'), '--max-memory', '8GiB');
    expect(r).toEqual({
      code: 2,
      stdout: [],
      stderr: [
        `vsml trace: ${wide} inputs[0] and numClasses: VSML state h and c needs 2 copies x 1 run x 4096000000 cells x 8 floats x 4 bytes = 244.1 GiB (244.1 GiB in all), over the 8.0 GiB limit (--max-memory) by 236.1 GiB; raise it with --max-memory`,
      ],
    });
  });
  it('refuses it with any limit: one layer would be an array of 16384000000 values (the issue\'s "Invalid typed array length")', async () => {
    const r = await vsml(
      'trace',
      '--learner',
      TINY,
      '--stream',
      wide,
      '--out',
      out('t.json'),
      '--max-memory',
      '1024TiB',
    );
    expect(r.stderr).toEqual([
      `vsml trace: ${wide} inputs[0] and numClasses: VSML state h and c needs one array of 16384000000 values (one layer of one run: 4096000000 cells x 4 floats), more than the 4294967296 a typed array can hold`,
    ]);
    expect(r.code).toBe(2);
  });
  it('refuses a --max-memory that is no size', async () => {
    const r = await vsml('trace', '--learner', TINY, '--stream', wide, '--out', out('t.json'), '--max-memory', 'lots');
    expect(r).toEqual({
      code: 2,
      stdout: [],
      stderr: [
        'vsml trace: --max-memory: must be a size such as 8GiB, 512MiB or 1.5TiB (KiB, MiB, GiB, TiB; KB, MB, GB, TB read as the same), got "lots"',
      ],
    });
  });
});

describe('vsml evaluate', () => {
  it('refuses --runs 4096 of a VSML learner on MNIST over 4 GiB, naming --runs', async () => {
    const r = await vsml(
      'evaluate',
      '--learner',
      MNIST_LEARNER,
      '--dataset',
      'mnist',
      '--runs',
      '4096',
      '--out',
      out('e.json'),
      '--max-memory',
      '4GiB',
    );
    expect(r).toEqual({
      code: 2,
      stdout: [],
      stderr: [
        'vsml evaluate: --runs: VSML state h and c needs 2 copies x 4096 runs x 7840 cells x 32 floats x 4 bytes = 7.7 GiB (7.7 GiB in all), over the 4.0 GiB limit (--max-memory) by 3.7 GiB; raise it with --max-memory',
      ],
    });
  });
  it('refuses a learner with 64 hidden layers of 256, naming its config.hiddenSizes', async () => {
    const r = await vsml(
      'evaluate',
      '--learner',
      deep,
      '--dataset',
      'mnist',
      '--out',
      out('e.json'),
      '--max-memory',
      '8GiB',
    );
    expect(r).toEqual({
      code: 2,
      stdout: [],
      stderr: [
        `vsml evaluate: ${deep} config.hiddenSizes: VSML state h and c needs 2 copies x 32 runs x 4332032 cells x 32 floats x 4 bytes = 33.1 GiB (33.1 GiB in all), over the 8.0 GiB limit (--max-memory) by 25.1 GiB; raise it with --max-memory`,
      ],
    });
  });
  it('counts T = 10^7 steps as a [T] curve, not [R][T] arrays: refused only when the curve itself does not fit, naming --steps', async () => {
    const r = await vsml(
      'evaluate',
      '--learner',
      'sgd',
      '--dataset',
      'sum-sign',
      '--steps',
      '10000000',
      '--runs',
      '2',
      '--out',
      out('e.json'),
      '--max-memory',
      '256MiB',
    );
    expect(r).toEqual({
      code: 2,
      stdout: [],
      stderr: [
        'vsml evaluate: --steps: the accuracy curve and its text needs 10000000 steps x 48 bytes = 457.8 MiB (460.8 MiB in all), over the 256.0 MiB limit (--max-memory) by 204.8 MiB; raise it with --max-memory',
      ],
    });
  });
});

describe('vsml meta-train', () => {
  const config = (name: string, overrides: Record<string, unknown>) =>
    writeDoc(dir, name, { format: 'vsml-meta-config', version: 1, ...overrides });

  it('refuses resize 512 with a projection (a 262144 x 262144 matrix), naming tasks.project and tasks.resize', async () => {
    const path = await config('proj.json', {
      preset: 'quick-demo',
      init: null,
      tasks: { resize: [512], project: [true] },
    });
    const r = await vsml('meta-train', '--config', path, '--out', out('proj'), '--max-memory', '16GiB');
    expect(r.code).toBe(2);
    expect(r.stderr).toEqual([
      `${path}: tasks.project and tasks.resize: the projection matrix and its transpose needs 2 matrices x 262144 rows x 262144 columns x 4 bytes = 512.0 GiB (519.0 GiB in all), over the 16.0 GiB limit (--max-memory) by 503.0 GiB; raise it with --max-memory`,
    ]);
  });
  it('refuses hiddenSizes [4096] on MNIST (128 pairs), naming model.hiddenSizes first', async () => {
    const path = await config('hidden.json', { model: { hiddenSizes: [4096] } });
    const r = await vsml('meta-train', '--config', path, '--out', out('hidden'), '--max-memory', '16GiB');
    expect(r.code).toBe(2);
    expect(existsSync(out('hidden'))).toBe(false); // the refused run leaves no empty folder behind
    expect(r.stderr).toEqual([
      `${path}: model.hiddenSizes and pairs: rollout state h and c needs 256 runs x 3252224 cells x 32 floats x 4 bytes = 99.3 GiB (173.8 GiB in all), over the 16.0 GiB limit (--max-memory) by 157.8 GiB; raise it with --max-memory`,
    ]);
  });
  it('refuses an evaluation of T = 10^7 steps by 4096 runs, naming evaluation.runs (the held-out state), not with "Invalid typed array length"', async () => {
    const path = await writeDoc(
      dir,
      'evalT.json',
      tinyConfigDoc({ steps: 1, evaluation: { steps: 10_000_000, runs: 4096 } }),
    );
    const r = await vsml('meta-train', '--config', path, '--out', out('evalT'), '--max-memory', '1GiB');
    expect(r.code).toBe(2);
    expect(r.stderr).toHaveLength(1);
    expect(r.stderr[0]).toMatch(
      new RegExp(
        `^${path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: evaluation\\.runs: held-out state h and c needs 2 copies x 4096 runs x \\d+ cells x \\d+ floats x 4 bytes = [\\d.]+ [MG]iB \\([\\d.]+ [MG]iB in all\\), over the 1\\.0 GiB limit \\(--max-memory\\) by [\\d.]+ [MG]iB; raise it with --max-memory$`,
      ),
    );
  });
  it('counts an evaluation of T = 10^7 steps at the default 32 runs by its [T] curve alone (the protocol streams), 152.7 MiB in all: refused only under a limit below that, naming evaluation.steps', async () => {
    const path = await writeDoc(dir, 'evalT32.json', tinyConfigDoc({ steps: 1, evaluation: { steps: 10_000_000 } }));
    const r = await vsml('meta-train', '--config', path, '--out', out('evalT32'), '--max-memory', '64MiB');
    expect(r.code).toBe(2);
    expect(r.stderr).toEqual([
      `${path}: evaluation.steps: the held-out curves needs 1 dataset x 10000000 steps x 8 bytes = 76.3 MiB (152.7 MiB in all), over the 64.0 MiB limit (--max-memory) by 88.7 MiB; raise it with --max-memory`,
    ]);
  });
});
