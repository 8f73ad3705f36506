// The fast-association stream (the paper's Fig. 9): episodes of 2 distinct examples of every class,
// each shown twice, in a seeded random order over the episode in which no example follows itself, so
// every repeat comes after a gap and a learner that associates fast gets it right the second time.
// The next episode takes the next 2 examples of each class: every class's examples are visited in a
// seeded shuffle, 2 per episode; when fewer than 2 are left, a new shuffle of that class begins.
//
// Seeds (the counter-based Rng of src/model/rng.ts, as src/data/seeds.ts; stream id "asso"):
//   runSeed = hash3(seed, ASSOCIATION_SEED_STREAM, r)
//   class c's pass p    new Rng(hash3(runSeed, CLASS_PASS_STREAM, c), p), Fisher-Yates of the class's
//                       example indices (in task order)
//   episode e's order   new Rng(runSeed, e): Fisher-Yates of the 4K presentations (class by class:
//                       first example twice, second twice), redrawn from the same Rng until no example
//                       is shown twice in a row
//
// Blocks match the engine's StreamBlock (inputs [Q][T][A], labels [Q][T]), like stream.ts.
import { fail, ok, type Result } from '../model/result';
import { hash3, Rng } from '../model/rng';
import { checkStreamOptions, StreamSet } from './stream';
import { shuffleInPlace } from './transforms/pixelShuffle';
import type { ExampleTask, Task } from './types';

/** "asso" in ASCII. */
export const ASSOCIATION_SEED_STREAM = 0x6173736f;
/** "clas" in ASCII. */
export const CLASS_PASS_STREAM = 0x636c6173;

/** Distinct examples of each class per episode, and how often each is shown. */
export const EXAMPLES_PER_CLASS = 2;
export const SHOWINGS = 2;

export interface AssociationOptions {
  /** Stream seed (uint32); run r's stream derives from (seed, r). */
  readonly seed: number;
  /** Q: streams, one per run. */
  readonly runs: number;
}

export const associationRunSeed = (seed: number, run: number): number => hash3(seed, ASSOCIATION_SEED_STREAM, run);

/** The stream of one run. */
export class AssociationStream {
  /** Examples drawn so far. */
  position = 0;
  /** Presentations of one episode: 4K example indices. */
  readonly episodeLength: number;
  private readonly runSeed: number;
  /** Example indices of each class, in task order. */
  private readonly byClass: Uint32Array[];
  /** Each class's current pass (a shuffle of byClass[c]), where it is, and which pass it is. */
  private readonly passes: { order: Uint32Array; at: number; pass: number }[];
  private episode = -1;
  private at: number;
  private readonly order: Uint32Array;

  constructor(
    readonly task: ExampleTask,
    readonly seed: number,
    readonly run: number,
  ) {
    this.runSeed = associationRunSeed(seed, run);
    this.byClass = examplesByClass(task);
    this.passes = this.byClass.map((ex) => ({ order: new Uint32Array(ex.length), at: ex.length, pass: -1 }));
    this.episodeLength = EXAMPLES_PER_CLASS * SHOWINGS * task.numClasses;
    this.order = new Uint32Array(this.episodeLength);
    this.at = this.episodeLength;
  }

  /** Write the next `count` examples: inputs at inputs[inputsOffset] (count x A), labels at labels[labelsOffset]. */
  next(count: number, inputs: Float32Array, inputsOffset: number, labels: Int32Array, labelsOffset: number): void {
    const { inputSize: A, inputs: src } = this.task;
    for (let t = 0; t < count; t++) {
      if (this.at === this.episodeLength) this.nextEpisode();
      const i = this.order[this.at++];
      const to = inputsOffset + t * A;
      for (let k = 0; k < A; k++) inputs[to + k] = src[i * A + k];
      labels[labelsOffset + t] = this.task.labels[i];
    }
    this.position += count;
  }

  private nextEpisode(): void {
    this.episode++;
    let n = 0;
    for (let c = 0; c < this.byClass.length; c++) {
      const p = this.startOfClassEpisode(c);
      for (let k = 0; k < EXAMPLES_PER_CLASS; k++) {
        const i = p.order[p.at++];
        for (let r = 0; r < SHOWINGS; r++) this.order[n++] = i;
      }
    }
    const rng = new Rng(this.runSeed, this.episode);
    do shuffleInPlace(this.order, rng);
    while (this.order.some((v, t) => t > 0 && v === this.order[t - 1]));
    this.at = 0;
  }

  /** Class c's pass, with at least 2 examples left (a new pass when fewer are). */
  private startOfClassEpisode(c: number): { order: Uint32Array; at: number } {
    const p = this.passes[c];
    const examples = this.byClass[c];
    if (examples.length - p.at < EXAMPLES_PER_CLASS) {
      p.pass++;
      p.order.set(examples);
      shuffleInPlace(p.order, new Rng(hash3(this.runSeed, CLASS_PASS_STREAM, c), p.pass));
      p.at = 0;
    }
    return p;
  }
}

function examplesByClass(task: ExampleTask): Uint32Array[] {
  const lists: number[][] = Array.from({ length: task.numClasses }, () => []);
  for (let i = 0; i < task.count; i++) lists[task.labels[i]].push(i);
  return lists.map((l) => Uint32Array.from(l));
}

/** Q association streams for Q runs, producing engine blocks (fillBlock and the rest from StreamSet). */
export class AssociationStreams extends StreamSet<AssociationStream> {
  constructor(
    task: ExampleTask,
    readonly options: AssociationOptions,
  ) {
    super(task, Array.from({ length: options.runs }, (_, q) => new AssociationStream(task, options.seed, q)));
  }
}

/** Refused, naming `stream`: a generated task, or a class with fewer than 2 examples. */
export function createAssociationStreams(task: Task, options: AssociationOptions): Result<AssociationStreams> {
  const { seed, runs } = options;
  if (task.kind !== 'examples') {
    return fail('transform', 'stream', `association episodes need a dataset of examples; ${task.name} is generated`);
  }
  const bad = checkStreamOptions(seed, runs);
  if (bad) return bad;
  const counts = new Array<number>(task.numClasses).fill(0);
  for (let i = 0; i < task.count; i++) counts[task.labels[i]]++;
  const short = counts.findIndex((n) => n < EXAMPLES_PER_CLASS);
  if (short >= 0) {
    return fail('empty', 'stream', `association episodes need ${EXAMPLES_PER_CLASS} examples of every class; ${task.name} has ${counts[short]} of class ${short} (${task.classNames[short]})`);
  }
  return ok(new AssociationStreams(task, options));
}
