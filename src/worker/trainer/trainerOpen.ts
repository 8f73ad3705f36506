// From a meta-training config (and a checkpoint to continue) plus the user's files to a trainer whose
// engines are known to fit: the dataset files the config names are found among the files by name,
// the init learner likewise, createTrainer opens the data and refuses a run over the memory limit
// (before any task or engine is made), the checkpoint is restored, and every
// engine the run will ask for (Trainer.engineSpecs) is made once and disposed, so a grid over the
// GPU's limits is refused now, with the GPU engine's own message, rather than some steps in.
import type { DatasetFiles } from '../../data/load';
import type { FileRole } from '../../data/registry';
import type { DataSource, FileInput, SplitName } from '../../data/types';
import type { Checkpoint } from '../../meta/checkpoint';
import { usesRollouts, type MetaConfig } from '../../meta/metaConfig';
import { createTrainer, type DataProvider, type EngineFactory, type Trainer } from '../../meta/trainer';
import type { EngineSpec } from '../../model/engine';
import { parseJsonText } from '../../model/formats/json';
import { configToJson, parseLearner } from '../../model/formats/learner';
import type { VmParams } from '../../model/layout';
import { errorMessage, fail, formatFieldError, type Reply, type Result } from '../../model/result';
import { estimateMetaTraining, registrySizes } from '../../meta/metaMemory';
import { memoryRefusal, type MemoryLimit, type MemoryRefusal } from '../../model/resources';
import type { EngineChoice } from '../shared/engineChoice';
import { browserMemoryLimit } from '../shared/memoryLimit';
import type { KeyValueStore } from '../storage/keyValueStore';

/** What openDataset needs for one dataset of a config. */
export interface DataRequest {
  readonly split: SplitName;
  /** The task seed (Random's 20 examples). */
  readonly seed: number;
  /** EMNIST: transpose to upright. */
  readonly upright: boolean;
  /** The user's files by role (idx and cifar datasets). */
  readonly files?: DatasetFiles;
}

/** Milliseconds for speeds, and the wall time for "saved at". */
export interface TrainerClock {
  now(): number;
  /** ISO 8601. */
  iso(): string;
}

export const realTrainerClock: TrainerClock = { now: () => performance.now(), iso: () => new Date().toISOString() };

export interface TrainerDeps {
  /**
   * An engine (WebGPU, or the CPU engine with the reason: trainerEngine.ts); throws when a spec does not fit the GPU.
   */
  makeEngine(spec: EngineSpec): Promise<EngineChoice>;
  /** openDataset in the browser (the built-in MNIST fetched), with the built-in set from disk in Node. */
  openData(dataset: string, request: DataRequest): Promise<Result<DataSource>>;
  /** Where the autosave and the handed-off learner live (IndexedDB in the browser). */
  readonly store: KeyValueStore;
  /** Default: performance.now and the date. */
  readonly clock?: TrainerClock;
  /**
   * What a run may need (createTrainer refuses more, naming the config field); default browserMemoryLimit
   * (memoryLimit.ts).
   */
  readonly memoryLimit?: MemoryLimit;
}

/** How to get under the limit on the trainer page (no setting raises it). */
export const TRAINER_RAISE =
  'choose fewer pairs, evaluation runs or smaller layers, or run vsml meta-train --max-memory';

/** The limit a trainer run is checked against. */
export const trainerMemoryLimit = (deps: Pick<TrainerDeps, 'memoryLimit'>): MemoryLimit =>
  deps.memoryLimit ?? browserMemoryLimit(TRAINER_RAISE);

/**
 * A config's memory as far as it is known without its data (the registry's shapes and classes; no
 * example counts or file data sets), for check(): a refusal names the config field (e.g.
 * model.hiddenSizes), so the form shows it beside that field. start() checks the whole estimate.
 */
export async function configMemoryRefusal(config: MetaConfig, limit: MemoryLimit): Promise<MemoryRefusal | null> {
  const estimate = await estimateMetaTraining(config, registrySizes, { keepCurves: true, gradientWorkers: 1 });
  return estimate.ok ? memoryRefusal(estimate.value, limit) : null;
}

export interface OpenedTrainer {
  readonly trainer: Trainer;
  readonly backend: string;
  readonly description: string;
  readonly fallback: string | null;
  /** Device-loss sentences of the GPU engines made so far and later. */
  readonly lost: Promise<string>;
}

export type OpenedResult = Reply<{ readonly value: OpenedTrainer }>;

const lastSegment = (path: string): string => path.split(/[\\/]/).pop() ?? path;

/** The file a config names by `path`: the one whose name is the path, else whose name is its last segment. */
export function findFile(files: readonly FileInput[], path: string): FileInput | undefined {
  return files.find((f) => f.name === path) ?? files.find((f) => f.name === lastSegment(path));
}

const notGiven = (path: string, files: readonly FileInput[]): string =>
  `not among the files given (${files.length ? files.map((f) => f.name).join(', ') : 'none'}); add it beside the config`;

/** The DataProvider of createTrainer: a dataset's file paths become the user's files. */
function fileDataProvider(deps: TrainerDeps, files: readonly FileInput[]): DataProvider {
  return async (ref, split, seed) => {
    let found: { [R in FileRole]?: FileInput } | undefined;
    if (ref.files) {
      found = {};
      for (const [role, path] of Object.entries(ref.files) as [FileRole, string][]) {
        const f = findFile(files, path);
        if (!f) return fail('missing', path, notGiven(path, files));
        found[role] = f;
      }
    }
    return deps.openData(ref.name, { split, seed, upright: ref.upright ?? false, ...(found ? { files: found } : {}) });
  };
}

/** V_M of the learner file the config starts from (config.init), from the files; its model must be the config's. */
function initParams(
  config: MetaConfig,
  files: readonly FileInput[],
): { ok: true; params: VmParams } | { ok: false; message: string } {
  const path = config.init as string;
  const file = findFile(files, path);
  if (!file) return { ok: false, message: `init: ${path}: ${notGiven(path, files)}` };
  const raw = parseJsonText(new TextDecoder().decode(file.bytes));
  const learner = raw.ok ? parseLearner(raw.value) : raw;
  if (!learner.ok) return { ok: false, message: `${file.name}: ${formatFieldError(learner.error)}` };
  if (JSON.stringify(configToJson(learner.value.config)) !== JSON.stringify(configToJson(config.model))) {
    return { ok: false, message: `init: the learner ${file.name} has another model config than the config's "model"` };
  }
  return { ok: true, params: learner.value.params };
}

export async function openTrainer(
  deps: TrainerDeps,
  config: MetaConfig,
  files: readonly FileInput[],
  checkpoint?: Checkpoint,
): Promise<OpenedResult> {
  let initialParams: VmParams | undefined;
  if (config.init !== null) {
    if (checkpoint)
      initialParams = checkpoint.learner.params; // replaced by the checkpoint's theta anyway
    else {
      const init = initParams(config, files);
      if (!init.ok) return init;
      initialParams = init.params;
    }
  }
  let reportLost: (message: string) => void = () => {};
  const lost = new Promise<string>((resolve) => (reportLost = resolve));
  const made: EngineChoice[] = [];
  const use = (choice: EngineChoice): EngineChoice => {
    made.push(choice);
    void choice.lost?.then(reportLost);
    return choice;
  };
  const factory: EngineFactory = async (spec) => use(await deps.makeEngine(spec)).engine;
  const clock = deps.clock ?? realTrainerClock;
  const created = await createTrainer(config, factory, fileDataProvider(deps, files), {
    now: () => clock.now(),
    ...(initialParams ? { initialParams } : {}),
    // The page keeps every evaluation's curves (trainerHistory.ts); gradients run on this thread.
    memory: { limit: trainerMemoryLimit(deps), keepCurves: true, gradientWorkers: 1 },
  });
  if (!created.ok) return { ok: false, message: formatFieldError(created.error) };
  const trainer = created.value;
  if (checkpoint) {
    const restored = trainer.restore(checkpoint);
    if (!restored.ok) {
      trainer.dispose();
      return { ok: false, message: `checkpoint: ${formatFieldError(restored.error)}` };
    }
  }
  for (const spec of trainer.engineSpecs()) {
    try {
      use(await deps.makeEngine(spec)).engine.dispose();
    } catch (e) {
      trainer.dispose();
      return { ok: false, message: errorMessage(e) };
    }
  }
  const first = made[0] as EngineChoice | undefined;
  const evaluationsOn = first ? `; held-out evaluations on ${first.engine.description}` : '';
  if (!usesRollouts(config.method)) {
    const what = config.method === 'gradient' ? 'gradients through the unroll' : 'cloning backprop';
    return {
      ok: true,
      value: {
        trainer,
        backend: 'reference',
        description: `${what} on the CPU (this worker's thread)${evaluationsOn}`,
        fallback: first?.fallback ?? null,
        lost,
      },
    };
  }
  // ES and cma-es always have rollout engines, so `first` is set.
  const engine = (first as EngineChoice).engine;
  return {
    ok: true,
    value: {
      trainer,
      backend: engine.backend,
      description: engine.description,
      fallback: (first as EngineChoice).fallback,
      lost,
    },
  };
}
