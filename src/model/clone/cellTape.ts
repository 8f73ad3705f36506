// One VSML tick of a batch of independent sub-RNNs, in float64, and its reverse: what learning-algorithm
// cloning regresses (backpropClone.ts). Cell n sees the forward message [x_n, 0, ...] and the backward
// message [delta_n, 0, ...] at every one of its microTicks LSTM steps (reference.ts: tickLayer, the
// same equations and gate shifts), then sends fwd = W_f h + b_f and bwd = W_b h + b_b from its final h.
import { FORGET_SHIFT, INPUT_SHIFT } from '../layout';
import { lstmGatesReverse, REC, type ParamViews } from '../grad/layerTape';

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** A batch of n cells: their inputs, their state (updated in place) and their messages. */
export interface CellBatch {
  readonly n: number;
  /** [n] inputs x (forward message dim 0) and errors delta (backward message dim 0). */
  readonly x: Float64Array;
  readonly delta: Float64Array;
  /** [n][N] state. */
  readonly h: Float64Array;
  readonly c: Float64Array;
  /** [n][M] messages after the tick. */
  readonly fwd: Float64Array;
  readonly bwd: Float64Array;
}

export function newCellBatch(n: number, N: number, M: number): CellBatch {
  return {
    n,
    x: new Float64Array(n),
    delta: new Float64Array(n),
    h: new Float64Array(n * N),
    c: new Float64Array(n * N),
    fwd: new Float64Array(n * M),
    bwd: new Float64Array(n * M),
  };
}

/** A tape for `cellTick` of n cells: per cell and micro-tick, layerTape's record (h, c before; i, g, f, o; c after). */
export const newCellTape = (p: ParamViews, n: number): Float64Array => new Float64Array(n * p.microTicks * REC * p.N);

/** One tick of every cell of the batch: the state advances in place, the messages are written. */
export function cellTick(p: ParamViews, batch: CellBatch, tape: Float64Array | null): void {
  const { N, M, microTicks, W, bias, Wf, bf, Wb, bb } = p;
  const G = 4 * N;
  const z = new Float64Array(G);
  const xRow = 0;
  const dRow = M * G;
  const hRow = 2 * M * G;
  for (let n = 0; n < batch.n; n++) {
    const x = batch.x[n];
    const d = batch.delta[n];
    const h = batch.h.subarray(n * N, n * N + N);
    const c = batch.c.subarray(n * N, n * N + N);
    for (let mt = 0; mt < microTicks; mt++) {
      for (let g = 0; g < G; g++) z[g] = bias[g] + x * W[xRow + g] + d * W[dRow + g];
      for (let j = 0; j < N; j++) {
        const hj = h[j];
        if (hj === 0) continue;
        const row = hRow + j * G;
        for (let g = 0; g < G; g++) z[g] += hj * W[row + g];
      }
      const rec = tape ? (n * microTicks + mt) * REC * N : -1;
      if (tape) {
        tape.set(h, rec);
        tape.set(c, rec + N);
      }
      for (let j = 0; j < N; j++) {
        const i = sigmoid(z[j] + INPUT_SHIFT);
        const g = Math.tanh(z[N + j]);
        const f = sigmoid(z[2 * N + j] + FORGET_SHIFT);
        const o = sigmoid(z[3 * N + j]);
        c[j] = f * c[j] + i * g;
        h[j] = o * Math.tanh(c[j]);
        if (tape) {
          tape[rec + 2 * N + j] = i;
          tape[rec + 3 * N + j] = g;
          tape[rec + 4 * N + j] = f;
          tape[rec + 5 * N + j] = o;
          tape[rec + 6 * N + j] = c[j];
        }
      }
    }
    for (let m = 0; m < M; m++) {
      let f = bf[m];
      let w = bb[m];
      for (let j = 0; j < N; j++) {
        f += h[j] * Wf[j * M + m];
        w += h[j] * Wb[j * M + m];
      }
      batch.fwd[n * M + m] = f;
      batch.bwd[n * M + m] = w;
    }
  }
}

/**
 * Reverse of the taped `cellTick`: given the adjoints of the state after the tick (dh, dc [n][N],
 * overwritten by scratch values) and of the messages (dFwd, dBwd [n][M]), accumulates d/dV_M into `dp`.
 * `hAfter` is the batch's h after the tick.
 */
export function cellTickBackward(
  p: ParamViews,
  batch: Pick<CellBatch, 'n' | 'x' | 'delta' | 'h'>,
  tape: Float64Array,
  dh: Float64Array,
  dc: Float64Array,
  dFwd: Float64Array,
  dBwd: Float64Array,
  dp: ParamViews,
): void {
  const { N, M, microTicks, W } = p;
  const G = 4 * N;
  const dz = new Float64Array(G);
  const dRow = M * G;
  const hRow = 2 * M * G;
  for (let n = 0; n < batch.n; n++) {
    const x = batch.x[n];
    const d = batch.delta[n];
    const dhn = dh.subarray(n * N, n * N + N);
    const dcn = dc.subarray(n * N, n * N + N);
    const hAfter = batch.h.subarray(n * N, n * N + N);
    for (let m = 0; m < M; m++) {
      const gf = dFwd[n * M + m];
      const gb = dBwd[n * M + m];
      dp.bf[m] += gf;
      dp.bb[m] += gb;
      for (let j = 0; j < N; j++) {
        dp.Wf[j * M + m] += hAfter[j] * gf;
        dp.Wb[j * M + m] += hAfter[j] * gb;
        dhn[j] += p.Wf[j * M + m] * gf + p.Wb[j * M + m] * gb;
      }
    }
    for (let mt = microTicks - 1; mt >= 0; mt--) {
      const rec = (n * microTicks + mt) * REC * N;
      lstmGatesReverse(tape, rec, N, dhn, dcn, dz);
      for (let k = 0; k < G; k++) {
        dp.bias[k] += dz[k];
        dp.W[k] += x * dz[k];
        dp.W[dRow + k] += d * dz[k];
      }
      for (let j = 0; j < N; j++) {
        const hj = tape[rec + j];
        const row = hRow + j * G;
        let acc = 0;
        for (let k = 0; k < G; k++) {
          dp.W[row + k] += hj * dz[k];
          acc += W[row + k] * dz[k];
        }
        dhn[j] = acc;
      }
    }
  }
}
