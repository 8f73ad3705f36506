// The coordinator of a distributed ES run (`vsml meta-train --queue`): the trainer's rollouts go to
// workers through a BullMQ queue on Redis instead of this process's engines. Per step it stores theta
// once (its SHA-256 names it), marks the step current, adds one job per pair range, and assembles the
// results the workers push (stepAssembly.ts) in pair order, so the trainer's update is the single-
// process run's to the bit. A loop keeps the step alive through faults: a job whose worker died is
// retried by BullMQ (stalled-job detection); a job, theta or run record that Redis lost (a restart) is
// stored and added again; a job that failed is added again (five failures of one range end the run);
// late, duplicate, stale and refused answers are counted and turned away.
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { esJobId, esJobToJson, pairRanges, type EsJob } from '../../meta/queue/esJob';
import { parseEsResult } from '../../meta/queue/esResult';
import { esRunToJson, type EsRun } from '../../meta/queue/esRun';
import { StepAssembly, type WorkerTally } from '../../meta/queue/stepAssembly';
import type { MetaConfig } from '../../meta/metaConfig';
import type { Fitness, PairRange, RolloutRunner } from '../../meta/rollouts';
import type { VariantTask } from '../../meta/taskSet';
import { parseJsonText } from '../../model/formats/json';
import { errorMessage, type Reply } from '../../model/result';
import { codeDigest } from './codeDigest';
import { currentKey, KEY_TTL_SECONDS, notesKey, QUEUE_NAME, resultsKey, runKey, thetaKey, WORKER_KEYS } from './keys';
import type { QueueUrl } from './redisUrl';
import { runDigest, tasksFingerprint, thetaDigest, trajectoryJson } from './runDigest';

export interface CoordinatorOptions {
  readonly url: QueueUrl;
  /** Pairs per job; null: sized from the measured rate so that a job takes about targetSeconds. */
  readonly pairsPerJob: number | null;
  readonly targetSeconds?: number;
  /** How often results are collected (ms, default 50) and the step's jobs checked (default 1,000). */
  readonly pollMs?: number;
  readonly reconcileMs?: number;
  readonly onProgress?: (p: StepProgress) => void;
  /** A line that stays: a refusal, a retried job, keys stored again after a Redis restart. */
  readonly onNote?: (line: string) => void;
  readonly now?: () => number;
}

export interface WorkerRate {
  readonly id: string;
  readonly pairs: number;
  /** Pairs per second of job time. */
  readonly rate: number;
}

export interface StepProgress {
  /** 1-based step being computed. */
  readonly step: number;
  readonly done: number;
  readonly total: number;
  /** Workers with a live heartbeat. */
  readonly seen: number;
  /** Workers that answered this step, fastest first. */
  readonly workers: readonly WorkerRate[];
}

/** What log.jsonl records of a distributed step. */
export interface StepStats {
  readonly jobs: number;
  readonly pairsPerJob: number;
  readonly workers: Readonly<Record<string, { pairs: number; jobs: number; seconds: number }>>;
  readonly duplicates: number;
  readonly stale: number;
  readonly refused: number;
  /** Jobs added again (lost by Redis, or failed). */
  readonly requeued: number;
}

const MAX_FAILURES = 5;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The fastest first; rate = pairs per second of job time. */
export function workerRates(workers: ReadonlyMap<string, WorkerTally>): WorkerRate[] {
  return [...workers.entries()]
    .map(([id, t]) => ({ id, pairs: t.pairs, rate: t.seconds > 0 ? t.pairs / t.seconds : Infinity }))
    .sort((a, b) => b.rate - a.rate || a.id.localeCompare(b.id));
}

/**
 * Pairs per job: fixed, else about targetSeconds at the measured rate, at most P / (2 x workers seen) so all get work.
 */
export function jobSize(
  P: number,
  fixed: number | null,
  measuredRate: number | null,
  seen: number,
  targetSeconds: number,
): number {
  if (fixed !== null) return Math.max(1, Math.min(P, fixed));
  const spread = Math.ceil(P / Math.max(8, 2 * seen));
  if (measuredRate === null || !Number.isFinite(measuredRate)) return Math.max(1, spread);
  return Math.max(1, Math.min(spread, Math.round(targetSeconds * measuredRate)));
}

export class EsCoordinator {
  private readonly redis: Redis;
  private readonly queue: Queue;
  private readonly notes = new Set<string>();
  private measuredRate: number | null = null;
  private seen = 0;
  private lastTheta: string | null = null;
  stats: StepStats | null = null;

  private constructor(
    readonly run: EsRun,
    private readonly opts: CoordinatorOptions,
  ) {
    this.redis = new Redis(opts.url.options);
    this.queue = new Queue(QUEUE_NAME, { connection: opts.url.options });
    // Errors while Redis is away are retried by the loop; they must not end the process.
    this.redis.on('error', () => undefined);
    this.queue.on('error', () => undefined);
  }

  /** A PING answered within `ms`, or why not (the last connection error). */
  static async reach(url: QueueUrl, ms: number): Promise<Reply> {
    const redis = new Redis({ ...url.options, lazyConnect: true });
    let last = '';
    redis.on('error', (e: Error) => (last = e.message));
    const timer = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), ms).unref());
    try {
      const r = await Promise.race([redis.connect().then(() => redis.ping()), timer]);
      if (r === 'timeout')
        return {
          ok: false,
          message: `cannot reach Redis at ${url.shown} within ${ms / 1000} s${last ? `: ${last}` : ''}`,
        };
      return { ok: true };
    } catch (e) {
      return { ok: false, message: `cannot reach Redis at ${url.shown}: ${last || errorMessage(e)}` };
    } finally {
      redis.disconnect();
    }
  }

  /** The run's record for `config` and its tasks on `engine` (engineIdentity); Redis is not touched yet. */
  static describe(config: MetaConfig, tasks: readonly VariantTask[], engine: string): EsRun {
    const code = codeDigest();
    const fingerprint = tasksFingerprint(tasks);
    return {
      digest: runDigest({ code, engine, config: trajectoryJson(config), tasks: fingerprint }),
      code,
      engine,
      tasks: fingerprint,
      config,
    };
  }

  /** Connects, stores the run record and discards what an earlier coordinator of this run left (jobs, results). */
  static async open(run: EsRun, opts: CoordinatorOptions): Promise<EsCoordinator> {
    const c = new EsCoordinator(run, opts);
    await c.storeRun();
    await c.redis.set(currentKey(run.digest), 'none', 'EX', KEY_TTL_SECONDS);
    const old = await c.queue.getJobs(['waiting', 'delayed', 'prioritized', 'paused', 'failed', 'completed']);
    let discarded = 0;
    for (const job of old) {
      if ((job.data as { run?: unknown } | undefined)?.run !== run.digest) continue;
      await job.remove().then(
        () => discarded++,
        () => undefined,
      );
    }
    await c.redis.del(resultsKey(run.digest), notesKey(run.digest));
    if (discarded > 0)
      opts.onNote?.(
        `queue: discarded ${discarded} job${discarded === 1 ? '' : 's'} an earlier coordinator of this run left`,
      );
    return c;
  }

  readonly rollouts: RolloutRunner = (theta, _variants, step) => this.runStep(theta, step);

  private async storeRun(): Promise<void> {
    await this.redis.set(runKey(this.run.digest), JSON.stringify(esRunToJson(this.run)), 'EX', KEY_TTL_SECONDS);
  }

  private note(line: string): void {
    if (this.notes.has(line)) return;
    this.notes.add(line);
    this.opts.onNote?.(line);
  }

  private async runStep(theta: Float32Array, step: number): Promise<Fitness> {
    const run = this.run.digest;
    const P = this.run.config.pairs;
    const hash = thetaDigest(theta);
    const bytes = Buffer.from(theta.buffer, theta.byteOffset, theta.byteLength);
    const storeStep = async () => {
      await this.storeRun();
      await this.redis.set(thetaKey(run, hash), bytes, 'EX', KEY_TTL_SECONDS);
      await this.redis.set(currentKey(run), `${step} ${hash}`, 'EX', KEY_TTL_SECONDS);
    };
    await storeStep();
    if (this.lastTheta !== null && this.lastTheta !== hash) await this.redis.del(thetaKey(run, this.lastTheta));
    this.lastTheta = hash;
    await this.countWorkers();
    const size = jobSize(P, this.opts.pairsPerJob, this.measuredRate, this.seen, this.opts.targetSeconds ?? 4);
    const ranges = pairRanges(P, size);
    const assembly = new StepAssembly({ run, step, theta: hash }, ranges, this.run.engine);
    const jobOf = (r: PairRange): EsJob => ({ run, step, theta: hash, ...r });
    const add = (rs: readonly PairRange[]) =>
      this.queue.addBulk(
        rs.map((r) => ({
          name: 'es',
          data: esJobToJson(jobOf(r)),
          opts: { jobId: esJobId(jobOf(r)), attempts: 3, removeOnComplete: true, removeOnFail: false },
        })),
      );
    await add(ranges);
    const counts = { duplicates: 0, stale: 0, refused: 0, requeued: 0 };
    const failures = new Map<string, number>();
    const now = this.opts.now ?? (() => performance.now());
    let lastCheck = now();
    const progress = () =>
      this.opts.onProgress?.({
        step: step + 1,
        done: assembly.done,
        total: P,
        seen: this.seen,
        workers: workerRates(assembly.workers),
      });
    progress();
    while (!assembly.complete) {
      const got = await this.drain(assembly, counts);
      if (got > 0) progress();
      if (assembly.complete) break;
      if (now() - lastCheck >= (this.opts.reconcileMs ?? 1000)) {
        lastCheck = now();
        await this.countWorkers();
        await this.readNotes();
        if ((await this.redis.exists(runKey(run), thetaKey(run, hash), currentKey(run))) < 3) {
          await storeStep();
          this.opts.onNote?.(
            `queue: step ${step + 1}: Redis had lost the run's keys (restarted?); stored again, missing jobs added again`,
          );
        }
        for (const r of assembly.pending()) {
          const id = esJobId(jobOf(r));
          const job = await this.queue.getJob(id);
          const state = job ? await job.getState() : 'unknown';
          if (state === 'failed' && job) {
            const n = (failures.get(id) ?? 0) + 1;
            failures.set(id, n);
            if (n >= MAX_FAILURES)
              throw new Error(
                `pairs ${r.from}..${r.to - 1} of step ${step + 1} failed ${n} times on the workers; last: ${job.failedReason}`,
              );
            this.opts.onNote?.(
              `queue: step ${step + 1}: pairs ${r.from}..${r.to - 1} failed (${job.failedReason}); added again`,
            );
            await job.remove().catch(() => undefined);
          } else if (state !== 'unknown') continue;
          // Gone (Redis lost it, or completed after the last drain): its result may be waiting.
          await this.drain(assembly, counts);
          if (!assembly.pending().some((x) => x.from === r.from && x.to === r.to)) continue;
          await add([r]);
          counts.requeued++;
        }
      }
      await sleep(this.opts.pollMs ?? 50);
    }
    await this.readNotes();
    const rates = workerRates(assembly.workers);
    let pairs = 0;
    let seconds = 0;
    for (const t of assembly.workers.values()) {
      pairs += t.pairs;
      seconds += t.seconds;
    }
    if (seconds > 0) this.measuredRate = pairs / seconds;
    this.stats = {
      jobs: ranges.length,
      pairsPerJob: size,
      ...counts,
      workers: Object.fromEntries(
        rates.map(({ id }) => {
          const t = assembly.workers.get(id) as WorkerTally;
          return [id, { pairs: t.pairs, jobs: t.jobs, seconds: Math.round(t.seconds * 1000) / 1000 }];
        }),
      ),
    };
    return { plus: assembly.plus, minus: assembly.minus };
  }

  /** Pops every waiting result and offers it; how many were accepted. */
  private async drain(
    assembly: StepAssembly,
    counts: { duplicates: number; stale: number; refused: number },
  ): Promise<number> {
    let accepted = 0;
    for (;;) {
      const items = await this.redis.lpop(resultsKey(this.run.digest), 64);
      if (!items || items.length === 0) return accepted;
      for (const text of items) {
        const json = parseJsonText(text);
        const r = json.ok ? parseEsResult(json.value) : json;
        if (!r.ok) {
          counts.refused++;
          this.note(`queue: a result was refused: ${r.error.field ? `${r.error.field}: ` : ''}${r.error.message}`);
          continue;
        }
        const offered = assembly.offer(r.value);
        if (offered.kind === 'accepted') accepted++;
        else if (offered.kind === 'duplicate') counts.duplicates++;
        else if (offered.kind === 'stale') counts.stale++;
        else {
          counts.refused++;
          this.note(`queue: refused: ${offered.why}`);
        }
      }
    }
  }

  private async readNotes(): Promise<void> {
    const items = await this.redis.lpop(notesKey(this.run.digest), 64);
    for (const text of items ?? []) {
      const n = parseJsonText(text);
      const v = n.ok ? (n.value as { worker?: unknown; message?: unknown }) : null;
      if (v && typeof v.worker === 'string' && typeof v.message === 'string')
        this.note(`queue: worker ${v.worker}: ${v.message}`);
    }
  }

  private async countWorkers(): Promise<void> {
    let cursor = '0';
    let n = 0;
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', WORKER_KEYS, 'COUNT', 200);
      cursor = next;
      n += keys.length;
    } while (cursor !== '0');
    this.seen = n;
  }

  async close(): Promise<void> {
    await this.redis.del(currentKey(this.run.digest)).catch(() => undefined);
    if (this.lastTheta) await this.redis.del(thetaKey(this.run.digest, this.lastTheta)).catch(() => undefined);
    await this.queue.close().catch(() => undefined);
    this.redis.disconnect();
  }
}
