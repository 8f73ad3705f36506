// The lock of a run folder: DIR/run.lock holds {pid, host, started, command} while a run lasts, so a
// second run on the same folder refuses at once instead of interleaving its log and checkpoints.
// Created with O_EXCL ('wx'), so of two runs that start together exactly one gets it. A lock whose
// PID no longer runs on this host (a run killed with SIGKILL, a crash) is stale and is taken over,
// with a notice: under DIR/run.lock.takeover (also 'wx'), and only if the lock still holds the stale
// text, so of runs taking it over together exactly one gets it. A lock of another host cannot be
// checked and is never taken over.
import { hostname } from 'node:os';
import { readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Reply } from '../model/result';

export const LOCK_NAME = 'run.lock';

/** What a lock file says about its holder. */
export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  /** ISO time the run started. */
  readonly started: string;
  readonly command: string;
}

export interface RunLock {
  readonly path: string;
  readonly holder: LockHolder;
  /** Remove the lock if it is still this run's (never another run's). Never throws. */
  release(): Promise<void>;
}

/** The lock, or why not; `tookOver`: the stale holder taken over, if any. */
export type LockOutcome = Reply<{ readonly lock: RunLock; readonly tookOver: LockHolder | null }>;

export interface LockOptions {
  /** Names the command in messages and in the lock ("vsml meta-train"). */
  readonly command: string;
  readonly pid?: number;
  readonly host?: string;
  readonly now?: () => Date;
  /** Whether a PID runs on this host (default: signal 0). */
  readonly isAlive?: (pid: number) => boolean;
}

/** Signal 0 checks a PID without touching it: EPERM means it runs (as another user). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const code = (e: unknown): string | undefined => (e as NodeJS.ErrnoException)?.code;

/** The holder a lock file names, or null when its text is not one (empty while being written, or garbled). */
export function parseLockHolder(text: string): LockHolder | null {
  try {
    const v = JSON.parse(text) as Partial<LockHolder> | null;
    if (v === null || typeof v !== 'object') return null;
    if (
      !Number.isInteger(v.pid) ||
      (v.pid as number) <= 0 ||
      typeof v.host !== 'string' ||
      typeof v.started !== 'string'
    )
      return null;
    return {
      pid: v.pid as number,
      host: v.host,
      started: v.started,
      command: typeof v.command === 'string' ? v.command : '?',
    };
  } catch {
    return null;
  }
}

const readText = (path: string): Promise<string | null> =>
  readFile(path, 'utf8').then(
    (t) => t,
    (e) => (code(e) === 'ENOENT' ? null : Promise.reject(e)),
  );

const holderText = (h: LockHolder): string => `PID ${h.pid} (${h.command}, host ${h.host}, since ${h.started})`;

/**
 * Take the lock of run folder `dir` (which must exist). Refused, with one line naming the lock file
 * and its holder, when another live run holds it; a stale lock is taken over.
 */
export async function acquireRunLock(dir: string, opts: LockOptions): Promise<LockOutcome> {
  const path = join(dir, LOCK_NAME);
  const holder: LockHolder = {
    pid: opts.pid ?? process.pid,
    host: opts.host ?? hostname(),
    started: (opts.now ?? (() => new Date()))().toISOString(),
    command: opts.command,
  };
  const text = `${JSON.stringify(holder)}\n`;
  const alive = opts.isAlive ?? pidAlive;
  let tookOver: LockHolder | null = null;
  // Each lost race (the lock vanished, another run is taking a stale one over) retries; 200 rounds
  // of at most 10 ms.
  for (let round = 0; round < 200; round++) {
    try {
      await writeFile(path, text, { flag: 'wx' });
      return { ok: true, lock: heldLock(path, holder, text), tookOver };
    } catch (e) {
      if (code(e) !== 'EEXIST')
        return { ok: false, message: `${opts.command}: --out: cannot create ${path}: ${(e as Error).message}` };
    }
    const current = await readText(path);
    if (current === null) continue; // released meanwhile
    const other = parseLockHolder(current);
    if (!other) {
      return {
        ok: false,
        message: `${opts.command}: --out: ${path} names no run (being written, or left by a crash); delete it if no run uses ${dir}`,
      };
    }
    if (other.host !== holder.host) {
      return {
        ok: false,
        message: `${opts.command}: --out: ${dir} is in use by ${holderText(other)}: lock file ${path}; a process on another host cannot be checked, delete the lock file if that run is over`,
      };
    }
    if (other.pid === holder.pid || alive(other.pid)) {
      return {
        ok: false,
        message: `${opts.command}: --out: ${dir} is in use by ${holderText(other)}: lock file ${path}; wait for that run to end or choose another --out`,
      };
    }
    // Stale. Only the holder of the takeover file may remove a lock that is not its own, and only
    // if the lock is still the stale one it read; runs starting meanwhile just create theirs.
    const takeover = `${path}.takeover`;
    try {
      await writeFile(takeover, text, { flag: 'wx' });
    } catch (e) {
      if (code(e) !== 'EEXIST') throw e;
      const taker = parseLockHolder((await readText(takeover)) ?? '');
      if (taker && taker.host === holder.host && !alive(taker.pid)) await unlink(takeover).catch(() => undefined); // a taker that died
      await new Promise((r) => setTimeout(r, 10));
      continue;
    }
    try {
      if ((await readText(path)) === current) {
        await unlink(path);
        tookOver = other;
      }
    } finally {
      await unlink(takeover).catch(() => undefined);
    }
  }
  return {
    ok: false,
    message: `${opts.command}: --out: ${path} keeps changing (other runs are starting on ${dir}); try again`,
  };
}

function heldLock(path: string, holder: LockHolder, text: string): RunLock {
  let released = false;
  return {
    path,
    holder,
    async release() {
      if (released) return;
      released = true;
      try {
        if ((await readText(path)) === text) await unlink(path);
      } catch {
        // a lock that cannot be read or removed is left; the next run finds it stale
      }
    },
  };
}
