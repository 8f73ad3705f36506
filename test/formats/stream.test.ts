// src/data/streamFile.ts (kept with the other file formats' tests).
import { describe, expect, it } from 'vitest';
import { parseStream, serialiseStream, type Stream } from '../../src/data/streamFile';
import { Rng } from '../../src/model/rng';
import { expectOk, line, streamDoc, type Doc } from './helpers';

describe('parseStream', () => {
  it('reads A from the rows and keeps the order of examples', () => {
    const s = expectOk(parseStream(streamDoc()));
    expect(s).toMatchObject({ numClasses: 2, inputSize: 3, steps: 3 });
    expect([...s.inputs]).toEqual([0.5, -1, 2, 0, 0.25, 1, 3, 1, -2]);
    expect([...s.labels]).toEqual([0, 1, 1]);
  });

  it('round-trips 20 seeded examples (seed 6) exactly', () => {
    const rng = new Rng(6);
    const s: Stream = {
      numClasses: 5,
      inputSize: 4,
      steps: 20,
      inputs: Float32Array.from({ length: 80 }, () => rng.normal()),
      labels: Int32Array.from({ length: 20 }, () => rng.int(5)),
    };
    expect(expectOk(parseStream(JSON.parse(serialiseStream(s))))).toEqual(s);
  });

  it.each<[string, (d: Doc) => unknown, string]>([
    ['numClasses 1', (d) => (d.numClasses = 1), 'numClasses: must be an integer in [2, 4096], got 1'],
    ['numClasses 2.5', (d) => (d.numClasses = 2.5), 'numClasses: must be an integer in [2, 4096], got 2.5'],
    ['a missing numClasses', (d) => delete d.numClasses, 'numClasses: missing'],
    ['no examples', (d) => ((d.inputs = []), (d.labels = [])), 'inputs: expected at least 1 example, got 0'],
    ['empty rows', (d) => (d.inputs = [[], [], []]), 'inputs[0]: expected at least 1 number, got 0'],
    ['a ragged row', (d) => d.inputs[2].pop(), 'inputs[2]: expected 3 numbers (as inputs[0]), got 2'],
    ['a non-finite input', (d) => (d.inputs[1][2] = null), 'inputs[1][2]: must be a finite number, got null'],
    ['a row that is not an array', (d) => (d.inputs[1] = 4), 'inputs[1]: must be an array, got 4'],
    ['fewer labels than rows', (d) => d.labels.pop(), 'labels: expected 3 labels (one per input row), got 2'],
    ['a fractional label', (d) => (d.labels[1] = 0.5), 'labels[1]: must be an integer in [0, 1], got 0.5'],
    ['a label out of range', (d) => (d.labels[2] = 2), 'labels[2]: must be an integer in [0, 1], got 2'],
    ['a negative label', (d) => (d.labels[0] = -1), 'labels[0]: must be an integer in [0, 1], got -1'],
    ['a label as a string', (d) => (d.labels[0] = '1'), 'labels[0]: must be an integer in [0, 1], got "1"'],
    [
      'an unknown field',
      (d) => (d.weights = []),
      'weights: unknown field (known: format, version, numClasses, inputs, labels)',
    ],
    ['version 0', (d) => (d.version = 0), 'version: unsupported version 0 (supported: 1)'],
  ])('rejects %s', (_, edit, message) => {
    const doc = streamDoc();
    edit(doc);
    expect(line(parseStream(doc))).toBe(message);
  });
});
