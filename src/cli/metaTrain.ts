// `vsml meta-train`: meta-training of V_M, by ES or by gradients through the unroll
// (docs/META_TRAINING.md). Reads a vsml-meta-config file (or a preset), runs ES steps on the chosen
// engine (or gradient steps on worker threads), evaluates on held-out datasets every k steps,
// logs to DIR/log.jsonl and commits DIR/checkpoint.json + DIR/learner.json as one pair every k steps;
// --resume continues a run bit for bit from its checkpoint. DIR/run.lock keeps a second run out.
import { rmdir } from 'node:fs/promises';
import { MAX_META_STEPS } from '../meta/checkpoint';
import type { MetaConfig } from '../meta/metaConfig';
import { isLearnedCheckpoint, type RunCheckpoint } from '../meta/runCheckpoint';
import { parseMetaConfig, presetConfig, trajectoryDifference } from '../meta/metaConfigParse';
import { PRESET_NAMES, type PresetName } from '../meta/presets';
import { createTrainer, type DataProvider, type EngineFactory } from '../meta/trainer';
import { configToJson, parseLearner } from '../model/formats/learner';
import type { VsmlConfig } from '../model/config';
import type { BackendName } from '../model/engine';
import type { VmParams } from '../model/layout';
import type { MemoryLimit } from '../model/resources';
import { errorLine, formatFieldError } from '../model/result';
import { intFlag, type FlagValues } from './args';
import { badInput, EXIT_BAD_INPUT, runtimeFailure, type Command, type CommandIo, type Outcome } from './command';
import { BACKENDS, backendHelp, createEngine } from './engineFactory';
import { createGradientPool, type GradientPool } from './gradientPool';
import { readJsonFile } from './io';
import { MAX_MEMORY_FLAG, memoryLimitOf } from './memoryFlag';
import { packagePath, resolveConfigFiles } from './configPaths';
import { dataLine, learnedTrainer, otherKind, type Loaded, type ReadyTrainer } from './metaTrainLearned';
import { runSession } from './metaTrainSession';
import { nodeDataProvider } from './metaTrainData';
import {
  ensureDir,
  exists,
  readCheckpoint,
  removeStaleTemps,
  repairLearner,
  runFiles,
  trimLog,
  type LogEntry,
  type RunFileWriter,
  type RunFiles,
} from './metaTrainFiles';
import { acquireRunLock } from './runLock';
import { openQueue, queueRefusal, queueRollouts, type OpenedQueue } from './metaTrainQueue';
import { parseQueueUrl, type QueueUrl } from './queue/redisUrl';

const NAME = 'vsml meta-train';

/** What the command needs from outside; tests replace the engines or the data. */
export interface MetaTrainDeps {
  readonly engineFactory?: (backend: BackendName) => EngineFactory;
  readonly dataProvider?: DataProvider;
  /** Where method gradient computes (default: a pool of worker threads, one per core). */
  readonly gradients?: GradientPool;
  /** Stops after the current step, with a checkpoint (SIGINT / SIGTERM in the real command). */
  readonly signal?: AbortSignal;
  readonly now?: () => number;
  /** How checkpoint pairs are written (tests inject a full disk). */
  readonly writer?: RunFileWriter;
}

/**
 * The config from --config (its relative paths resolved against its folder) or --preset (package paths,
 * configPaths.ts).
 */
async function loadConfig(flags: FlagValues): Promise<Loaded<{ config: MetaConfig; source: string } | null>> {
  const path = flags.get('config');
  const preset = flags.get('preset') as PresetName | undefined;
  if (path !== undefined && preset !== undefined)
    return {
      ok: false,
      outcome: badInput(`${NAME}: --preset: give --config or --preset, not both (a config file can name "preset")`),
    };
  if (preset !== undefined) return { ok: true, value: { config: presetConfig(preset), source: `preset ${preset}` } };
  if (path === undefined) return { ok: true, value: null };
  const raw = await readJsonFile(path);
  const parsed = raw.ok ? parseMetaConfig(raw.value) : raw;
  if (!parsed.ok) return { ok: false, outcome: badInput(`${path}: ${formatFieldError(parsed.error)}`) };
  return {
    ok: true,
    value: { config: resolveConfigFiles(parsed.value, raw.ok ? raw.value : null, path), source: path },
  };
}

async function run(flags: FlagValues, io: CommandIo, deps: MetaTrainDeps = {}): Promise<Outcome> {
  const stepsFlag = flags.has('steps') ? intFlag(flags, 'steps', 0, 0, MAX_META_STEPS) : null;
  if (stepsFlag && !stepsFlag.ok) return badInput(`${NAME}: ${stepsFlag.error.message}`);
  const limit = memoryLimitOf(flags);
  if (!limit.ok) return badInput(`${NAME}: ${formatFieldError(limit.error)}`);
  const resume = flags.has('resume');
  const files = runFiles(flags.get('out') as string);
  const queueText = flags.get('queue');
  const queue = queueText === undefined ? null : parseQueueUrl(queueText);
  if (queue && !queue.ok) return badInput(`${NAME}: ${queue.message}`);
  const jobPairs = flags.has('job-pairs') ? intFlag(flags, 'job-pairs', 0, 1, 1 << 20) : null;
  if (jobPairs && !jobPairs.ok) return badInput(`${NAME}: ${jobPairs.error.message}`);
  if (jobPairs && !queue) return badInput(`${NAME}: --job-pairs: sizes the jobs of --queue; give --queue too`);

  const loaded = await loadConfig(flags);
  if (!loaded.ok) return loaded.outcome;
  if (!loaded.value && !resume)
    return badInput(`${NAME}: missing --config C.json or --preset ${PRESET_NAMES.join('|')}`);
  if (resume && !(await exists(files.checkpoint)))
    return badInput(`${files.checkpoint}: no such file (nothing to resume; run without --resume to start)`);

  const created = !(await exists(files.dir));
  try {
    await ensureDir(files.dir);
  } catch (e) {
    return runtimeFailure(`${NAME}: cannot create ${files.dir}: ${errorLine(e)}`);
  }
  // The folder is this run's until it ends (any way but SIGKILL): a second run on it is refused.
  const locked = await acquireRunLock(files.dir, { command: NAME });
  if (!locked.ok) return badInput(locked.message);
  if (locked.tookOver) {
    const h = locked.tookOver;
    io.progress?.write(
      `${NAME}: took over ${locked.lock.path}: PID ${h.pid} (since ${h.started}) no longer runs on this host\n`,
    );
  }
  let outcome: Outcome | null = null;
  try {
    await removeStaleTemps(files);
    const queued = queue?.ok ? { url: queue.value, pairsPerJob: jobPairs?.ok ? jobPairs.value : null } : null;
    outcome = await runLocked({
      flags,
      io,
      deps,
      files,
      resume,
      stepsFlag: stepsFlag?.ok ? stepsFlag.value : null,
      loaded: loaded.value,
      limit: limit.value,
      queue: queued,
    });
    return outcome;
  } finally {
    await locked.lock.release();
    // A run refused before its first file (e.g. over the memory limit) leaves no empty folder it made.
    if (created && outcome?.code === EXIT_BAD_INPUT) await rmdir(files.dir).catch(() => undefined);
  }
}

interface LockedArgs {
  readonly flags: FlagValues;
  readonly io: CommandIo;
  readonly deps: MetaTrainDeps;
  readonly files: RunFiles;
  readonly resume: boolean;
  readonly stepsFlag: number | null;
  readonly loaded: { config: MetaConfig; source: string } | null;
  /** --max-memory, else a quarter of this machine's memory. */
  readonly limit: MemoryLimit;
  /** --queue (and --job-pairs): the rollouts run on workers. */
  readonly queue: QueueChoice | null;
}

interface QueueChoice {
  readonly url: QueueUrl;
  readonly pairsPerJob: number | null;
}

/** The run, once its folder is locked: the checkpoint read (on --resume), the trainer, the session. */
async function runLocked({
  flags,
  io,
  deps,
  files,
  resume,
  stepsFlag,
  loaded,
  limit,
  queue,
}: LockedArgs): Promise<Outcome> {
  const backend = (flags.get('backend') ?? 'cpu') as BackendName;
  let checkpoint: RunCheckpoint | null = null;
  if (resume) {
    const cp = await readCheckpoint(files.checkpoint);
    if (!cp.ok) return badInput(`${files.checkpoint}: ${formatFieldError(cp.error)}`);
    checkpoint = cp.value;
    if (loaded) {
      const diff = trajectoryDifference(checkpoint.config, loaded.config);
      if (diff !== null)
        return badInput(
          `${loaded.source}: ${diff}: differs from ${files.checkpoint} (on --resume only steps, checkpointEvery and evaluation may change)`,
        );
    }
  } else if (await exists(files.checkpoint)) {
    return badInput(
      `${NAME}: --out: ${files.dir} already holds a checkpoint; add --resume to continue it, or choose another --out`,
    );
  }
  let config = loaded?.config ?? (checkpoint as RunCheckpoint).config;
  if (stepsFlag !== null) config = { ...config, steps: stepsFlag };
  const source = loaded?.source ?? files.checkpoint;
  if (checkpoint && config.steps < checkpoint.step) {
    const what =
      stepsFlag !== null ? `${NAME}: --steps` : loaded ? `${source}: steps` : `${files.checkpoint}: config.steps`;
    return badInput(
      `${what}: ${config.steps} is below the checkpoint's step ${checkpoint.step} (${files.checkpoint}); give at least ${checkpoint.step}`,
    );
  }
  if (checkpoint && (await repairLearner(files, checkpoint))) {
    io.progress?.write(
      `${NAME}: ${files.learner} was not the theta of ${files.checkpoint} (step ${checkpoint.step}); rewritten from it\n`,
    );
  }
  const refusal = queue ? queueRefusal(config) : null;
  if (refusal) return badInput(`${NAME}: --queue: ${source}: ${refusal}`);
  const made =
    config.learner.kind === 'vsml'
      ? await vsmlTrainer(config, checkpoint, source, backend, deps, limit, queue)
      : await learnedTrainer(config, checkpoint, source, deps.dataProvider ?? nodeDataProvider, deps.now);
  if (!made.ok) return made.outcome;
  const { trainer, restore, close, queue: sessionQueue } = made.value;
  try {
    let history: LogEntry[] = [];
    if (checkpoint) {
      const restored = restore(checkpoint);
      if (!restored.ok) return badInput(`${files.checkpoint}: ${formatFieldError(restored.error)}`);
      history = await trimLog(files, checkpoint.step);
    } else {
      await trimLog(files, -1);
    }
    return await runSession({
      trainer,
      files,
      io,
      backend,
      history,
      ...(deps.signal ? { signal: deps.signal } : {}),
      ...(deps.now ? { now: deps.now } : {}),
      ...(deps.writer ? { writer: deps.writer } : {}),
      ...(sessionQueue ? { queue: sessionQueue } : {}),
    });
  } finally {
    await close();
  }
}

/** VSML's trainer: engines of --backend, gradient workers for method gradient, the memory check. */
async function vsmlTrainer(
  config: MetaConfig,
  checkpoint: RunCheckpoint | null,
  source: string,
  backend: BackendName,
  deps: MetaTrainDeps,
  limit: MemoryLimit,
  queue: QueueChoice | null,
): Promise<Loaded<ReadyTrainer>> {
  const factory: EngineFactory = deps.engineFactory?.(backend) ?? ((spec) => createEngine(backend, spec));
  // A run that starts from a learner file: on --resume the checkpoint's theta replaces it anyway.
  let initialParams: VmParams | undefined;
  if (config.init !== null) {
    if (checkpoint && !isLearnedCheckpoint(checkpoint)) initialParams = checkpoint.learner.params;
    else {
      const init = await loadInitLearner(packagePath(config.init), config.model, source);
      if (!init.ok) return { ok: false, outcome: badInput(init.line) };
      initialParams = init.params;
    }
  }
  const gradients = config.method === 'gradient' ? (deps.gradients ?? createGradientPool()) : null;
  const queued = queue ? queueRollouts() : null;
  const created = await createTrainer(config, factory, deps.dataProvider ?? nodeDataProvider, {
    ...(queued ? { rollouts: queued.rollouts } : {}),
    ...(deps.now ? { now: deps.now } : {}),
    ...(initialParams ? { initialParams } : {}),
    ...(gradients ? { gradients: gradients.run } : {}),
    memory: { limit, gradientWorkers: Math.max(1, gradients?.size ?? 1) },
  });
  if (!created.ok) {
    gradients?.close();
    return { ok: false, outcome: badInput(dataLine(created.error, source)) };
  }
  const trainer = created.value;
  let opened: OpenedQueue | null = null;
  if (queue && queued) {
    let q;
    try {
      q = await openQueue(config, queued.tasks(), factory, queue.url, queue.pairsPerJob);
    } catch (e) {
      q = { ok: false as const, message: `${backend} engine: ${errorLine(e)}` };
    }
    if (!q.ok) {
      trainer.dispose();
      return { ok: false, outcome: runtimeFailure(`${NAME}: --queue: ${q.message}`) };
    }
    opened = q.value;
    queued.use(opened.coordinator);
  }
  return {
    ok: true,
    value: {
      trainer,
      restore: (cp) => (isLearnedCheckpoint(cp) ? otherKind(cp) : trainer.restore(cp)),
      close: async () => {
        trainer.dispose();
        gradients?.close();
        await opened?.coordinator.close();
      },
      ...(opened ? { queue: opened.session } : {}),
    },
  };
}

/** V_M of the learner file a config starts from; its model must be the config's. */
async function loadInitLearner(
  path: string,
  model: VsmlConfig,
  source: string,
): Promise<{ ok: true; params: VmParams } | { ok: false; line: string }> {
  const raw = await readJsonFile(path);
  const learner = raw.ok ? parseLearner(raw.value) : raw;
  if (!learner.ok) return { ok: false, line: `${path}: ${formatFieldError(learner.error)}` };
  if (JSON.stringify(configToJson(learner.value.config)) !== JSON.stringify(configToJson(model))) {
    return {
      ok: false,
      line: `${source}: init: the learner ${path} has another model config than the config's "model"`,
    };
  }
  return { ok: true, params: learner.value.params };
}

/**
 * The real command: SIGINT / SIGTERM stop after the current step, with a checkpoint. Every signal is
 * caught while the run lasts: a Ctrl-C reaches the whole process group and a parent (npx, tsx) may relay
 * it again, and a second signal must not end the process before its checkpoint (SIGKILL still does;
 * then at most one interval is lost).
 */
async function runWithSignals(flags: FlagValues, io: CommandIo): Promise<Outcome> {
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // Left installed once a stop was asked for: a relayed second signal may arrive while the process
  // exits after its checkpoint, and must not turn a clean stop into a kill (exit 130).
  try {
    return await run(flags, io, { signal: stop.signal });
  } finally {
    if (!stop.signal.aborted) {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  }
}

export const runMetaTrain = run;

export const metaTrainCommand: Command = {
  name: 'meta-train',
  summary:
    'meta-train V_M with evolution strategies or gradients through the unroll (Adam), or separable CMA-ES, held-out evaluations, checkpoints and --resume',
  flags: [
    { name: 'config', value: 'C.json', help: 'a vsml-meta-config file (dataset paths relative to it)' },
    {
      name: 'preset',
      value: PRESET_NAMES.join('|'),
      choices: PRESET_NAMES,
      help: 'a built-in config instead of --config',
    },
    { name: 'out', value: 'DIR', required: true, help: 'run folder: checkpoint.json, learner.json, log.jsonl' },
    {
      name: 'resume',
      value: '',
      boolean: true,
      help: 'continue the run in DIR from its checkpoint (bit for bit); --config may then be left out',
    },
    { name: 'backend', value: BACKENDS.join('|'), choices: BACKENDS, help: backendHelp('engine for the rollouts') },
    { name: 'steps', value: 'N', help: "total steps, overriding the config's steps" },
    MAX_MEMORY_FLAG,
    {
      name: 'queue',
      value: 'redis://HOST:PORT[/DB]',
      help: 'method es: run the pairs on `vsml worker` processes through this Redis (rediss:// for TLS); the checkpoints are the same bytes',
    },
    {
      name: 'job-pairs',
      value: 'N',
      help: 'with --queue: pairs per job (default: sized to take about 4 s at the measured rate)',
    },
  ],
  run: runWithSignals,
};
