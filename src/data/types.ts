// The shapes data takes on its way to a learner: raw files → an ImageSet (decoded split) →
// a Task (transformed, normalised float examples) → streams of blocks (src/data/stream.ts).
import type { Rng } from '../model/rng';

export type SplitName = 'train' | 'test';

/** Height x width x channels of one example; inputs are flattened in [h][w][c] order (channels last). */
export interface ImageShape {
  readonly height: number;
  readonly width: number;
  readonly channels: number;
}

export const shapeSize = (s: ImageShape): number => s.height * s.width * s.channels;

export const formatShape = (s: ImageShape): string => `${s.height}x${s.width}x${s.channels}`;

/** Scalar statistics on pixels scaled to [0, 1]: x' = (x/255 - mean) / std. */
export interface Normalisation {
  readonly mean: number;
  readonly std: number;
}

/** The bytes of one user-supplied (or fetched) file and the name used in error messages. */
export interface FileInput {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** A decoded split of a dataset, before any transform. */
export interface ImageSet {
  readonly kind: 'images';
  /** e.g. "mnist/test", used in messages and the UI. */
  readonly name: string;
  /** N. */
  readonly count: number;
  readonly shape: ImageShape;
  /**
   * [N][H][W][C]. Uint8Array: bytes 0..255 (0 = background), read as x/255 before normalisation;
   * Float32Array: values used as they are (synthetic data).
   */
  readonly pixels: Uint8Array | Float32Array;
  /** [N] in [0, numClasses). */
  readonly labels: Int32Array;
  /** K. */
  readonly numClasses: number;
  /** [K] names for the UI. */
  readonly classNames: readonly string[];
  /** The dataset's default normalisation (null: none). */
  readonly normalisation: Normalisation | null;
  /** A side to resize to when the task does not say (Omniglot: 28). */
  readonly defaultResize?: number;
}

/** A dataset whose examples are drawn fresh each step (Sum Sign). */
export interface GeneratorSource {
  readonly kind: 'generator';
  readonly name: string;
  readonly shape: ImageShape;
  readonly numClasses: number;
  readonly classNames: readonly string[];
  readonly normalisation: Normalisation | null;
  /** Write one raw example of `shapeSize(shape)` values at `out[offset]`; returns its label. */
  sample(rng: Rng, out: Float32Array, offset: number): number;
}

export type DataSource = ImageSet | GeneratorSource;

interface TaskBase {
  readonly name: string;
  /** Shape after the transforms (before flattening); inputSize = its size. */
  readonly shape: ImageShape;
  /** A. */
  readonly inputSize: number;
  /** K. */
  readonly numClasses: number;
  readonly classNames: readonly string[];
}

/** A fixed set of transformed, normalised examples. */
export interface ExampleTask extends TaskBase {
  readonly kind: 'examples';
  /** N. */
  readonly count: number;
  /** [N][A]. */
  readonly inputs: Float32Array;
  /** [N] in [0, K). */
  readonly labels: Int32Array;
}

/** Examples generated on demand, transformed and normalised as they are drawn. */
export interface GeneratedTask extends TaskBase {
  readonly kind: 'generated';
  /** Write one example of A values at `out[offset]`; returns its label. */
  sample(rng: Rng, out: Float32Array, offset: number): number;
}

export type Task = ExampleTask | GeneratedTask;
