// The tasks behind the variants, built once per run through the injected DataProvider and shared
// where variants coincide (a task seed matters only for a fixed projection and for Random's examples).
import { buildTask } from '../data/task';
import type { DataSource, SplitName, Task } from '../data/types';
import { fail, formatFieldError, ok, type Result } from '../model/result';
import type { DatasetRef } from './datasetRef';
import type { MetaConfig } from './metaConfig';
import { describeVariant, type TaskVariant } from './variants';

/**
 * Opens a dataset split (in Node from files, in the browser from the built-in asset or the user's
 * files). `seed` is the task seed, which only Random reads (its 20 examples). Errors are values whose
 * field names the file at fault.
 */
export type DataProvider = (ref: DatasetRef, split: SplitName, seed: number) => Promise<Result<DataSource>>;

/**
 * What batching and engine planning read of a task: its shape. VariantTask has it; so has a size counted before
 * building (metaMemory.ts).
 */
export interface ShapedTask {
  readonly task: { readonly inputSize: number; readonly numClasses: number };
}

export interface VariantTask {
  readonly variant: TaskVariant;
  /** Transformed and normalised; projected here only for a fixed projection. */
  readonly task: Task;
  /** Project each trajectory with a new matrix (tasks.projection = per-step). */
  readonly projectPerStep: boolean;
}

/** Sources and tasks opened so far, keyed so that equal requests share one object. */
export class SourceCache {
  private readonly sources = new Map<string, DataSource>();

  constructor(private readonly provider: DataProvider) {}

  async open(ref: DatasetRef, split: SplitName, seed: number): Promise<Result<DataSource>> {
    const key = JSON.stringify([ref, split, ref.name === 'random' ? seed : 0]);
    const hit = this.sources.get(key);
    if (hit) return ok(hit);
    const r = await this.provider(ref, split, seed);
    if (r.ok) this.sources.set(key, r.value);
    return r;
  }
}

export async function buildVariantTasks(
  cfg: MetaConfig,
  variants: readonly TaskVariant[],
  sources: SourceCache,
): Promise<Result<VariantTask[]>> {
  const tasks = new Map<string, Task>();
  const out: VariantTask[] = [];
  const perStep = cfg.tasks.projection === 'per-step';
  for (const v of variants) {
    const fixedProjection = v.project && !perStep;
    const isRandom = v.dataset.name === 'random';
    const seed = fixedProjection || isRandom ? v.taskSeed : 0;
    const key = JSON.stringify([v.datasetIndex, v.resize, v.classes, fixedProjection, seed]);
    let task = tasks.get(key);
    if (!task) {
      const source = await sources.open(v.dataset, cfg.tasks.split, seed);
      if (!source.ok) return source;
      const built = buildTask(source.value, {
        seed,
        resize: v.resize,
        project: fixedProjection,
        ...(v.classes ? { classes: v.classes } : {}),
        ...(v.dataset.normalisation !== undefined ? { normalisation: v.dataset.normalisation } : {}),
      });
      if (!built.ok)
        return fail(
          built.error.code,
          'tasks',
          `variant ${v.index} (${describeVariant(v)}): ${formatFieldError(built.error)}`,
        );
      task = built.value;
      tasks.set(key, task);
    }
    out.push({ variant: v, task, projectPerStep: v.project && perStep });
  }
  return ok(out);
}
