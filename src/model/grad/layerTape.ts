// One layer tick of the reference equations (reference.ts: tickLayer) in float64, recording what its
// reverse needs, and that reverse: the adjoints of the incoming messages, of the state before the
// tick, and of V_M. Gradients through the unroll (official configs/backprop.yaml) are built from it.
//
// The gate pre-activation of cell (a, b) is split as z = P_a + Q_b + h W_h with
//   P_a = fwdIn_a W_fwd   (rows 0..M-1 of lstm.w, the same for every b),
//   Q_b = bwdIn_b W_bwd + bias (rows M..2M-1, the same for every a),
// so a cell costs N x 4N multiply-adds per micro-tick forward and twice that in reverse. Algebraically
// the same as the reference's full [fwd; bwd; h] product; the rounding differs (float64 here).
import type { VsmlConfig } from '../config';
import { FORGET_SHIFT, INPUT_SHIFT, paramLayout } from '../layout';

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** Views of V_M (float64) at the offsets of `paramLayout`. */
export interface ParamViews {
  readonly N: number;
  readonly M: number;
  readonly microTicks: number;
  /** lstm.w [2M+N][4N]. */
  readonly W: Float64Array;
  readonly bias: Float64Array;
  /** fwd.w [N][M], fwd.b [M]. */
  readonly Wf: Float64Array;
  readonly bf: Float64Array;
  /** bwd.w [N][M], bwd.b [M]. */
  readonly Wb: Float64Array;
  readonly bb: Float64Array;
}

/** Split a flat float64 vector in `paramLayout` order into its blocks (views, not copies). */
export function paramViews(cfg: VsmlConfig, flat: Float64Array): ParamViews {
  const L = paramLayout(cfg);
  const view = (b: { offset: number; rows: number; cols: number }) =>
    flat.subarray(b.offset, b.offset + b.rows * b.cols);
  return {
    N: cfg.stateSize,
    M: cfg.messageSize,
    microTicks: cfg.microTicks,
    W: view(L.lstmW),
    bias: view(L.lstmB),
    Wf: view(L.fwdW),
    bf: view(L.fwdB),
    Wb: view(L.bwdW),
    bb: view(L.bwdB),
  };
}

/** Per-record layout of one cell's micro-tick: h_prev, c_prev, i, g, f, o, c (N each). */
export const REC = 7;

/**
 * Reverse of one recorded LSTM micro-step (record at rec[r]: h, c before; i, g, f, o; c after, N each):
 * from the adjoints of h and c after it (dh, dc [N]), the adjoints of the gate pre-activations into dz
 * [4N, gates i, g, f, o] and, in dc, the adjoint of c before it (dh is left for the caller's W_h product).
 */
export function lstmGatesReverse(
  rec: Float64Array,
  r: number,
  N: number,
  dh: Float64Array,
  dc: Float64Array,
  dz: Float64Array,
): void {
  for (let j = 0; j < N; j++) {
    const i = rec[r + 2 * N + j];
    const g = rec[r + 3 * N + j];
    const f = rec[r + 4 * N + j];
    const o = rec[r + 5 * N + j];
    const tc = Math.tanh(rec[r + 6 * N + j]);
    const dcj = dc[j] + dh[j] * o * (1 - tc * tc);
    dz[j] = dcj * g * i * (1 - i);
    dz[N + j] = dcj * i * (1 - g * g);
    dz[2 * N + j] = dcj * rec[r + N + j] * f * (1 - f);
    dz[3 * N + j] = dh[j] * tc * o * (1 - o);
    dc[j] = dcj * f;
  }
}

/** The recorded forward of one layer tick for one example. */
export interface LayerTape {
  readonly A: number;
  readonly B: number;
  /** [A][M] and [B][M]: the messages the tick read. */
  readonly fwdIn: Float64Array;
  readonly bwdIn: Float64Array;
  /** [A*B][microTicks][7N]. */
  readonly rec: Float64Array;
}

/**
 * Forward of one layer tick, in place on h and c ([A*B*N], ABJ order): records into `tape` (whose
 * fwdIn/bwdIn are copied from the arguments) and writes the mean messages into fwdOut [B][M] and
 * bwdOut [A][M], and, when asked, every cell's own forward message into cellFwd [A*B][M].
 */
export function layerForward(
  p: ParamViews,
  A: number,
  B: number,
  h: Float64Array,
  c: Float64Array,
  fwdIn: ArrayLike<number>,
  bwdIn: ArrayLike<number>,
  fwdOut: Float64Array,
  bwdOut: Float64Array,
  tape: LayerTape | null,
  cellFwd: Float64Array | null = null,
): void {
  const { N, M, microTicks: T, W, bias, Wf, bf, Wb, bb } = p;
  const G = 4 * N;
  const Pa = new Float64Array(A * G);
  const Qb = new Float64Array(B * G);
  for (let a = 0; a < A; a++)
    for (let k = 0; k < M; k++) {
      const x = fwdIn[a * M + k];
      if (x === 0) continue;
      for (let g = 0; g < G; g++) Pa[a * G + g] += x * W[k * G + g];
    }
  for (let b = 0; b < B; b++) {
    for (let g = 0; g < G; g++) Qb[b * G + g] = bias[g];
    for (let k = 0; k < M; k++) {
      const x = bwdIn[b * M + k];
      if (x === 0) continue;
      for (let g = 0; g < G; g++) Qb[b * G + g] += x * W[(M + k) * G + g];
    }
  }
  if (tape) {
    for (let k = 0; k < A * M; k++) tape.fwdIn[k] = fwdIn[k];
    for (let k = 0; k < B * M; k++) tape.bwdIn[k] = bwdIn[k];
  }
  fwdOut.fill(0);
  bwdOut.fill(0);
  const Wh = W.subarray(2 * M * G);
  const z = new Float64Array(G);
  for (let a = 0; a < A; a++) {
    for (let b = 0; b < B; b++) {
      const cell = a * B + b;
      const base = cell * N;
      for (let mt = 0; mt < T; mt++) {
        for (let g = 0; g < G; g++) z[g] = Pa[a * G + g] + Qb[b * G + g];
        for (let j = 0; j < N; j++) {
          const hj = h[base + j];
          if (hj === 0) continue;
          const row = j * G;
          for (let g = 0; g < G; g++) z[g] += hj * Wh[row + g];
        }
        const r = tape ? (cell * T + mt) * REC * N : -1;
        for (let j = 0; j < N; j++) {
          const i = sigmoid(z[j] + INPUT_SHIFT);
          const gg = Math.tanh(z[N + j]);
          const f = sigmoid(z[2 * N + j] + FORGET_SHIFT);
          const o = sigmoid(z[3 * N + j]);
          const cPrev = c[base + j];
          const cNew = f * cPrev + i * gg;
          if (tape) {
            const rec = tape.rec;
            rec[r + j] = h[base + j];
            rec[r + N + j] = cPrev;
            rec[r + 2 * N + j] = i;
            rec[r + 3 * N + j] = gg;
            rec[r + 4 * N + j] = f;
            rec[r + 5 * N + j] = o;
            rec[r + 6 * N + j] = cNew;
          }
          c[base + j] = cNew;
        }
        // h is read for every gate above, so it is written only after the whole cell is done.
        for (let j = 0; j < N; j++) {
          const o = sigmoid(z[3 * N + j]);
          h[base + j] = o * Math.tanh(c[base + j]);
        }
      }
      for (let m = 0; m < M; m++) {
        let f = bf[m];
        let w = bb[m];
        for (let j = 0; j < N; j++) {
          f += h[base + j] * Wf[j * M + m];
          w += h[base + j] * Wb[j * M + m];
        }
        fwdOut[b * M + m] += f;
        if (cellFwd) cellFwd[cell * M + m] = f;
        bwdOut[a * M + m] += w;
      }
    }
  }
  for (let k = 0; k < B * M; k++) fwdOut[k] /= A;
  for (let k = 0; k < A * M; k++) bwdOut[k] /= B;
}

export function newLayerTape(p: ParamViews, A: number, B: number): LayerTape {
  return {
    A,
    B,
    fwdIn: new Float64Array(A * p.M),
    bwdIn: new Float64Array(B * p.M),
    rec: new Float64Array(A * B * p.microTicks * REC * p.N),
  };
}

/**
 * Reverse of `layerForward` for the recorded tick. In: dFwdOut [B][M], dBwdOut [A][M] (adjoints of
 * the mean messages) and dh, dc [A*B*N] (adjoints of the state after the tick), `hAfter` the state
 * h after the tick. Out: dh, dc become the adjoints of the state before the tick; dFwdIn [A][M] and
 * dBwdIn [B][M] are overwritten; dParams (same views over the gradient vector) is accumulated into.
 * dCellFwd [A*B][M], when given, adds adjoints of the cells' own forward messages (a per-cell loss).
 */
export function layerBackward(
  p: ParamViews,
  tape: LayerTape,
  hAfter: Float64Array,
  dFwdOut: Float64Array,
  dBwdOut: Float64Array,
  dh: Float64Array,
  dc: Float64Array,
  dFwdIn: Float64Array,
  dBwdIn: Float64Array,
  dParams: ParamViews,
  dCellFwd: Float64Array | null = null,
): void {
  const { N, M, microTicks: T, W } = p;
  const { A, B, rec } = tape;
  const G = 4 * N;
  const Wh = W.subarray(2 * M * G);
  const dWh = dParams.W.subarray(2 * M * G);
  const dPa = new Float64Array(A * G);
  const dQb = new Float64Array(B * G);
  const dz = new Float64Array(G);
  const dhCur = new Float64Array(N);
  const dcCur = new Float64Array(N);
  const invA = 1 / A;
  const invB = 1 / B;
  // Messenger biases: mean over a (or b) of a constant.
  for (let b = 0; b < B; b++) for (let m = 0; m < M; m++) dParams.bf[m] += dFwdOut[b * M + m];
  if (dCellFwd) for (let k = 0; k < A * B * M; k++) dParams.bf[k % M] += dCellFwd[k];
  for (let a = 0; a < A; a++) for (let m = 0; m < M; m++) dParams.bb[m] += dBwdOut[a * M + m];
  for (let a = 0; a < A; a++) {
    for (let b = 0; b < B; b++) {
      const cell = a * B + b;
      const base = cell * N;
      // Messages of the final h: fwd to b's mean over a, bwd to a's mean over b.
      for (let j = 0; j < N; j++) {
        const hj = hAfter[base + j];
        let acc = dh[base + j];
        for (let m = 0; m < M; m++) {
          const gf = dFwdOut[b * M + m] * invA + (dCellFwd ? dCellFwd[cell * M + m] : 0);
          const gb = dBwdOut[a * M + m] * invB;
          acc += p.Wf[j * M + m] * gf + p.Wb[j * M + m] * gb;
          dParams.Wf[j * M + m] += hj * gf;
          dParams.Wb[j * M + m] += hj * gb;
        }
        dhCur[j] = acc;
        dcCur[j] = dc[base + j];
      }
      for (let mt = T - 1; mt >= 0; mt--) {
        const r = (cell * T + mt) * REC * N;
        lstmGatesReverse(rec, r, N, dhCur, dcCur, dz);
        for (let g = 0; g < G; g++) {
          dPa[a * G + g] += dz[g];
          dQb[b * G + g] += dz[g];
        }
        for (let j = 0; j < N; j++) {
          const hp = rec[r + j];
          const row = j * G;
          let acc = 0;
          for (let g = 0; g < G; g++) {
            acc += Wh[row + g] * dz[g];
            dWh[row + g] += hp * dz[g];
          }
          dhCur[j] = acc;
        }
      }
      for (let j = 0; j < N; j++) {
        dh[base + j] = dhCur[j];
        dc[base + j] = dcCur[j];
      }
    }
  }
  // The per-a and per-b parts of the gate pre-activation: P_a = fwdIn_a W[0..M), Q_b = bwdIn_b W[M..2M) + bias.
  messageRowsBackward(W, dParams.W, 0, M, G, A, tape.fwdIn, dPa, dFwdIn);
  messageRowsBackward(W, dParams.W, M, M, G, B, tape.bwdIn, dQb, dBwdIn);
  for (let b = 0; b < B; b++) for (let g = 0; g < G; g++) dParams.bias[g] += dQb[b * G + g];
}

/**
 * Reverse of X = msg W[row0..row0+M) for `count` messages ([count][M]) given dX [count][G]:
 * dW[row0 + k] += sum over messages of msg_k dX, and dMsg = dX W^T (overwritten).
 */
function messageRowsBackward(
  W: Float64Array,
  dW: Float64Array,
  row0: number,
  M: number,
  G: number,
  count: number,
  msg: Float64Array,
  dX: Float64Array,
  dMsg: Float64Array,
): void {
  for (let n = 0; n < count; n++)
    for (let k = 0; k < M; k++) {
      const x = msg[n * M + k];
      const row = (row0 + k) * G;
      let acc = 0;
      for (let g = 0; g < G; g++) {
        const d = dX[n * G + g];
        acc += W[row + g] * d;
        dW[row + g] += x * d;
      }
      dMsg[n * M + k] = acc;
    }
}
