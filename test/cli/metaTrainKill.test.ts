// A real `vsml meta-train` process killed with SIGKILL mid-run, then resumed, ends with the same
// checkpoint (bytes) as a run that was never interrupted: checkpoints are atomic and the resumed
// steps redraw the same noise, tasks, states and examples.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tinyConfigDoc } from '../meta/trainerHelpers';
import { checkpointStep, killedMetaTrain, ROOT, tempDir, vsml, vsmlProcess, writeDoc } from './helpers';

const STEPS = 6;

describe('vsml meta-train killed and resumed (process, CPU)', () => {
  it(`SIGKILL after the checkpoint of step 2, --resume to ${STEPS}: the same checkpoint.json as ${STEPS} uninterrupted steps`, async () => {
    const dir = await tempDir();
    const config = await writeDoc(
      dir,
      'c.json',
      tinyConfigDoc({ steps: STEPS, checkpointEvery: 1, evaluation: { every: 0 } }),
    );
    const killed = join(dir, 'killed');
    const { pid, at, signal } = await killedMetaTrain(config, killed, 2);
    expect(signal).toBe('SIGKILL');
    expect(at).toBeGreaterThanOrEqual(2);
    expect(at).toBeLessThan(STEPS);

    // The killed run's lock is left behind; its PID is gone, so the resumed run takes it over.
    const lock = JSON.parse(await readFile(join(killed, 'run.lock'), 'utf8'));
    expect(lock.pid).toBe(pid);
    const resumed = vsmlProcess('meta-train', '--out', killed, '--resume');
    const [notice, ...progress] = resumed.stderr.trim().split('\n');
    expect(notice).toBe(
      `vsml meta-train: took over ${join(killed, 'run.lock')}: PID ${pid} (since ${lock.started}) no longer runs on this host`,
    );
    // Off a terminal, stderr holds plain progress lines only.
    for (const line of progress) expect(line).toMatch(/^step [3-6]\/6 \[/);
    expect(resumed.code).toBe(0);
    const whole = join(dir, 'whole');
    expect((await vsml('meta-train', '--config', config, '--out', whole)).code).toBe(0);
    expect(await readFile(join(killed, 'checkpoint.json'), 'utf8')).toBe(
      await readFile(join(whole, 'checkpoint.json'), 'utf8'),
    );
    expect(await readFile(join(killed, 'learner.json'), 'utf8')).toBe(
      await readFile(join(whole, 'learner.json'), 'utf8'),
    );
    const steps = (await readFile(join(killed, 'log.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).step);
    expect(steps).toEqual(Array.from({ length: STEPS }, (_, i) => i + 1));
  });
});

describe('vsml meta-train stopped by signals (process, CPU)', () => {
  // The second signal may land while Node tears the process down after its checkpoint (its signal
  // watchers are closed by then, so the default action ends it): that loses nothing, and is allowed.
  it("two SIGINTs 150 ms apart (a terminal's process group and a relaying parent) still stop after the step, with a checkpoint there", async () => {
    const dir = await tempDir();
    const config = await writeDoc(
      dir,
      'c.json',
      tinyConfigDoc({ steps: 1000, checkpointEvery: 1000, evaluation: { every: 0 } }),
    );
    const out = join(dir, 'out');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli/vsml.ts', 'meta-train', '--config', config, '--out', out],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    const deadline = Date.now() + 60_000;
    while (!/^step [2-9]\d*\/1000/m.test(stderr) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGINT');
    await new Promise((r) => setTimeout(r, 150));
    child.kill('SIGINT');
    const end = await exited;
    const stopped = /stopped at step (\d+) of 1000/.exec(stdout);
    expect(stopped).not.toBeNull();
    if (end.code !== 0) expect(end).toEqual({ code: null, signal: 'SIGINT' });
    expect(await checkpointStep(join(out, 'checkpoint.json'))).toBe(Number(stopped?.[1]));
    await expect(readFile(join(out, 'run.lock'), 'utf8')).rejects.toThrow(/ENOENT/);
  }, 90_000);
});
