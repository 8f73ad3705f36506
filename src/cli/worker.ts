// `vsml worker`: takes ES jobs from a Redis queue (BullMQ) and computes them on this machine's engine,
// for any number of coordinators (`vsml meta-train --queue`). Runs until SIGINT / SIGTERM, then
// finishes its running jobs and leaves (a second signal leaves at once; a killed worker's job is
// retried elsewhere once its lock expires). See docs/DISTRIBUTED.md.
import { hostname } from 'node:os';
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { BackendName } from '../model/engine';
import { errorLine } from '../model/result';
import { intFlag, type FlagValues } from './args';
import { badInput, runtimeFailure, success, type Command, type CommandIo, type Outcome } from './command';
import { BACKENDS, backendHelp, createEngine } from './engineFactory';
import { nodeDataProvider } from './metaTrainData';
import { EsWorker } from './queue/esWorker';
import { QUEUE_NAME, workerKey } from './queue/keys';
import { parseQueueUrl } from './queue/redisUrl';

const NAME = 'vsml worker';
const HEARTBEAT_MS = 5000;

async function run(flags: FlagValues, io: CommandIo): Promise<Outcome> {
  const url = parseQueueUrl(flags.get('queue') as string);
  if (!url.ok) return badInput(`${NAME}: ${url.message}`);
  const concurrency = intFlag(flags, 'concurrency', 1, 1, 64);
  if (!concurrency.ok) return badInput(`${NAME}: ${concurrency.error.message}`);
  const lock = intFlag(flags, 'lock-seconds', 30, 2, 3600);
  if (!lock.ok) return badInput(`${NAME}: ${lock.error.message}`);
  const backend = (flags.get('backend') ?? 'cpu') as BackendName;
  const id = flags.get('name') ?? `${hostname()}:${process.pid}`;
  if (id.length > 200 || /\s/.test(id))
    return badInput(`${NAME}: --name: at most 200 characters and no spaces, got ${JSON.stringify(id)}`);

  const redis = new Redis(url.value.options);
  redis.on('error', () => undefined);
  const es = new EsWorker(redis, {
    id,
    backend,
    engines: (spec) => createEngine(backend, spec),
    data: nodeDataProvider,
    dataDir: flags.get('data-dir') ?? null,
    concurrency: concurrency.value,
    log: (line) => io.info(`${id}: ${line}`),
  });
  const lockDuration = lock.value * 1000;
  const worker = new Worker(QUEUE_NAME, es.process, {
    connection: url.value.options,
    concurrency: concurrency.value,
    lockDuration,
    stalledInterval: Math.max(1000, Math.floor(lockDuration / 2)),
    maxStalledCount: 100,
    autorun: false,
  });
  const lastErrors = new Set<string>();
  worker.on('error', (e) => {
    const line = errorLine(e);
    if (lastErrors.has(line)) return;
    lastErrors.add(line);
    io.progress?.write(`${NAME}: ${line}\n`);
  });
  worker.on('failed', (job, e) => io.info(`${id}: job ${job?.id ?? '?'} failed: ${errorLine(e)}`));
  const started = new Date().toISOString();
  const beat = () =>
    redis
      .set(
        workerKey(id),
        JSON.stringify({
          id,
          backend,
          engine: es.engine,
          concurrency: concurrency.value,
          jobs: es.jobs,
          pairs: es.pairs,
          started,
        }),
        'EX',
        Math.ceil((3 * HEARTBEAT_MS) / 1000),
      )
      .catch(() => undefined);
  const heartbeat = setInterval(beat, HEARTBEAT_MS);
  void beat();

  const stopped = new Promise<string>((resolve) => {
    const onSignal = (signal: string) => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      // A second signal ends the process at once (the default action).
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
  io.info(
    `${id}: waiting for ES jobs on ${url.value.shown} (queue ${QUEUE_NAME}, --backend ${backend}, concurrency ${concurrency.value}, lock ${lock.value} s)`,
  );
  const running = worker.run().catch((e: unknown) => e);
  const signal = await stopped;
  io.info(`${id}: ${signal}: finishing running jobs, then leaving (${es.jobs} jobs, ${es.pairs} pairs done)`);
  clearInterval(heartbeat);
  try {
    await worker.close();
    const ended = await running;
    await redis.del(workerKey(id)).catch(() => undefined);
    redis.disconnect();
    es.dispose();
    return ended instanceof Error ? runtimeFailure(`${NAME}: ${errorLine(ended)}`) : success;
  } catch (e) {
    return runtimeFailure(`${NAME}: ${errorLine(e)}`);
  }
}

export const workerCommand: Command = {
  name: 'worker',
  summary: 'compute ES jobs from a Redis queue for `vsml meta-train --queue` coordinators, until SIGINT / SIGTERM',
  flags: [
    {
      name: 'queue',
      value: 'redis://HOST:PORT[/DB]',
      required: true,
      help: 'the Redis of the run (rediss:// for TLS; redis://:PASSWORD@HOST:PORT with a password)',
    },
    {
      name: 'backend',
      value: BACKENDS.join('|'),
      choices: BACKENDS,
      help: backendHelp("engine for the jobs (must be the coordinator's)"),
    },
    { name: 'concurrency', value: 'N', help: 'jobs at once (default 1; each has its own engines)' },
    {
      name: 'data-dir',
      value: 'DIR',
      help: 'dataset files the run names by a path this machine lacks are looked for here (DIR/<folder>/<file>, then DIR/<file>)',
    },
    { name: 'name', value: 'ID', help: "this worker's name in the coordinator's progress and log (default HOST:PID)" },
    {
      name: 'lock-seconds',
      value: 'N',
      help: 'a job whose worker stops answering for N s goes to another worker (default 30)',
    },
  ],
  run,
};
