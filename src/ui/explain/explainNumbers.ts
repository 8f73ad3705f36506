// Reading one cell, one slice or one change out of an Explanation (src/model/explainTypes.ts), for
// the "explain this step" view: a cell's gates per micro-tick and its h and c before and after, a
// grid's state or change in one dimension j as values[a*B + b] (the heatmaps' layout), and the
// numbers' text. Pure (no DOM); every number is the explanation's own, never recomputed.
import { EXPLAIN_GATES, type ExplainGate, type ExplainedLayer, type Explanation } from '../../model/explainTypes';
import type { LayerState } from '../../model/state';

/** A cell of one layer's grid: row a (input), column b (output). */
export interface CellRef {
  readonly layer: number;
  readonly a: number;
  readonly b: number;
}

/** One micro-tick of a cell: the gate activations and the state after it, each [N]. */
export interface CellTick {
  readonly gates: { readonly [G in ExplainGate]: Float32Array };
  readonly c: Float32Array;
  readonly h: Float32Array;
}

/** Everything the view shows of one cell. */
export interface CellNumbers {
  readonly cBefore: Float32Array;
  readonly hBefore: Float32Array;
  readonly ticks: readonly CellTick[];
  readonly cAfter: Float32Array;
  readonly hAfter: Float32Array;
  /** The messages it read: forward of its row, backward of its column ([M] each). */
  readonly fwdIn: Float32Array;
  readonly bwdIn: Float32Array;
}

export type StateVector = 'h' | 'c';

const cellSlice = (x: Float32Array, B: number, N: number, a: number, b: number): Float32Array =>
  x.slice((a * B + b) * N, (a * B + b + 1) * N);

/** The cell inside its layer's grid (a, b clamped to A, B) and the layer to the explanation's. */
export function clampCell(ex: Explanation, cell: CellRef): CellRef {
  const layer = Math.max(0, Math.min(ex.layers.length - 1, Math.trunc(cell.layer)));
  const { A, B } = ex.layers[layer];
  return {
    layer,
    a: Math.max(0, Math.min(A - 1, Math.trunc(cell.a))),
    b: Math.max(0, Math.min(B - 1, Math.trunc(cell.b))),
  };
}

/** The numbers of cell (a, b) of `layer`: gates [microTicks][4][N] and the states around them. */
export function cellNumbers(ex: Explanation, { layer, a, b }: CellRef): CellNumbers {
  const L = ex.layers[layer];
  const { A, B } = L;
  if (a < 0 || a >= A || b < 0 || b >= B)
    throw new RangeError(`cell (${a}, ${b}) is outside layer ${layer}'s ${A} x ${B} grid`);
  const N = ex.stateSize;
  const M = ex.messageSize;
  const ticks: CellTick[] = L.ticks.map((s, t) => {
    const base = ((t * A + a) * B + b) * 4 * N;
    const gates = Object.fromEntries(
      EXPLAIN_GATES.map((g, k) => [g, L.gates.slice(base + k * N, base + (k + 1) * N)]),
    ) as CellTick['gates'];
    return { gates, c: cellSlice(s.c, B, N, a, b), h: cellSlice(s.h, B, N, a, b) };
  });
  const last = L.ticks[L.ticks.length - 1] ?? L.before;
  return {
    cBefore: cellSlice(L.before.c, B, N, a, b),
    hBefore: cellSlice(L.before.h, B, N, a, b),
    ticks,
    cAfter: cellSlice(last.c, B, N, a, b),
    hAfter: cellSlice(last.h, B, N, a, b),
    fwdIn: L.fwdIn.slice(a * M, (a + 1) * M),
    bwdIn: L.bwdIn.slice(b * M, (b + 1) * M),
  };
}

/** The layer's state after the example (its last micro-tick). */
export const stateAfter = (L: ExplainedLayer): LayerState => L.ticks[L.ticks.length - 1] ?? L.before;

/** Dimension j of `vector` of a layer state as values[a*B + b]. */
export function stateSlice(
  state: LayerState,
  A: number,
  B: number,
  N: number,
  vector: StateVector,
  j: number,
): Float32Array {
  const x = state[vector];
  const out = new Float32Array(A * B);
  for (let k = 0; k < A * B; k++) out[k] = x[k * N + j];
  return out;
}

/**
 * Layer `layer` over the whole example: its forward tick, then (with backwardPass) its reverse tick's
 * micro-ticks, so `stateAfter` is the state the next example starts from.
 */
export function wholeExample(ex: Explanation, layer: number): ExplainedLayer {
  const L = ex.layers[layer];
  const R = ex.reverseTick?.[layer];
  return R ? { ...L, ticks: [...L.ticks, ...R.ticks] } : L;
}

/** The change of dimension j of `vector` over the example, after − before, as values[a*B + b]. */
export function deltaSlice(L: ExplainedLayer, N: number, vector: StateVector, j: number): Float32Array {
  const before = L.before[vector];
  const after = stateAfter(L)[vector];
  const out = new Float32Array(L.A * L.B);
  for (let k = 0; k < L.A * L.B; k++) out[k] = after[k * N + j] - before[k * N + j];
  return out;
}

/** Dimension m of a [rows][M] message matrix as one value per row. */
export function messageDimension(messages: Float32Array, rows: number, M: number, m: number): Float32Array {
  const out = new Float32Array(rows);
  for (let r = 0; r < rows; r++) out[r] = messages[r * M + m];
  return out;
}

/** The largest |v| (0 for none; non-finite values left out). */
export function maxAbs(values: ArrayLike<number>): number {
  let m = 0;
  for (let k = 0; k < values.length; k++) {
    const v = Math.abs(values[k]);
    if (v > m && v !== Infinity) m = v;
  }
  return m;
}

/** Fixed decimals (5 by default), a true minus sign, "−0.00000" written "0.00000". */
export function fixed(v: number, digits = 5): string {
  if (!Number.isFinite(v)) return String(v);
  const s = v.toFixed(digits);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s.replace('-', '−');
}

/** A small positive number such as an agreement: "3.2e-7", "0.00012", "0". */
export function tolerance(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  return Math.abs(v) < 1e-3 ? v.toExponential(1).replace('e-', 'e−') : String(Number(v.toPrecision(2)));
}

/** values[r*cols + c] as out[c*rows + r]: a [rows][cols] matrix turned on its side. */
export function transpose(values: ArrayLike<number>, rows: number, cols: number): Float32Array {
  const out = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = values[r * cols + c];
  return out;
}

/** "cell (a, b): c3 0.01234 → 0.01240 (Δ 0.00006)": dimension j of `vector` of cell (a, b) before and after. */
export function cellReadout(
  L: ExplainedLayer,
  N: number,
  a: number,
  b: number,
  vector: StateVector,
  j: number,
): string {
  const k = (a * L.B + b) * N + j;
  const before = L.before[vector][k];
  const after = stateAfter(L)[vector][k];
  return `cell (${a}, ${b}): ${vector}${j} ${fixed(before)} → ${fixed(after)} (Δ ${fixed(Math.fround(after - before))})`;
}
