// One example of one FWMemory run (official models.py:576-603, one tick per example; haiku LSTM and
// LayerNorm defaults):
//   u = [x_t, e_{t-1}, y_{t-1}, h]                    (e, y one-hot; both 0 at a trajectory's start)
//   [i, g, f, o] = u W + b;  c <- σ(f + 1) c + σ(i) tanh(g);  h <- σ(o) tanh(c)     (haiku's forget bias +1)  584
//   write = h Ww + bw:  k1, k2, v = tanh(write[0:m], [m:2m], [2m:3m]),  β = σ(write[3m])     models.py:585-587
//   key = vec(k1 ⊗ k2) (key[a m + b] = k1[a] k2[b]);  M <- M + β (v − M key) ⊗ key;  M <- M / max(1, ‖M‖_F)  589-592
//   n, e' = tanh(h Wr + br) split m / m;  q = vec(n ⊗ e');  r = LayerNorm(M q)   (no affine, eps 1e-5)    593-595
//   out = h + r Wp + bp;  z = out Wo + bo;  y_t = B tanh(z / B);  e_t = softmax(y_t) − onehot(label)     596-602
// The memory is written before it is read, within the same example, as in the official code; the
// LSTM's h (not `out`) is carried to the next example (the state hk.LSTM returns, models.py:584).
// ‖M‖_F is the norm of the whole m x m² memory (jnp.linalg.norm of a matrix); the LayerNorm's mean
// and variance (population, haiku's jnp.var) run over the m entries of M q. Zero inputs are skipped (exact).
// Parameters float32; sums, h, c, M and e float64.
import { feedbackHead, feedbackScratch, type FeedbackScratch } from './errorFeedback';
import type { HeadResult } from '../baselines/boundedLoss';
import type { FwMemoryLayout } from './fwMemorySpec';
import { lstmCellStep, sigmoid } from './lstmCell';

/** haiku LayerNorm's default eps. */
export const FW_MEMORY_LN_EPS = 1e-5;

/** The state of R runs: h, c [R][H], memory M [R][m][m²], previous error e [R][K] and label [R] (−1: none yet). */
export interface FwMemoryState {
  readonly h: Float64Array;
  readonly c: Float64Array;
  readonly memory: Float64Array;
  readonly e: Float64Array;
  readonly prevLabel: Int32Array;
}

export function fwMemoryState(L: FwMemoryLayout, runs: number): FwMemoryState {
  const { hidden: H, memorySize: m } = L.spec;
  return {
    h: new Float64Array(runs * H),
    c: new Float64Array(runs * H),
    memory: new Float64Array(runs * m * m * m),
    e: new Float64Array(runs * L.shape.numClasses),
    prevLabel: new Int32Array(runs).fill(-1),
  };
}

/** Every run back to the start of a trajectory: h = c = M = e = 0, no previous label. */
export function resetFwMemoryState(s: FwMemoryState): void {
  s.h.fill(0);
  s.c.fill(0);
  s.memory.fill(0);
  s.e.fill(0);
  s.prevLabel.fill(-1);
}

export interface FwMemoryScratch {
  /** [4H] gate pre-activations. */
  readonly gates: Float64Array;
  /** [3m+1] write head, then [2m] read head (tanh applied). */
  readonly write: Float64Array;
  readonly read: Float64Array;
  /** [m²] the write key and the read query. */
  readonly key: Float64Array;
  readonly query: Float64Array;
  /** [m] the read vector, normalised. */
  readonly r: Float64Array;
  /** [H] h + the projected read. */
  readonly out: Float64Array;
  /** [K] logits. */
  readonly z: Float64Array;
  /** ŷ and e of this example. */
  readonly head: FeedbackScratch;
  /** Up to four non-zero inputs (weight-row offset, value) summed in one pass. */
  readonly nzRow: Int32Array;
  readonly nzVal: Float64Array;
}

export function fwMemoryScratch(L: FwMemoryLayout): FwMemoryScratch {
  const { hidden: H, memorySize: m } = L.spec;
  const K = L.shape.numClasses;
  return {
    gates: new Float64Array(4 * H),
    write: new Float64Array(3 * m + 1),
    read: new Float64Array(2 * m),
    key: new Float64Array(m * m),
    query: new Float64Array(m * m),
    r: new Float64Array(m),
    out: new Float64Array(H),
    z: new Float64Array(K),
    head: feedbackScratch(K),
    nzRow: new Int32Array(4),
    nzVal: new Float64Array(4),
  };
}

/** acc[0..n) += a * p[off..off+n). */
function addRow(acc: Float64Array, a: number, p: Float32Array, off: number, n: number): void {
  for (let j = 0; j < n; j++) acc[j] += a * p[off + j];
}

/** acc = bias + Σ_i v[vOff + i] W[i] for W [n][cols] at wOff, bias [cols] at bOff (zero v skipped). */
function affine(
  acc: Float64Array,
  p: Float32Array,
  wOff: number,
  bOff: number,
  v: Float64Array,
  vOff: number,
  n: number,
  cols: number,
): void {
  for (let j = 0; j < cols; j++) acc[j] = p[bOff + j];
  for (let i = 0; i < n; i++) {
    const a = v[vOff + i];
    if (a !== 0) addRow(acc, a, p, wOff + i * cols, cols);
  }
}

/** acc[0..n) += Σ_i x_i W[i] over the A inputs at xOff (W [A][n] at wOff), four non-zero rows per pass. */
function addInputRows(
  acc: Float64Array,
  p: Float32Array,
  wOff: number,
  n: number,
  x: Float32Array,
  xOff: number,
  A: number,
  sc: FwMemoryScratch,
): void {
  const { nzRow, nzVal } = sc;
  let i = 0;
  for (;;) {
    let k = 0;
    for (; i < A && k < 4; i++) {
      const v = x[xOff + i];
      if (v !== 0) {
        nzRow[k] = wOff + i * n;
        nzVal[k++] = v;
      }
    }
    if (k < 4) {
      for (let q = 0; q < k; q++) addRow(acc, nzVal[q], p, nzRow[q], n);
      return;
    }
    const r0 = nzRow[0];
    const r1 = nzRow[1];
    const r2 = nzRow[2];
    const r3 = nzRow[3];
    const v0 = nzVal[0];
    const v1 = nzVal[1];
    const v2 = nzVal[2];
    const v3 = nzVal[3];
    for (let j = 0; j < n; j++) acc[j] += v0 * p[r0 + j] + v1 * p[r1 + j] + v2 * p[r2 + j] + v3 * p[r3 + j];
  }
}

/**
 * Run `run` over one example: x = A values of `inputs` at `xOff` (`p` holds its parameters from
 * `base`), then its label. Predicts ŷ (left in sc.head.y) before the label is used, then stores e_t
 * and the label for the next example.
 */
export function fwMemoryStep(
  L: FwMemoryLayout,
  p: Float32Array,
  base: number,
  inputs: Float32Array,
  xOff: number,
  label: number,
  s: FwMemoryState,
  run: number,
  sc: FwMemoryScratch,
): HeadResult {
  const { inputSize: A, numClasses: K } = L.shape;
  const { hidden: H, memorySize: m } = L.spec;
  const G = 4 * H;
  const mm = m * m;
  const { gates, write, read, key, query, r, out, z } = sc;

  // LSTM: u = [x, e_{t-1}, y_{t-1}, h].
  const W = base + L.lstmW.offset;
  for (let j = 0; j < G; j++) gates[j] = p[base + L.lstmB.offset + j];
  addInputRows(gates, p, W, G, inputs, xOff, A, sc);
  const eOff = run * K;
  for (let k = 0; k < K; k++) {
    const v = s.e[eOff + k];
    if (v !== 0) addRow(gates, v, p, W + (A + k) * G, G);
  }
  const prev = s.prevLabel[run];
  if (prev >= 0) addRow(gates, 1, p, W + (A + K + prev) * G, G);
  const hOff = run * H;
  const { h, c } = s;
  for (let j = 0; j < H; j++) {
    const v = h[hOff + j];
    if (v !== 0) addRow(gates, v, p, W + (A + 2 * K + j) * G, G);
  }
  lstmCellStep(gates, H, h, c, hOff);

  // Write: M <- M + β (v − M key) ⊗ key, then M / max(1, ‖M‖_F).
  affine(write, p, base + L.writeW.offset, base + L.writeB.offset, h, hOff, H, 3 * m + 1);
  const beta = sigmoid(write[3 * m]);
  for (let a = 0; a < m; a++) {
    const k1 = Math.tanh(write[a]);
    for (let b = 0; b < m; b++) key[a * m + b] = k1 * Math.tanh(write[m + b]);
  }
  const M = s.memory;
  const mOff = run * m * mm;
  let norm2 = 0;
  for (let row = 0; row < m; row++) {
    const o = mOff + row * mm;
    let old = 0;
    for (let q = 0; q < mm; q++) old += M[o + q] * key[q];
    const d = beta * (Math.tanh(write[2 * m + row]) - old);
    for (let q = 0; q < mm; q++) {
      const v = M[o + q] + d * key[q];
      M[o + q] = v;
      norm2 += v * v;
    }
  }
  const norm = Math.sqrt(norm2);
  if (norm > 1) for (let q = mOff; q < mOff + m * mm; q++) M[q] /= norm;

  // Read: r = LayerNorm(M vec(n ⊗ e')).
  affine(read, p, base + L.readW.offset, base + L.readB.offset, h, hOff, H, 2 * m);
  for (let a = 0; a < m; a++) {
    const n = Math.tanh(read[a]);
    for (let b = 0; b < m; b++) query[a * m + b] = n * Math.tanh(read[m + b]);
  }
  let mean = 0;
  for (let row = 0; row < m; row++) {
    const o = mOff + row * mm;
    let acc = 0;
    for (let q = 0; q < mm; q++) acc += M[o + q] * query[q];
    r[row] = acc;
    mean += acc;
  }
  mean /= m;
  let variance = 0;
  for (let row = 0; row < m; row++) variance += (r[row] - mean) * (r[row] - mean);
  variance /= m;
  const inv = 1 / Math.sqrt(variance + FW_MEMORY_LN_EPS);
  for (let row = 0; row < m; row++) r[row] = (r[row] - mean) * inv;

  // out = h + r Wp + bp; z = out Wo + bo.
  affine(out, p, base + L.readProjW.offset, base + L.readProjB.offset, r, 0, m, H);
  for (let j = 0; j < H; j++) out[j] += h[hOff + j];
  affine(z, p, base + L.readoutW.offset, base + L.readoutB.offset, out, 0, H, K);

  const res = feedbackHead(z, K, L.spec.tanhBound, label, sc.head);
  s.e.set(sc.head.e, eOff);
  s.prevLabel[run] = label;
  return res;
}
