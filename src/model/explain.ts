// "Explain this step": one example through one run, every stage kept (src/model/explainTypes.ts).
// Every layer is computed by reference.ts's own tickLayer (asked to keep its gates and micro-tick
// states), and the readout and error injection are tickNetwork's, so its final states, outputs y,
// loss and next backward inputs equal tickNetwork's bit for bit (test/model/explain.test.ts). Also: the run's pending
// backward inputs (RunCarry.bwdIn)
// rebuilt from what a session knows after an example (the states, and the previous example's y and
// label), so a state read back from any engine can be explained.
// With config.backwardPass an example is two ticks (reference.ts reverseTick): explainExample keeps
// the forward tick in `layers` and the reverse tick in `reverseTick`, each layer again by tickLayer,
// so the states after the example (statesAfter) equal tickNetwork's bit for bit; rebuildCarry gives
// it the zero backward inputs its forward ticks read. predictOutputs is the forward tick alone (the
// drawing pad's prediction: no label, nothing learnt).
import type { VsmlConfig } from './config';
import type { Explanation, ExplainedLayer } from './explainTypes';
import { paramLayout, type VmParams } from './layout';
import { errorInjection, readout, softmaxLoss, tickLayer, type RunCarry } from './reference';
import { asABJ, type LayerShape, type LayerState, type RunState } from './state';

const copyState = (s: LayerState): LayerState => ({ h: asABJ(new Float32Array(s.h)), c: asABJ(new Float32Array(s.c)) });

/**
 * One layer, computed by tickLayer itself on a copy of `before` (which is not changed), with the state after every
 * micro-tick and every gate kept.
 */
function explainLayer(
  cfg: VsmlConfig,
  params: VmParams,
  shape: LayerShape,
  before: LayerState,
  fwdIn: Float32Array,
  bwdIn: Float32Array,
): ExplainedLayer {
  const { A, B } = shape;
  const N = cfg.stateSize;
  const T = cfg.microTicks;
  const record = {
    gates: new Float32Array(T * A * B * 4 * N),
    ticks: Array.from({ length: T }, () => ({
      h: asABJ(new Float32Array(A * B * N)),
      c: asABJ(new Float32Array(A * B * N)),
    })),
  };
  const { fwdOut, bwdOut } = tickLayer(cfg, params, shape, copyState(before), fwdIn, bwdIn, record);
  return {
    A,
    B,
    fwdIn: new Float32Array(fwdIn),
    bwdIn: new Float32Array(bwdIn),
    before: copyState(before),
    ticks: record.ticks,
    gates: record.gates,
    fwdOut,
    bwdOut,
  };
}

/**
 * The reverse tick of backwardPass after the forward tick `forward` (reference.ts reverseTick): layers
 * L-1 down to 0, each from its state after the forward tick with the forward input of that tick and,
 * as backward input, the error injection `top` (last layer) or the layer above's reverse-tick bwdOut.
 * In layer order.
 */
function explainReverse(
  cfg: VsmlConfig,
  params: VmParams,
  shapes: readonly LayerShape[],
  forward: readonly ExplainedLayer[],
  top: Float32Array,
): ExplainedLayer[] {
  const out: ExplainedLayer[] = [];
  let bwdIn = top;
  for (let l = shapes.length - 1; l >= 0; l--) {
    const f = forward[l];
    out[l] = explainLayer(cfg, params, shapes[l], f.ticks[f.ticks.length - 1], f.fwdIn, bwdIn);
    bwdIn = out[l].bwdOut;
  }
  return out;
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
  if (!(Number.isInteger(label) && label >= 0 && label < K))
    throw new Error(`explain: label must be an integer in [0, ${K}), got ${label}`);
  let fwdIn: Float32Array = layer0Input(cfg, A, x);
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
  const top = errorInjection(cfg, p, label);
  const reverseTick = cfg.backwardPass ? explainReverse(cfg, params, shapes, layers, top) : null;
  const nextBwdIn = reverseTick
    ? shapes.map(({ B }) => new Float32Array(B * M))
    : layers.map((_, l) => (l < L - 1 ? new Float32Array(layers[l + 1].bwdOut) : top));
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
    reverseTick,
  };
}

/** Layer 0's forward input [A][M] for inputs x: [x_a, 0, ..., 0] per row (tickNetwork's). */
function layer0Input(cfg: VsmlConfig, A: number, x: Float32Array): Float32Array {
  const M = cfg.messageSize;
  const fwdIn = new Float32Array(A * M);
  for (let a = 0; a < A; a++) fwdIn[a * M] = x[a];
  return fwdIn;
}

/**
 * The outputs y [K] of one run for inputs x from `carry` (not changed): the forward tick alone, which
 * is all the prediction depends on (with backwardPass too). Bit for bit explainExample's y; no label,
 * no error, no reverse tick.
 */
export function predictOutputs(
  cfg: VsmlConfig,
  params: VmParams,
  shapes: readonly LayerShape[],
  carry: RunCarry,
  x: Float32Array,
): Float32Array {
  const A = shapes[0].A;
  if (x.length !== A) throw new Error(`explain: the input has ${x.length} values, the grid ${A}`);
  let fwdIn = layer0Input(cfg, A, x);
  shapes.forEach(
    (shape, l) => (fwdIn = tickLayer(cfg, params, shape, copyState(carry.states[l]), fwdIn, carry.bwdIn[l]).fwdOut),
  );
  return readout(cfg, fwdIn, shapes[shapes.length - 1].B);
}

/** The first maximum, as softmaxLoss's `correct` reads it. */
function argmax(y: Float32Array): number {
  let best = 0;
  for (let b = 1; b < y.length; b++) if (y[b] > y[best]) best = b;
  return best;
}

/**
 * Each layer's state after an explained example (with backwardPass, after its reverse tick), equal to tickNetwork's:
 * the explanation's own arrays, not copies.
 */
export function statesAfter(e: Explanation): LayerState[] {
  return (e.reverseTick ?? e.layers).map((l) => l.ticks[l.ticks.length - 1]);
}

/** The states and pending backward inputs after an explained example: the carry tickNetwork leaves. */
export function carryAfter(e: Explanation): RunCarry {
  return {
    states: statesAfter(e).map(copyState),
    bwdIn: e.nextBwdIn.map((v) => new Float32Array(v)),
  };
}

/** [A][M] mean over b of the cells' backward messages W_b h_ab + b_b of one layer (tickLayer's bwdOut, same order). */
export function backwardMessage(
  cfg: VsmlConfig,
  params: VmParams,
  { A, B }: LayerShape,
  h: Float32Array,
): Float32Array {
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

/**
 * What a run saw last: its outputs y (the engine's [K]) and the label, or null before its first example (pending inputs
 * zero).
 */
export interface LastExample {
  readonly y: Float32Array;
  readonly label: number;
}

/**
 * A run's carry rebuilt from its states and its last example: the top layer's backward input is the
 * error injection of softmax(y) against the label; layer l's (l < L-1) is layer l+1's backward message
 * of its current h. With `last` null (no example since the states were set), or with
 * cfg.backwardPass (the reverse tick consumed them), every pending input is zero. The states are copied.
 */
export function rebuildCarry(
  cfg: VsmlConfig,
  params: VmParams,
  shapes: readonly LayerShape[],
  states: RunState,
  last: LastExample | null,
): RunCarry {
  const L = shapes.length;
  const M = cfg.messageSize;
  const copies = states.map(copyState);
  if (last === null || cfg.backwardPass)
    return { states: copies, bwdIn: shapes.map(({ B }) => new Float32Array(B * M)) };
  const bwdIn = shapes.map((_, l) =>
    l < L - 1
      ? backwardMessage(cfg, params, shapes[l + 1], states[l + 1].h)
      : errorInjection(cfg, softmaxLoss(last.y, last.label).p, last.label),
  );
  return { states: copies, bwdIn };
}

/**
 * Bytes of one Explanation's arrays for this grid (the states before and after every micro-tick, and the gates,
 * dominate; twice them with backwardPass's reverse tick).
 */
export function explanationBytes(cfg: VsmlConfig, shapes: readonly LayerShape[]): number {
  const N = cfg.stateSize;
  const M = cfg.messageSize;
  const ticks = cfg.backwardPass ? 2 : 1;
  let floats = 0;
  for (const { A, B } of shapes)
    floats += ticks * (A * B * N * (2 + 2 * cfg.microTicks + 4 * cfg.microTicks) + 2 * (A + B) * M) + B * M;
  return floats * 4;
}
