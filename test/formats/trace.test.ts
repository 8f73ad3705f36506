import { describe, expect, it } from 'vitest';
import { parseTrace, serialiseTrace, type Trace } from '../../src/model/formats/trace';
import { expectOk, line, type Doc } from './helpers';

const trace: Trace = {
  steps: 3,
  numClasses: 2,
  outputs: Float32Array.from([0.1, -0.2, 1 / 3, 2, -5, 7e-8]),
  loss: Float32Array.from([0.5, 0.25, 12.5]),
  correct: Uint8Array.from([1, 0, 1]),
};

describe('parseTrace', () => {
  it('round-trips a trace exactly, with correct as booleans', () => {
    const doc = JSON.parse(serialiseTrace(trace)) as Doc;
    expect(doc.correct).toEqual([true, false, true]);
    expect(doc.outputs).toEqual([
      [0.1, -0.2],
      [0.33333334, 2],
      [-5, 7e-8],
    ]);
    expect(expectOk(parseTrace(doc))).toEqual(trace);
  });

  it.each<[string, (d: Doc) => unknown, string]>([
    ['a ragged outputs row', (d) => d.outputs[2].push(1), 'outputs[2]: expected 2 numbers (as outputs[0]), got 3'],
    ['no examples', (d) => (d.outputs = []), 'outputs: expected at least 1 example, got 0'],
    ['a short loss', (d) => d.loss.pop(), 'loss: expected 3 numbers (one per example), got 2'],
    ['correct as 0/1', (d) => (d.correct[1] = 0), 'correct[1]: must be true or false, got 0'],
    ['a missing correct', (d) => delete d.correct, 'correct: missing'],
  ])('rejects %s', (_, edit, message) => {
    const doc = JSON.parse(serialiseTrace(trace)) as Doc;
    edit(doc);
    expect(line(parseTrace(doc))).toBe(message);
  });
});
