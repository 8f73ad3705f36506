// One example of one Meta RNN run (official models.py:273-297, haiku recurrent.py LSTM):
//   u = [x_t, e_{t-1}, y_{t-1}]                       (e, y one-hot; both 0 at a trajectory's start)
//   per micro-tick (same u each time; only h, c advance):
//     [i, g, f, o] = [u, h] W + b
//     c <- sigmoid(f + 1) c + sigmoid(i) tanh(g)      (haiku's forget bias +1)
//     h <- sigmoid(o) tanh(c)
//   z = h Wr + br;  y_t = B tanh(z / B);  loss = CE(softmax(y_t), label)
//   e_t = softmax(y_t) - onehot(label)                (d loss / d y_t: the error fed next example)
// The bias and the u rows of the gate sum are the same for every micro-tick, so they are summed
// once (pre); each tick adds the h rows to a copy, in the same order as one full sum would.
// Zero inputs are skipped (exact: they add nothing). Parameters float32, sums and state float64.
import { boundedSoftmaxCe, type HeadResult } from '../baselines/boundedLoss';
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
}

export const metaRnnScratch = (layout: MetaRnnLayout): MetaRnnScratch => {
  const G = 4 * layout.spec.hidden;
  const K = layout.shape.numClasses;
  return { pre: new Float64Array(G), gates: new Float64Array(G), z: new Float64Array(K), y: new Float64Array(K), gz: new Float64Array(K) };
};

/** acc[0..n) += a * p[off..off+n). */
function addRow(acc: Float64Array, a: number, p: Float32Array, off: number, n: number): void {
  for (let j = 0; j < n; j++) acc[j] += a * p[off + j];
}

const sigmoid = (v: number): number => 1 / (1 + Math.exp(-v));

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
  const { pre, gates, z, y } = sc;
  for (let j = 0; j < G; j++) pre[j] = p[L.lstmB.offset + j];
  for (let i = 0; i < A; i++) {
    const v = inputs[xOff + i];
    if (v !== 0) addRow(pre, v, p, W + i * G, G);
  }
  const eOff = run * K;
  for (let k = 0; k < K; k++) {
    const v = s.e[eOff + k];
    if (v !== 0) addRow(pre, v, p, W + (A + k) * G, G);
  }
  const prev = s.prevLabel[run];
  if (prev >= 0) addRow(pre, 1, p, W + (A + K + prev) * G, G);

  const hOff = run * H;
  const h = s.h;
  const c = s.c;
  const hRows = W + (A + 2 * K) * G;
  for (let tick = 0; tick < L.spec.microTicks; tick++) {
    gates.set(pre);
    for (let j = 0; j < H; j++) {
      const v = h[hOff + j];
      if (v !== 0) addRow(gates, v, p, hRows + j * G, G);
    }
    for (let k = 0; k < H; k++) {
      const cNew = sigmoid(gates[2 * H + k] + 1) * c[hOff + k] + sigmoid(gates[k]) * Math.tanh(gates[H + k]);
      c[hOff + k] = cNew;
      h[hOff + k] = sigmoid(gates[3 * H + k]) * Math.tanh(cNew);
    }
  }

  for (let k = 0; k < K; k++) z[k] = p[L.readoutB.offset + k];
  for (let j = 0; j < H; j++) {
    const v = h[hOff + j];
    if (v !== 0) addRow(z, v, p, L.readoutW.offset + j * K, K);
  }
  const head = boundedSoftmaxCe(z, K, L.spec.tanhBound, label, y, sc.gz);

  let max = -Infinity;
  for (let k = 0; k < K; k++) max = Math.max(max, y[k]);
  let sum = 0;
  for (let k = 0; k < K; k++) sum += s.e[eOff + k] = Math.exp(y[k] - max);
  for (let k = 0; k < K; k++) s.e[eOff + k] = s.e[eOff + k] / sum - (k === label ? 1 : 0);
  s.prevLabel[run] = label;
  return head;
}
