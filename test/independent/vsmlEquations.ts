// An independent implementation of the VSML forward dynamics, written from the equations alone
// (not from src/model/reference.ts), to cross-check `vsml trace`. Float64 throughout; it works on
// the plain JSON documents (learner, stream, state) so it shares no parsing code with src either.
//
// Where src/model/reference.ts walks cell by cell, this works on whole-layer matrices and uses the
// linearity of the equations:
//   Z[b,a] = (Fin W_x)[a] + (Bin W_y)[b] + (H W_h)[b,a] + bias   (W_x, W_y, W_h: row blocks of W)
//   fwd[b] = (mean_a H[b,a]) W_f + b_f,   bwd[a] = (mean_b H[b,a]) W_b + b_b
// with cells stored b-major (row b*A + a), the transpose of the file's [a][b][j] order.

export interface PlainConfig {
  readonly stateSize: number;
  readonly messageSize: number;
  readonly microTicks: number;
  readonly tanhBound: number;
  readonly outputIndex: number;
  readonly feedLabel: boolean;
  readonly hiddenSizes: readonly number[];
}

export interface PlainLearner {
  readonly config: PlainConfig;
  readonly params: {
    readonly lstm: { readonly w: number[][]; readonly b: number[] };
    readonly fwd: { readonly w: number[][]; readonly b: number[] };
    readonly bwd: { readonly w: number[][]; readonly b: number[] };
  };
}

export interface PlainStream {
  readonly numClasses: number;
  readonly inputs: number[][];
  readonly labels: number[];
}

export interface PlainState {
  readonly layers: { readonly h: number[]; readonly c: number[] }[];
}

export interface PlainTrace {
  readonly outputs: number[][];
  readonly loss: number[];
  readonly correct: boolean[];
}

type Matrix = number[][];

const f32 = Math.fround; // numbers in the files are float32 values
const zeros = (rows: number, cols: number): Matrix =>
  Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
const sigma = (x: number): number => 1 / (1 + Math.exp(-x));

function matmul(X: Matrix, W: Matrix): Matrix {
  const k = W.length;
  const n = W[0].length;
  return X.map((x) => {
    const out = new Array<number>(n).fill(0);
    for (let r = 0; r < k; r++) if (x[r] !== 0) for (let c = 0; c < n; c++) out[c] += x[r] * W[r][c];
    return out;
  });
}

const addRow = (X: Matrix, v: number[]): Matrix => X.map((x) => x.map((e, c) => e + v[c]));

interface Layer {
  readonly A: number;
  readonly B: number;
  /** Cells b-major: H[b * A + a] = h of sub-RNN (a, b). */
  H: Matrix;
  C: Matrix;
}

/** Run the whole stream; returns outputs y, cross-entropy and argmax correctness per example. */
export function runEquations(learner: PlainLearner, stream: PlainStream, state: PlainState): PlainTrace {
  const cfg = learner.config;
  const N = cfg.stateSize;
  const M = cfg.messageSize;
  const W = learner.params.lstm.w.map((r) => r.map(f32));
  const Wx = W.slice(0, M);
  const Wy = W.slice(M, 2 * M);
  const Wh = W.slice(2 * M);
  const bias = learner.params.lstm.b.map(f32);
  const Wf = learner.params.fwd.w.map((r) => r.map(f32));
  const bf = learner.params.fwd.b.map(f32);
  const Wb = learner.params.bwd.w.map((r) => r.map(f32));
  const bb = learner.params.bwd.b.map(f32);

  const sizes = [stream.inputs[0].length, ...cfg.hiddenSizes, stream.numClasses];
  const L = sizes.length - 1;
  const K = stream.numClasses;
  const layers: Layer[] = [];
  for (let l = 0; l < L; l++) {
    const A = sizes[l];
    const B = sizes[l + 1];
    const fromFile = (flat: number[]): Matrix => {
      const m = zeros(A * B, N);
      for (let a = 0; a < A; a++)
        for (let b = 0; b < B; b++) for (let j = 0; j < N; j++) m[b * A + a][j] = f32(flat[(a * B + b) * N + j]);
      return m;
    };
    layers.push({ A, B, H: fromFile(state.layers[l].h), C: fromFile(state.layers[l].c) });
  }
  // bwdIn[l]: [B_l][M], what layer l receives from above. Layer L-1 gets the error injection.
  let bwdIn: Matrix[] = layers.map((ly) => zeros(ly.B, M));

  const trace: PlainTrace = { outputs: [], loss: [], correct: [] };
  stream.inputs.forEach((row, t) => {
    let fwdIn = row.map((x) => [f32(x), ...new Array<number>(M - 1).fill(0)]);
    const nextBwdIn = bwdIn.map((m) => m.map((r) => [...r]));
    layers.forEach((ly, l) => {
      const P = matmul(fwdIn, Wx); // [A][4N]
      const Q = matmul(bwdIn[l], Wy); // [B][4N]
      for (let k = 0; k < cfg.microTicks; k++) {
        const Z = addRow(matmul(ly.H, Wh), bias);
        for (let b = 0; b < ly.B; b++) {
          for (let a = 0; a < ly.A; a++) {
            const cell = b * ly.A + a;
            const z = Z[cell].map((e, g) => e + P[a][g] + Q[b][g]);
            for (let j = 0; j < N; j++) {
              const i = sigma(z[j] - 5);
              const g = Math.tanh(z[N + j]);
              const f = sigma(z[2 * N + j] + 5);
              const o = sigma(z[3 * N + j]);
              ly.C[cell][j] = f * ly.C[cell][j] + i * g;
              ly.H[cell][j] = o * Math.tanh(ly.C[cell][j]);
            }
          }
        }
      }
      const meanOverA = zeros(ly.B, N);
      const meanOverB = zeros(ly.A, N);
      for (let b = 0; b < ly.B; b++)
        for (let a = 0; a < ly.A; a++)
          for (let j = 0; j < N; j++) {
            meanOverA[b][j] += ly.H[b * ly.A + a][j] / ly.A;
            meanOverB[a][j] += ly.H[b * ly.A + a][j] / ly.B;
          }
      if (l > 0) nextBwdIn[l - 1] = addRow(matmul(meanOverB, Wb), bb);
      fwdIn = addRow(matmul(meanOverA, Wf), bf);
    });
    const y = fwdIn.map((m) => cfg.tanhBound * Math.tanh(m[cfg.outputIndex] / cfg.tanhBound));
    const label = stream.labels[t];
    const top = Math.max(...y);
    const expY = y.map((v) => Math.exp(v - top));
    const Z = expY.reduce((s, v) => s + v, 0);
    const p = expY.map((v) => v / Z);
    trace.outputs.push(y);
    trace.loss.push(-Math.log(p[label]));
    trace.correct.push(y.indexOf(top) === label);
    nextBwdIn[L - 1] = Array.from({ length: K }, (_, b) => {
      const msg = new Array<number>(M).fill(0);
      msg[0] = p[b] - (b === label ? 1 : 0);
      if (cfg.feedLabel) msg[1] = b === label ? 1 : 0;
      return msg;
    });
    bwdIn = nextBwdIn;
  });
  return trace;
}
