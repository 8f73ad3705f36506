// What a meta-training run needs, counted once its data sets are open and before any task, engine or
// projection is made (createTrainer checks it when given a limit): the data sets as read, every
// distinct task's transformed examples, the largest projection being drawn, the engines (one per
// task shape at its largest batch, and the held-out ones: state h and c and one V_M per run), the
// initial states and example orders of a step, one block, per-step projections, the held-out curves
// (kept for every evaluation when the caller keeps a history), and method gradient's tapes.
// Each part names the config field that makes it large.
import { carriesHeld } from '../model/grad/trajectoryGradient';
import { DATASETS } from '../data/registry';
import type { TaskSpec } from '../data/task';
import { taskParts, taskSize, type TaskFields, type TaskSize } from '../data/taskSize';
import type { SplitName } from '../data/types';
import { paramLayout } from '../model/layout';
import {
  engineItems,
  estimateOf,
  F32,
  F64,
  gridCells,
  productItem,
  stateField,
  type MemoryEstimate,
  type MemoryItem,
} from '../model/resources';
import { fail, formatFieldError, ok, type Result } from '../model/result';
import { runEngineSpecs } from './engineSpecs';
import type { MetaConfig } from './metaConfig';
import { blockSteps, DEFAULT_MAX_RUNS_PER_BATCH } from './rollouts';
import type { DatasetRef } from './datasetRef';
import type { SourceCache } from './taskSet';
import { describeVariant, taskVariants } from './variants';

/** Runs per engine batch below which `pairs` is not named as a reason for a large state. */
const TYPICAL_RUNS = 32;
/** Float64 values per cell and micro-tick recorded by a layer tape (src/model/grad/layerTape.ts REC) times N. */
const TAPE_RECORDS = 7;

export interface MetaMemoryOptions {
  readonly maxRunsPerBatch?: number;
  /** Input values per rollout block (rollouts.ts; default 8 Mi). */
  readonly blockValues?: number;
  /** Trajectories whose gradients are computed at once (method gradient: the worker threads). */
  readonly gradientWorkers?: number;
  /** The caller keeps every evaluation's curves (the trainer page's history). */
  readonly keepCurves?: boolean;
}

interface Sized {
  readonly task: { readonly inputSize: number; readonly numClasses: number };
  readonly size: TaskSize;
  readonly projected: boolean;
}

/**
 * A data set opened (an error names its file) and its size under a task spec (an error as buildTask's), with the source
 * object to count a shared source once.
 */
export interface SizedSource {
  readonly source: object;
  readonly size: Result<TaskSize>;
}

/** The size of a data set under a task spec; null when it cannot be known yet. */
export type TaskSizer = (
  ref: DatasetRef,
  split: SplitName,
  seed: number,
  spec: TaskSpec,
) => Promise<Result<SizedSource | null>>;

/** The sizes of the opened data sets (shared with the trainer through the cache: opened once). */
export const openedSizes =
  (sources: SourceCache): TaskSizer =>
  async (ref, split, seed, spec) => {
    const source = await sources.open(ref, split, seed);
    return source.ok ? ok({ source: source.value, size: taskSize(source.value, spec) }) : source;
  };

/**
 * The sizes the registry knows without opening anything (its shape and classes; no example counts),
 * for checking a config as it is typed: data sets whose shape or classes come with their files count nothing.
 */
export const registrySizes: TaskSizer = async (ref, _split, _seed, spec) => {
  const info = DATASETS[ref.name];
  if (info.shapeFromFile || info.numClasses === null) return ok(null);
  const fake = {
    kind: 'generator' as const,
    name: info.name,
    shape: info.shape,
    numClasses: info.numClasses,
    classNames: info.classNames,
    normalisation: null,
    sample: () => 0,
  };
  const size = taskSize(fake, spec);
  // A class subset keeps K = the list's length (its examples are not counted here).
  return ok({
    source: info,
    size: size.ok && spec.classes ? ok({ ...size.value, numClasses: spec.classes.length }) : size,
  });
};

export async function estimateMetaTraining(
  cfg: MetaConfig,
  sizeOf: TaskSizer,
  opts: MetaMemoryOptions = {},
): Promise<Result<MemoryEstimate>> {
  const items: MemoryItem[] = [];
  const seenSources = new Set<object>();
  const seenTasks = new Set<string>();
  const drawn: { projection: MemoryItem | null } = { projection: null };
  const addTask = (source: object, key: string, size: TaskSize, fields: TaskFields) => {
    const parts = taskParts(size, fields);
    if (parts.source && !seenSources.has(source)) items.push(parts.source);
    seenSources.add(source);
    if (parts.examples && !seenTasks.has(key)) items.push(parts.examples);
    seenTasks.add(key);
    // Projections are drawn one task at a time: the largest counts.
    if (parts.projection && (!drawn.projection || parts.projection.bytes > drawn.projection.bytes))
      drawn.projection = parts.projection;
  };

  // The tasks of the variants, keyed as buildVariantTasks shares them.
  const perStep = cfg.tasks.projection === 'per-step';
  const tasks: Sized[] = [];
  for (const v of taskVariants(cfg)) {
    const fixed = v.project && !perStep;
    const seed = fixed || v.dataset.name === 'random' ? v.taskSeed : 0;
    const sized = await sizeOf(v.dataset, cfg.tasks.split, seed, {
      seed,
      resize: v.resize,
      project: fixed,
      ...(v.classes ? { classes: v.classes } : {}),
    });
    if (!sized.ok) return sized;
    if (sized.value === null) continue;
    const { source } = sized.value;
    if (!sized.value.size.ok)
      return fail(
        sized.value.size.error.code,
        'tasks',
        `variant ${v.index} (${describeVariant(v)}): ${formatFieldError(sized.value.size.error)}`,
      );
    const size = sized.value.size.value;
    addTask(source, JSON.stringify(['t', v.datasetIndex, v.resize, v.classes, fixed, seed]), size, {
      data: `tasks.datasets[${v.datasetIndex}]`,
      resize: 'tasks.resize',
      project: 'tasks.project',
    });
    tasks.push({
      task: { inputSize: size.inputSize, numClasses: size.numClasses },
      size,
      projected: v.project && perStep,
    });
  }

  // Held-out tasks.
  const heldOut: { inputSize: number; numClasses: number; runs: number; count: number | null }[] = [];
  const { evaluation } = cfg;
  for (const [i, spec] of evaluation.datasets.entries()) {
    const seed = spec.taskSeed ?? evaluation.seed;
    const sized = await sizeOf(spec.dataset, spec.split, seed, {
      seed,
      resize: spec.resize,
      project: spec.project,
      ...(spec.classes ? { classes: spec.classes } : {}),
    });
    if (!sized.ok) return sized;
    if (sized.value === null) continue;
    const { source } = sized.value;
    if (!sized.value.size.ok)
      return fail(sized.value.size.error.code, `evaluation.datasets[${i}]`, formatFieldError(sized.value.size.error));
    const size = sized.value.size.value;
    const at = `evaluation.datasets[${i}]`;
    addTask(source, JSON.stringify(['h', i]), size, { data: at, resize: `${at}.resize`, project: `${at}.project` });
    heldOut.push({ inputSize: size.inputSize, numClasses: size.numClasses, runs: evaluation.runs, count: size.count });
  }
  if (drawn.projection) items.push(drawn.projection);

  const model = cfg.model;
  const maxRuns = opts.maxRunsPerBatch ?? DEFAULT_MAX_RUNS_PER_BATCH;
  const stateBytes = (A: number, K: number): number => gridCells(model, A, K).total * 2 * model.stateSize * F32;
  // Rollout engines (ES), each at the most runs one of its batches holds; then their pairs' initial
  // states, example orders, per-step projections and one block, for the largest batch.
  const rollouts = runEngineSpecs(cfg, tasks, [], maxRuns);
  for (const spec of rollouts) {
    const field = stateField({ runs: 'pairs', hidden: 'model.hiddenSizes', data: 'tasks' }, spec, TYPICAL_RUNS);
    items.push(...engineItems(field, { ...spec, paramsPerRun: true }, 1, 'rollout'));
  }
  const biggest = [...rollouts].sort(
    (a, b) => b.runs * stateBytes(b.inputSize, b.numClasses) - a.runs * stateBytes(a.inputSize, a.numClasses),
  )[0];
  if (biggest) {
    const n = biggest.runs / 2;
    const { inputSize: A, numClasses: K } = biggest;
    const cells = gridCells(model, A, K);
    const field = stateField({ runs: 'pairs', hidden: 'model.hiddenSizes', data: 'tasks' }, biggest, TYPICAL_RUNS);
    items.push(
      productItem(field, "a step's initial states", [
        [n, 'pairs'],
        [cells.total, 'cells'],
        [2 * model.stateSize, 'floats'],
        [F32, 'bytes'],
      ]),
    );
    const count = Math.max(0, ...tasks.map((t) => t.size.count ?? 0));
    items.push(
      productItem('pairs', "a step's example orders", [
        [n, 'pairs'],
        [count, 'examples'],
        [4, 'bytes'],
      ]),
    );
    const C = blockSteps(cfg.trajectoryLength, opts, n, A);
    items.push(
      productItem(
        'pairs',
        'one block of examples',
        [
          [n, 'pairs'],
          [C, 'steps'],
          [A, 'inputs'],
          [F32, 'bytes'],
        ],
        n * C * A,
      ),
    );
    const projectedA = Math.max(0, ...tasks.filter((t) => t.projected).map((t) => t.task.inputSize));
    if (projectedA > 0) {
      items.push(
        productItem(
          'tasks.projection',
          "a step's projection matrices",
          [
            [n, 'pairs'],
            [projectedA, 'rows'],
            [projectedA, 'columns'],
            [F32, 'bytes'],
          ],
          projectedA * projectedA,
        ),
      );
    }
  }

  // Held-out engines, their initial states and example orders, and the curves.
  for (const h of heldOut) {
    const field = stateField(
      { runs: 'evaluation.runs', hidden: 'model.hiddenSizes', data: 'evaluation.datasets' },
      { config: model, ...h },
      TYPICAL_RUNS,
    );
    items.push(
      ...engineItems(
        field,
        { config: model, inputSize: h.inputSize, numClasses: h.numClasses, runs: h.runs },
        2,
        'held-out',
      ),
    );
    if (h.count !== null)
      items.push(
        productItem('evaluation.runs', 'the held-out example orders', [
          [h.runs, 'runs'],
          [h.count, 'examples'],
          [4, 'bytes'],
        ]),
      );
  }
  if (heldOut.length > 0) {
    const evaluations = opts.keepCurves ? (evaluation.every > 0 ? Math.floor(cfg.steps / evaluation.every) + 1 : 0) : 1;
    const factors = [
      [heldOut.length, 'datasets'],
      [evaluation.steps, 'steps'],
      [F64, 'bytes'],
    ] as const;
    if (evaluations > 0) {
      items.push(
        productItem(
          'evaluation.steps',
          opts.keepCurves ? 'the held-out curves of every evaluation' : 'the held-out curves',
          [...(evaluations > 1 ? [[evaluations, 'evaluations'] as const] : []), ...factors],
          evaluation.steps,
        ),
      );
    }
  }

  // Method gradient: per trajectory, the carries of checkpointed recomputation (about 2 sqrt(T) of
  // them, carriesHeld; float64 h and c) and one example's tape.
  if (cfg.method === 'gradient') {
    const workers = Math.max(1, Math.min(cfg.pairs, opts.gradientWorkers ?? 1));
    const cells = Math.max(0, ...tasks.map((t) => gridCells(model, t.task.inputSize, t.task.numClasses).total));
    const perCell =
      (carriesHeld(cfg.trajectoryLength) + 1) * 2 * model.stateSize + model.microTicks * TAPE_RECORDS * model.stateSize;
    const field = model.hiddenSizes.length > 0 ? 'trajectoryLength and model.hiddenSizes' : 'trajectoryLength';
    items.push(
      productItem(field, 'the gradient tapes of the trajectories computed at once', [
        [workers, 'trajectories'],
        [cells, 'cells'],
        [perCell, 'floats'],
        [F64, 'bytes'],
      ]),
    );
  }
  const size = paramLayout(model).size;
  // cma-es: theta, Adam's unused moments (2), the CMA state before and after a tell (4 + 4), the tell's 3
  // sums and noise, a pair's z and step, the rollouts' noise, and the checkpoint's copy (4).
  const vectors = cfg.method === 'cma-es' ? 21 : 6;
  items.push(
    productItem(
      'model',
      cfg.method === 'cma-es' ? 'V_M, Adam moments and the sep-CMA-ES vectors' : 'V_M, Adam moments and the ES vectors',
      [
        [size, 'values'],
        [vectors, 'vectors'],
        [F64, 'bytes'],
      ],
    ),
  );
  return ok(estimateOf(items));
}
