// haiku's LSTM cell as the Meta RNN and the FWMemory use it (official models.py:270,560; haiku
// recurrent.py), with the record its reverse needs and that reverse, for their gradients through the
// unroll (metaRnnGrad.ts, fwMemoryGrad.ts). Both kinds store lstmW as [A+2K+H][4H] with rows x, e_{t-1},
// onehot(y_{t-1}), h and columns i, g, f, o:
//   [i, g, f, o] = [x, e, onehot(prev), h] W + b
//   c' = σ(f + 1) c + σ(i) tanh(g),  h' = σ(o) tanh(c')          (haiku's forget bias +1)
import { addRows, affineReverse } from './affineGrad';
import { sigmoid } from './lstmCell';

/** Numbers one cell step records, in units of H: h before, c before, σ(i), tanh(g), σ(f + 1), σ(o), c after. */
export const LSTM_RECORD = 7;

/** The sizes of a kind's lstmW. */
export interface LstmRows {
  readonly A: number;
  readonly K: number;
  readonly H: number;
  /** Offsets of lstmW and lstmB in the parameter vector. */
  readonly wOff: number;
  readonly bOff: number;
}

/** pre[0..4H) = b + [x, e, onehot(prev)] W (prev < 0: no previous label), the rows every micro-tick shares. */
export function lstmInputSum(
  pre: Float64Array,
  p: Float64Array,
  L: LstmRows,
  x: Float32Array,
  xOff: number,
  e: Float64Array,
  eOff: number,
  prev: number,
): void {
  const G = 4 * L.H;
  for (let j = 0; j < G; j++) pre[j] = p[L.bOff + j];
  addRows(pre, p, L.wOff, x, xOff, L.A, G);
  addRows(pre, p, L.wOff + L.A * G, e, eOff, L.K, G);
  if (prev >= 0) {
    const o = L.wOff + (L.A + L.K + prev) * G;
    for (let j = 0; j < G; j++) pre[j] += p[o + j];
  }
}

/** The reverse of lstmInputSum for the adjoint `dpre` [4H]: dW rows and db, and de[deOff + k] += W[A + k] · dpre. */
export function lstmInputReverse(
  dpre: Float64Array,
  p: Float64Array,
  dp: Float64Array,
  L: LstmRows,
  x: Float32Array,
  xOff: number,
  e: Float64Array,
  eOff: number,
  prev: number,
  de: Float64Array,
  deOff: number,
): void {
  const { A, K } = L;
  const G = 4 * L.H;
  for (let j = 0; j < G; j++) dp[L.bOff + j] += dpre[j];
  for (let i = 0; i < A; i++) {
    const a = x[xOff + i];
    if (a === 0) continue;
    const o = L.wOff + i * G;
    for (let j = 0; j < G; j++) dp[o + j] += a * dpre[j];
  }
  for (let k = 0; k < K; k++) {
    const a = e[eOff + k];
    const o = L.wOff + (A + k) * G;
    let s = 0;
    for (let j = 0; j < G; j++) {
      dp[o + j] += a * dpre[j];
      s += p[o + j] * dpre[j];
    }
    de[deOff + k] += s;
  }
  if (prev >= 0) {
    const o = L.wOff + (A + K + prev) * G;
    for (let j = 0; j < G; j++) dp[o + j] += dpre[j];
  }
}

/**
 * One cell step from the gate pre-activations `gates` [4H]: h [H] at hOff and c [H] at cOff advance
 * in place; the record (LSTM_RECORD x H numbers) goes to rec at rOff.
 */
export function lstmCell(
  gates: Float64Array,
  H: number,
  h: Float64Array,
  hOff: number,
  c: Float64Array,
  cOff: number,
  rec: Float64Array,
  rOff: number,
): void {
  for (let k = 0; k < H; k++) {
    const i = sigmoid(gates[k]);
    const g = Math.tanh(gates[H + k]);
    const f = sigmoid(gates[2 * H + k] + 1);
    const o = sigmoid(gates[3 * H + k]);
    const cPrev = c[cOff + k];
    const cNew = f * cPrev + i * g;
    rec[rOff + k] = h[hOff + k];
    rec[rOff + H + k] = cPrev;
    rec[rOff + 2 * H + k] = i;
    rec[rOff + 3 * H + k] = g;
    rec[rOff + 4 * H + k] = f;
    rec[rOff + 5 * H + k] = o;
    rec[rOff + 6 * H + k] = cNew;
    c[cOff + k] = cNew;
    h[hOff + k] = o * Math.tanh(cNew);
  }
}

/**
 * The reverse of one recorded cell step: from the adjoints of h and c after it (dh, dc [H]), the
 * adjoints of the gate pre-activations into dz [4H] and, in dc, the adjoint of c before it. The
 * adjoint of h before it is dz's product with the h rows of W (the caller's).
 */
export function lstmCellReverse(
  rec: Float64Array,
  rOff: number,
  H: number,
  dh: Float64Array,
  dc: Float64Array,
  dz: Float64Array,
): void {
  for (let k = 0; k < H; k++) {
    const cPrev = rec[rOff + H + k];
    const i = rec[rOff + 2 * H + k];
    const g = rec[rOff + 3 * H + k];
    const f = rec[rOff + 4 * H + k];
    const o = rec[rOff + 5 * H + k];
    const tc = Math.tanh(rec[rOff + 6 * H + k]);
    const dck = dc[k] + dh[k] * o * (1 - tc * tc);
    dz[k] = dck * g * i * (1 - i);
    dz[H + k] = dck * i * (1 - g * g);
    dz[2 * H + k] = dck * cPrev * f * (1 - f);
    dz[3 * H + k] = dh[k] * tc * o * (1 - o);
    dc[k] = dck * f;
  }
}

// The carry both kinds' unrolls keep: h [H] at 0, c [H] at H, the fed-back error e [K] at 2H.

/** e_{t-1} from the carry into dst at dOff (K numbers), before the step overwrites it. */
export function carryErrorOut(carry: Float64Array, H: number, K: number, dst: Float64Array, dOff: number): void {
  for (let k = 0; k < K; k++) dst[dOff + k] = carry[2 * H + k];
}

/** e_t = prob − onehot(label) into the carry's e, prob [K] at probOff. */
export function carryErrorIn(
  carry: Float64Array,
  H: number,
  K: number,
  prob: Float64Array,
  probOff: number,
  label: number,
): void {
  for (let k = 0; k < K; k++) carry[2 * H + k] = prob[probOff + k] - (k === label ? 1 : 0);
}

/** The start of a backward step: dh and dc [H] from the carry's adjoint. */
export function carryAdjointIn(dCarry: Float64Array, dh: Float64Array, dc: Float64Array): void {
  const H = dh.length;
  for (let k = 0; k < H; k++) {
    dh[k] = dCarry[k];
    dc[k] = dCarry[H + k];
  }
}

/** The end of a backward step: the carry's adjoint before the example, [dh, dc, de]. */
export function carryAdjointOut(dCarry: Float64Array, dh: Float64Array, dc: Float64Array, de: Float64Array): void {
  dCarry.set(dh, 0);
  dCarry.set(dc, dh.length);
  dCarry.set(de, 2 * dh.length);
}

/**
 * The reverse of one recorded step through the cell and the h rows of W (at hRows): the gate
 * adjoints into dz (lstmCellReverse; dc becomes the adjoint of c before it), the h rows' dW into dp,
 * and dhPrev = the adjoint of h before the step.
 */
export function lstmTickReverse(
  rec: Float64Array,
  rOff: number,
  H: number,
  dh: Float64Array,
  dc: Float64Array,
  dz: Float64Array,
  p: Float64Array,
  dp: Float64Array,
  hRows: number,
  dhPrev: Float64Array,
): void {
  lstmCellReverse(rec, rOff, H, dh, dc, dz);
  dhPrev.fill(0);
  affineReverse(dz, p, dp, hRows, -1, rec, rOff, H, 4 * H, dhPrev);
}
