import { describe, expect, it } from 'vitest';
import { specShapes } from '../../src/model/engine';
import { parseState, serialiseState } from '../../src/model/formats/state';
import { Rng } from '../../src/model/rng';
import { expectOk, line, seededState, smallConfig, spec, stateDoc, type Doc } from './helpers';

const cfg = smallConfig({ hiddenSizes: [5] });
// Grids [3x5, 5x2], N=4: 60 and 40 numbers per vector.
const shape = { shapes: specShapes(spec(cfg)), stateSize: 4 };

describe('parseState', () => {
  it('round-trips initRunState (seed 2) with a random h (seed 9) to identical float32 vectors', () => {
    const state = seededState(cfg);
    const rng = new Rng(9);
    for (const l of state) for (let k = 0; k < l.h.length; k++) l.h[k] = rng.uniformIn(-1, 1);
    const back = expectOk(parseState(JSON.parse(serialiseState(state)), shape));
    expect(back).toEqual(state);
  });

  it.each<[string, (d: Doc) => unknown, string]>([
    ['a missing layer', (d) => d.layers.pop(), 'layers: expected 2 layers (grids 3x5, 5x2), got 1'],
    ['an extra layer', (d) => d.layers.push(d.layers[0]), 'layers: expected 2 layers (grids 3x5, 5x2), got 3'],
    ['layers not an array', (d) => (d.layers = {}), 'layers: must be an array, got an object'],
    ['a short h', (d) => d.layers[1].h.pop(), 'layers[1].h: expected 40 numbers (A=5 x B=2 x N=4), got 39'],
    ['a long c', (d) => d.layers[0].c.push(0), 'layers[0].c: expected 60 numbers (A=3 x B=5 x N=4), got 61'],
    ['a missing c', (d) => delete d.layers[0].c, 'layers[0].c: missing'],
    ['an unknown vector', (d) => (d.layers[0].m = []), 'layers[0].m: unknown field (known: h, c)'],
    ['a non-finite value', (d) => (d.layers[1].c[7] = null), 'layers[1].c[7]: must be a finite number, got null'],
    ['a missing layers field', (d) => delete d.layers, 'layers: missing'],
    ['the wrong format', (d) => (d.format = 'vsml-learner'), 'format: expected "vsml-state", got "vsml-learner"'],
  ])('rejects %s', (_, edit, message) => {
    const doc = stateDoc(cfg);
    edit(doc);
    expect(line(parseState(doc, shape))).toBe(message);
  });

  it('rejects a state made for another N with the expected count', () => {
    const doc = stateDoc(smallConfig({ hiddenSizes: [5], stateSize: 3 }));
    expect(line(parseState(doc, shape))).toBe('layers[0].h: expected 60 numbers (A=3 x B=5 x N=4), got 45');
  });
});
