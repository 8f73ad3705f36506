// The Hebbian fast-weight learner against an independent Float64 implementation of its equations
// (official models.py:363-496, Oja rule), written here from the paper's code with nothing taken from
// src/ but the learner under test: its own random numbers (test/independent/seededGen.ts), its own
// parameter offsets (the documented block order w, coeff, fwLr, b), two full passes per example and
// the Oja rule in the official form F + η s (x̃ − s F).
import { describe, expect, it } from 'vitest';
import { HEBBIAN_DEF } from '../../../src/model/learners/hebbian';
import { seededGen as gen } from '../../independent/seededGen';

const A = 5;
const K = 4;
const I = A + 2 * K;
const T = 20;
const RUNS = 3;
const BOUND = 100;

/**
 * Parameters of one run with large plasticity (C ~ U(−2, 2), η in 0.12..0.5) so F matters; every
 * bias shifted by `bShift` (a shift of 120 puts z near the tanh bound, where the softmax of the raw z'
 * that the Oja step uses differs from the softmax of the bounded one).
 */
function randomParams(seed: number, bShift: number): Float32Array {
  const g = gen(seed);
  const p = new Float32Array(2 * I * K + 1 + K);
  for (let k = 0; k < I * K; k++) p[k] = g.n() / Math.sqrt(I);
  for (let k = 0; k < I * K; k++) p[I * K + k] = 4 * g.u() - 2;
  p[2 * I * K] = -2 * g.u();
  for (let j = 0; j < K; j++) p[2 * I * K + 1 + j] = bShift + 0.3 * g.n();
  return p;
}

interface RefOut {
  y: number[][];
  loss: number[];
  correct: boolean[];
}

/** One run over T examples in Float64; `plastic` false keeps F at zero (for the control below). */
function reference(params: Float32Array, xs: Float32Array, labels: Int32Array, plastic = true): RefOut {
  const W = (i: number, j: number) => params[i * K + j];
  const C = (i: number, j: number) => params[I * K + i * K + j];
  const eta = 1 / (1 + Math.exp(-params[2 * I * K]));
  const b = (j: number) => params[2 * I * K + 1 + j];
  const F = Array.from({ length: I }, () => new Array<number>(K).fill(0));
  const layer = (xt: number[]) => {
    const z: number[] = [];
    for (let j = 0; j < K; j++) {
      let s = b(j);
      for (let i = 0; i < I; i++) s += xt[i] * (W(i, j) + C(i, j) * F[i][j]);
      z.push(s);
    }
    return z;
  };
  const softmax = (v: number[]) => {
    const m = Math.max(...v);
    const ex = v.map((q) => Math.exp(q - m));
    const s = ex.reduce((q, r) => q + r, 0);
    return ex.map((q) => q / s);
  };
  const out: RefOut = { y: [], loss: [], correct: [] };
  for (let t = 0; t < T; t++) {
    const x = Array.from(xs.subarray(t * A, (t + 1) * A));
    const label = labels[t];
    const onehot = Array.from({ length: K }, (_, k) => (k === label ? 1 : 0));
    const yhat = layer([...x, ...new Array<number>(2 * K).fill(0)]).map((z) => BOUND * Math.tanh(z / BOUND));
    const p = softmax(yhat);
    out.y.push(yhat);
    out.loss.push(-Math.log(p[label]));
    out.correct.push(yhat.indexOf(Math.max(...yhat)) === label);
    const e = p.map((q, k) => q - onehot[k]);
    const xt = [...x, ...e, ...onehot];
    const s = softmax(layer(xt));
    if (!plastic) continue;
    for (let i = 0; i < I; i++) for (let j = 0; j < K; j++) F[i][j] = F[i][j] + eta * s[j] * (xt[i] - s[j] * F[i][j]);
  }
  return out;
}

function streams(seed: number): { inputs: Float32Array; labels: Int32Array } {
  const g = gen(seed);
  const inputs = new Float32Array(RUNS * T * A);
  for (let k = 0; k < inputs.length; k++) inputs[k] = g.u() < 0.4 ? 0 : g.n();
  const labels = Int32Array.from({ length: RUNS * T }, () => Math.floor(g.u() * K));
  return { inputs, labels };
}

describe('Hebbian fast weights vs an independent Float64 implementation', () => {
  it('A=5, K=4, 3 runs with their own params (bias shift 0, 0, 120) x 20 examples (seed 15): y, loss, correct within 1e-5 rel / 1e-6 abs', () => {
    const params = [0, 0, 120].map((shift, r) => randomParams(1500 + r, shift));
    const { inputs, labels } = streams(15);
    const runs = HEBBIAN_DEF.createRuns({ inputSize: A, numClasses: K }, RUNS);
    expect(runs.paramCount).toBe(params[0].length);
    runs.setParams(params);
    const got = runs.run({ inputs, labels, steps: T });
    let maxAbs = 0;
    let maxRel = 0;
    let worst = 0; // the largest diff as a fraction of its tolerance
    let plasticEffect = 0;
    for (let r = 0; r < RUNS; r++) {
      const xs = inputs.subarray(r * T * A, (r + 1) * T * A);
      const ls = labels.subarray(r * T, (r + 1) * T);
      const ref = reference(params[r], xs, ls);
      const still = reference(params[r], xs, ls, false);
      for (let t = 0; t < T; t++) {
        const pairs: [number, number][] = ref.y[t].map((v, k) => [got.outputs![(r * T + t) * K + k], v]);
        pairs.push([got.loss[r * T + t], ref.loss[t]]);
        for (const [a, b] of pairs) {
          const diff = Math.abs(a - b);
          maxAbs = Math.max(maxAbs, diff);
          maxRel = Math.max(maxRel, diff / Math.max(Math.abs(b), 1e-30));
          worst = Math.max(worst, diff / (1e-6 + 1e-5 * Math.abs(b)));
          expect(diff).toBeLessThanOrEqual(1e-6 + 1e-5 * Math.abs(b));
        }
        expect(got.correct[r * T + t]).toBe(ref.correct[t] ? 1 : 0);
        for (let k = 0; k < K; k++) plasticEffect = Math.max(plasticEffect, Math.abs(ref.y[t][k] - still.y[t][k]));
      }
    }
    console.log(
      `hebbian float64: largest |diff| ${maxAbs.toExponential(2)}, largest relative ${maxRel.toExponential(2)}, largest fraction of the tolerance ${worst.toFixed(3)}, plasticity moves y by up to ${plasticEffect.toFixed(3)}`,
    );
    // The fast weights must change the predictions, or the comparison would not test the Oja step.
    expect(plasticEffect).toBeGreaterThan(0.05);
  });
});
