// The state file: h and c of every sub-RNN of one run, per layer, flat in [a][b][j] order.
//   {"format":"vsml-state","version":1,"layers":[{"h":[A*B*N numbers],"c":[A*B*N numbers]}, ...]}
// Its shape is not self-describing: it must match the layer grid of a learner on a stream
// (A from the stream, hidden sizes from the config, K from the stream's classes).
import type { Result } from '../result';
import { asABJ, type LayerShape, type LayerState, type RunState } from '../state';
import {
  checkKeys,
  f32Row,
  fieldPath,
  indexPath,
  parseWith,
  readArray,
  readF32,
  readObject,
  stringifyDoc,
  failAt,
} from './json';
import { envelope, restore, type FormatSpec } from './restore';

export const STATE_FORMAT: FormatSpec = { format: 'vsml-state', version: 1 };

/** What a state file must match: the layer grids and N. */
export interface StateShape {
  readonly shapes: readonly LayerShape[];
  readonly stateSize: number;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Validate a parsed state document against the grid it is meant for. */
export function parseState(raw: unknown, { shapes, stateSize: N }: StateShape): Result<RunState> {
  return parseWith(() => {
    const doc = restore(raw, STATE_FORMAT);
    checkKeys(doc, '', ['format', 'version', 'layers']);
    const layers = readArray(doc.layers, 'layers');
    if (layers.length !== shapes.length) {
      const grids = shapes.map(({ A, B }) => `${A}x${B}`).join(', ');
      failAt('shape', 'layers', `expected ${plural(shapes.length, 'layer')} (grids ${grids}), got ${layers.length}`);
    }
    return shapes.map(({ A, B }, l): LayerState => {
      const path = indexPath('layers', l);
      const layer = readObject(layers[l], path);
      checkKeys(layer, path, ['h', 'c']);
      const read = (key: 'h' | 'c') => {
        const field = fieldPath(path, key);
        const a = readArray(layer[key], field);
        const n = A * B * N;
        if (a.length !== n) failAt('shape', field, `expected ${n} numbers (A=${A} x B=${B} x N=${N}), got ${a.length}`);
        const out = new Float32Array(n);
        for (let i = 0; i < n; i++) out[i] = readF32(a[i], indexPath(field, i));
        return asABJ(out);
      };
      return { h: read('h'), c: read('c') };
    });
  });
}

export function stateToJson(state: RunState): Record<string, unknown> {
  return { ...envelope(STATE_FORMAT), layers: state.map((l) => ({ h: f32Row(l.h), c: f32Row(l.c) })) };
}

export const serialiseState = (state: RunState): string => `${stringifyDoc(stateToJson(state))}\n`;
