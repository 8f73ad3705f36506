import { describe, expect, it } from 'vitest';
import { boundedSoftmaxCe } from '../../src/model/baselines/boundedLoss';
import { mlpBackwardUpdate, mlpForward, mlpScratch } from '../../src/model/baselines/mlp';
import { initMlp } from '../../src/model/baselines/mlpInit';
import { mlpLayout } from '../../src/model/baselines/mlpLayout';
import { Rng } from '../../src/model/rng';
import { finiteDiffGrad, lossF64, RecordingOptimizer } from './float64Net';

/** Analytic gradient of one example through forward, the bounded head and backward. */
function analytic(sizes: number[], p: Float32Array, x: Float64Array, label: number, bound = 100) {
  const layout = mlpLayout(sizes);
  const s = mlpScratch(layout);
  s.acts[0].set(x);
  mlpForward(layout, p, 0, s);
  const L = layout.layers.length;
  const head = boundedSoftmaxCe(s.acts[L], sizes[L], bound, label, s.y, s.grads[L - 1]);
  const rec = new RecordingOptimizer(layout.size);
  const before = Float32Array.from(p);
  mlpBackwardUpdate(layout, p, 0, s, rec, 0);
  expect(p).toEqual(before);
  expect(rec.steps).toBe(1);
  return { layout, head, y: Array.from(s.y), grad: rec.grad };
}

/** Weights large enough that the tanh bound and the hidden tanh are far from linear. */
function bigParams(sizes: number[], seed: number, scale: number): Float32Array {
  const layout = mlpLayout(sizes);
  const p = new Float32Array(layout.size);
  initMlp(layout, new Rng(seed), p);
  const rng = new Rng(seed, 1);
  for (let k = 0; k < p.length; k++) p[k] = p[k] * scale + 0.3 * rng.normal();
  return p;
}

const input = (n: number, seed: number) => {
  const rng = new Rng(seed, 2);
  return Float64Array.from({ length: n }, () => 3 * rng.normal());
};

describe('baseline gradients against central differences (Float64)', () => {
  const cases: [string, number[], number, number][] = [
    ['shallow [7, 4] (seed 1, logits within the bound)', [7, 4], 1, 1],
    ['shallow [7, 4] (seed 2, logits near the bound: 1 - (y/100)^2 matters)', [7, 4], 2, 60],
    ['deep [6, 5, 3] (seed 3)', [6, 5, 3], 3, 2],
    ['deep [5, 4, 4, 3] (seed 4, two tanh layers)', [5, 4, 4, 3], 4, 2],
  ];
  for (const [name, sizes, seed, scale] of cases) {
    it(`matches for ${name}`, () => {
      const p = bigParams(sizes, seed, scale);
      const x = input(sizes[0], seed);
      const label = seed % sizes[sizes.length - 1];
      const { layout, head, y, grad } = analytic(sizes, p, x, label);
      const ref = lossF64(layout, p, x, label);
      expect(head.loss).toBeCloseTo(ref.loss, 9);
      y.forEach((v, k) => expect(v).toBeCloseTo(ref.y[k], 9));
      const fd = finiteDiffGrad(layout, p, x, label);
      let maxErr = 0;
      let maxG = 0;
      for (let k = 0; k < fd.length; k++) {
        maxErr = Math.max(maxErr, Math.abs(grad[k] - fd[k]));
        maxG = Math.max(maxG, Math.abs(fd[k]));
      }
      expect(maxG).toBeGreaterThan(1e-3);
      expect(maxErr / maxG).toBeLessThan(1e-6);
    });
  }

  it('shrinks the logit gradient by 1 - (y/100)^2 at the bound: z = 150 gives y = 100 tanh(1.5)', () => {
    const z = Float64Array.from([150, 0]);
    const y = new Float64Array(2);
    const g = new Float64Array(2);
    const r = boundedSoftmaxCe(z, 2, 100, 1, y, g);
    const t = Math.tanh(1.5);
    expect(y[0]).toBeCloseTo(100 * t, 10);
    expect(r.loss).toBeCloseTo(Math.log(1 + Math.exp(100 * t)), 8);
    expect(g[0]).toBeCloseTo((1 / (1 + Math.exp(-100 * t))) * (1 - t * t), 12);
    expect(r.correct).toBe(false);
  });

  it('takes the first maximum on ties: y = [1, 1] predicts class 0', () => {
    const r = boundedSoftmaxCe(Float64Array.from([1, 1]), 2, 100, 0, new Float64Array(2), new Float64Array(2));
    expect(r.correct).toBe(true);
    expect(r.loss).toBeCloseTo(Math.log(2), 12);
  });
});
