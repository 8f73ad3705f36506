// The worker side of a distributed ES run: the processor a BullMQ Worker calls for each job. A job is
// data only (esJob.ts, validated first); the run it names is read from Redis (esRun.ts) and prepared
// once: its tasks opened from this machine's files (a missing path looked up under --data-dir), this
// worker's own run digest computed from its code, engine and tasks. A run this worker cannot compute
// exactly (another code version, engine or data) is refused: its jobs go back to the queue after a
// delay for another worker, and a note tells the coordinator why. A job of a step that is no longer
// current (an old coordinator's) is skipped without computing. Otherwise the pairs run as the
// single-process trainer runs them (runRollouts with a range), and the result is pushed for the coordinator.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { EngineCache, type EngineFactory } from '../../meta/engineCache';
import { mapConfigFiles } from '../../meta/metaConfigParse';
import { parseEsJob, type EsJob } from '../../meta/queue/esJob';
import { esResultToJson, type WorkerInfo } from '../../meta/queue/esResult';
import { parseEsRun, type EsRun } from '../../meta/queue/esRun';
import { runRollouts } from '../../meta/rollouts';
import { buildVariantTasks, SourceCache, type DataProvider, type VariantTask } from '../../meta/taskSet';
import { assignVariants, taskVariants } from '../../meta/variants';
import { paramLayout } from '../../model/layout';
import { parseJsonText } from '../../model/formats/json';
import { formatFieldError } from '../../model/result';
import { codeDigest } from './codeDigest';
import { currentKey, KEY_TTL_SECONDS, notesKey, resultsKey, runKey, thetaKey } from './keys';
import { engineIdentity, runDigest, tasksFingerprint, trajectoryJson } from './runDigest';

export interface EsWorkerOptions {
  readonly id: string;
  readonly backend: string;
  readonly engines: EngineFactory;
  readonly data: DataProvider;
  /** Where dataset files the run names by a path this machine lacks are looked for. */
  readonly dataDir: string | null;
  /** Concurrent jobs (each gets its own engines). */
  readonly concurrency: number;
  /** How long a refused run's jobs wait before another worker may take them (ms). */
  readonly refusalDelayMs?: number;
  /** One line per job done or refused. */
  readonly log?: (line: string) => void;
}

interface Prepared {
  readonly run: EsRun;
  readonly tasks: readonly VariantTask[];
  readonly size: number;
  readonly engine: string;
  /** The run digest this worker computed from its own code, engine, config and tasks. */
  readonly digest: string;
  /** Engine caches not in use by a running job. */
  readonly free: EngineCache[];
  /** The last theta read (its SHA-256 and values): a step's jobs read V_M from Redis once per worker. */
  theta: { readonly hash: string; readonly values: Float32Array } | null;
}

export interface JobSummary {
  readonly skipped?: string;
  readonly pairs?: number;
  readonly seconds?: number;
}

/** A dataset path as this machine has it: as given, else DIR/<folder>/<file>, else DIR/<file>. */
export function localDataPath(path: string, dataDir: string | null): string {
  if (existsSync(path) || dataDir === null) return path;
  for (const p of [join(dataDir, basename(dirname(path)), basename(path)), join(dataDir, basename(path))])
    if (existsSync(p)) return p;
  return path;
}

export class EsWorker {
  private readonly prepared = new Map<string, Promise<Prepared | string>>();
  jobs = 0;
  pairs = 0;
  engine: string | null = null;

  constructor(
    private readonly redis: Redis,
    private readonly opts: EsWorkerOptions,
  ) {}

  get info(): WorkerInfo {
    return { id: this.opts.id, engine: this.engine ?? `${this.opts.backend}: (no job yet)` };
  }

  /** The BullMQ processor. */
  readonly process = async (job: Job, token?: string): Promise<JobSummary> => {
    const parsed = parseEsJob(job.data);
    if (!parsed.ok) throw new UnrecoverableError(`job ${job.id}: not a vsml-es-job: ${formatFieldError(parsed.error)}`);
    const j = parsed.value;
    let ready = this.prepared.get(j.run);
    if (!ready) {
      ready = this.prepare(j.run);
      this.prepared.set(j.run, ready);
    }
    const p = await ready;
    if (typeof p === 'string') {
      // Refused: back to the queue for another worker, after a delay.
      if (token) {
        await job.moveToDelayed(Date.now() + (this.opts.refusalDelayMs ?? 2000), token);
        throw new DelayedError();
      }
      throw new Error(p);
    }
    return this.compute(p, j);
  };

  private async note(run: string, message: string): Promise<void> {
    await this.redis.rpush(notesKey(run), JSON.stringify({ worker: this.opts.id, message }));
    await this.redis.expire(notesKey(run), KEY_TTL_SECONDS);
    this.opts.log?.(`refused run ${run.slice(0, 12)}: ${message}`);
  }

  /** The run ready to compute, or why this worker refuses it (noted for the coordinator). */
  private async prepare(run: string): Promise<Prepared | string> {
    const text = await this.redis.get(runKey(run));
    if (text === null) {
      this.prepared.delete(run);
      throw new Error(`run ${run.slice(0, 12)}: no run record in Redis (a coordinator stores it; retried)`);
    }
    const refuse = async (message: string): Promise<string> => {
      await this.note(run, message);
      return message;
    };
    const json = parseJsonText(text);
    const rec = json.ok ? parseEsRun(json.value) : json;
    if (!rec.ok) return refuse(`the run record is not one this worker reads: ${formatFieldError(rec.error)}`);
    const record = rec.value;
    if (record.digest !== run)
      return refuse(`the run record's digest ${record.digest.slice(0, 12)} is not the job's run ${run.slice(0, 12)}`);
    const code = codeDigest();
    if (record.code !== code)
      return refuse(
        `another code version: the run's is ${record.code.slice(0, 12)}, this worker's ${code.slice(0, 12)}`,
      );
    if (!record.engine.startsWith(`${this.opts.backend}: `))
      return refuse(`the run needs the engine ${record.engine}; this worker runs --backend ${this.opts.backend}`);
    const config = mapConfigFiles(record.config, (path) => localDataPath(path, this.opts.dataDir));
    const built = await buildVariantTasks(config, taskVariants(config), new SourceCache(this.opts.data));
    if (!built.ok)
      return refuse(
        `cannot open the run's data: ${formatFieldError(built.error)}${this.opts.dataDir === null ? ' (give --data-dir)' : ''}`,
      );
    const tasks = built.value;
    const fingerprint = tasksFingerprint(tasks);
    if (fingerprint !== record.tasks)
      return refuse(
        `the tasks built from this machine's data differ from the run's (fingerprint ${fingerprint.slice(0, 12)}, the run's ${record.tasks.slice(0, 12)}): other dataset files`,
      );
    const { inputSize, numClasses } = tasks[0].task;
    const probe = await this.opts.engines({ config: config.model, inputSize, numClasses, runs: 2 });
    const engine = engineIdentity(probe);
    probe.dispose();
    this.engine = engine;
    if (engine !== record.engine)
      return refuse(`another engine: the run's is ${record.engine}, this worker's ${engine}`);
    // What the worker computed for itself must be the job's run (it is, when every part above agreed).
    const own = runDigest({ code, engine, config: trajectoryJson(record.config), tasks: fingerprint });
    if (own !== run) return refuse(`this worker's digest ${own.slice(0, 12)} is not the run's ${run.slice(0, 12)}`);
    const free = Array.from({ length: this.opts.concurrency }, () => new EngineCache(this.opts.engines, config.model));
    this.opts.log?.(
      `run ${run.slice(0, 12)}: ${record.config.pairs} pairs x T ${record.config.trajectoryLength}, ${tasks.length} task variants, on ${engine}`,
    );
    return { run: record, tasks, size: paramLayout(config.model).size, engine, digest: own, free, theta: null };
  }

  private async compute(p: Prepared, j: EsJob): Promise<JobSummary> {
    const started = performance.now();
    const current = await this.redis.get(currentKey(j.run));
    if (current !== `${j.step} ${j.theta}`) return { skipped: `step ${j.step + 1} is not current` };
    if (j.to > p.run.config.pairs)
      throw new UnrecoverableError(`pairs ${j.from}..${j.to - 1}: the run has ${p.run.config.pairs} pairs`);
    if (p.theta?.hash !== j.theta) {
      const bytes = await this.redis.getBuffer(thetaKey(j.run, j.theta));
      if (bytes === null) return { skipped: `theta ${j.theta.slice(0, 12)} is gone` };
      if (bytes.length !== 4 * p.size)
        throw new UnrecoverableError(
          `theta ${j.theta.slice(0, 12)}: ${bytes.length} bytes, the run's V_M has ${p.size} float32 values`,
        );
      if (createHash('sha256').update(bytes).digest('hex') !== j.theta)
        throw new UnrecoverableError(`theta ${j.theta.slice(0, 12)}: its bytes do not hash to its name`);
      const values = new Float32Array(p.size);
      new Uint8Array(values.buffer).set(bytes);
      p.theta = { hash: j.theta, values };
    }
    const theta = p.theta.values;
    const engines = p.free.pop() as EngineCache;
    this.opts.log?.(`step ${j.step + 1}: pairs ${j.from}..${j.to - 1} started`);
    try {
      const cfg = p.run.config;
      const variants = assignVariants(cfg, p.tasks.length, j.step);
      const fitness = await runRollouts(cfg, theta, p.tasks, variants, j.step, engines, {}, undefined, {
        from: j.from,
        to: j.to,
      });
      const seconds = (performance.now() - started) / 1000;
      const result = esResultToJson({
        ...j,
        ...fitness,
        digest: p.digest,
        worker: { id: this.opts.id, engine: p.engine },
        seconds,
      });
      await this.redis.rpush(resultsKey(j.run), JSON.stringify(result));
      await this.redis.expire(resultsKey(j.run), KEY_TTL_SECONDS);
      this.jobs++;
      this.pairs += j.to - j.from;
      this.opts.log?.(`step ${j.step + 1}: pairs ${j.from}..${j.to - 1} in ${seconds.toFixed(2)} s`);
      return { pairs: j.to - j.from, seconds };
    } finally {
      p.free.push(engines);
    }
  }

  dispose(): void {
    for (const p of this.prepared.values())
      void p.then(
        (x) => typeof x !== 'string' && x.free.forEach((e) => e.dispose()),
        () => undefined,
      );
  }
}
