// One image through a task's data path: the same transforms (resize, pixel shuffle, projection, from
// the task seed) and normalisation buildTask applies to the data set (task.ts, pipeline.ts), for an
// image that is not in it: a drawing from the studio's pad. Only single-channel image tasks take one.
import type { Drawing } from '../model/explainTypes';
import { fail, ok, type Result } from '../model/result';
import { taskPipeline, type TaskSpec } from './task';
import type { DataSource } from './types';

export interface ImageInput {
  /** The size an image must have (the data set's own, before any resize). */
  readonly height: number;
  readonly width: number;
  /** A: values after the data path. */
  readonly inputSize: number;
  /** Grey bytes (0 paper, 255 ink), row-major, of height x width: the task's input for it. */
  transform(pixels: ArrayLike<number>): Float32Array;
}

/**
 * The data path of `buildTask(source, spec)` for one image; refused for generated data and for data with more than one
 * channel.
 */
export function imageInput(source: DataSource, spec: TaskSpec = {}): Result<ImageInput> {
  if (source.kind !== 'images')
    return fail(
      'unsupported',
      'dataset',
      `${source.name} is generated, not images: a drawing cannot be one of its examples`,
    );
  if (source.shape.channels !== 1)
    return fail(
      'unsupported',
      'dataset',
      `${source.name} has ${source.shape.channels} colour channels: a drawing (one grey channel) cannot be one of its examples`,
    );
  const { pipeline } = taskPipeline(source, spec);
  if (!pipeline.ok) return pipeline;
  const { run, inputSize } = pipeline.value;
  const { height, width } = source.shape;
  return ok({
    height,
    width,
    inputSize,
    transform(pixels) {
      const out = new Float32Array(inputSize);
      run(Uint8Array.from(pixels), 0, out, 0);
      return out;
    },
  });
}

/** A drawing through `input`, or why it cannot go ("drawing.width: ..."). */
export function drawingInput(input: ImageInput, d: Drawing): Result<Float32Array> {
  if (d.width !== input.width)
    return fail('shape', 'drawing.width', `must be ${input.width} (the data set's images), got ${d.width}`);
  if (d.height !== input.height)
    return fail('shape', 'drawing.height', `must be ${input.height} (the data set's images), got ${d.height}`);
  if (!d.pixels || d.pixels.length !== d.width * d.height)
    return fail('shape', 'drawing.pixels', `must hold ${d.width * d.height} grey values, got ${d.pixels?.length}`);
  return ok(input.transform(d.pixels));
}
