// What buildTask would make of a source and a task spec, counted without making it: the input size
// after grayscale/resize, the classes, how many examples a class subset keeps, and the memory parts
// (the source as read, the transformed examples, a projection matrix) for src/model/resources.ts.
// A bad spec gives the error buildTask would give, with the same field.
import { productItem, F32, type MemoryItem } from '../model/resources';
import { fail, ok, type Result } from '../model/result';
import { MAX_SIDE } from './pipeline';
import { checkClassList } from './transforms/classSubset';
import type { TaskSpec } from './task';
import { shapeSize, type DataSource } from './types';

export interface TaskSize {
  /** A after the transforms. */
  readonly inputSize: number;
  /** K (the class list's length for a subset). */
  readonly numClasses: number;
  /** Examples the task keeps; null for a generated task (drawn on demand). */
  readonly count: number | null;
  /** Values per example as stored, and bytes per value (1 for bytes, 4 for floats). */
  readonly sourceValues: number;
  readonly sourceCount: number;
  readonly sourceBytesPerValue: number;
  readonly projected: boolean;
  readonly resized: boolean;
}

export function taskSize(source: DataSource, spec: TaskSpec = {}): Result<TaskSize> {
  const resize =
    spec.resize === undefined ? (source.kind === 'images' ? (source.defaultResize ?? null) : null) : spec.resize;
  if (resize !== null && !(Number.isInteger(resize) && resize >= 1 && resize <= MAX_SIDE)) {
    return fail('transform', 'resize', `must be an integer side in [1, ${MAX_SIDE}], got ${resize}`);
  }
  const channels = spec.grayscale ? 1 : source.shape.channels;
  const inputSize = resize === null ? source.shape.height * source.shape.width * channels : resize * resize * channels;
  const resized = resize !== null && (resize !== source.shape.height || resize !== source.shape.width);
  const base = { inputSize, sourceValues: shapeSize(source.shape), projected: spec.project ?? false, resized };
  if (source.kind === 'generator') {
    return ok({ ...base, numClasses: source.numClasses, count: null, sourceCount: 0, sourceBytesPerValue: F32 });
  }
  let count = source.count;
  let numClasses = source.numClasses;
  if (spec.classes) {
    const checked = checkClassList(spec.classes, source.numClasses, 'classes');
    if (!checked.ok) return checked;
    const keep = new Set(spec.classes);
    count = 0;
    for (let n = 0; n < source.count; n++) if (keep.has(source.labels[n])) count++;
    numClasses = spec.classes.length;
  }
  const sourceBytesPerValue = source.pixels instanceof Uint8Array ? 1 : F32;
  return ok({ ...base, numClasses, count, sourceCount: source.count, sourceBytesPerValue });
}

/** How the caller names the fields behind a task's size. */
export interface TaskFields {
  /** The data set (its files, or its name). */
  readonly data: string;
  readonly resize: string;
  readonly project: string;
}

/**
 * The parts of a task: the source as read, the transformed examples, a projection being drawn (each null when absent).
 */
export interface TaskParts {
  readonly source: MemoryItem | null;
  readonly examples: MemoryItem | null;
  readonly projection: MemoryItem | null;
}

/**
 * The source as read, the transformed examples ([count][A] float32), and a projection's D x D
 * matrix drawn and transposed (two alive while the task is built).
 */
export function taskParts(size: TaskSize, f: TaskFields): TaskParts {
  const A = size.inputSize;
  const sizeField = size.resized ? f.resize : f.data;
  return {
    source:
      size.sourceCount > 0
        ? productItem(f.data, 'the data set as read', [
            [size.sourceCount, 'examples'],
            [size.sourceValues, 'values'],
            [size.sourceBytesPerValue, 'bytes'],
          ])
        : null,
    examples:
      size.count !== null
        ? productItem(
            sizeField,
            'the transformed examples',
            [
              [size.count, 'examples'],
              [A, 'inputs'],
              [F32, 'bytes'],
            ],
            size.count * A,
          )
        : null,
    projection: size.projected
      ? productItem(
          size.resized ? `${f.project} and ${f.resize}` : f.project,
          'the projection matrix and its transpose',
          [
            [2, 'matrices'],
            [A, 'rows'],
            [A, 'columns'],
            [F32, 'bytes'],
          ],
          A * A,
        )
      : null,
  };
}

/** taskParts as a list. */
export function taskItems(size: TaskSize, f: TaskFields): MemoryItem[] {
  const p = taskParts(size, f);
  return [p.source, p.examples, p.projection].filter((i): i is MemoryItem => i !== null);
}
