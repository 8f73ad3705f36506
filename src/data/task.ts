// A data source plus a task spec gives a Task: examples transformed and normalised, ready to stream.
// The same source and spec (seed included) always give the same task.
import { fail, ok, type Result } from '../model/result';
import type { Rng } from '../model/rng';
import { compilePipeline, type Pipeline } from './pipeline';
import { selectClasses } from './transforms/classSubset';
import { shapeSize, type DataSource, type Normalisation, type Task } from './types';

/** Largest materialised task (N x A float32 values): 1 GiB. */
export const MAX_TASK_BYTES = 1024 * 1024 * 1024;

export interface TaskSpec {
  /** Task seed for the projection matrix and the pixel permutation (default 0). */
  readonly seed?: number;
  /** Keep only these classes, relabelled to their index in the list (K = the list's length). */
  readonly classes?: readonly number[];
  /** RGB to one channel (CIFAR-10). Without it, CIFAR-10 is flattened with 3 channels (3,072 inputs). */
  readonly grayscale?: boolean;
  /** Square output side; undefined: the source's default (Omniglot 28) or none; null: none. */
  readonly resize?: number | null;
  /** undefined: the source's statistics; null: none. */
  readonly normalisation?: Normalisation | null;
  /** A fixed permutation of the inputs (from the seed). */
  readonly shufflePixels?: boolean;
  /** A fixed Glorot-uniform D x D projection (from the seed). */
  readonly project?: boolean;
}

function describe(spec: TaskSpec, resize: number | null, seed: number): string {
  const parts: string[] = [];
  if (spec.classes) parts.push(`classes ${spec.classes.join(',')}`);
  if (spec.grayscale) parts.push('gray');
  if (resize !== null) parts.push(`${resize}x${resize}`);
  if (spec.shufflePixels) parts.push(`shuffle(seed ${seed})`);
  if (spec.project) parts.push(`projection(seed ${seed})`);
  return parts.length ? ` [${parts.join(', ')}]` : '';
}

/**
 * The per-example data path of a task (`seed` as given, default 0; checked by buildTask), and the resize it applies.
 */
export function taskPipeline(
  source: DataSource,
  spec: TaskSpec,
): { resize: number | null; pipeline: Result<Pipeline> } {
  const resize =
    spec.resize === undefined ? (source.kind === 'images' ? (source.defaultResize ?? null) : null) : spec.resize;
  const pipeline = compilePipeline(source.shape, {
    seed: spec.seed ?? 0,
    grayscale: spec.grayscale ?? false,
    resize,
    normalisation: spec.normalisation === undefined ? source.normalisation : spec.normalisation,
    shufflePixels: spec.shufflePixels ?? false,
    project: spec.project ?? false,
  });
  return { resize, pipeline };
}

export function buildTask(source: DataSource, spec: TaskSpec = {}): Result<Task> {
  const seed = spec.seed ?? 0;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
    return fail('range', 'seed', `must be an integer in [0, 2^32), got ${seed}`);
  const { resize, pipeline } = taskPipeline(source, spec);
  if (!pipeline.ok) return pipeline;
  const { run, runAll, outShape: shape, inputSize: A } = pipeline.value;
  const name = source.name + describe(spec, resize, seed);

  if (source.kind === 'generator') {
    if (spec.classes)
      return fail('transform', 'classes', `${source.name} is generated; class subsets need a dataset of examples`);
    const raw = new Float32Array(shapeSize(source.shape));
    const sample = (rng: Rng, out: Float32Array, offset: number): number => {
      const label = source.sample(rng, raw, 0);
      run(raw, 0, out, offset);
      return label;
    };
    return ok({
      kind: 'generated',
      name,
      shape,
      inputSize: A,
      numClasses: source.numClasses,
      classNames: source.classNames,
      sample,
    });
  }

  let set = source;
  if (spec.classes) {
    const picked = selectClasses(source, spec.classes);
    if (!picked.ok) return picked;
    set = picked.value;
  }
  const N = set.count;
  if (N * A * 4 > MAX_TASK_BYTES) {
    return fail(
      'too-large',
      'task',
      `${N} examples x ${A} inputs is ${Math.round((N * A * 4) / 2 ** 20)} MiB of float32, over the 1024 MiB limit`,
    );
  }
  const inputs = new Float32Array(N * A);
  runAll(set.pixels, N, inputs);
  return ok({
    kind: 'examples',
    name,
    shape,
    inputSize: A,
    numClasses: set.numClasses,
    classNames: set.classNames,
    count: N,
    inputs,
    labels: set.labels,
  });
}
