// The run folder's lock (src/cli/runLock.ts): one holder at a time, refusals name the file and the
// PID, stale locks (a PID gone on this host) are taken over once, and release removes only one's own.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireRunLock, LOCK_NAME, parseLockHolder, type LockHolder } from '../../src/cli/runLock';
import { tempDir } from './helpers';

const T0 = new Date('2026-01-02T03:04:05.000Z');
const opts = (pid: number, extra: Record<string, unknown> = {}) => ({
  command: 'vsml meta-train',
  pid,
  host: 'here',
  now: () => T0,
  isAlive: (p: number) => p === 100 || p === 200,
  ...extra,
});
const holder = (pid: number, host = 'here'): LockHolder => ({
  pid,
  host,
  started: T0.toISOString(),
  command: 'vsml meta-train',
});

describe('acquireRunLock', () => {
  it('writes {pid, host, started, command} into DIR/run.lock, and release removes it', async () => {
    const dir = await tempDir();
    const r = await acquireRunLock(dir, opts(100));
    if (!r.ok) throw new Error(r.message);
    expect(r.tookOver).toBeNull();
    expect(r.lock.path).toBe(join(dir, LOCK_NAME));
    expect(JSON.parse(await readFile(r.lock.path, 'utf8'))).toEqual(holder(100));
    await r.lock.release();
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses a second holder while the first (a live PID) holds it, naming the lock file and the PID', async () => {
    const dir = await tempDir();
    const first = await acquireRunLock(dir, opts(100));
    expect(first.ok).toBe(true);
    const second = await acquireRunLock(dir, opts(200));
    expect(second).toEqual({
      ok: false,
      message: `vsml meta-train: --out: ${dir} is in use by PID 100 (vsml meta-train, host here, since 2026-01-02T03:04:05.000Z): lock file ${join(dir, LOCK_NAME)}; wait for that run to end or choose another --out`,
    });
    // The refused run's release cannot exist; the holder's lock is unchanged.
    expect(parseLockHolder(await readFile(join(dir, LOCK_NAME), 'utf8'))).toEqual(holder(100));
  });

  it('of 8 runs racing for one folder exactly one gets the lock (20 rounds)', async () => {
    for (let round = 0; round < 20; round++) {
      const dir = await tempDir();
      const rs = await Promise.all(
        Array.from({ length: 8 }, (_, i) => acquireRunLock(dir, opts(300 + i, { isAlive: () => true }))),
      );
      expect(rs.filter((r) => r.ok)).toHaveLength(1);
    }
  });

  it('takes over a stale lock (its PID gone on this host) and reports whose it was', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, LOCK_NAME), JSON.stringify(holder(999)));
    const r = await acquireRunLock(dir, opts(100));
    if (!r.ok) throw new Error(r.message);
    expect(r.tookOver).toEqual(holder(999));
    expect(parseLockHolder(await readFile(r.lock.path, 'utf8'))).toEqual(holder(100));
    expect((await readdir(dir)).sort()).toEqual([LOCK_NAME]);
  });

  it('of 6 runs taking over one stale lock together exactly one gets it (20 rounds)', async () => {
    const alive = (p: number) => p >= 300 && p < 310;
    for (let round = 0; round < 20; round++) {
      const dir = await tempDir();
      await writeFile(join(dir, LOCK_NAME), JSON.stringify(holder(999)));
      const rs = await Promise.all(
        Array.from({ length: 6 }, (_, i) => acquireRunLock(dir, opts(300 + i, { isAlive: alive }))),
      );
      expect(rs.filter((r) => r.ok)).toHaveLength(1);
      expect((await readdir(dir)).sort()).toEqual([LOCK_NAME]);
    }
  });

  it('never takes over a lock of another host, and says the process cannot be checked', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, LOCK_NAME), JSON.stringify(holder(999, 'elsewhere')));
    const r = await acquireRunLock(dir, opts(100));
    expect(r).toEqual({
      ok: false,
      message: `vsml meta-train: --out: ${dir} is in use by PID 999 (vsml meta-train, host elsewhere, since 2026-01-02T03:04:05.000Z): lock file ${join(dir, LOCK_NAME)}; a process on another host cannot be checked, delete the lock file if that run is over`,
    });
  });

  it('refuses a lock file that names no run (empty or garbled), naming it', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, LOCK_NAME), '');
    expect(await acquireRunLock(dir, opts(100))).toEqual({
      ok: false,
      message: `vsml meta-train: --out: ${join(dir, LOCK_NAME)} names no run (being written, or left by a crash); delete it if no run uses ${dir}`,
    });
  });

  it('release leaves a lock that is no longer its own (taken over meanwhile)', async () => {
    const dir = await tempDir();
    const r = await acquireRunLock(dir, opts(100));
    if (!r.ok) throw new Error(r.message);
    await writeFile(r.lock.path, JSON.stringify(holder(200)));
    await r.lock.release();
    expect(parseLockHolder(await readFile(r.lock.path, 'utf8'))).toEqual(holder(200));
  });

  it('a lock in a folder that does not exist is a one-line refusal, not a throw', async () => {
    const dir = join(await tempDir(), 'missing');
    const r = await acquireRunLock(dir, opts(100));
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.message).toMatch(new RegExp(`^vsml meta-train: --out: cannot create ${join(dir, LOCK_NAME)}: ENOENT`));
  });
});
