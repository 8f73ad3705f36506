// Run folders are locked (src/cli/runLock.ts) with real processes: a second `vsml meta-train --resume`
// on a folder in use exits 2 at once naming DIR/run.lock and the PID holding it, and leaves the log
// and checkpoint untouched; the first run's log has each step once; SIGTERM removes the lock; a lock
// whose process is gone is taken over with a notice.
import { spawn, type ChildProcess } from 'node:child_process';
import { access, readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tinyConfigDoc } from '../meta/trainerHelpers';
import { ROOT, tempDir, vsml, vsmlProcess, writeDoc } from './helpers';

const gone = (path: string): Promise<boolean> =>
  access(path).then(
    () => false,
    () => true,
  );

function startRun(...argv: string[]): {
  child: ChildProcess;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/vsml.ts', 'meta-train', ...argv], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, stderr: () => stderr, exited };
}

async function until(what: string, ok: () => Promise<boolean> | boolean, ms = 90_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const logSteps = async (path: string): Promise<number[]> =>
  (await readFile(path, 'utf8'))
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l).step as number);

/** A run folder with a 2-step run done (checkpoint every step, no evaluations). */
async function twoStepRun(): Promise<{ dir: string; out: string }> {
  const dir = await tempDir();
  const config = await writeDoc(
    dir,
    'c.json',
    tinyConfigDoc({ steps: 2, checkpointEvery: 1, evaluation: { every: 0 } }),
  );
  const out = join(dir, 'out');
  const r = await vsml('meta-train', '--config', config, '--out', out);
  if (r.code !== 0) throw new Error(r.stderr.join('\n'));
  return { dir, out };
}

describe('vsml meta-train: one run per folder (processes, CPU)', () => {
  it("two --resume on one folder: the second exits 2 naming run.lock and the first's PID; SIGTERM stops the first with each step logged once and the lock removed", async () => {
    const { out } = await twoStepRun();
    const lock = join(out, 'run.lock');
    const first = startRun('--out', out, '--resume', '--steps', '1000');
    await until('the first run to log step 4', async () => (await logSteps(join(out, 'log.jsonl'))).includes(4));
    const holder = JSON.parse(await readFile(lock, 'utf8'));
    expect(holder).toMatchObject({ pid: first.child.pid, host: hostname(), command: 'vsml meta-train' });
    expect(Number.isNaN(Date.parse(holder.started))).toBe(false);

    const second = vsmlProcess('meta-train', '--out', out, '--resume', '--steps', '1000');
    expect(second.code).toBe(2);
    expect(second.stdout).toBe('');
    expect(second.stderr).toBe(
      `vsml meta-train: --out: ${out} is in use by PID ${first.child.pid} (vsml meta-train, host ${hostname()}, since ${holder.started}): lock file ${lock}; wait for that run to end or choose another --out\n`,
    );

    first.child.kill('SIGTERM');
    const end = await first.exited;
    expect(end).toEqual({ code: 0, signal: null });
    expect(await gone(lock)).toBe(true);
    const steps = await logSteps(join(out, 'log.jsonl'));
    expect(steps).toEqual(Array.from({ length: steps.length }, (_, i) => i + 1));
    const cp = JSON.parse(await readFile(join(out, 'checkpoint.json'), 'utf8'));
    expect(cp.step).toBe(steps[steps.length - 1]);
  }, 180_000);

  it('a lock held by a live process leaves log.jsonl and checkpoint.json byte for byte; once that process is gone the lock is taken over with a notice and removed at the end', async () => {
    const { out } = await twoStepRun();
    const lock = join(out, 'run.lock');
    const log = await readFile(join(out, 'log.jsonl'), 'utf8');
    const checkpoint = await readFile(join(out, 'checkpoint.json'), 'utf8');
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 120000)'], { stdio: 'ignore' });
    const sleeperExit = new Promise((resolve) => sleeper.on('exit', resolve));
    const started = '2026-01-02T03:04:05.000Z';
    await writeFile(lock, JSON.stringify({ pid: sleeper.pid, host: hostname(), started, command: 'vsml meta-train' }));

    const refused = await vsml('meta-train', '--out', out, '--resume', '--steps', '3');
    expect(refused).toEqual({
      code: 2,
      stdout: [],
      stderr: [
        `vsml meta-train: --out: ${out} is in use by PID ${sleeper.pid} (vsml meta-train, host ${hostname()}, since ${started}): lock file ${lock}; wait for that run to end or choose another --out`,
      ],
    });
    expect(await readFile(join(out, 'log.jsonl'), 'utf8')).toBe(log);
    expect(await readFile(join(out, 'checkpoint.json'), 'utf8')).toBe(checkpoint);

    sleeper.kill('SIGKILL');
    await sleeperExit;
    const resumed = vsmlProcess('meta-train', '--out', out, '--resume', '--steps', '3');
    expect(resumed.code).toBe(0);
    expect(resumed.stderr.split('\n')[0]).toBe(
      `vsml meta-train: took over ${lock}: PID ${sleeper.pid} (since ${started}) no longer runs on this host`,
    );
    expect(await logSteps(join(out, 'log.jsonl'))).toEqual([1, 2, 3]);
    expect(await gone(lock)).toBe(true);
  }, 180_000);

  it('a fresh run into a folder in use is refused the same way, before anything is checked or written', async () => {
    const { dir, out } = await twoStepRun();
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 120000)'], { stdio: 'ignore' });
    const lock = join(out, 'run.lock');
    await writeFile(
      lock,
      JSON.stringify({
        pid: sleeper.pid,
        host: hostname(),
        started: '2026-01-02T03:04:05.000Z',
        command: 'vsml meta-train',
      }),
    );
    const r = await vsml('meta-train', '--config', join(dir, 'c.json'), '--out', out);
    sleeper.kill('SIGKILL');
    expect(r.code).toBe(2);
    expect(r.stderr[0]).toMatch(new RegExp(`^vsml meta-train: --out: ${out} is in use by PID ${sleeper.pid} `));
  });
});
