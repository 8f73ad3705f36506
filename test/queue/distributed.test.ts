// Issue 16's integration tests: a coordinator (`vsml meta-train --queue`) and `vsml worker` processes
// on a private Redis (a free port, a temporary folder, stopped by PID) run a small ES config, and the
// checkpoint is byte for byte the single-process run's — with three workers; with a worker SIGKILLed
// in a job; with the coordinator SIGKILLed and resumed; with Redis killed and restarted mid-step; with
// a worker stopped (SIGSTOP) past its lock whose late answer is turned away; with a worker on another
// engine refusing the run; over TLS with a password.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RedisServer } from '../../src/cli/queue/redisServer';
import { tempDir, vsml, writeDoc } from '../cli/helpers';
import { startCoordinator, startWorker, type CliProcess } from './queueProcesses';

const STEPS = 3;
// 8 pairs of 14x14 MNIST (10 classes, half projected), T 150: a job of 2 pairs takes about half a
// second on one thread, long enough for a signal to land inside it.
const configDoc = {
  format: 'vsml-meta-config',
  version: 1,
  seed: 7,
  steps: STEPS,
  pairs: 8,
  trajectoryLength: 150,
  checkpointEvery: 1,
  tasks: { datasets: ['mnist'], project: [false, true], resize: [14], classes: [null] },
  evaluation: { every: 0 },
};

let dir: string;
let config: string;
let single: string;

beforeAll(async () => {
  dir = await tempDir();
  config = await writeDoc(dir, 'c.json', configDoc);
  const out = join(dir, 'single');
  const r = await vsml('meta-train', '--config', config, '--out', out);
  expect(r.code).toBe(0);
  single = await readFile(join(out, 'checkpoint.json'), 'utf8');
}, 300_000);

const running: CliProcess[] = [];
const servers: RedisServer[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((p) => p.stop()));
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});

async function redis(opts: Parameters<typeof RedisServer.start>[0] = {}): Promise<RedisServer> {
  const s = await RedisServer.start(opts);
  servers.push(s);
  return s;
}

function workers(
  url: string,
  n: number,
  extra: readonly string[] = [],
  env: Record<string, string> = {},
): CliProcess[] {
  const ws = Array.from({ length: n }, (_, i) => startWorker(url, `w${i + 1}`, extra, env));
  running.push(...ws);
  return ws;
}

function coordinator(url: string, out: string, extra: readonly string[] = []): CliProcess {
  const c = startCoordinator(url, ['--config', config, '--out', out, '--job-pairs', '2', ...extra]);
  running.push(c);
  return c;
}

interface StepLog {
  step: number;
  queue: {
    jobs: number;
    workers: Record<string, { pairs: number }>;
    duplicates: number;
    stale: number;
    refused: number;
    requeued: number;
  };
}

const readLog = async (out: string): Promise<StepLog[]> =>
  (await readFile(join(out, 'log.jsonl'), 'utf8'))
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as StepLog);

const checkpointOf = (out: string) => readFile(join(out, 'checkpoint.json'), 'utf8');

describe('vsml meta-train --queue with vsml worker processes (Redis, BullMQ)', () => {
  it("3 workers, 3 ES steps, a password on Redis: checkpoint.json is the single-process run's bytes; every pair answered once", async () => {
    const server = await redis({ password: 'p@ss word' });
    const ws = workers(server.url, 3);
    await Promise.all(ws.map((w) => w.waitFor(/waiting for ES jobs on redis:\/\/:\*\*\*@127\.0\.0\.1/)));
    const out = join(dir, 'three');
    const c = coordinator(server.url, out);
    expect((await c.exited).code).toBe(0);
    expect(await checkpointOf(out)).toBe(single);
    const log = await readLog(out);
    expect(log.map((e) => e.step)).toEqual([1, 2, 3]);
    for (const e of log) {
      expect(e.queue.jobs).toBe(4);
      expect(Object.values(e.queue.workers).reduce((n, w) => n + w.pairs, 0)).toBe(8);
      expect(e.queue.duplicates + e.queue.stale + e.queue.refused).toBe(0);
    }
    // The password never reaches the output.
    expect(c.out + ws.map((w) => w.out).join('')).not.toContain('p@ss');
  }, 300_000);

  it('a worker SIGKILLed inside a job: the job is retried by another worker once its lock expires, and the bytes do not change', async () => {
    const server = await redis();
    const [w1, w2] = workers(server.url, 2, ['--lock-seconds', '2']);
    await Promise.all([w1, w2].map((w) => w.waitFor(/waiting for ES jobs/)));
    const out = join(dir, 'worker-killed');
    const c = coordinator(server.url, out);
    const started = await w1.waitFor(/step 2: pairs (\d+)\.\.(\d+) started/);
    await w1.signal('SIGKILL');
    expect((await c.exited).code).toBe(0);
    expect(await checkpointOf(out)).toBe(single);
    // The killed worker's range of step 2 was computed by the other worker.
    expect(w2.out).toContain(`step 2: pairs ${started[1]}..${started[2]} in`);
    const log = await readLog(out);
    expect(log[1].queue.workers.w1?.pairs ?? 0).toBeLessThan(8);
    expect(log[2].queue.workers).toEqual({ w2: expect.objectContaining({ pairs: 8 }) });
  }, 300_000);

  it("the coordinator SIGKILLed mid-step and resumed with --resume: the same bytes; the old step's jobs are discarded or skipped", async () => {
    const server = await redis();
    const ws = workers(server.url, 2);
    await Promise.all(ws.map((w) => w.waitFor(/waiting for ES jobs/)));
    const out = join(dir, 'coordinator-killed');
    const c = coordinator(server.url, out);
    await Promise.race(ws.map((w) => w.waitFor(/step 2: pairs \d+\.\.\d+ started/)));
    await c.signal('SIGKILL');
    const resumed = startCoordinator(server.url, ['--out', out, '--resume', '--job-pairs', '2']);
    running.push(resumed);
    expect((await resumed.exited).code).toBe(0);
    expect(await checkpointOf(out)).toBe(single);
    expect((await readLog(out)).map((e) => e.step)).toEqual([1, 2, 3]);
  }, 300_000);

  it('Redis SIGKILLed and restarted mid-step (everything in it lost): coordinator and workers reconnect, the step is redone, the same bytes', async () => {
    const server = await redis();
    const ws = workers(server.url, 2);
    await Promise.all(ws.map((w) => w.waitFor(/waiting for ES jobs/)));
    const out = join(dir, 'redis-restarted');
    const c = coordinator(server.url, out);
    await Promise.race(ws.map((w) => w.waitFor(/step 2: pairs \d+\.\.\d+ started/)));
    await server.restart();
    expect((await c.exited).code).toBe(0);
    expect(await checkpointOf(out)).toBe(single);
    expect(c.out).toMatch(/Redis had lost the run's keys/);
    const log = await readLog(out);
    expect(log[1].queue.requeued).toBeGreaterThan(0);
  }, 300_000);

  it('a worker stopped (SIGSTOP) inside a job past its lock answers late after SIGCONT: its answer is turned away, the same bytes', async () => {
    const server = await redis();
    const [w1, w2] = workers(server.url, 2, ['--lock-seconds', '2']);
    await Promise.all([w1, w2].map((w) => w.waitFor(/waiting for ES jobs/)));
    const out = join(dir, 'late');
    const c = coordinator(server.url, out);
    const started = await w1.waitFor(/step 1: pairs (\d+)\.\.(\d+) started/);
    await w1.signal('SIGSTOP');
    // Its job goes to w2 once the lock has expired; then w1 wakes up and answers late.
    await w2.waitFor(new RegExp(`step 1: pairs ${started[1]}\\.\\.${started[2]} in`));
    await w2.waitFor(/step 2: pairs \d+\.\.\d+ started/);
    await w1.signal('SIGCONT');
    await w1.waitFor(new RegExp(`step 1: pairs ${started[1]}\\.\\.${started[2]} in`));
    expect((await c.exited).code).toBe(0);
    expect(await checkpointOf(out)).toBe(single);
    const log = await readLog(out);
    expect(log.reduce((n, e) => n + e.queue.stale + e.queue.duplicates, 0)).toBeGreaterThanOrEqual(1);
    expect(log[0].queue.workers.w1?.pairs ?? 0).toBeLessThan(8);
  }, 300_000);

  it('a worker on another engine (--backend reference) refuses the run, the coordinator says why, and a matching worker computes it', async () => {
    const server = await redis();
    const [ref] = workers(server.url, 1, ['--backend', 'reference']);
    await ref.waitFor(/waiting for ES jobs/);
    const out = join(dir, 'refused');
    const c = coordinator(server.url, out);
    await ref.waitFor(/refused run [0-9a-f]{12}: the run needs the engine cpu: fast CPU engine/);
    await c.waitFor(
      /queue: worker w1: the run needs the engine cpu: fast CPU engine \(WebAssembly SIMD\); this worker runs --backend reference/,
    );
    const cpu = startWorker(server.url, 'cpu1');
    running.push(cpu);
    expect((await c.exited).code).toBe(0);
    expect(cpu.out).toMatch(/cpu1: step 3: pairs \d+\.\.\d+ in/);
    expect(await checkpointOf(out)).toBe(single);
  }, 300_000);
});
