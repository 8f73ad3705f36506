// The queue's flags refused with one line naming what is wrong, before any step runs: a bad Redis URL,
// --job-pairs without --queue, a method or learner the queue does not run, a Redis nobody listens on.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../src/cli/queue/redisServer';
import { tempDir, vsml, writeDoc } from '../cli/helpers';
import { tinyConfigDoc } from '../meta/trainerHelpers';

describe('vsml meta-train --queue: refused inputs', () => {
  it('names the flag: a URL of another scheme, a database out of range, --job-pairs alone or 0', async () => {
    const dir = await tempDir();
    const config = await writeDoc(dir, 'c.json', tinyConfigDoc({ evaluation: { every: 0 } }));
    const run = (...flags: string[]) => vsml('meta-train', '--config', config, '--out', join(dir, 'out'), ...flags);
    expect(await run('--queue', 'http://127.0.0.1:1')).toEqual({
      code: 2,
      stdout: [],
      stderr: ['vsml meta-train: --queue: http://127.0.0.1:1/: the scheme must be redis: or rediss: (TLS), got http:'],
    });
    expect((await run('--queue', 'redis://:secret@h:1/16')).stderr).toEqual([
      'vsml meta-train: --queue: redis://:***@h:1/16: the database must be 0..15, got 16',
    ]);
    expect((await run('--job-pairs', '4')).stderr).toEqual([
      'vsml meta-train: --job-pairs: sizes the jobs of --queue; give --queue too',
    ]);
    expect((await run('--queue', 'redis://h:1', '--job-pairs', '0')).stderr).toEqual([
      'vsml meta-train: flag --job-pairs must be an integer in [1, 1048576], got "0"',
    ]);
  });

  it('refuses method gradient and a learned learner, naming the config field', async () => {
    const dir = await tempDir();
    const gradient = await writeDoc(dir, 'g.json', tinyConfigDoc({ method: 'gradient', evaluation: { every: 0 } }));
    const r = await vsml('meta-train', '--config', gradient, '--out', join(dir, 'g'), '--queue', 'redis://127.0.0.1:1');
    expect(r).toEqual({
      code: 2,
      stdout: [],
      stderr: [
        `vsml meta-train: --queue: ${gradient}: method: the queue runs method es (pairs of rollouts); gradient is meta-trained in one process`,
      ],
    });
    const learned = await writeDoc(
      dir,
      'l.json',
      tinyConfigDoc({ learner: { kind: 'hebbian' }, model: undefined, evaluation: { every: 0 } }),
    );
    const l = await vsml('meta-train', '--config', learned, '--out', join(dir, 'l'), '--queue', 'redis://127.0.0.1:1');
    expect(l.stderr).toEqual([
      `vsml meta-train: --queue: ${learned}: learner.kind: the queue runs VSML's ES; a hebbian learner is meta-trained in one process`,
    ]);
  });

  it('a Redis that does not answer: exit 1 naming the URL and the error, and no checkpoint', async () => {
    const dir = await tempDir();
    const config = await writeDoc(dir, 'c.json', tinyConfigDoc({ evaluation: { every: 0 } }));
    const port = await freePort();
    const r = await vsml(
      'meta-train',
      '--config',
      config,
      '--out',
      join(dir, 'out'),
      '--queue',
      `redis://127.0.0.1:${port}`,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toHaveLength(1);
    expect(existsSync(join(dir, 'out', 'checkpoint.json'))).toBe(false);
    expect(r.stderr[0]).toMatch(
      new RegExp(
        `^vsml meta-train: --queue: cannot reach Redis at redis://127\\.0\\.0\\.1:${port}(: | within 10 s: )connect ECONNREFUSED 127\\.0\\.0\\.1:${port}$`,
      ),
    );
  }, 30_000);
});

describe('vsml worker: refused flags', () => {
  it('names the flag', async () => {
    expect(await vsml('worker', '--queue', 'ftp://x')).toEqual({
      code: 2,
      stdout: [],
      stderr: ['vsml worker: --queue: ftp://x/: the scheme must be redis: or rediss: (TLS), got ftp:'],
    });
    expect((await vsml('worker', '--queue', 'redis://h:1', '--concurrency', '0')).stderr).toEqual([
      'vsml worker: flag --concurrency must be an integer in [1, 64], got "0"',
    ]);
    expect((await vsml('worker', '--queue', 'redis://h:1', '--name', 'a b')).stderr).toEqual([
      'vsml worker: --name: at most 200 characters and no spaces, got "a b"',
    ]);
    expect((await vsml('worker', '--queue', 'redis://h:1', '--lock-seconds', '1')).stderr).toEqual([
      'vsml worker: flag --lock-seconds must be an integer in [2, 3600], got "1"',
    ]);
  });
});
