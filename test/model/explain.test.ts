// explainExample follows tickNetwork bit for bit (with backwardPass too: the forward tick in `layers`,
// the reverse tick in `reverseTick`), predictOutputs is its y, and rebuildCarry gives back the carry
// tickNetwork leaves.
import { describe, expect, it } from 'vitest';
import type { VsmlConfig } from '../../src/model/config';
import { specShapes } from '../../src/model/engine';
import {
  backwardMessage,
  carryAfter,
  explainExample,
  explanationBytes,
  predictOutputs,
  rebuildCarry,
  statesAfter,
} from '../../src/model/explain';
import { EXPLAIN_GATES, type ExplainedLayer, type Explanation } from '../../src/model/explainTypes';
import { paramLayout } from '../../src/model/layout';
import { errorInjection, softmaxLoss, tickNetwork, zeroCarry, type RunCarry } from '../../src/model/reference';
import { cloneRunState } from '../../src/model/state';
import { config, randomBlock, randomParams, randomStates } from '../helpers/random';

const same = (a: ArrayLike<number>, b: ArrayLike<number>) => expect(Array.from(a)).toEqual(Array.from(b));

function carryOf(cfg: VsmlConfig, A: number, K: number, seed: number) {
  const spec = { config: cfg, inputSize: A, numClasses: K, runs: 1 };
  const shapes = specShapes(spec);
  const [state] = randomStates(spec, seed);
  return { spec, shapes, carry: zeroCarry(cfg, shapes, [...cloneRunState(state)]) };
}

/** Floats in the per-layer arrays of an explanation (what explanationBytes counts): both ticks' layers and nextBwdIn. */
function layerFloats(e: Explanation): number {
  const of = (l: ExplainedLayer) =>
    l.fwdIn.length +
    l.bwdIn.length +
    l.before.h.length +
    l.before.c.length +
    l.ticks.reduce((n, t) => n + t.h.length + t.c.length, 0) +
    l.gates.length +
    l.fwdOut.length +
    l.bwdOut.length;
  return (
    [...e.layers, ...(e.reverseTick ?? [])].reduce((n, l) => n + of(l), 0) +
    e.nextBwdIn.reduce((n, v) => n + v.length, 0)
  );
}

function expectSameCarry(a: RunCarry, b: RunCarry): void {
  expect(a.states.length).toBe(b.states.length);
  for (let l = 0; l < a.states.length; l++) {
    same(a.states[l].h, b.states[l].h);
    same(a.states[l].c, b.states[l].c);
    same(a.bwdIn[l], b.bwdIn[l]);
  }
}

describe.each([
  [
    'one layer A=5, K=3, N=4, M=3, 2 micro-ticks, seed 11',
    config({ stateSize: 4, messageSize: 3, microTicks: 2 }),
    5,
    3,
    11,
  ],
  [
    'hidden layer 4, A=6, K=3, feedLabel, 3 micro-ticks, seed 12',
    config({ stateSize: 5, messageSize: 4, microTicks: 3, hiddenSizes: [4], feedLabel: true }),
    6,
    3,
    12,
  ],
  [
    'two hidden layers 3 and 4, A=4, K=2, seed 13',
    config({ stateSize: 3, messageSize: 3, microTicks: 1, hiddenSizes: [3, 4] }),
    4,
    2,
    13,
  ],
])('explainExample against tickNetwork, %s', (_, cfg, A, K, seed) => {
  it('equals tickNetwork bit for bit over 6 consecutive examples: final states, y, loss and next backward inputs', () => {
    const params = randomParams(cfg, seed);
    const { spec, shapes, carry } = carryOf(cfg, A, K, seed);
    let mine: RunCarry = {
      states: [...cloneRunState(carry.states)],
      bwdIn: carry.bwdIn.map((v) => new Float32Array(v)),
    };
    const block = randomBlock(spec, 6, 1, seed);
    for (let t = 0; t < 6; t++) {
      const x = block.inputs.subarray(t * A, (t + 1) * A);
      const e = explainExample(cfg, params, shapes, mine, x, block.labels[t], t);
      const r = tickNetwork(cfg, params, shapes, carry, x, block.labels[t]);
      same(e.y, r.y);
      expect(e.loss).toBe(r.loss);
      expect(e.predicted === block.labels[t]).toBe(r.correct);
      const after = carryAfter(e);
      expectSameCarry(after, carry);
      mine = after;
    }
  });

  it('keeps the input message, the states before, every micro-tick and gates in [0, 1] (g in [-1, 1]); leaves its carry unchanged', () => {
    const params = randomParams(cfg, seed);
    const { spec, shapes, carry } = carryOf(cfg, A, K, seed);
    const before = cloneRunState(carry.states);
    const block = randomBlock(spec, 1, 1, seed);
    const e = explainExample(cfg, params, shapes, carry, block.inputs, block.labels[0], 0);
    for (let l = 0; l < shapes.length; l++) {
      same(carry.states[l].c, before[l].c);
      same(e.layers[l].before.c, before[l].c);
      expect(e.layers[l].ticks.length).toBe(cfg.microTicks);
      const { A: a, B: b } = shapes[l];
      expect(e.layers[l].gates.length).toBe(cfg.microTicks * a * b * EXPLAIN_GATES.length * cfg.stateSize);
      for (let k = 0; k < e.layers[l].gates.length; k++) {
        const gate = EXPLAIN_GATES[Math.floor(k / cfg.stateSize) % 4];
        const v = e.layers[l].gates[k];
        expect(v).toBeGreaterThanOrEqual(gate === 'g' ? -1 : 0);
        expect(v).toBeLessThanOrEqual(1);
      }
    }
    for (let a = 0; a < A; a++) expect(e.layers[0].fwdIn[a * cfg.messageSize]).toBe(block.inputs[a]);
    expect(e.probabilities.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 6);
    for (let b = 0; b < K; b++) expect(e.error[b]).toBeCloseTo(e.probabilities[b] - (b === e.label ? 1 : 0), 6);
    expect(e.reverseTick).toBeNull();
    expect(explanationBytes(cfg, shapes)).toBe(4 * layerFloats(e));
  });

  it('keeps the gates of each micro-tick in the order i, f, o, g: c = f c_prev + i g and h = o tanh(c) for every cell (within float32 rounding)', () => {
    const params = randomParams(cfg, seed);
    const { spec, shapes, carry } = carryOf(cfg, A, K, seed);
    const block = randomBlock(spec, 1, 1, seed);
    const e = explainExample(cfg, params, shapes, carry, block.inputs, block.labels[0], 0);
    const N = cfg.stateSize;
    for (const layer of e.layers) {
      for (let mt = 0; mt < cfg.microTicks; mt++) {
        const prev = mt === 0 ? layer.before : layer.ticks[mt - 1];
        for (let cell = 0; cell < layer.A * layer.B; cell++) {
          for (let j = 0; j < N; j++) {
            const at = (mt * layer.A * layer.B + cell) * 4 * N + j;
            const [i, f, o, g] = [0, 1, 2, 3].map((k) => layer.gates[at + k * N]);
            const c = layer.ticks[mt].c[cell * N + j];
            expect(c).toBeCloseTo(f * prev.c[cell * N + j] + i * g, 6);
            expect(layer.ticks[mt].h[cell * N + j]).toBeCloseTo(o * Math.tanh(c), 6);
          }
        }
      }
    }
  });

  it('rebuildCarry from the states and the last y and label equals the carry tickNetwork left, after 1 to 4 examples', () => {
    const params = randomParams(cfg, seed);
    const { spec, shapes, carry } = carryOf(cfg, A, K, seed);
    expectSameCarry(rebuildCarry(cfg, params, shapes, carry.states, null), carry);
    const block = randomBlock(spec, 4, 1, seed + 1);
    for (let t = 0; t < 4; t++) {
      const r = tickNetwork(cfg, params, shapes, carry, block.inputs.subarray(t * A, (t + 1) * A), block.labels[t]);
      expectSameCarry(rebuildCarry(cfg, params, shapes, carry.states, { y: r.y, label: block.labels[t] }), carry);
    }
  });
});

describe.each([
  [
    'one layer A=5, K=3, N=4, M=3, 2 micro-ticks, seed 21',
    config({ stateSize: 4, messageSize: 3, microTicks: 2, backwardPass: true }),
    5,
    3,
    21,
  ],
  [
    'hidden layer 3, A=5, K=4, N=4, M=3, feedLabel, seed 22',
    config({ stateSize: 4, messageSize: 3, hiddenSizes: [3], feedLabel: true, backwardPass: true }),
    5,
    4,
    22,
  ],
  [
    'two hidden layers 3 and 2, A=4, K=3, N=3, M=3, 3 micro-ticks, seed 23',
    config({ stateSize: 3, messageSize: 3, microTicks: 3, hiddenSizes: [3, 2], backwardPass: true }),
    4,
    3,
    23,
  ],
])('explainExample with backwardPass against tickNetwork, %s', (_, cfg, A, K, seed) => {
  it('equals tickNetwork bit for bit over 6 consecutive examples: y, loss, the states after the reverse tick, zero next backward inputs', () => {
    const params = randomParams(cfg, seed);
    const { spec, shapes, carry } = carryOf(cfg, A, K, seed);
    let mine: RunCarry = {
      states: [...cloneRunState(carry.states)],
      bwdIn: carry.bwdIn.map((v) => new Float32Array(v)),
    };
    const block = randomBlock(spec, 6, 1, seed);
    for (let t = 0; t < 6; t++) {
      const x = block.inputs.subarray(t * A, (t + 1) * A);
      const e = explainExample(cfg, params, shapes, mine, x, block.labels[t], t);
      const r = tickNetwork(cfg, params, shapes, carry, x, block.labels[t]);
      same(e.y, r.y);
      expect(e.loss).toBe(r.loss);
      expect(e.predicted === block.labels[t]).toBe(r.correct);
      expect(e.nextBwdIn.every((v) => v.every((w) => w === 0))).toBe(true);
      const after = carryAfter(e);
      expectSameCarry(after, carry);
      mine = after;
    }
  });

  it("its reverseTick runs every layer from its forward-tick state and input, the error injection on top, each layer above's reverse bwdOut below; the states moved", () => {
    const params = randomParams(cfg, seed);
    const { spec, shapes, carry } = carryOf(cfg, A, K, seed);
    const block = randomBlock(spec, 1, 1, seed);
    const e = explainExample(cfg, params, shapes, carry, block.inputs, block.labels[0], 0);
    const reverse = e.reverseTick ?? [];
    const L = shapes.length;
    expect(reverse.map((l) => [l.A, l.B])).toEqual(shapes.map((s) => [s.A, s.B]));
    for (let l = 0; l < L; l++) {
      const f = e.layers[l];
      same(f.bwdIn, new Float32Array(f.bwdIn.length)); // forward ticks read no error
      same(reverse[l].before.h, f.ticks[cfg.microTicks - 1].h);
      same(reverse[l].before.c, f.ticks[cfg.microTicks - 1].c);
      same(reverse[l].fwdIn, f.fwdIn);
      same(
        reverse[l].bwdIn,
        l === L - 1 ? errorInjection(cfg, softmaxLoss(e.y, e.label).p, e.label) : reverse[l + 1].bwdOut,
      );
      expect(statesAfter(e)[l]).toBe(reverse[l].ticks[cfg.microTicks - 1]);
      expect(Array.from(reverse[l].ticks[cfg.microTicks - 1].c)).not.toEqual(Array.from(f.ticks[cfg.microTicks - 1].c));
    }
    expect(explanationBytes(cfg, shapes)).toBe(4 * layerFloats(e));
  });

  it('predictOutputs is its y bit for bit and changes no carry; rebuildCarry gives the zero backward inputs tickNetwork leaves, after 1 to 3 examples', () => {
    const params = randomParams(cfg, seed);
    const { spec, shapes, carry } = carryOf(cfg, A, K, seed);
    const block = randomBlock(spec, 4, 1, seed);
    for (let t = 0; t < 3; t++) {
      const r = tickNetwork(cfg, params, shapes, carry, block.inputs.subarray(t * A, (t + 1) * A), block.labels[t]);
      expectSameCarry(rebuildCarry(cfg, params, shapes, carry.states, { y: r.y, label: block.labels[t] }), carry);
    }
    const before = { states: [...cloneRunState(carry.states)], bwdIn: carry.bwdIn.map((v) => new Float32Array(v)) };
    const x = block.inputs.subarray(3 * A, 4 * A);
    const y = predictOutputs(cfg, params, shapes, carry, x);
    expectSameCarry(carry, before);
    same(y, explainExample(cfg, params, shapes, carry, x, block.labels[3], 3).y);
    same(y, tickNetwork(cfg, params, shapes, carry, x, block.labels[3]).y);
  });
});

describe('backwardMessage', () => {
  it('is the mean over b of W_b h_ab + b_b (A=2, B=3, N=2, M=2, seed 5), to float32', () => {
    const cfg = config({ stateSize: 2, messageSize: 2 });
    const params = randomParams(cfg, 5);
    const h = Float32Array.from({ length: 2 * 3 * 2 }, (_, k) => Math.sin(k + 1));
    const out = backwardMessage(cfg, params, { A: 2, B: 3 }, h);
    const { bwdW, bwdB } = paramLayout(cfg);
    const Wb = params.subarray(bwdW.offset, bwdW.offset + 4);
    const bb = params.subarray(bwdB.offset, bwdB.offset + 2);
    for (let a = 0; a < 2; a++)
      for (let m = 0; m < 2; m++) {
        let sum = 0;
        for (let b = 0; b < 3; b++) {
          let w = bb[m];
          for (let j = 0; j < 2; j++) w += h[(a * 3 + b) * 2 + j] * Wb[j * 2 + m];
          sum += w;
        }
        expect(out[a * 2 + m]).toBe(Math.fround(sum / 3));
      }
  });
});
