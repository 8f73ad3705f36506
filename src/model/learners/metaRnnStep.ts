// One example of one Meta RNN run (official models.py:281-294, the scan_tick of MetaRNN.__call__;
// haiku recurrent.py LSTM):
//   u = [x_t, e_{t-1}, y_{t-1}]                       (e, y one-hot; both 0 at a trajectory's start)
//   per micro-tick (same u each time; only h, c advance):
//     [i, g, f, o] = [u, h] W + b
//     c <- sigmoid(f + 1) c + sigmoid(i) tanh(g)      (haiku's forget bias +1)
//     h <- sigmoid(o) tanh(c)
//   z = h Wr + br;  y_t = B tanh(z / B);  loss = CE(softmax(y_t), label)
//   e_t = softmax(y_t) - onehot(label)                (d loss / d y_t: the error fed next example)
// The bias and the u rows of the gate sum are the same for every micro-tick, so they are summed
// once (pre); each tick adds the h rows to a copy. Zero inputs are skipped (they add nothing);
// the rest are summed eight rows at a time. Parameters float32, sums and state float64.
import { boundedSoftmaxCe, type HeadResult } from '../baselines/boundedLoss';
import { lstmCellStep } from './lstmCell';
import type { MetaRnnLayout } from './metaRnnSpec';

/** The state of R runs: h, c [R][H], the previous error e [R][K] and label [R] (−1: none yet). */
export interface MetaRnnState {
  readonly h: Float64Array;
  readonly c: Float64Array;
  readonly e: Float64Array;
  readonly prevLabel: Int32Array;
}

export const metaRnnState = (layout: MetaRnnLayout, runs: number): MetaRnnState => ({
  h: new Float64Array(runs * layout.spec.hidden),
  c: new Float64Array(runs * layout.spec.hidden),
  e: new Float64Array(runs * layout.shape.numClasses),
  prevLabel: new Int32Array(runs).fill(-1),
});

/** Every run back to the start of a trajectory: h = c = e = 0, no previous label. */
export function resetMetaRnnState(s: MetaRnnState): void {
  s.h.fill(0);
  s.c.fill(0);
  s.e.fill(0);
  s.prevLabel.fill(-1);
}

export interface MetaRnnScratch {
  /** [4H] bias + the u rows of the gate sum (shared by the micro-ticks). */
  readonly pre: Float64Array;
  /** [4H] the gate pre-activations of one micro-tick. */
  readonly gates: Float64Array;
  /** [K] readout z, bounded y, and (unused here) d loss / d z. */
  readonly z: Float64Array;
  readonly y: Float64Array;
  readonly gz: Float64Array;
  /** The non-zero inputs of a sum as (row, value) pairs, [A+2K+H] each. */
  readonly idx: Int32Array;
  readonly val: Float64Array;
}

export const metaRnnScratch = (layout: MetaRnnLayout): MetaRnnScratch => {
  const G = 4 * layout.spec.hidden;
  const K = layout.shape.numClasses;
  const rows = layout.lstmW.rows;
  return {
    pre: new Float64Array(G),
    gates: new Float64Array(G),
    z: new Float64Array(K),
    y: new Float64Array(K),
    gz: new Float64Array(K),
    idx: new Int32Array(rows),
    val: new Float64Array(rows),
  };
};

/**
 * acc[0..n) += sum over m < count of val[m] * p[base + idx[m] * stride ..+n): rows eight at a time,
 * so acc is loaded and stored once per eight rows (the hot loop: contiguous in j; 8 measured 1.7x
 * faster than 4 on the padded shape).
 */
function addRows(
  acc: Float64Array,
  idx: Int32Array,
  val: Float64Array,
  count: number,
  p: Float32Array,
  base: number,
  stride: number,
  n: number,
): void {
  let m = 0;
  for (; m + 8 <= count; m += 8) {
    const a0 = val[m],
      a1 = val[m + 1],
      a2 = val[m + 2],
      a3 = val[m + 3];
    const a4 = val[m + 4],
      a5 = val[m + 5],
      a6 = val[m + 6],
      a7 = val[m + 7];
    const o0 = base + idx[m] * stride,
      o1 = base + idx[m + 1] * stride,
      o2 = base + idx[m + 2] * stride,
      o3 = base + idx[m + 3] * stride;
    const o4 = base + idx[m + 4] * stride,
      o5 = base + idx[m + 5] * stride,
      o6 = base + idx[m + 6] * stride,
      o7 = base + idx[m + 7] * stride;
    for (let j = 0; j < n; j++) {
      acc[j] +=
        a0 * p[o0 + j] +
        a1 * p[o1 + j] +
        a2 * p[o2 + j] +
        a3 * p[o3 + j] +
        a4 * p[o4 + j] +
        a5 * p[o5 + j] +
        a6 * p[o6 + j] +
        a7 * p[o7 + j];
    }
  }
  for (; m < count; m++) {
    const a = val[m];
    const o = base + idx[m] * stride;
    for (let j = 0; j < n; j++) acc[j] += a * p[o + j];
  }
}

/** The non-zero entries of v[off..off+len) as (index, value) pairs; returns how many. */
function gatherNonZero(v: Float64Array, off: number, len: number, idx: Int32Array, val: Float64Array): number {
  let n = 0;
  for (let j = 0; j < len; j++) {
    const x = v[off + j];
    if (x !== 0) {
      idx[n] = j;
      val[n++] = x;
    }
  }
  return n;
}

/**
 * Run `run` over one example: x = A values of `inputs` at `xOff`, then its label. Predicts y (left
 * in scratch.y) before the label is used, then stores e_t and the label for the next example.
 */
export function metaRnnStep(
  L: MetaRnnLayout,
  p: Float32Array,
  inputs: Float32Array,
  xOff: number,
  label: number,
  s: MetaRnnState,
  run: number,
  sc: MetaRnnScratch,
): HeadResult {
  const { inputSize: A, numClasses: K } = L.shape;
  const H = L.spec.hidden;
  const G = 4 * H;
  const W = L.lstmW.offset;
  const { pre, gates, z, y, idx, val } = sc;
  // The non-zero entries of u = [x, e, onehot(previous label)] as (row, value) pairs.
  let n = 0;
  for (let i = 0; i < A; i++) {
    const v = inputs[xOff + i];
    if (v !== 0) {
      idx[n] = i;
      val[n++] = v;
    }
  }
  const eOff = run * K;
  for (let k = 0; k < K; k++) {
    const v = s.e[eOff + k];
    if (v !== 0) {
      idx[n] = A + k;
      val[n++] = v;
    }
  }
  const prev = s.prevLabel[run];
  if (prev >= 0) {
    idx[n] = A + K + prev;
    val[n++] = 1;
  }
  for (let j = 0; j < G; j++) pre[j] = p[L.lstmB.offset + j];
  addRows(pre, idx, val, n, p, W, G, G);

  const hOff = run * H;
  const h = s.h;
  const c = s.c;
  const hRows = W + (A + 2 * K) * G;
  for (let tick = 0; tick < L.spec.microTicks; tick++) {
    gates.set(pre);
    n = gatherNonZero(h, hOff, H, idx, val);
    addRows(gates, idx, val, n, p, hRows, G, G);
    lstmCellStep(gates, H, h, c, hOff);
  }

  for (let k = 0; k < K; k++) z[k] = p[L.readoutB.offset + k];
  n = gatherNonZero(h, hOff, H, idx, val);
  addRows(z, idx, val, n, p, L.readoutW.offset, K, K);
  const head = boundedSoftmaxCe(z, K, L.spec.tanhBound, label, y, sc.gz);

  let max = -Infinity;
  for (let k = 0; k < K; k++) max = Math.max(max, y[k]);
  let sum = 0;
  for (let k = 0; k < K; k++) sum += s.e[eOff + k] = Math.exp(y[k] - max);
  for (let k = 0; k < K; k++) s.e[eOff + k] = s.e[eOff + k] / sum - (k === label ? 1 : 0);
  s.prevLabel[run] = label;
  return head;
}
