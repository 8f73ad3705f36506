// The explanation file `vsml trace --explain T --explain-out E.json` writes: one example of one run,
// every stage (src/model/explainTypes.ts), as JSON numbers (float32 values written exactly, as the
// other formats do). Messages are [rows][M]; each cell lists its state before the example and, per
// micro-tick, its gates i, f, o, g and its h and c after it. `--cell L,A,B` keeps one cell of layer L
// (the other layers list none) so the file stays small. With config.backwardPass the file also has
// `reverseTick`: per layer, the reverse tick's backward messages and cells, in the same shape (a field
// added within version 1: files without it are learners without backwardPass, read as before).
// Written only; docs/FORMATS.md describes it.
import type { Explanation, ExplainedLayer } from '../explainTypes';
import { EXPLAIN_GATES } from '../explainTypes';
import { f32Row, f32Rows, stringifyDoc } from './json';
import { envelope, type FormatSpec } from './restore';

export const EXPLANATION_FORMAT: FormatSpec = { format: 'vsml-explanation', version: 1 };

/** One cell of one layer: the grid position. */
export interface CellRef {
  readonly layer: number;
  readonly a: number;
  readonly b: number;
}

function cellJson(l: ExplainedLayer, a: number, b: number, N: number): Record<string, unknown> {
  const base = (a * l.B + b) * N;
  const ticks = l.ticks.map((t, mt) => {
    const gates = ((mt * l.A + a) * l.B + b) * 4 * N;
    const out: Record<string, unknown> = {};
    EXPLAIN_GATES.forEach((g, k) => (out[g] = f32Row(l.gates, gates + k * N, gates + (k + 1) * N)));
    return { ...out, h: f32Row(t.h, base, base + N), c: f32Row(t.c, base, base + N) };
  });
  return { a, b, before: { h: f32Row(l.before.h, base, base + N), c: f32Row(l.before.c, base, base + N) }, ticks };
}

/** Every cell of layer `i` in [a][b] order, or only `cell` when it is in that layer (none when it is in another). */
function cellsJson(l: ExplainedLayer, i: number, N: number, cell: CellRef | null): Record<string, unknown>[] {
  const cells: Record<string, unknown>[] = [];
  if (cell === null) {
    for (let a = 0; a < l.A; a++) for (let b = 0; b < l.B; b++) cells.push(cellJson(l, a, b, N));
  } else if (cell.layer === i) {
    cells.push(cellJson(l, cell.a, cell.b, N));
  }
  return cells;
}

/** The document; `cell`: only that cell's states and gates (already checked against the grid). */
export function explanationToJson(e: Explanation, cell: CellRef | null = null): Record<string, unknown> {
  const M = e.messageSize;
  const N = e.stateSize;
  const layers = e.layers.map((l, i) => ({
    layer: i,
    A: l.A,
    B: l.B,
    fwdIn: f32Rows(l.fwdIn, l.A, M),
    bwdIn: f32Rows(l.bwdIn, l.B, M),
    fwdOut: f32Rows(l.fwdOut, l.B, M),
    bwdOut: f32Rows(l.bwdOut, l.A, M),
    nextBwdIn: f32Rows(e.nextBwdIn[i], l.B, M),
    cells: cellsJson(l, i, N, cell),
  }));
  // The reverse tick (backwardPass): its fwdIn is the forward tick's and its fwdOut is discarded, so neither is
  // written.
  const reverse = e.reverseTick?.map((l, i) => ({
    layer: i,
    A: l.A,
    B: l.B,
    bwdIn: f32Rows(l.bwdIn, l.B, M),
    bwdOut: f32Rows(l.bwdOut, l.A, M),
    cells: cellsJson(l, i, N, cell),
  }));
  return {
    ...envelope(EXPLANATION_FORMAT),
    example: e.example,
    label: e.label,
    predicted: e.predicted,
    loss: e.loss,
    messageSize: M,
    stateSize: N,
    microTicks: e.microTicks,
    tanhBound: e.tanhBound,
    outputIndex: e.outputIndex,
    input: f32Row(e.input),
    messages: f32Row(e.messages),
    y: f32Row(e.y),
    probabilities: f32Row(e.probabilities),
    error: f32Row(e.error),
    layers,
    ...(reverse ? { reverseTick: reverse } : {}),
  };
}

export const serialiseExplanation = (e: Explanation, cell: CellRef | null = null): string =>
  `${stringifyDoc(explanationToJson(e, cell))}\n`;

/** Why `cell` is not a cell of the grid ("layer must be ..."), or null. */
export function checkCell(layers: readonly { readonly A: number; readonly B: number }[], cell: CellRef): string | null {
  const L = layers.length;
  if (!(Number.isInteger(cell.layer) && cell.layer >= 0 && cell.layer < L))
    return `layer must be an integer in [0, ${L}), got ${cell.layer}`;
  const { A, B } = layers[cell.layer];
  if (!(Number.isInteger(cell.a) && cell.a >= 0 && cell.a < A))
    return `a must be an integer in [0, ${A}) for layer ${cell.layer}, got ${cell.a}`;
  if (!(Number.isInteger(cell.b) && cell.b >= 0 && cell.b < B))
    return `b must be an integer in [0, ${B}) for layer ${cell.layer}, got ${cell.b}`;
  return null;
}
