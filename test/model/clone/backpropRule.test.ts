// The cloned rule's targets (cellTargets) and the backprop they describe (BackpropTeacher), against an
// independent computation: the gradient of the cross-entropy of a small two-layer network by central
// differences of its loss, written here from the network's definition
//   m^l_b = mean_a tanh(x^l_a) w_ab + b_b,  x^{l+1} = m^l,  y = 100 tanh(m^{L-1} / 100).
// Backprop with mean reductions is plain gradient descent with per-layer learning rates:
//   top layer:    dw = -eta A_1 dL/dw,          db = -eta dL/db
//   layer below:  dw = -eta A_0 (A_1/B_1) dL/dw, db = -eta (A_1/B_1) dL/db   (e' is sent as mean over b)
// up to the readout bound: the error fed back is d/dy of the cross-entropy (as VSML's is, official
// models.py:235), not d/dm, a factor 1 - tanh^2(m/100) that is within 2e-6 of 1 here.
import { describe, expect, it } from 'vitest';
import { BackpropTeacher, cellTargets, type CloneRule } from '../../../src/model/clone/backpropRule';

const SIZES = [4, 3, 2];
const RULE: CloneRule = { learningRate: 0.7, weightScale: 5 };
const X = [0.9, -0.4, 1.7, -1.2];
const LABEL = 1;

/** Deterministic weights and biases of the test network. */
function net(): { w: number[][]; b: number[][] } {
  const w = [
    Array.from({ length: 12 }, (_, k) => 0.8 * Math.sin(1.3 * k + 0.2)),
    Array.from({ length: 6 }, (_, k) => 1.1 * Math.cos(0.7 * k + 0.5)),
  ];
  const b = [
    [0.1, -0.2, 0.3],
    [-0.15, 0.05],
  ];
  return { w, b };
}

/** Cross-entropy of the network on (X, LABEL), computed from its definition. */
function loss(w: number[][], b: number[][]): number {
  let x = X;
  for (let l = 0; l < 2; l++) {
    const A = SIZES[l];
    const B = SIZES[l + 1];
    const m = Array.from({ length: B }, (_, j) => {
      let s = 0;
      for (let a = 0; a < A; a++) s += Math.tanh(x[a]) * w[l][a * B + j];
      return s / A + b[l][j];
    });
    x = m;
  }
  const y = x.map((v) => 100 * Math.tanh(v / 100));
  const max = Math.max(...y);
  const lse = max + Math.log(y.reduce((s, v) => s + Math.exp(v - max), 0));
  return lse - y[LABEL];
}

/** dL/d(parameter) by fourth-order central differences. */
function numeric(which: 'w' | 'b', l: number, k: number): number {
  const eps = 1e-3;
  const at = (d: number) => {
    const p = net();
    p[which][l][k] += d;
    return loss(p.w, p.b);
  };
  return (8 * (at(eps) - at(-eps)) - (at(2 * eps) - at(-2 * eps))) / (12 * eps);
}

/** Within 1e-5 of the expected value, relative (the readout bound's factor is within 2e-6 of 1). */
const expectRelative = (got: number, want: number) =>
  expect(Math.abs(got - want)).toBeLessThan(1e-5 * Math.abs(want) + 1e-12);

function teacher(): BackpropTeacher {
  const { w, b } = net();
  return new BackpropTeacher(RULE, {
    sizes: SIZES,
    w: w.map((v) => Float64Array.from(v)),
    b: b.map((v) => Float64Array.from(v)),
  });
}

describe('BackpropTeacher.step', () => {
  it('updates w and b as gradient descent on the cross-entropy with the per-layer rates of mean reductions', () => {
    const t = teacher();
    const r = t.step(X, 0, LABEL);
    expect(r.loss).toBeCloseTo(loss(net().w, net().b), 12);
    const before = net();
    const eta = RULE.learningRate;
    const rate = [eta * SIZES[0] * (SIZES[1] / SIZES[2]), eta * SIZES[1]];
    const biasRate = [eta * (SIZES[1] / SIZES[2]), eta];
    for (let l = 0; l < 2; l++) {
      before.w[l].forEach((w0, k) => expectRelative(t.net.w[l][k] - w0, -rate[l] * numeric('w', l, k)));
      before.b[l].forEach((b0, k) => expectRelative(t.net.b[l][k] - b0, -biasRate[l] * numeric('b', l, k)));
    }
  });
});

describe('cellTargets', () => {
  it("per cell, give the teacher's forward pass (mean over a), its e' sent down (mean over b) and its new w and b (x kappa)", () => {
    const k = RULE.weightScale;
    const { w, b } = net();
    const t = teacher();
    const acts: number[][] = [X];
    for (let l = 0; l < 2; l++) {
      const A = SIZES[l];
      const B = SIZES[l + 1];
      acts.push(
        Array.from({ length: B }, (_, j) => {
          let s = 0;
          for (let a = 0; a < A; a++) s += cellTargets(RULE, w[l][a * B + j] / k, b[l][j] / k, acts[l][a], 0).fwd;
          return s / A;
        }),
      );
    }
    const y = t.predict(X);
    acts[2].forEach((m, j) => expect(100 * Math.tanh(m / 100)).toBeCloseTo(y[j], 12));
    const p = y.map((v) => Math.exp(v));
    const sum = p.reduce((s, v) => s + v, 0);
    const e = p.map((v, j) => v / sum - (j === LABEL ? 1 : 0));
    t.step(X, 0, LABEL);
    // The top layer: its cells' new states are the teacher's top w and b; their backward messages, the error below.
    const below = [0, 1, 2].map(
      (a) =>
        [0, 1].reduce((s, j) => s + cellTargets(RULE, w[1][a * 2 + j] / k, b[1][j] / k, acts[1][a], e[j]).bwd, 0) / 2,
    );
    for (let a = 0; a < 3; a++)
      for (let j = 0; j < 2; j++) {
        const c = cellTargets(RULE, w[1][a * 2 + j] / k, b[1][j] / k, acts[1][a], e[j]);
        expect(k * c.w).toBeCloseTo(t.net.w[1][a * 2 + j], 12);
        expect(k * c.b).toBeCloseTo(t.net.b[1][j], 12);
      }
    // The layer below, fed those errors, ends where the teacher's first layer does.
    for (let a = 0; a < 4; a++)
      for (let j = 0; j < 3; j++) {
        const c = cellTargets(RULE, w[0][a * 3 + j] / k, b[0][j] / k, X[a], below[j]);
        expect(k * c.w).toBeCloseTo(t.net.w[0][a * 3 + j], 12);
        expect(k * c.b).toBeCloseTo(t.net.b[0][j], 12);
      }
  });

  it('leave the state alone and send no error on a forward tick (delta = 0)', () => {
    const c = cellTargets(RULE, 0.3, -0.1, 0.8, 0);
    expect([c.w, c.b, c.bwd]).toEqual([0.3, -0.1, 0]);
    expect(c.fwd).toBeCloseTo(5 * (Math.tanh(0.8) * 0.3 - 0.1), 14);
  });
});

describe('BackpropTeacher.fromStates', () => {
  it('reads w = kappa c[0] per cell and b = kappa mean over a of c[1] per column', () => {
    const N = 3;
    const c = Float64Array.from({ length: 2 * 3 * N }, (_, i) => i / 10);
    const t = BackpropTeacher.fromStates(RULE, [2, 3], [c], N);
    expect(Array.from(t.net.w[0]).map((v) => +v.toFixed(10))).toEqual([0, 1.5, 3, 4.5, 6, 7.5]);
    expect(Array.from(t.net.b[0]).map((v) => +v.toFixed(10))).toEqual(
      [((0.1 + 1) * 5) / 2, ((0.4 + 1.3) * 5) / 2, ((0.7 + 1.6) * 5) / 2].map((v) => +v.toFixed(10)),
    );
  });
});
