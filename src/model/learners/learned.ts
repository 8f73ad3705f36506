// What the paper's learned learners without variable sharing have in common (official models.py:
// MetaRNN, HebbianFW, FWMemory; configs/pad.yaml): a flat parameter vector meta-trained by the same
// trainer as VSML's V_M, fixed input and output sizes (the official code pads every dataset to 784
// inputs and 62 classes), and an online loop over R independent runs in which each prediction is made
// before its label is seen, then the error softmax(ŷ) − y and the one-hot label are fed back.
import type { BlockResult, RunOptions, StreamBlock } from '../engine';

export const LEARNED_KINDS = ['meta-rnn', 'hebbian', 'fw-memory'] as const;
export type LearnedKind = (typeof LEARNED_KINDS)[number];

/** The fixed sizes a learned learner is built for (official pad.yaml: 784 inputs, 62 classes). */
export interface LearnedShape {
  /** A: inputs per example; a dataset with fewer is zero-padded, one with more is refused. */
  readonly inputSize: number;
  /** K: logits; the softmax runs over all K, a dataset with fewer classes uses labels 0..k−1. */
  readonly numClasses: number;
}

/** Official configs/pad.yaml. */
export const PADDED_SHAPE: LearnedShape = { inputSize: 784, numClasses: 62 };

/**
 * R runs of one learned learner advanced together over a stream, each with its own state (and, for
 * ES populations, its own parameters). Blocks carry exactly `shape.inputSize` inputs per example and
 * labels in [0, shape.numClasses).
 */
export interface LearnedRuns {
  readonly kind: LearnedKind;
  readonly shape: LearnedShape;
  readonly runs: number;
  /** P: numbers in one parameter vector. */
  readonly paramCount: number;
  /** One vector [P] for every run, or one per run (length `runs`). */
  setParams(params: readonly Float32Array[]): void;
  /** Every run back to the kind's initial state (zeros), as at the start of a trajectory. */
  resetState(): void;
  /** Every run over the block, one example at a time; the state carries over to the next block. */
  run(block: StreamBlock, opts?: RunOptions): BlockResult;
}

/** One named block of a parameter vector: rows × cols numbers at `offset`, row-major. */
export interface LearnedBlock {
  readonly name: string;
  readonly rows: number;
  readonly cols: number;
  readonly offset: number;
}

/** A kind's parameter vector as named blocks, in order, with no gaps; `size` = P. */
export interface LearnedLayout {
  readonly blocks: readonly LearnedBlock[];
  readonly size: number;
}

/** Places a layout's blocks end to end from offset 0, in the order `take` is called; `size()` is the total so far. */
export function blockTaker(): { take(name: string, rows: number, cols: number): LearnedBlock; size(): number } {
  let offset = 0;
  return {
    take(name, rows, cols) {
      const b = { name, rows, cols, offset };
      offset += rows * cols;
      return b;
    },
    size: () => offset,
  };
}

/** Throws `<kind>: <name> must be a positive integer, got <v>` for the first size that is not. */
export function checkPositiveSizes(kind: string, sizes: readonly (readonly [string, number])[]): void {
  for (const [name, v] of sizes) {
    if (!Number.isInteger(v) || v < 1) throw new Error(`${kind}: ${name} must be a positive integer, got ${v}`);
  }
}

/** What each kind provides (src/model/learners/kinds.ts holds one per kind). */
export interface LearnedKindDef {
  readonly kind: LearnedKind;
  /** The file format that names the kind, e.g. 'vsml-meta-rnn'. */
  readonly format: string;
  layout(shape: LearnedShape): LearnedLayout;
  /** The official initialisation (haiku defaults unless the kind says otherwise), from `seed`. */
  init(shape: LearnedShape, seed: number): Float32Array;
  createRuns(shape: LearnedShape, runs: number): LearnedRuns;
}
