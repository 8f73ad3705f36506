// The CPU reference: the VSML equations, written out plainly. Every kernel is tested against this.
// No algebraic shortcuts here: the full gate matmul over [fwd; bwd; h], then the per-cell messages,
// then the means.
//
// One example t (tickNetwork): a forward tick (layer 0 gets [x_a, 0, ...], layers 0..L-1 in order,
// each with its carried backward input), the readout and loss, then the error injection
// e_t = softmax(y_t) - onehot(label) on top. By default (official `backward_pass` False) the error waits
// in the carry for example t+1, and a hidden layer hears the layer above's backward message one
// example late. With `backwardPass` (official `backward_pass` True) a reverse tick follows at once
// (reverseTick): layers L-1 down to 0, each running its micro-ticks with the forward input it had in
// this example's forward tick and, as backward input, the error injection (top layer) or the backward
// message the layer above has just produced; its forward messages are discarded. Then every carried
// backward input is zeroed, so forward ticks carry no error. (The official code zeroes only the top
// error and leaves the hidden layers' reverse-tick messages in the carry; we zero those too. It matters
// only with hidden layers. docs/FORMATS.md, "config.backwardPass".)
import type { VsmlConfig } from './config';
import { FORGET_SHIFT, GATE, INPUT_SHIFT, paramLayout, type VmParams } from './layout';
import type { LayerShape, LayerState } from './state';

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** New messages of a layer after one example. */
export interface LayerMessages {
  /** [B][M]: mean over a of W_f h_ab + b_f, for the next layer (or the output). */
  readonly fwdOut: Float32Array;
  /** [A][M]: mean over b of W_b h_ab + b_b, for the previous layer's next tick. */
  readonly bwdOut: Float32Array;
}

/**
 * What tickLayer also keeps when asked ("explain this step", explain.ts): every cell's gate
 * activations at every micro-tick, [microTicks][A][B][4][N] in the order i, f, o, g
 * (EXPLAIN_GATES), and the layer's state after each micro-tick ([microTicks] states, [A][B][N]).
 */
export interface LayerRecord {
  readonly gates: Float32Array;
  readonly ticks: readonly LayerState[];
}

/**
 * One example through one layer: every cell (a, b) runs `microTicks` LSTM steps with the same
 * incoming messages fwdIn[a] ([A][M]) and bwdIn[b] ([B][M]); then the forward and backward messages
 * of the final h are averaged over a and over b. Updates `state` in place (and fills `record` when given).
 */
export function tickLayer(
  cfg: VsmlConfig,
  params: VmParams,
  { A, B }: LayerShape,
  state: LayerState,
  fwdIn: Float32Array,
  bwdIn: Float32Array,
  record?: LayerRecord,
): LayerMessages {
  const N = cfg.stateSize;
  const M = cfg.messageSize;
  const L = paramLayout(cfg);
  const W = params.subarray(L.lstmW.offset);
  const bias = params.subarray(L.lstmB.offset);
  const Wf = params.subarray(L.fwdW.offset);
  const bf = params.subarray(L.fwdB.offset);
  const Wb = params.subarray(L.bwdW.offset);
  const bb = params.subarray(L.bwdB.offset);
  const G = 4 * N;
  const rows = 2 * M + N;

  const u = new Float64Array(rows);
  const z = new Float64Array(G);
  const fwdSum = new Float64Array(B * M);
  const bwdSum = new Float64Array(A * M);

  for (let a = 0; a < A; a++) {
    for (let b = 0; b < B; b++) {
      const base = (a * B + b) * N;
      for (let mt = 0; mt < cfg.microTicks; mt++) {
        // u = [fwd_in_a; bwd_in_b; h]
        for (let k = 0; k < M; k++) u[k] = fwdIn[a * M + k];
        for (let k = 0; k < M; k++) u[M + k] = bwdIn[b * M + k];
        for (let j = 0; j < N; j++) u[2 * M + j] = state.h[base + j];
        // z = u W + bias
        for (let g = 0; g < G; g++) {
          let acc = bias[g];
          for (let r = 0; r < rows; r++) acc += u[r] * W[r * G + g];
          z[g] = acc;
        }
        for (let j = 0; j < N; j++) {
          const i = sigmoid(z[GATE.i * N + j] + INPUT_SHIFT);
          const g = Math.tanh(z[GATE.g * N + j]);
          const f = sigmoid(z[GATE.f * N + j] + FORGET_SHIFT);
          const o = sigmoid(z[GATE.o * N + j]);
          const c = f * state.c[base + j] + i * g;
          state.c[base + j] = c;
          state.h[base + j] = o * Math.tanh(state.c[base + j]);
          if (record) {
            const at = ((mt * A + a) * B + b) * G + j;
            record.gates[at] = i;
            record.gates[at + N] = f;
            record.gates[at + 2 * N] = o;
            record.gates[at + 3 * N] = g;
          }
        }
        if (record) {
          record.ticks[mt].h.set(state.h.subarray(base, base + N), base);
          record.ticks[mt].c.set(state.c.subarray(base, base + N), base);
        }
      }
      // Per-cell messages from the new h, accumulated for the means.
      for (let m = 0; m < M; m++) {
        let f = bf[m];
        let w = bb[m];
        for (let j = 0; j < N; j++) {
          f += state.h[base + j] * Wf[j * M + m];
          w += state.h[base + j] * Wb[j * M + m];
        }
        fwdSum[b * M + m] += f;
        bwdSum[a * M + m] += w;
      }
    }
  }
  const fwdOut = new Float32Array(B * M);
  const bwdOut = new Float32Array(A * M);
  for (let k = 0; k < B * M; k++) fwdOut[k] = fwdSum[k] / A;
  for (let k = 0; k < A * M; k++) bwdOut[k] = bwdSum[k] / B;
  return { fwdOut, bwdOut };
}

/** y_b = tanhBound * tanh(m_b[outputIndex] / tanhBound) from the last layer's forward message [K][M]. */
export function readout(cfg: VsmlConfig, fwdOut: Float32Array, K: number): Float32Array {
  const y = new Float32Array(K);
  for (let b = 0; b < K; b++) {
    y[b] = cfg.tanhBound * Math.tanh(fwdOut[b * cfg.messageSize + cfg.outputIndex] / cfg.tanhBound);
  }
  return y;
}

/** softmax(y), cross-entropy against `label`, and whether argmax y (first maximum) is the label. */
export function softmaxLoss(y: Float32Array, label: number): { p: Float64Array; loss: number; correct: boolean } {
  let max = -Infinity;
  let arg = 0;
  for (let b = 0; b < y.length; b++) {
    if (y[b] > max) {
      max = y[b];
      arg = b;
    }
  }
  let sum = 0;
  const p = new Float64Array(y.length);
  for (let b = 0; b < y.length; b++) sum += p[b] = Math.exp(y[b] - max);
  for (let b = 0; b < y.length; b++) p[b] /= sum;
  const loss = Math.log(sum) + max - y[label];
  return { p, loss, correct: arg === label };
}

/**
 * What a run carries between examples besides the states: the backward input of every layer.
 * bwdIn[L-1] is the error injection [e_b, label_b if feedLabel, 0...]; bwdIn[l] for l < L-1 is
 * layer l+1's backward message from the previous tick. With backwardPass every one is zero between
 * examples (the reverse tick consumed them).
 */
export interface RunCarry {
  readonly states: LayerState[];
  readonly bwdIn: Float32Array[];
}

export const zeroCarry = (cfg: VsmlConfig, shapes: readonly LayerShape[], states: LayerState[]): RunCarry => ({
  states,
  bwdIn: shapes.map(({ B }) => new Float32Array(B * cfg.messageSize)),
});

export interface TickResult {
  readonly y: Float32Array;
  readonly loss: number;
  readonly correct: boolean;
}

/**
 * One example through the whole network: layer 0 gets [x_a, 0, ...]; layers run in order, each
 * layer's forward message feeding the next in the same tick and its backward message becoming the
 * previous layer's backward input for the next tick. Then the readout, and the error
 * e = softmax(y) - onehot(label) is injected at the top for the next example; with
 * cfg.backwardPass the reverse tick (reverseTick) consumes it within this example instead.
 */
export function tickNetwork(
  cfg: VsmlConfig,
  params: VmParams,
  shapes: readonly LayerShape[],
  carry: RunCarry,
  x: Float32Array,
  label: number,
): TickResult {
  const M = cfg.messageSize;
  const L = shapes.length;
  // fwdIns[l]: the forward input layer l receives in this tick (the reverse tick reuses them).
  const fwdIns: Float32Array[] = [new Float32Array(shapes[0].A * M)];
  for (let a = 0; a < shapes[0].A; a++) fwdIns[0][a * M] = x[a];
  for (let l = 0; l < L; l++) {
    const msg = tickLayer(cfg, params, shapes[l], carry.states[l], fwdIns[l], carry.bwdIn[l]);
    if (l > 0) carry.bwdIn[l - 1].set(msg.bwdOut);
    fwdIns.push(msg.fwdOut);
  }
  const K = shapes[L - 1].B;
  const y = readout(cfg, fwdIns[L], K);
  const { p, loss, correct } = softmaxLoss(y, label);
  carry.bwdIn[L - 1].set(errorInjection(cfg, p, label));
  if (cfg.backwardPass) reverseTick(cfg, params, shapes, carry, fwdIns);
  return { y, loss, correct };
}

/**
 * The reverse tick of backwardPass (official `backward_pass`), right after an example's forward tick:
 * layers L-1 down to 0, each running `microTicks` LSTM steps with fwdIns[l] (the forward input it
 * had in that forward tick) and carry.bwdIn[l] (the error injection on top; below, the backward
 * message layer l+1 has just produced, written there before layer l runs). States advance; forward
 * messages and layer 0's backward message are discarded. Afterwards every carry.bwdIn is zero.
 */
export function reverseTick(
  cfg: VsmlConfig,
  params: VmParams,
  shapes: readonly LayerShape[],
  carry: RunCarry,
  fwdIns: readonly Float32Array[],
): void {
  for (let l = shapes.length - 1; l >= 0; l--) {
    const msg = tickLayer(cfg, params, shapes[l], carry.states[l], fwdIns[l], carry.bwdIn[l]);
    if (l > 0) carry.bwdIn[l - 1].set(msg.bwdOut);
  }
  for (const b of carry.bwdIn) b.fill(0);
}

/**
 * The last layer's backward input for the next example: [e_b, onehot_b if feedLabel, 0, ...] per column b, with e = p -
 * onehot(label).
 */
export function errorInjection(cfg: VsmlConfig, p: Float64Array, label: number): Float32Array {
  const M = cfg.messageSize;
  const top = new Float32Array(p.length * M);
  for (let b = 0; b < p.length; b++) {
    const onehot = b === label ? 1 : 0;
    top[b * M] = p[b] - onehot;
    if (cfg.feedLabel) top[b * M + 1] = onehot;
  }
  return top;
}
