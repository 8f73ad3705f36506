// `npm run bench -- --meta --workers 1,2,4`: distributed ES meta-training on one machine. For each
// worker count W: a private redis-server (queue/redisServer.ts), W `vsml worker` processes (each with
// VSML_THREADS=1, so W processes do not oversubscribe the cores) and a `vsml meta-train --queue`
// coordinator on a fixed ES config (QUEUE_BENCH_CONFIG: 1 warm-up step + 3 timed steps); beside them
// one single-process `vsml meta-train` of the same config (all cores) as the baseline. Per row: the
// mean step time of the timed steps (log.jsonl), steps/s, speed-up vs W = 1, pairs/s, each worker's
// pairs/s of job time (the log's queue stats), the bytes a step moves (modelled from the real
// formats, queueStepBytes: the run record, V_M as float32, the vsml-es-job and vsml-es-result JSON)
// beside what Redis itself counted (INFO total_net_input_bytes + total_net_output_bytes over the
// timed steps), and whether checkpoint.json is the single-process run's, byte for byte (it must be:
// a difference fails the bench). Every process and Redis is stopped by its PID, also on error.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { esJobToJson, pairRanges } from '../meta/queue/esJob';
import { esResultToJson } from '../meta/queue/esResult';
import { parseMetaConfig } from '../meta/metaConfigParse';
import { paramLayout } from '../model/layout';
import { RedisServer } from './queue/redisServer';
import { WORKER_KEYS } from './queue/keys';

/**
 * The fixed config of the benchmark: one step takes a few seconds with one single-threaded worker on a small machine.
 */
export const QUEUE_BENCH_CONFIG = {
  format: 'vsml-meta-config',
  version: 1,
  seed: 7,
  method: 'es',
  steps: 4,
  pairs: 32,
  trajectoryLength: 100,
  checkpointEvery: 1000,
  tasks: { datasets: ['mnist'], resize: [14], classes: [null] },
  evaluation: { every: 0 },
} as const;
/** Steps not timed (engines, task data, the workers' first job). */
export const QUEUE_BENCH_WARMUP = 1;

/** Bytes one distributed step moves, from the formats (BullMQ's own bookkeeping not counted). */
export interface QueueStepBytes {
  /** The run record (vsml-es-run JSON) the coordinator stores again every step. */
  readonly runRecord: number;
  /**
   * V_M as float32: stored once by the coordinator (4 x D) and read once per step by each worker with a job (4 x D
   * each; esWorker.ts keeps it by its SHA-256).
   */
  readonly thetaUp: number;
  readonly thetaDown: number;
  /** vsml-es-job JSON of every job. */
  readonly jobs: number;
  /** vsml-es-result JSON of every job: 2 x 8 bytes per pair as base64, plus the fields. */
  readonly results: number;
  readonly total: number;
}

const utf8 = (o: unknown): number => Buffer.byteLength(JSON.stringify(o), 'utf8');
const HEX = 'f'.repeat(64);

/**
 * The bytes of one step of P pairs in jobs of pairsPerJob, built with the real formats (esJobToJson,
 * esResultToJson) from a V_M of D float32 values; results as named workers on `engine` would push
 * them (job seconds written with 16 digits, as a measured time is).
 */
export function queueStepBytes(a: {
  D: number;
  P: number;
  pairsPerJob: number;
  runRecord: number;
  engine: string;
  workerIds: readonly string[];
  step: number;
}): QueueStepBytes {
  const ranges = pairRanges(a.P, a.pairsPerJob);
  let jobs = 0;
  let results = 0;
  ranges.forEach((r, i) => {
    const job = { run: HEX, step: a.step, theta: HEX, ...r };
    jobs += utf8(esJobToJson(job));
    const n = r.to - r.from;
    const id = a.workerIds.length ? a.workerIds[i % a.workerIds.length] : 'worker';
    results += utf8(
      esResultToJson({
        ...job,
        plus: new Float64Array(n),
        minus: new Float64Array(n),
        digest: HEX,
        worker: { id, engine: a.engine },
        seconds: 1.234567890123456,
      }),
    );
  });
  const thetaUp = 4 * a.D;
  const thetaDown = 4 * a.D * Math.min(Math.max(1, a.workerIds.length), ranges.length);
  return {
    runRecord: a.runRecord,
    thetaUp,
    thetaDown,
    jobs,
    results,
    total: a.runRecord + thetaUp + thetaDown + jobs + results,
  };
}

export interface QueueBenchRow {
  /** null: the single-process baseline. */
  readonly workers: number | null;
  /** VSML_THREADS of each computing process (null: unset, all cores). */
  readonly threads: number | null;
  /** Every step's seconds (log.jsonl), the warm-up first. */
  readonly stepSeconds: readonly number[];
  readonly pairs: number;
  /** Of the timed steps (null for the baseline). */
  readonly jobs: number | null;
  readonly pairsPerJob: number | null;
  /** Per worker: pairs / seconds of job time over the timed steps. */
  readonly workerRates: Readonly<Record<string, number>>;
  readonly duplicates: number;
  readonly stale: number;
  readonly requeued: number;
  readonly bytes: QueueStepBytes | null;
  /** Redis's own network counters (in + out) per timed step, all clients. */
  readonly redisBytesPerStep: number | null;
  /** checkpoint.json is the baseline's, byte for byte (the baseline: true). */
  readonly identical: boolean;
}

export interface QueueBenchInfo {
  readonly cores: number;
  readonly D: number;
  readonly inputSize: number;
  readonly classes: number;
  readonly warmup: number;
  readonly timed: number;
  /** Load average (1, 5, 15 min) before and after: other processes on the machine skew the times. */
  readonly load?: { readonly before: string; readonly after: string };
}

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const f2 = (x: number): string => x.toFixed(2);
const f3 = (x: number): string => x.toFixed(3);
const kb = (b: number): string => (b >= 1e6 ? `${(b / 1e6).toFixed(2)} MB` : `${(b / 1e3).toFixed(1)} kB`);

/** Mean seconds of the timed steps (the first `warmup` left out). */
export const timedMean = (row: Pick<QueueBenchRow, 'stepSeconds'>, warmup: number): number =>
  mean(row.stepSeconds.slice(warmup));

/** The benchmark's table (pure: rows in, text out). */
export function formatQueueBench(rows: readonly QueueBenchRow[], info: QueueBenchInfo): string {
  const w1 = rows.find((r) => r.workers === 1);
  const base = w1 ? timedMean(w1, info.warmup) : null;
  const P = rows[0]?.pairs ?? 0;
  const lines = [
    `Distributed ES meta-training on one machine: \`vsml meta-train --queue\` + W \`vsml worker\` processes on a private redis-server, cpu backend.`,
    `config: P = ${P} pairs, T = ${QUEUE_BENCH_CONFIG.trajectoryLength}, MNIST ${QUEUE_BENCH_CONFIG.tasks.resize[0]}x${QUEUE_BENCH_CONFIG.tasks.resize[0]} (A = ${info.inputSize}, K = ${info.classes}), D = ${info.D} float32 in V_M; ` +
      `${info.warmup} warm-up step + ${info.timed} timed steps; each worker runs with VSML_THREADS=1 (W processes, one thread each), the single process with all cores.`,
    'run                    step (mean)  steps/s  speed-up vs W=1  pairs/s  jobs x pairs  per-worker pairs/s (job time)       checkpoint',
  ];
  for (const r of rows) {
    const s = timedMean(r, info.warmup);
    const name =
      r.workers === null ? `1 process, ${r.threads ?? info.cores} threads` : `W=${r.workers} (1 thread each)`;
    const speed = r.workers === null || base === null ? '-' : `${f2(base / s)}x`;
    const rates =
      Object.keys(r.workerRates)
        .sort()
        .map((id) => `${id} ${f2(r.workerRates[id])}`)
        .join(', ') || '-';
    const jobs = r.jobs === null ? '-' : `${r.jobs} x ${r.pairsPerJob}`;
    const check = r.workers === null ? 'baseline' : r.identical ? 'identical' : 'DIFFERENT';
    lines.push(
      `${name.padEnd(22)} ${`${f2(s)} s`.padEnd(12)} ${f3(1 / s).padEnd(8)} ${speed.padEnd(16)} ${f2(P / s).padEnd(8)} ${jobs.padEnd(13)} ${rates.padEnd(35)} ${check}`,
    );
    const odd = [
      r.duplicates && `${r.duplicates} duplicate`,
      r.stale && `${r.stale} stale`,
      r.requeued && `${r.requeued} requeued`,
    ].filter(Boolean);
    if (odd.length) lines.push(`${''.padEnd(22)} (timed steps: ${odd.join(', ')})`);
  }
  lines.push(
    '',
    "Bytes per step: modelled from the formats (src/meta/queue/esRun.ts, esJob.ts, esResult.ts; BullMQ's own job keys and polling not counted) and measured by Redis (INFO total_net_input_bytes + total_net_output_bytes, every client, over the timed steps):",
    `W   run record  V_M up (4 x D)  V_M down (4 x D a worker) job messages  results (2 x 8 B x P, base64 JSON)  total       Redis I/O measured`,
  );
  for (const r of rows) {
    if (r.workers === null || r.bytes === null) continue;
    const b = r.bytes;
    lines.push(
      `${String(r.workers).padEnd(3)} ${kb(b.runRecord).padEnd(11)} ${kb(b.thetaUp).padEnd(15)} ${kb(b.thetaDown).padEnd(25)} ${kb(b.jobs).padEnd(13)} ${kb(b.results).padEnd(35)} ${kb(b.total).padEnd(11)} ${r.redisBytesPerStep === null ? '-' : kb(r.redisBytesPerStep)}`,
    );
  }
  const over = rows.filter((r) => r.workers !== null && r.workers > info.cores).map((r) => r.workers);
  lines.push(
    '',
    `Note: this machine has ${info.cores} core${info.cores === 1 ? '' : 's'}; the W workers share them (and the coordinator and Redis), so W > ${info.cores} cannot be faster than W = ${info.cores}` +
      `${over.length ? ` (W = ${over.join(', ')} here)` : ''}: the speed-up shows the queue's overhead on one machine, not what W machines give.`,
  );
  if (info.load) lines.push(`load average (1, 5, 15 min) before: ${info.load.before}; after: ${info.load.after}`);
  return lines.join('\n');
}

// --- the runs (processes) ---------------------------------------------------------------------

interface Proc {
  readonly child: ChildProcess;
  readonly name: string;
  readonly exited: Promise<number | null>;
  readonly logFile: string;
}

const CLI = ['--import', 'tsx', 'src/cli/vsml.ts'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function start(name: string, args: readonly string[], env: NodeJS.ProcessEnv, logFile: string): Proc {
  const out = createWriteStream(logFile);
  const child = spawn(process.execPath, [...CLI, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(out, { end: false });
  child.stderr?.pipe(out, { end: false });
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : null)));
    child.once('error', () => resolve(-1));
  });
  return { child, name, exited, logFile };
}

const tail = (file: string): string =>
  existsSync(file)
    ? readFileSync(file, 'utf8')
        .trim()
        .split(/[\r\n]+/)
        .slice(-4)
        .join(' | ')
    : '';

/** SIGTERM by PID, then SIGKILL after 10 s. */
async function stop(p: Proc): Promise<void> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return;
  p.child.kill('SIGTERM');
  const done = await Promise.race([p.exited.then(() => true), sleep(10_000).then(() => false)]);
  if (!done && p.child.exitCode === null && p.child.signalCode === null) {
    p.child.kill('SIGKILL');
    await p.exited;
  }
}

interface LogStep {
  readonly seconds: number;
  readonly queue?: {
    jobs: number;
    pairsPerJob: number;
    workers: Record<string, { pairs: number; jobs: number; seconds: number }>;
    duplicates: number;
    stale: number;
    refused: number;
    requeued: number;
  };
}

function readSteps(dir: string): LogStep[] {
  const file = join(dir, 'log.jsonl');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as LogStep & { step?: number })
    .filter((e) => typeof e.step === 'number' && 'seconds' in e && !('eval' in e));
}

async function netBytes(redis: Redis): Promise<number> {
  const info = await redis.info('stats');
  const get = (k: string) =>
    Number(/^(\w+):(\d+)/m.exec(info.split('\n').find((l) => l.startsWith(`${k}:`)) ?? '')?.[2] ?? NaN);
  return get('total_net_input_bytes') + get('total_net_output_bytes');
}

/**
 * Runs a coordinator to its end; fails with the tail of its output. While it runs, onSteps(n) is called as log.jsonl
 * grows.
 */
async function runToEnd(p: Proc, dir: string, onSteps: (n: number) => Promise<void>, limitMs: number): Promise<void> {
  const deadline = Date.now() + limitMs;
  let seen = 0;
  let code: number | null | 'running' = 'running';
  while (code === 'running') {
    code = await Promise.race([p.exited, sleep(100).then(() => 'running' as const)]);
    const n = readSteps(dir).length;
    if (n !== seen) {
      seen = n;
      await onSteps(n);
    }
    if (code === 'running' && Date.now() > deadline)
      throw new Error(`${p.name} did not finish within ${limitMs / 1000} s: ${tail(p.logFile)}`);
  }
  if (code !== 0) throw new Error(`${p.name} exited with ${code}: ${tail(p.logFile)}`);
}

export interface QueueBenchResult {
  readonly rows: QueueBenchRow[];
  readonly info: QueueBenchInfo;
  readonly text: string;
  /** Every distributed checkpoint is the baseline's. */
  readonly identical: boolean;
}

/** The benchmark for each W of `workerCounts`, and the baseline; `log` gets progress lines. */
export async function runQueueBench(
  workerCounts: readonly number[],
  log: (line: string) => void,
): Promise<QueueBenchResult> {
  const parsed = parseMetaConfig(QUEUE_BENCH_CONFIG);
  if (!parsed.ok) throw new Error(`the bench config: ${parsed.error.field}: ${parsed.error.message}`);
  const cfg = parsed.value;
  const D = paramLayout(cfg.model).size;
  const side = QUEUE_BENCH_CONFIG.tasks.resize[0];
  const load = () =>
    loadavg()
      .map((x) => x.toFixed(2))
      .join(', ');
  const before = load();
  const info: QueueBenchInfo = {
    cores: availableParallelism(),
    D,
    inputSize: side * side,
    classes: 10,
    warmup: QUEUE_BENCH_WARMUP,
    timed: cfg.steps - QUEUE_BENCH_WARMUP,
  };
  const tmp = await mkdtemp(join(tmpdir(), 'vsml-bench-queue-'));
  const procs: Proc[] = [];
  let redis: RedisServer | null = null;
  let client: Redis | null = null;
  const cleanup = async () => {
    client?.disconnect();
    client = null;
    await Promise.all(procs.map(stop));
    procs.length = 0;
    await redis?.stop();
    redis = null;
  };
  const onSignal = () => void cleanup().finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const configPath = join(tmp, 'config.json');
    await writeFile(configPath, JSON.stringify(QUEUE_BENCH_CONFIG, null, 2));
    const baseEnv = { ...process.env };
    delete baseEnv.VSML_THREADS;
    const oneThread = { ...process.env, VSML_THREADS: '1' };

    // The baseline: one process, all cores.
    const baseDir = join(tmp, 'single');
    log(
      `queue bench: single process (all ${info.cores} cores), ${cfg.steps} steps of P = ${cfg.pairs}, T = ${cfg.trajectoryLength}`,
    );
    const single = start(
      'vsml meta-train (single process)',
      ['meta-train', '--config', configPath, '--out', baseDir, '--backend', 'cpu'],
      baseEnv,
      join(tmp, 'single.log'),
    );
    procs.push(single);
    await runToEnd(single, baseDir, async () => undefined, 600_000);
    procs.length = 0;
    const baseCheckpoint = readFileSync(join(baseDir, 'checkpoint.json'));
    const rows: QueueBenchRow[] = [
      {
        workers: null,
        threads: null,
        stepSeconds: readSteps(baseDir).map((s) => s.seconds),
        pairs: cfg.pairs,
        jobs: null,
        pairsPerJob: null,
        workerRates: {},
        duplicates: 0,
        stale: 0,
        requeued: 0,
        bytes: null,
        redisBytesPerStep: null,
        identical: true,
      },
    ];
    log(`queue bench: single process: ${f2(timedMean(rows[0], info.warmup))} s per step`);

    for (const W of workerCounts) {
      redis = await RedisServer.start();
      const url = redis.url;
      client = new Redis(url);
      client.on('error', () => undefined);
      log(
        `queue bench: W = ${W}: redis-server PID ${redis.pid} on ${url}; starting ${W} worker${W === 1 ? '' : 's'} (VSML_THREADS=1 each)`,
      );
      const ids = Array.from({ length: W }, (_, i) => `w${i + 1}`);
      for (const id of ids)
        procs.push(
          start(
            `vsml worker ${id}`,
            ['worker', '--queue', url, '--backend', 'cpu', '--name', id],
            oneThread,
            join(tmp, `W${W}-${id}.log`),
          ),
        );
      // Every worker's heartbeat, so that the coordinator sizes its jobs for all of them.
      const ready = Date.now() + 60_000;
      for (;;) {
        const keys = await client.keys(WORKER_KEYS);
        if (keys.length >= W) break;
        const dead = procs.find((p) => p.child.exitCode !== null);
        if (dead) throw new Error(`${dead.name} exited with ${dead.child.exitCode}: ${tail(dead.logFile)}`);
        if (Date.now() > ready) throw new Error(`only ${keys.length} of ${W} workers reached Redis within 60 s`);
        await sleep(200);
      }
      const dir = join(tmp, `W${W}`);
      const coordinator = start(
        `vsml meta-train --queue (W = ${W})`,
        ['meta-train', '--config', configPath, '--out', dir, '--backend', 'cpu', '--queue', url],
        oneThread,
        join(tmp, `W${W}-coordinator.log`),
      );
      procs.push(coordinator);
      const marks = new Map<number, number>();
      const c = client;
      await runToEnd(
        coordinator,
        dir,
        async (n) => {
          if (!marks.has(n)) marks.set(n, await netBytes(c));
        },
        600_000,
      );
      const steps = readSteps(dir);
      const timed = steps.slice(QUEUE_BENCH_WARMUP);
      const tally = new Map<string, { pairs: number; seconds: number }>();
      let duplicates = 0;
      let stale = 0;
      let requeued = 0;
      for (const s of timed) {
        if (!s.queue) throw new Error(`W = ${W}: log.jsonl has a step without queue stats`);
        duplicates += s.queue.duplicates;
        stale += s.queue.stale;
        requeued += s.queue.requeued;
        for (const [id, t] of Object.entries(s.queue.workers)) {
          const a = tally.get(id) ?? { pairs: 0, seconds: 0 };
          tally.set(id, { pairs: a.pairs + t.pairs, seconds: a.seconds + t.seconds });
        }
      }
      const last = timed.at(-1)?.queue;
      const runKeys = await client.keys('vsml:es:run:*');
      const record = runKeys.length === 1 ? await client.get(runKeys[0]) : null;
      if (!record || !last)
        throw new Error(`W = ${W}: no run record in Redis (${runKeys.length} run keys) or no timed step`);
      const engine = (JSON.parse(record) as { engine: string }).engine;
      const bytes = queueStepBytes({
        D,
        P: cfg.pairs,
        pairsPerJob: last.pairsPerJob,
        runRecord: Buffer.byteLength(record, 'utf8'),
        engine,
        workerIds: ids,
        step: cfg.steps - 1,
      });
      const m0 = marks.get(QUEUE_BENCH_WARMUP);
      const m1 = marks.get(cfg.steps);
      const identical = readFileSync(join(dir, 'checkpoint.json')).equals(baseCheckpoint);
      rows.push({
        workers: W,
        threads: 1,
        stepSeconds: steps.map((s) => s.seconds),
        pairs: cfg.pairs,
        jobs: last.jobs,
        pairsPerJob: last.pairsPerJob,
        workerRates: Object.fromEntries([...tally].map(([id, t]) => [id, t.seconds > 0 ? t.pairs / t.seconds : 0])),
        duplicates,
        stale,
        requeued,
        bytes,
        redisBytesPerStep: m0 !== undefined && m1 !== undefined ? (m1 - m0) / info.timed : null,
        identical,
      });
      log(
        `queue bench: W = ${W}: ${f2(timedMean(rows.at(-1)!, info.warmup))} s per step; checkpoint ${identical ? 'identical' : 'DIFFERENT'}`,
      );
      await cleanup();
    }
    const done = { ...info, load: { before, after: load() } };
    return { rows, info: done, text: formatQueueBench(rows, done), identical: rows.every((r) => r.identical) };
  } finally {
    await cleanup();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await rm(tmp, { recursive: true, force: true });
  }
}
