// The stream file: a labelled sequence of examples, in the order a learner sees them.
//   {"format":"vsml-stream","version":1,"numClasses":K,"inputs":[[A numbers] per example],"labels":[T integers]}
// A (the input size) is the length of the rows; every row must have it.
import {
  checkKeys,
  f32Row,
  failAt,
  indexPath,
  parseWith,
  readArray,
  readArrayOf,
  readF32Vector,
  readInt,
  stringifyDoc,
} from '../model/formats/json';
import { envelope, restore, type FormatSpec } from '../model/formats/restore';
import type { Result } from '../model/result';

export const STREAM_FORMAT: FormatSpec = { format: 'vsml-stream', version: 1 };

/** Class counts allowed in a stream (the same ceiling as a hidden layer). */
export const MAX_CLASSES = 4096;

export interface Stream {
  /** K. */
  readonly numClasses: number;
  /** A: numbers per example. */
  readonly inputSize: number;
  /** T: examples. */
  readonly steps: number;
  /** [T][A] row-major. */
  readonly inputs: Float32Array;
  /** [T] in [0, K). */
  readonly labels: Int32Array;
}

export function parseStream(raw: unknown): Result<Stream> {
  return parseWith(() => {
    const doc = restore(raw, STREAM_FORMAT);
    checkKeys(doc, '', ['format', 'version', 'numClasses', 'inputs', 'labels']);
    const K = readInt(doc.numClasses, 'numClasses', 2, MAX_CLASSES);
    const rows = readArray(doc.inputs, 'inputs');
    const T = rows.length;
    if (T === 0) failAt('shape', 'inputs', 'expected at least 1 example, got 0');
    const A = readArray(rows[0], 'inputs[0]').length;
    if (A === 0) failAt('shape', 'inputs[0]', 'expected at least 1 number, got 0');
    const inputs = new Float32Array(T * A);
    for (let t = 0; t < T; t++) {
      const path = indexPath('inputs', t);
      const row = readArray(rows[t], path);
      if (row.length !== A) failAt('shape', path, `expected ${A} numbers (as inputs[0]), got ${row.length}`);
      readF32Vector(row, path, A, inputs, t * A);
    }
    const labelArr = readArrayOf(doc.labels, 'labels', T, 'labels (one per input row)');
    const labels = Int32Array.from(labelArr, (v, t) => readInt(v, indexPath('labels', t), 0, K - 1));
    return { numClasses: K, inputSize: A, steps: T, inputs, labels };
  });
}

export function streamToJson(s: Stream): Record<string, unknown> {
  const { inputSize: A } = s;
  return {
    ...envelope(STREAM_FORMAT),
    numClasses: s.numClasses,
    inputs: Array.from({ length: s.steps }, (_, t) => f32Row(s.inputs, t * A, (t + 1) * A)),
    labels: Array.from(s.labels),
  };
}

export const serialiseStream = (s: Stream): string => `${stringifyDoc(streamToJson(s))}\n`;
