// The trace file: what a learner did on a stream, one entry per example.
//   {"format":"vsml-trace","version":1,"outputs":[[K numbers] per example],"loss":[T],"correct":[T booleans]}
// outputs are the bounded outputs y (the softmax logits); loss is the cross-entropy of softmax(y)
// against the label; correct is whether argmax y (first maximum) equals the label. Booleans, not
// 0/1, so the file says what it means and cannot be mistaken for a probability.
import type { Result } from '../result';
import {
  checkKeys,
  f32Row,
  f32Rows,
  failAt,
  indexPath,
  parseWith,
  readArray,
  readArrayOf,
  readBoolean,
  readF32,
  readF32Vector,
  stringifyDoc,
} from './json';
import { envelope, restore, type FormatSpec } from './restore';

export const TRACE_FORMAT: FormatSpec = { format: 'vsml-trace', version: 1 };

export interface Trace {
  /** T: examples. */
  readonly steps: number;
  /** K: classes. */
  readonly numClasses: number;
  /** [T][K] bounded outputs y. */
  readonly outputs: Float32Array;
  /** [T] cross-entropy. */
  readonly loss: Float32Array;
  /** [T] 1 when argmax y equals the label. */
  readonly correct: Uint8Array;
}

export function parseTrace(raw: unknown): Result<Trace> {
  return parseWith(() => {
    const doc = restore(raw, TRACE_FORMAT);
    checkKeys(doc, '', ['format', 'version', 'outputs', 'loss', 'correct']);
    const rows = readArray(doc.outputs, 'outputs');
    const T = rows.length;
    if (T === 0) failAt('shape', 'outputs', 'expected at least 1 example, got 0');
    const K = readArray(rows[0], 'outputs[0]').length;
    if (K < 2) failAt('shape', 'outputs[0]', `expected at least 2 numbers, got ${K}`);
    const outputs = new Float32Array(T * K);
    for (let t = 0; t < T; t++) {
      const path = indexPath('outputs', t);
      const row = readArray(rows[t], path);
      if (row.length !== K) failAt('shape', path, `expected ${K} numbers (as outputs[0]), got ${row.length}`);
      readF32Vector(row, path, K, outputs, t * K);
    }
    const loss = new Float32Array(T);
    const lossArr = readArrayOf(doc.loss, 'loss', T, 'numbers (one per example)');
    for (let t = 0; t < T; t++) loss[t] = readF32(lossArr[t], indexPath('loss', t));
    const correctArr = readArrayOf(doc.correct, 'correct', T, 'booleans (one per example)');
    const correct = Uint8Array.from(correctArr, (v, t) => (readBoolean(v, indexPath('correct', t)) ? 1 : 0));
    return { steps: T, numClasses: K, outputs, loss, correct };
  });
}

export function traceToJson(t: Trace): Record<string, unknown> {
  return {
    ...envelope(TRACE_FORMAT),
    outputs: f32Rows(t.outputs, t.steps, t.numClasses),
    loss: f32Row(t.loss),
    correct: Array.from(t.correct, (c) => c === 1),
  };
}

export const serialiseTrace = (t: Trace): string => `${stringifyDoc(traceToJson(t))}\n`;
