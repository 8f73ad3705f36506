// "Explain this step": one example through one run, every stage kept (src/model/explainTypes.ts).
// It follows reference.ts's tickLayer and tickNetwork line for line (the same float64 accumulations
// in the same order, the same float32 stores), so its final states, outputs y, loss and next backward
// inputs equal tickNetwork's bit for bit (test/model/explain.test.ts); tickLayer itself stays the
// one the engines are tested against. Also: the run's pending backward inputs (RunCarry.bwdIn)
// rebuilt from what a session knows after an example (the states, and the previous example's y and
// label), so a state read back from any engine can be explained.
// For H2 (the view): nothing was added to explainTypes.ts; explanationBytes() says what one costs.
import type { VsmlConfig } from './config';
import type { Explanation, ExplainedLayer } from './explainTypes';
import { FORGET_SHIFT, GATE, INPUT_SHIFT, paramLayout, type VmParams } from './layout';
import { readout, softmaxLoss, type RunCarry } from './reference';
import { asABJ, type LayerShape, type LayerState, type RunState } from './state';

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

const copyState = (s: LayerState): LayerState => ({ h: asABJ(new Float32Array(s.h)), c: asABJ(new Float32Array(s.c)) });

/** Gate slots inside ExplainedLayer.gates, per cell and micro-tick: i, f, o, g (EXPLAIN_GATES). */
const SLOT = { i: 0, f: 1, o: 2, g: 3 } as const;

/** One layer, as tickLayer computes it, with the state after every micro-tick and every gate kept. `state` is not changed. */
function explainLayer(cfg: VsmlConfig, params: VmParams, { A, B }: LayerShape, before: LayerState, fwdIn: Float32Array, bwdIn: Float32Array): ExplainedLayer {
  const N = cfg.stateSize;
  const M = cfg.messageSize;
  const T = cfg.microTicks;
  const L = paramLayout(cfg);
  const W = params.subarray(L.lstmW.offset);
  const bias = params.subarray(L.lstmB.offset);
  const Wf = params.subarray(L.fwdW.offset);
  const bf = params.subarray(L.fwdB.offset);
  const Wb = params.subarray(L.bwdW.offset);
  const bb = params.subarray(L.bwdB.offset);
  const G = 4 * N;
  const rows = 2 * M + N;
  const cells = A * B * N;

  const state = copyState(before);
  const ticks: LayerState[] = Array.from({ length: T }, () => ({ h: asABJ(new Float32Array(cells)), c: asABJ(new Float32Array(cells)) }));
  const gates = new Float32Array(T * A * B * 4 * N);
  const u = new Float64Array(rows);
  const z = new Float64Array(G);
  const fwdSum = new Float64Array(B * M);
  const bwdSum = new Float64Array(A * M);

  for (let a = 0; a < A; a++) {
    for (let b = 0; b < B; b++) {
      const base = (a * B + b) * N;
      for (let mt = 0; mt < T; mt++) {
        for (let k = 0; k < M; k++) u[k] = fwdIn[a * M + k];
        for (let k = 0; k < M; k++) u[M + k] = bwdIn[b * M + k];
        for (let j = 0; j < N; j++) u[2 * M + j] = state.h[base + j];
        for (let g = 0; g < G; g++) {
          let acc = bias[g];
          for (let r = 0; r < rows; r++) acc += u[r] * W[r * G + g];
          z[g] = acc;
        }
        const gateBase = ((mt * A + a) * B + b) * 4 * N;
        for (let j = 0; j < N; j++) {
          const i = sigmoid(z[GATE.i * N + j] + INPUT_SHIFT);
          const g = Math.tanh(z[GATE.g * N + j]);
          const f = sigmoid(z[GATE.f * N + j] + FORGET_SHIFT);
          const o = sigmoid(z[GATE.o * N + j]);
          const c = f * state.c[base + j] + i * g;
          state.c[base + j] = c;
          state.h[base + j] = o * Math.tanh(state.c[base + j]);
          gates[gateBase + SLOT.i * N + j] = i;
          gates[gateBase + SLOT.f * N + j] = f;
          gates[gateBase + SLOT.o * N + j] = o;
          gates[gateBase + SLOT.g * N + j] = g;
        }
        ticks[mt].h.set(state.h.subarray(base, base + N), base);
        ticks[mt].c.set(state.c.subarray(base, base + N), base);
      }
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
  return { A, B, fwdIn: new Float32Array(fwdIn), bwdIn: new Float32Array(bwdIn), before: copyState(before), ticks, gates, fwdOut, bwdOut };
}

/** The last layer's backward input for the next example: [e_b, onehot_b if feedLabel, 0, ...] per column b (as tickNetwork writes it). */
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

/**
 * One example through the whole network of one run, from `carry` (its states and pending backward
 * inputs, neither changed), every stage kept: what tickNetwork(cfg, params, shapes, carry, x, label)
 * computes, bit for bit. `example`: how many examples the run had seen before this one.
 */
export function explainExample(
  cfg: VsmlConfig,
  params: VmParams,
  shapes: readonly LayerShape[],
  carry: RunCarry,
  x: Float32Array,
  label: number,
  example: number,
): Explanation {
  const M = cfg.messageSize;
  const L = shapes.length;
  const A = shapes[0].A;
  if (x.length !== A) throw new Error(`explain: the input has ${x.length} values, the grid ${A}`);
  const K = shapes[L - 1].B;
  if (!(Number.isInteger(label) && label >= 0 && label < K)) throw new Error(`explain: label must be an integer in [0, ${K}), got ${label}`);
  let fwdIn: Float32Array = new Float32Array(A * M);
  for (let a = 0; a < A; a++) fwdIn[a * M] = x[a];
  const layers: ExplainedLayer[] = [];
  for (let l = 0; l < L; l++) {
    const layer = explainLayer(cfg, params, shapes[l], carry.states[l], fwdIn, carry.bwdIn[l]);
    layers.push(layer);
    fwdIn = layer.fwdOut;
  }
  const y = readout(cfg, fwdIn, K);
  const messages = new Float32Array(K);
  for (let b = 0; b < K; b++) messages[b] = fwdIn[b * M + cfg.outputIndex];
  const { p, loss } = softmaxLoss(y, label);
  const error = new Float32Array(K);
  for (let b = 0; b < K; b++) error[b] = p[b] - (b === label ? 1 : 0);
  const nextBwdIn = layers.map((_, l) => (l < L - 1 ? new Float32Array(layers[l + 1].bwdOut) : errorInjection(cfg, p, label)));
  return {
    example,
    input: new Float32Array(x),
    label,
    messageSize: M,
    stateSize: cfg.stateSize,
    microTicks: cfg.microTicks,
    tanhBound: cfg.tanhBound,
    outputIndex: cfg.outputIndex,
    layers,
    messages,
    y,
    probabilities: Float32Array.from(p),
    predicted: argmax(y),
    loss,
    error,
    nextBwdIn,
  };
}

/** The first maximum, as softmaxLoss's `correct` reads it. */
function argmax(y: Float32Array): number {
  let best = 0;
  for (let b = 1; b < y.length; b++) if (y[b] > y[best]) best = b;
  return best;
}

/** The states and pending backward inputs after an explained example: the carry tickNetwork leaves. */
export function carryAfter(e: Explanation): RunCarry {
  return {
    states: e.layers.map((l) => copyState(l.ticks[l.ticks.length - 1])),
    bwdIn: e.nextBwdIn.map((v) => new Float32Array(v)),
  };
}

/** [A][M] mean over b of the cells' backward messages W_b h_ab + b_b of one layer (tickLayer's bwdOut, same order). */
export function backwardMessage(cfg: VsmlConfig, params: VmParams, { A, B }: LayerShape, h: Float32Array): Float32Array {
  const N = cfg.stateSize;
  const M = cfg.messageSize;
  const L = paramLayout(cfg);
  const Wb = params.subarray(L.bwdW.offset);
  const bb = params.subarray(L.bwdB.offset);
  const bwdSum = new Float64Array(A * M);
  for (let a = 0; a < A; a++) {
    for (let b = 0; b < B; b++) {
      const base = (a * B + b) * N;
      for (let m = 0; m < M; m++) {
        let w = bb[m];
        for (let j = 0; j < N; j++) w += h[base + j] * Wb[j * M + m];
        bwdSum[a * M + m] += w;
      }
    }
  }
  const out = new Float32Array(A * M);
  for (let k = 0; k < A * M; k++) out[k] = bwdSum[k] / B;
  return out;
}

/** What a run saw last: its outputs y (the engine's [K]) and the label, or null before its first example (pending inputs zero). */
export interface LastExample {
  readonly y: Float32Array;
  readonly label: number;
}

/**
 * A run's carry rebuilt from its states and its last example: the top layer's backward input is the
 * error injection of softmax(y) against the label; layer l's (l < L-1) is layer l+1's backward message
 * of its current h. With `last` null (no example since the states were set) every pending input is
 * zero, as after engine.setState. The states are copied.
 */
export function rebuildCarry(cfg: VsmlConfig, params: VmParams, shapes: readonly LayerShape[], states: RunState, last: LastExample | null): RunCarry {
  const L = shapes.length;
  const M = cfg.messageSize;
  const copies = states.map(copyState);
  if (last === null) return { states: copies, bwdIn: shapes.map(({ B }) => new Float32Array(B * M)) };
  const bwdIn = shapes.map((_, l) => (l < L - 1 ? backwardMessage(cfg, params, shapes[l + 1], states[l + 1].h) : errorInjection(cfg, softmaxLoss(last.y, last.label).p, last.label)));
  return { states: copies, bwdIn };
}

/** Bytes of one Explanation's arrays for this grid (the states before and after every micro-tick, and the gates, dominate). */
export function explanationBytes(cfg: VsmlConfig, shapes: readonly LayerShape[]): number {
  const N = cfg.stateSize;
  const M = cfg.messageSize;
  let floats = 0;
  for (const { A, B } of shapes) floats += A * B * N * (2 + 2 * cfg.microTicks + 4 * cfg.microTicks) + 2 * (A + B) * M + B * M;
  return floats * 4;
}
