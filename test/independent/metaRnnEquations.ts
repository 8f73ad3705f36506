// An independent implementation of the Meta RNN (official models.py:249-297 with haiku's hk.LSTM),
// written from the equations alone (nothing from src/): plain number arrays, float64 throughout,
// the full gate product [u, h] W + b of every micro-tick computed as one sum (no shared part, no
// skipped zeros). The flat parameter vector is read through offsets derived here from the
// documented order:
//   W  [A+2K+H][4H] at 0                      rows x, e, previous label, h; cols i, g, f, o
//   b  [4H]         at (A+2K+H) 4H
//   Wr [H][K]       at (A+2K+H) 4H + 4H
//   br [K]          at (A+2K+H) 4H + 4H + HK
// Per example: u = [x, e_{t-1}, onehot(y_{t-1})] (zeros at the start); per micro-tick
//   [i, g, f, o] = [u, h] W + b;  c = sig(f + 1) c + sig(i) tanh(g);  h = sig(o) tanh(c)
// then z = h Wr + br, y = B tanh(z / B), loss = logsumexp(y) - y_label, correct = first argmax is
// the label, e = softmax(y) - onehot(label).

export interface MetaRnnDims {
  readonly A: number;
  readonly K: number;
  readonly H: number;
  readonly microTicks: number;
  readonly bound: number;
}

export interface MetaRnnTrace {
  /** [T][K] bounded outputs. */
  readonly y: number[][];
  readonly loss: number[];
  readonly correct: boolean[];
}

const sig = (v: number): number => 1 / (1 + Math.exp(-v));

export const metaRnnParamCount = ({ A, K, H }: MetaRnnDims): number => (A + 2 * K + H) * 4 * H + 4 * H + H * K + K;

/** One run from a zero state over examples xs[t] (A numbers each) with labels[t]. */
export function metaRnnTrace(
  d: MetaRnnDims,
  params: ArrayLike<number>,
  xs: readonly ArrayLike<number>[],
  labels: readonly number[],
): MetaRnnTrace {
  const { A, K, H, microTicks, bound } = d;
  const rows = A + 2 * K + H;
  const G = 4 * H;
  const at = (r: number, c: number) => params[r * G + c];
  const bAt = rows * G;
  const wrAt = bAt + G;
  const brAt = wrAt + H * K;
  if (params.length !== brAt + K) throw new Error(`metaRnnTrace: expected ${brAt + K} params, got ${params.length}`);

  let h = new Array<number>(H).fill(0);
  let c = new Array<number>(H).fill(0);
  let e = new Array<number>(K).fill(0);
  let prev = new Array<number>(K).fill(0);
  const out: MetaRnnTrace = { y: [], loss: [], correct: [] };
  xs.forEach((x, t) => {
    const u = [...Array.from(x), ...e, ...prev];
    for (let tick = 0; tick < microTicks; tick++) {
      const v = [...u, ...h];
      const gate = (col: number) => {
        let s = params[bAt + col];
        for (let r = 0; r < rows; r++) s += v[r] * at(r, col);
        return s;
      };
      const nc: number[] = [];
      const nh: number[] = [];
      for (let k = 0; k < H; k++) {
        const i = gate(k);
        const g = gate(H + k);
        const f = gate(2 * H + k);
        const o = gate(3 * H + k);
        nc[k] = sig(f + 1) * c[k] + sig(i) * Math.tanh(g);
        nh[k] = sig(o) * Math.tanh(nc[k]);
      }
      c = nc;
      h = nh;
    }
    const y: number[] = [];
    for (let k = 0; k < K; k++) {
      let z = params[brAt + k];
      for (let j = 0; j < H; j++) z += h[j] * params[wrAt + j * K + k];
      y.push(bound * Math.tanh(z / bound));
    }
    const max = Math.max(...y);
    const sum = y.reduce((s, v) => s + Math.exp(v - max), 0);
    const label = labels[t];
    out.y.push(y);
    out.loss.push(max + Math.log(sum) - y[label]);
    out.correct.push(y.indexOf(max) === label);
    e = y.map((v, k) => Math.exp(v - max) / sum - (k === label ? 1 : 0));
    prev = y.map((_, k) => (k === label ? 1 : 0));
  });
  return out;
}
