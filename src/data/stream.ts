// Online streams: what each run of a learner sees, one example after another.
//
// A task of examples is streamed as a seeded shuffle, repeated: epoch e of run r visits every example
// once in the order of a Fisher-Yates shuffle of the identity drawn from new Rng(runOrderSeed(seed, r), e),
// so a new order each epoch, each computable on its own. (The official code shuffles with a 10,000-element
// buffer; for the test splits here, at most 10,000 examples, that is a full shuffle too.)
// A generated task (Sum Sign) draws fresh examples from new Rng(runGenerateSeed(seed, r)) in sequence.
//
// Blocks match the engine's StreamBlock: inputs [Q][T][A], labels [Q][T], stream q for run q.
import type { BlockSource, StreamBlock } from '../model/engine';
import { fail, ok, type Result } from '../model/result';
import { Rng } from '../model/rng';
import { runGenerateSeed, runOrderSeed } from './seeds';
import { shuffleInPlace } from './transforms/pixelShuffle';
import type { Task } from './types';

export interface StreamOptions {
  /** Stream seed (uint32); run r's stream derives from (seed, r). */
  readonly seed: number;
  /** Q: streams, one per run. */
  readonly runs: number;
  /** Index of the first run (default 0): streams for runs first..first+Q-1, e.g. to split runs across shards. */
  readonly firstRun?: number;
}

/** The stream of one run. */
export class OnlineStream {
  /** Examples drawn so far. */
  position = 0;
  private epoch = -1;
  private at = 0;
  private readonly order: Uint32Array;
  private readonly rng: Rng | null;

  constructor(
    readonly task: Task,
    readonly seed: number,
    readonly run: number,
  ) {
    if (task.kind === 'examples') {
      this.order = new Uint32Array(task.count);
      this.at = task.count;
      this.rng = null;
    } else {
      this.order = new Uint32Array(0);
      this.rng = new Rng(runGenerateSeed(seed, run));
    }
  }

  /** The example order of epoch `e` (a fresh permutation of 0..N-1). */
  epochOrder(e: number, out: Uint32Array = new Uint32Array(this.order.length)): Uint32Array {
    for (let i = 0; i < out.length; i++) out[i] = i;
    shuffleInPlace(out, new Rng(runOrderSeed(this.seed, this.run), e));
    return out;
  }

  /** Write the next `count` examples: inputs at inputs[inputsOffset] (count x A), labels at labels[labelsOffset]. */
  next(count: number, inputs: Float32Array, inputsOffset: number, labels: Int32Array, labelsOffset: number): void {
    const task = this.task;
    const A = task.inputSize;
    if (task.kind === 'generated') {
      for (let t = 0; t < count; t++)
        labels[labelsOffset + t] = task.sample(this.rng as Rng, inputs, inputsOffset + t * A);
    } else {
      const N = task.count;
      const src = task.inputs;
      for (let t = 0; t < count; t++) {
        if (this.at === N) {
          this.epoch++;
          this.epochOrder(this.epoch, this.order);
          this.at = 0;
        }
        const i = this.order[this.at++];
        const from = i * A;
        const to = inputsOffset + t * A;
        for (let k = 0; k < A; k++) inputs[to + k] = src[from + k];
        labels[labelsOffset + t] = task.labels[i];
      }
    }
    this.position += count;
  }
}

/** One run's source of examples: the next `count` into the arrays at the offsets. */
export interface ExampleSource {
  next(count: number, inputs: Float32Array, inputsOffset: number, labels: Int32Array, labelsOffset: number): void;
}

/** Q streams of any kind for Q runs, producing engine blocks. */
export abstract class StreamSet<S extends ExampleSource> implements BlockSource {
  constructor(
    readonly task: Task,
    readonly streams: readonly S[],
  ) {}

  get inputSize(): number {
    return this.task.inputSize;
  }

  get numClasses(): number {
    return this.task.numClasses;
  }

  /** The next `steps` examples of every stream, in new arrays. */
  nextBlock(steps: number): StreamBlock {
    const Q = this.streams.length;
    const block = {
      inputs: new Float32Array(Q * steps * this.task.inputSize),
      labels: new Int32Array(Q * steps),
      steps,
    };
    this.fillBlock(block);
    return block;
  }

  /** Overwrite a block's arrays (sized Q x steps x A and Q x steps) with the next `block.steps` examples. */
  fillBlock(block: { readonly inputs: Float32Array; readonly labels: Int32Array; readonly steps: number }): void {
    const T = block.steps;
    const A = this.task.inputSize;
    this.streams.forEach((s, q) => s.next(T, block.inputs, q * T * A, block.labels, q * T));
  }
}

/** Q streams for Q runs, producing engine blocks. */
export class RunStreams extends StreamSet<OnlineStream> {
  constructor(
    task: Task,
    readonly options: StreamOptions,
  ) {
    const first = options.firstRun ?? 0;
    super(
      task,
      Array.from({ length: options.runs }, (_, q) => new OnlineStream(task, options.seed, first + q)),
    );
  }
}

/** The seed and run count every set of streams checks, or null when both are fine. */
export function checkStreamOptions(seed: number, runs: number): Result<never> | null {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
    return fail('range', 'seed', `must be an integer in [0, 2^32), got ${seed}`);
  if (!Number.isInteger(runs) || runs < 1) return fail('range', 'runs', `must be a positive integer, got ${runs}`);
  return null;
}

export function createRunStreams(task: Task, options: StreamOptions): Result<RunStreams> {
  const bad = checkStreamOptions(options.seed, options.runs);
  if (bad) return bad;
  const first = options.firstRun ?? 0;
  if (!Number.isInteger(first) || first < 0)
    return fail('range', 'firstRun', `must be a non-negative integer, got ${first}`);
  return ok(new RunStreams(task, options));
}
