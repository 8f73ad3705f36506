// The vsml-explanation document of a backwardPass learner: `reverseTick` beside `layers` (the same
// cells, the reverse tick's messages), a field added within version 1; without backwardPass the
// document has exactly the fields it always had.
import { describe, expect, it } from 'vitest';
import { specShapes } from '../../src/model/engine';
import { explainExample } from '../../src/model/explain';
import { explanationToJson } from '../../src/model/formats/explanation';
import { f32Row, f32Rows } from '../../src/model/formats/json';
import { zeroCarry } from '../../src/model/reference';
import { cloneRunState } from '../../src/model/state';
import { config, randomBlock, randomParams, randomStates } from '../helpers/random';

/** Example 0 of a learner with a hidden layer of 3 (A 5, K 3, N 4, M 3, seed 41), explained. */
function explained(backwardPass: boolean) {
  const cfg = config({ stateSize: 4, messageSize: 3, hiddenSizes: [3], backwardPass });
  const spec = { config: cfg, inputSize: 5, numClasses: 3, runs: 1 };
  const shapes = specShapes(spec);
  const carry = zeroCarry(cfg, shapes, [...cloneRunState(randomStates(spec, 41)[0])]);
  const block = randomBlock(spec, 1, 1, 41);
  return explainExample(cfg, randomParams(cfg, 41), shapes, carry, block.inputs, block.labels[0], 0);
}

const OLD_FIELDS = [
  'format',
  'version',
  'example',
  'label',
  'predicted',
  'loss',
  'messageSize',
  'stateSize',
  'microTicks',
  'tanhBound',
  'outputIndex',
  'input',
  'messages',
  'y',
  'probabilities',
  'error',
  'layers',
];

describe('explanationToJson with backwardPass', () => {
  it('without it: exactly the version-1 fields, no reverseTick', () => {
    const doc = explanationToJson(explained(false));
    expect(Object.keys(doc)).toEqual(OLD_FIELDS);
    expect([doc.format, doc.version]).toEqual(['vsml-explanation', 1]);
  });

  it('with it: the version-1 fields and reverseTick, per layer {layer, A, B, bwdIn, bwdOut, cells}; every cell starts where the forward tick left it', () => {
    const e = explained(true);
    const doc = explanationToJson(e) as {
      layers: { cells: { ticks: { h: number[]; c: number[] }[] }[] }[];
      reverseTick: Record<string, unknown>[];
    };
    expect(Object.keys(doc)).toEqual([...OLD_FIELDS, 'reverseTick']);
    expect(doc.reverseTick.map((l) => Object.keys(l))).toEqual(
      [0, 1].map(() => ['layer', 'A', 'B', 'bwdIn', 'bwdOut', 'cells']),
    );
    const reverse = e.reverseTick ?? [];
    expect(doc.reverseTick[1].bwdIn).toEqual(f32Rows(reverse[1].bwdIn, 3, 3));
    expect(doc.reverseTick[0].bwdIn).toEqual(doc.reverseTick[1].bwdOut);
    expect((doc.reverseTick[0].cells as unknown[]).length).toBe(5 * 3);
    const cells = doc.reverseTick[1].cells as {
      a: number;
      b: number;
      before: { h: number[]; c: number[] };
      ticks: { c: number[] }[];
    }[];
    expect(cells.map((c) => [c.a, c.b])).toEqual([0, 1, 2].flatMap((a) => [0, 1, 2].map((b) => [a, b])));
    cells.forEach((cell, k) => {
      const forward = doc.layers[1].cells[k].ticks.at(-1);
      expect(cell.before).toEqual({ h: forward?.h, c: forward?.c });
      expect(cell.ticks.at(-1)?.c).toEqual(f32Row(reverse[1].ticks[1].c, k * 4, (k + 1) * 4));
    });
  });

  it('with --cell 1,2,0: the reverse tick keeps that cell only, in layer 1', () => {
    const doc = explanationToJson(explained(true), { layer: 1, a: 2, b: 0 }) as {
      reverseTick: { cells: { a: number; b: number }[] }[];
    };
    expect(doc.reverseTick.map((l) => l.cells.map((c) => [c.a, c.b]))).toEqual([[], [[2, 0]]]);
  });
});
