// The per-example transform pipeline, in the official order (data.py:115-158):
//   to float (bytes / 255) -> grayscale -> resize -> normalise -> pixel shuffle -> projection.
// (Pixel shuffle and projection together are refused: a permutation followed by a random projection
// is just another random projection, and the official code skips the shuffle then.)
// Compiled once per task; `run` reuses scratch buffers, so it allocates nothing per example; `runAll`
// projects four examples at a time.
import { MAX_ARRAY_LENGTH } from '../model/resources';
import { fail, ok, type Result } from '../model/result';
import { normaliseInPlace } from './normalisation';
import { grayscale } from './transforms/grayscale';
import { permute, pixelPermutation } from './transforms/pixelShuffle';
import { projectionMatrix, projectRows, transposeSquare } from './transforms/projection';
import { resize, resizePlan, type ResizePlan } from './transforms/resize';
import { shapeSize, type ImageShape, type Normalisation } from './types';

export const MAX_SIDE = 512;

export interface PipelineSpec {
  /** Task seed: the projection matrix and the pixel permutation. */
  readonly seed: number;
  readonly grayscale: boolean;
  /** Output side (square), or null to keep the size. */
  readonly resize: number | null;
  readonly normalisation: Normalisation | null;
  readonly shufflePixels: boolean;
  readonly project: boolean;
}

export interface Pipeline {
  readonly inShape: ImageShape;
  readonly outShape: ImageShape;
  /** A = shapeSize(outShape). */
  readonly inputSize: number;
  /** Transform one example at src[srcOffset] (bytes are divided by 255) into out[outOffset..+A). */
  run(src: Uint8Array | Float32Array, srcOffset: number, out: Float32Array, outOffset: number): void;
  /** Transform `count` consecutive examples of src into out ([count][A]); same values as `run` one by one. */
  runAll(src: Uint8Array | Float32Array, count: number, out: Float32Array): void;
}

export function compilePipeline(inShape: ImageShape, spec: PipelineSpec): Result<Pipeline> {
  if (spec.grayscale && inShape.channels !== 3) {
    return fail('transform', 'grayscale', `needs 3 channels (RGB), the data has ${inShape.channels}`);
  }
  if (spec.resize !== null && !(Number.isInteger(spec.resize) && spec.resize >= 1 && spec.resize <= MAX_SIDE)) {
    return fail('transform', 'resize', `must be an integer side in [1, ${MAX_SIDE}], got ${spec.resize}`);
  }
  if (spec.shufflePixels && spec.project) {
    return fail(
      'transform',
      'shufflePixels',
      'pixel shuffle and projection together: a shuffle before a random projection is just another projection; choose one',
    );
  }
  if (spec.normalisation && !(spec.normalisation.std > 0 && Number.isFinite(spec.normalisation.mean))) {
    return fail(
      'transform',
      'normalisation',
      `needs a finite mean and a std > 0, got ${spec.normalisation.mean}/${spec.normalisation.std}`,
    );
  }
  const inSize = shapeSize(inShape);
  let shape: ImageShape = spec.grayscale ? { ...inShape, channels: 1 } : inShape;
  let plan: ResizePlan | null = null;
  if (spec.resize !== null && (spec.resize !== shape.height || spec.resize !== shape.width)) {
    plan = resizePlan(shape, spec.resize);
    shape = plan.to;
  }
  const D = shapeSize(shape);
  if (spec.project && D * D > MAX_ARRAY_LENGTH) {
    return fail(
      'transform',
      'project',
      `a projection of ${D} inputs needs a ${D} x ${D} matrix (${D * D} values), more than the ${MAX_ARRAY_LENGTH} a typed array can hold; resize smaller first`,
    );
  }
  const perm = spec.shufflePixels ? pixelPermutation(D, spec.seed) : null;
  const PT = spec.project ? transposeSquare(projectionMatrix(D, spec.seed), D) : null;
  const rows = new Float32Array(PT ? 4 * D : 0);
  const scratch = Math.max(inSize, D);
  let a = new Float32Array(scratch);
  let b = new Float32Array(scratch);
  const norm = spec.normalisation;
  const gray = spec.grayscale;
  const pixels = inShape.height * inShape.width;

  /** Everything before the projection. */
  const prepare = (src: Uint8Array | Float32Array, srcOffset: number, out: Float32Array, outOffset: number): void => {
    if (src instanceof Uint8Array) for (let i = 0; i < inSize; i++) a[i] = src[srcOffset + i] / 255;
    else for (let i = 0; i < inSize; i++) a[i] = src[srcOffset + i];
    if (gray) {
      grayscale(a, 0, pixels, b, 0);
      [a, b] = [b, a];
    }
    if (plan) {
      resize(plan, a, 0, b, 0);
      [a, b] = [b, a];
    }
    if (norm) normaliseInPlace(a, 0, D, norm);
    if (perm) {
      permute(a, 0, perm, b, 0);
      [a, b] = [b, a];
    }
    for (let i = 0; i < D; i++) out[outOffset + i] = a[i];
  };
  const run = (src: Uint8Array | Float32Array, srcOffset: number, out: Float32Array, outOffset: number): void => {
    prepare(src, srcOffset, out, outOffset);
    if (PT) projectRows(out, outOffset, 1, PT, D, out, outOffset, rows);
  };
  const runAll = (src: Uint8Array | Float32Array, count: number, out: Float32Array): void => {
    for (let n = 0; n < count; n++) prepare(src, n * inSize, out, n * D);
    if (PT) projectRows(out, 0, count, PT, D, out, 0, rows);
  };
  return ok({ inShape, outShape: shape, inputSize: D, run, runAll });
}
