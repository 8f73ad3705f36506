// The fast-association stream, as the paper's Fig. 9 describes it: "MNIST digits with two examples of
// each type. The same digit is always repeated twice": an episode is one image of every class, each
// shown twice, 2K steps (20 for MNIST's 10 classes). Order "apart" (the default): a seeded shuffle of
// the 2K showings in which no image's second showing directly follows its first; "adjacent": each
// image's two showings back to back, the K pairs in a seeded shuffled order. The next episode takes
// the next image of every class: each class's examples are visited in a seeded shuffle, a new one
// when a pass is used up. Every example carries marks (src/model/showings.ts): first or second
// showing, and the start of an episode. `fresh`: every episode starts from fresh learners (the
// paper's setting: 2K steps from scratch); the streams only say so (`episodes`), the learners are
// reset by src/meta/episodes.ts.
//
// Seeds (the counter-based Rng of src/model/rng.ts, as src/data/seeds.ts; stream id "asso"):
//   runSeed = hash3(seed, ASSOCIATION_SEED_STREAM, r)
//   class c's pass p    new Rng(hash3(runSeed, CLASS_PASS_STREAM, c), p), Fisher-Yates of the class's
//                       example indices (in task order)
//   episode e's order   new Rng(runSeed, e): apart: Fisher-Yates of the 2K showings (class by class,
//                       each image twice), redrawn from the same Rng until no image is shown twice in
//                       a row; adjacent: Fisher-Yates of the class order 0..K-1, each image twice
//
// Blocks match the engine's StreamBlock (inputs [Q][T][A], labels [Q][T]), like stream.ts; the marks
// of a block's examples are in `lastMarks` ([Q][T]) after fillBlock.
import { fail, ok, type Result } from '../model/result';
import { hash3, Rng } from '../model/rng';
import { MARK_EPISODE_START, MARK_FIRST, MARK_SECOND } from '../model/showings';
import { checkStreamOptions, StreamSet } from './stream';
import { shuffleInPlace } from './transforms/pixelShuffle';
import type { ExampleTask, Task } from './types';

/** "asso" in ASCII. */
export const ASSOCIATION_SEED_STREAM = 0x6173736f;
/** "clas" in ASCII. */
export const CLASS_PASS_STREAM = 0x636c6173;

/** Images of each class per episode, and how often each is shown. */
export const EXAMPLES_PER_CLASS = 1;
export const SHOWINGS_PER_IMAGE = 2;

/** apart: no image's repeat follows its first showing directly; adjacent: the two showings back to back. */
export type AssociationOrder = 'apart' | 'adjacent';
export const ASSOCIATION_ORDERS: readonly AssociationOrder[] = ['apart', 'adjacent'];

export interface AssociationOptions {
  /** Stream seed (uint32); run r's stream derives from (seed, r). */
  readonly seed: number;
  /** Q: streams, one per run. */
  readonly runs: number;
  /** Default apart. */
  readonly order?: AssociationOrder;
  /** Every episode from fresh learners (default false: one continuing stream). */
  readonly fresh?: boolean;
}

export const associationRunSeed = (seed: number, run: number): number => hash3(seed, ASSOCIATION_SEED_STREAM, run);

/** The stream of one run. */
export class AssociationStream {
  /** Examples drawn so far. */
  position = 0;
  /** Showings of one episode: 2K. */
  readonly episodeLength: number;
  private readonly runSeed: number;
  /** Example indices of each class, in task order. */
  private readonly byClass: Uint32Array[];
  /** Each class's current pass (a shuffle of byClass[c]), where it is, and which pass it is. */
  private readonly passes: { order: Uint32Array; at: number; pass: number }[];
  private episode = -1;
  private at: number;
  /** The episode's example indices and their marks. */
  private readonly order: Uint32Array;
  private readonly marks: Uint8Array;

  constructor(
    readonly task: ExampleTask,
    readonly seed: number,
    readonly run: number,
    readonly orderKind: AssociationOrder = 'apart',
  ) {
    this.runSeed = associationRunSeed(seed, run);
    this.byClass = examplesByClass(task);
    this.passes = this.byClass.map((ex) => ({ order: new Uint32Array(ex.length), at: ex.length, pass: -1 }));
    this.episodeLength = EXAMPLES_PER_CLASS * SHOWINGS_PER_IMAGE * task.numClasses;
    this.order = new Uint32Array(this.episodeLength);
    this.marks = new Uint8Array(this.episodeLength);
    this.at = this.episodeLength;
  }

  /**
   * Write the next `count` examples: inputs at inputs[inputsOffset] (count x A), labels at
   * labels[labelsOffset], and, when given, their marks at marks[marksOffset].
   */
  next(
    count: number,
    inputs: Float32Array,
    inputsOffset: number,
    labels: Int32Array,
    labelsOffset: number,
    marks?: Uint8Array,
    marksOffset = 0,
  ): void {
    const { inputSize: A, inputs: src } = this.task;
    for (let t = 0; t < count; t++) {
      if (this.at === this.episodeLength) this.nextEpisode();
      if (marks) marks[marksOffset + t] = this.marks[this.at];
      const i = this.order[this.at++];
      const to = inputsOffset + t * A;
      for (let k = 0; k < A; k++) inputs[to + k] = src[i * A + k];
      labels[labelsOffset + t] = this.task.labels[i];
    }
    this.position += count;
  }

  private nextEpisode(): void {
    this.episode++;
    const K = this.byClass.length;
    const rng = new Rng(this.runSeed, this.episode);
    const image = Array.from({ length: K }, (_, c) => this.nextOfClass(c));
    if (this.orderKind === 'adjacent') {
      const classes = Uint32Array.from({ length: K }, (_, c) => c);
      shuffleInPlace(classes, rng);
      classes.forEach((c, n) => this.order.fill(image[c], 2 * n, 2 * n + 2));
    } else {
      image.forEach((i, c) => this.order.fill(i, 2 * c, 2 * c + 2));
      do shuffleInPlace(this.order, rng);
      while (this.order.some((v, t) => t > 0 && v === this.order[t - 1]));
    }
    const shown = new Set<number>();
    this.order.forEach((i, t) => {
      this.marks[t] = (shown.has(i) ? MARK_SECOND : MARK_FIRST) | (t === 0 ? MARK_EPISODE_START : 0);
      shown.add(i);
    });
    this.at = 0;
  }

  /** Class c's next image (a new pass of its examples when the last is used up). */
  private nextOfClass(c: number): number {
    const p = this.passes[c];
    const examples = this.byClass[c];
    if (examples.length - p.at < EXAMPLES_PER_CLASS) {
      p.pass++;
      p.order.set(examples);
      shuffleInPlace(p.order, new Rng(hash3(this.runSeed, CLASS_PASS_STREAM, c), p.pass));
      p.at = 0;
    }
    return p.order[p.at++];
  }
}

function examplesByClass(task: ExampleTask): Uint32Array[] {
  const lists: number[][] = Array.from({ length: task.numClasses }, () => []);
  for (let i = 0; i < task.count; i++) lists[task.labels[i]].push(i);
  return lists.map((l) => Uint32Array.from(l));
}

/** Q association streams for Q runs, producing engine blocks and their marks. */
export class AssociationStreams extends StreamSet<AssociationStream> {
  /** Every stream's episodes: their length (2K, the same for every run) and whether each starts from fresh learners. */
  readonly episodes: { readonly length: number; readonly fresh: boolean };
  /** [Q][T] marks (MARK_* bits) of the examples of the last fillBlock. */
  lastMarks = new Uint8Array(0);

  constructor(
    task: ExampleTask,
    readonly options: AssociationOptions,
  ) {
    const order = options.order ?? 'apart';
    super(
      task,
      Array.from({ length: options.runs }, (_, q) => new AssociationStream(task, options.seed, q, order)),
    );
    this.episodes = { length: this.streams[0].episodeLength, fresh: options.fresh ?? false };
  }

  override fillBlock(block: {
    readonly inputs: Float32Array;
    readonly labels: Int32Array;
    readonly steps: number;
  }): void {
    const T = block.steps;
    const A = this.task.inputSize;
    if (this.lastMarks.length !== this.streams.length * T) this.lastMarks = new Uint8Array(this.streams.length * T);
    this.streams.forEach((s, q) => s.next(T, block.inputs, q * T * A, block.labels, q * T, this.lastMarks, q * T));
  }
}

/**
 * Refused, naming `stream` (or `order`): a generated task, a class without examples, one class for apart, a bad order.
 */
export function createAssociationStreams(task: Task, options: AssociationOptions): Result<AssociationStreams> {
  const { seed, runs } = options;
  if (task.kind !== 'examples') {
    return fail('transform', 'stream', `association episodes need a dataset of examples; ${task.name} is generated`);
  }
  const bad = checkStreamOptions(seed, runs);
  if (bad) return bad;
  const order = options.order ?? 'apart';
  if (!ASSOCIATION_ORDERS.includes(order))
    return fail('range', 'order', `must be ${ASSOCIATION_ORDERS.join(' or ')}, got ${String(order)}`);
  if (options.fresh !== undefined && typeof options.fresh !== 'boolean')
    return fail('type', 'fresh', `must be true or false, got ${String(options.fresh)}`);
  if (order === 'apart' && task.numClasses < 2) {
    return fail(
      'range',
      'order',
      `apart needs at least 2 classes (a repeat cannot be kept from following its first showing); ${task.name} has ${task.numClasses}`,
    );
  }
  const counts = new Array<number>(task.numClasses).fill(0);
  for (let i = 0; i < task.count; i++) counts[task.labels[i]]++;
  const short = counts.findIndex((n) => n < EXAMPLES_PER_CLASS);
  if (short >= 0) {
    return fail(
      'empty',
      'stream',
      `association episodes need an example of every class; ${task.name} has none of class ${short} (${task.classNames[short]})`,
    );
  }
  return ok(new AssociationStreams(task, options));
}
