// vsml meta-train --resume with a total below the checkpoint's step: refused (exit 2) naming the flag or
// the config's field, the checkpoint's step and the file; the run folder is left as it was.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { serialiseCheckpoint } from '../../src/meta/checkpoint';
import { handCheckpoint } from '../meta/checkpointHelpers';
import { tinyConfigDoc } from '../meta/trainerHelpers';
import { tempDir, vsml, writeDoc } from './helpers';

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});

/** A run folder with a checkpoint at step 40 (of 40) and a log of 40 steps. */
async function runAt40(name: string): Promise<{ out: string; checkpoint: string; log: string }> {
  const out = join(dir, name);
  await mkdir(out, { recursive: true });
  const checkpoint = serialiseCheckpoint(handCheckpoint(40, { evaluation: { every: 0 } }));
  await writeFile(join(out, 'checkpoint.json'), checkpoint);
  const log = Array.from(
    { length: 40 },
    (_, i) =>
      `${JSON.stringify({ step: i + 1, metaLoss: 1, accepted: true, seconds: 0.1, wallSeconds: (i + 1) / 10 })}\n`,
  ).join('');
  await writeFile(join(out, 'log.jsonl'), log);
  return { out, checkpoint, log };
}

describe('vsml meta-train --resume with fewer steps than done', () => {
  it('--steps 10 on a step-40 checkpoint: exit 2 naming --steps, the step and the file; nothing written', async () => {
    const run = await runAt40('flag');
    const r = await vsml('meta-train', '--out', run.out, '--resume', '--steps', '10');
    expect(r).toEqual({
      code: 2,
      stdout: [],
      stderr: [
        `vsml meta-train: --steps: 10 is below the checkpoint's step 40 (${join(run.out, 'checkpoint.json')}); give at least 40`,
      ],
    });
    expect(await readFile(join(run.out, 'checkpoint.json'), 'utf8')).toBe(run.checkpoint);
    expect(await readFile(join(run.out, 'log.jsonl'), 'utf8')).toBe(run.log);
    // Refused while holding the folder's lock: the lock is gone again.
    expect((await readdir(run.out)).sort()).toEqual(['checkpoint.json', 'log.jsonl']);
  });

  it('a --config whose steps is 12: exit 2 naming the config file and steps', async () => {
    const run = await runAt40('config');
    const config = await writeDoc(dir, 'twelve.json', tinyConfigDoc({ steps: 12, evaluation: { every: 0 } }));
    const r = await vsml('meta-train', '--config', config, '--out', run.out, '--resume');
    expect(r.code).toBe(2);
    expect(r.stderr).toEqual([
      `${config}: steps: 12 is below the checkpoint's step 40 (${join(run.out, 'checkpoint.json')}); give at least 40`,
    ]);
  });

  it("--steps 40 (the checkpoint's own step) is no error: nothing to do, 40 of 40", async () => {
    const run = await runAt40('equal');
    const r = await vsml('meta-train', '--out', run.out, '--resume', '--steps', '40');
    expect(r.code).toBe(0);
    expect(r.stdout[0]).toMatch(/^meta-train: 40 of 40 steps \(0 rejected\)/);
  });
});
