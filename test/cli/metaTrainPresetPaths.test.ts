// --preset quick-demo (whose init is the shipped learner public/learners/vsml-clone-sgd.learner.json)
// works from any working directory: a preset's files are package paths, kept relative in the
// checkpoint, so it also resumes from anywhere; a config file naming the preset inherits that init.
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCheckpoint } from '../../src/meta/checkpoint';
import { parseLearner } from '../../src/model/formats/learner';
import { ROOT, tempDir, writeDoc } from './helpers';

const SHIPPED = 'public/learners/vsml-clone-sgd.learner.json';
const TSX = pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

/** vsml as a process started in `cwd` (not the repository). */
function vsmlIn(cwd: string, ...argv: string[]) {
  const r = spawnSync(process.execPath, ['--import', TSX, join(ROOT, 'src', 'cli', 'vsml.ts'), ...argv], {
    cwd,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function maxParamDiff(learnerPath: string, otherPath: string): Promise<number> {
  const read = async (p: string) => {
    const r = parseLearner(JSON.parse(await readFile(p, 'utf8')));
    if (!r.ok) throw new Error(r.error.message);
    return r.value.params;
  };
  const [a, b] = [await read(learnerPath), await read(otherPath)];
  return Math.max(...Array.from(a, (x, i) => Math.abs(x - b[i])));
}

describe('vsml meta-train --preset quick-demo outside the repository', () => {
  it('1 step from a temporary folder starts from the shipped learner; the checkpoint keeps its package path; --resume runs from another folder', async () => {
    const cwd = await tempDir();
    const r = vsmlIn(cwd, 'meta-train', '--preset', 'quick-demo', '--steps', '1', '--out', 'run');
    expect(r.stderr.split('\n').filter((l) => l && !/^step |^eval @ step/.test(l))).toEqual([]);
    expect(r.code).toBe(0);
    const cp = parseCheckpoint(JSON.parse(await readFile(join(cwd, 'run', 'checkpoint.json'), 'utf8')));
    if (!cp.ok) throw new Error(cp.error.message);
    expect(cp.value.config.init).toBe(SHIPPED);
    // One Adam step of learning rate 0.003 moves no parameter further than that.
    expect(await maxParamDiff(join(cwd, 'run', 'learner.json'), join(ROOT, SHIPPED))).toBeLessThanOrEqual(0.0031);

    const elsewhere = await tempDir();
    const resumed = vsmlIn(
      elsewhere,
      'meta-train',
      '--preset',
      'quick-demo',
      '--steps',
      '2',
      '--resume',
      '--out',
      join(cwd, 'run'),
    );
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toMatch(/^meta-train: 2 of 2 steps/);
  }, 240_000);

  it('a config file in a temporary folder naming the preset (no init of its own) starts from the shipped learner too', async () => {
    const cwd = await tempDir();
    await writeDoc(cwd, 'c.json', {
      format: 'vsml-meta-config',
      version: 1,
      preset: 'quick-demo',
      steps: 1,
      evaluation: { every: 0 },
    });
    const r = vsmlIn(cwd, 'meta-train', '--config', 'c.json', '--out', 'run');
    expect(r.stderr.split('\n').filter((l) => l && !/^step /.test(l))).toEqual([]);
    expect(r.code).toBe(0);
    const cp = parseCheckpoint(JSON.parse(await readFile(join(cwd, 'run', 'checkpoint.json'), 'utf8')));
    expect(cp.ok && cp.value.config.init).toBe(SHIPPED);
  }, 240_000);
});
