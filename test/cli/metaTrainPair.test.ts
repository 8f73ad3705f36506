// learner.json and checkpoint.json of a run folder are written as one pair (src/cli/metaTrainFiles.ts):
// a failed write (ENOSPC, injected) leaves both at the previous step, learner.json is never ahead of
// checkpoint.json, and --resume rewrites a learner.json left behind by a crash between the renames.
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMetaTrain } from '../../src/cli/metaTrain';
import { NODE_WRITER, runFiles, writeCheckpoint, type RunFileWriter } from '../../src/cli/metaTrainFiles';
import { parseCheckpoint, serialiseCheckpoint } from '../../src/meta/checkpoint';
import { serialiseLearner } from '../../src/model/formats/learner';
import { handCheckpoint } from '../meta/checkpointHelpers';
import { tinyConfigDoc } from '../meta/trainerHelpers';
import { tempDir, vsml, writeDoc } from './helpers';

const enospc = (path: string): Error =>
  Object.assign(new Error(`ENOSPC: no space left on device, write '${path}'`), { code: 'ENOSPC' });

/** The real writer, but the `n`-th write (1-based) fails with ENOSPC after writing half its text. */
function fullDiskAt(n: number): RunFileWriter {
  let writes = 0;
  return {
    ...NODE_WRITER,
    async write(path, text) {
      writes += 1;
      if (writes === n) {
        await writeFile(path, text.slice(0, text.length >> 1));
        throw enospc(path);
      }
      await NODE_WRITER.write(path, text);
    },
  };
}

/** The real writer, but renaming onto `target` fails (as a crash between the two renames would leave it). */
function renameFailsOnto(target: string): RunFileWriter {
  return {
    ...NODE_WRITER,
    async rename(from, to) {
      if (to === target) throw Object.assign(new Error(`EIO: i/o error, rename '${from}' -> '${to}'`), { code: 'EIO' });
      await rename(from, to);
    },
  };
}

const stepOf = async (path: string): Promise<number> => {
  const r = parseCheckpoint(JSON.parse(await readFile(path, 'utf8')));
  if (!r.ok) throw new Error(r.error.message);
  return r.value.step;
};

describe('writeCheckpoint: learner.json and checkpoint.json as one pair', () => {
  it('ENOSPC on the second file at step 20: both stay at step 10, no temporary file left', async () => {
    const files = runFiles(await tempDir());
    await writeCheckpoint(files, handCheckpoint(10));
    await expect(writeCheckpoint(files, handCheckpoint(20), fullDiskAt(2))).rejects.toThrow(
      /^ENOSPC: no space left on device/,
    );
    expect(await stepOf(files.checkpoint)).toBe(10);
    expect(await readFile(files.learner, 'utf8')).toBe(serialiseLearner(handCheckpoint(10).learner));
    expect((await readdir(files.dir)).sort()).toEqual(['checkpoint.json', 'learner.json']);
  });

  it('ENOSPC on the first file: both stay at step 10', async () => {
    const files = runFiles(await tempDir());
    await writeCheckpoint(files, handCheckpoint(10));
    await expect(writeCheckpoint(files, handCheckpoint(20), fullDiskAt(1))).rejects.toThrow(/^ENOSPC/);
    expect(await stepOf(files.checkpoint)).toBe(10);
    expect(await readFile(files.learner, 'utf8')).toBe(serialiseLearner(handCheckpoint(10).learner));
  });

  it('a failed rename of learner.json leaves the checkpoint ahead, never the learner', async () => {
    const files = runFiles(await tempDir());
    await writeCheckpoint(files, handCheckpoint(10));
    await expect(writeCheckpoint(files, handCheckpoint(20), renameFailsOnto(files.learner))).rejects.toThrow(/^EIO/);
    expect(await stepOf(files.checkpoint)).toBe(20);
    expect(await readFile(files.learner, 'utf8')).toBe(serialiseLearner(handCheckpoint(10).learner));
    expect((await readdir(files.dir)).sort()).toEqual(['checkpoint.json', 'learner.json']);
  });
});

describe('vsml meta-train --resume repairs learner.json from the checkpoint', () => {
  for (const [what, prepare] of [
    [
      'behind (step 10 of a step-20 checkpoint)',
      (p: string) => writeFile(p, serialiseLearner(handCheckpoint(10).learner)),
    ],
    ['missing', (p: string) => rm(p)],
  ] as const) {
    it(`learner.json ${what}: rewritten to the checkpoint's theta before the run goes on`, async () => {
      const dir = join(await tempDir(), 'run');
      await mkdir(dir);
      const files = runFiles(dir);
      const cp = handCheckpoint(20, { evaluation: { every: 0 } });
      await writeFile(files.checkpoint, serialiseCheckpoint(cp));
      await writeFile(files.learner, serialiseLearner(cp.learner));
      await prepare(files.learner);
      const r = await vsml('meta-train', '--out', dir, '--resume');
      expect(r.code).toBe(0);
      expect(r.stdout[0]).toMatch(/^meta-train: 20 of 20 steps/);
      expect(await readFile(files.learner, 'utf8')).toBe(serialiseLearner(cp.learner));
    });
  }
});

describe('vsml meta-train on a disk that fills up', () => {
  it('ENOSPC writing the step-4 checkpoint: exit 1 naming it, the step-2 pair left whole, no lock or temporary file; --resume continues from step 2', async () => {
    const dir = await tempDir();
    const config = await writeDoc(
      dir,
      'c.json',
      tinyConfigDoc({ steps: 6, checkpointEvery: 2, evaluation: { every: 0 } }),
    );
    const out = join(dir, 'out');
    // Each commit writes two files: the 3rd write is the step-4 checkpoint.
    const outcome = await runMetaTrain(
      new Map([
        ['config', config],
        ['out', out],
      ]),
      { info: () => undefined },
      { writer: fullDiskAt(3) },
    );
    const tmp = `${join(out, '.checkpoint.json')}.`.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    expect(outcome.code).toBe(1);
    expect(outcome.code === 1 && outcome.message).toMatch(
      new RegExp(
        `^vsml meta-train: cannot write the checkpoint: ENOSPC: no space left on device, write '${tmp}\\d+\\.[0-9a-f]{8}\\.tmp'$`,
      ),
    );
    const files = runFiles(out);
    const cp = parseCheckpoint(JSON.parse(await readFile(files.checkpoint, 'utf8')));
    if (!cp.ok) throw new Error(cp.error.message);
    expect(cp.value.step).toBe(2);
    expect(await readFile(files.learner, 'utf8')).toBe(serialiseLearner(cp.value.learner));
    expect((await readdir(out)).sort()).toEqual(['checkpoint.json', 'learner.json', 'log.jsonl']);
    const resumed = await vsml('meta-train', '--out', out, '--resume');
    expect(resumed.code).toBe(0);
    expect(resumed.stdout[0]).toMatch(/^meta-train: 6 of 6 steps \(0 rejected\), .* this session 4 steps in /);
  });
});
