import { describe, expect, it } from 'vitest';
import { Adam } from '../../src/model/baselines/adam';
import { Sgd } from '../../src/model/baselines/sgd';

const f64 = (...v: number[]) => Float64Array.from(v);

describe('Sgd', () => {
  it('steps W (stored [out][in]) by -lr g[o] x[i] and b by -lr g[o]', () => {
    // layer 2 -> 1: W = [[1, 2]], b = [3]; x = [1, -2], g = [0.5]
    const p = Float32Array.from([1, 2, 3]);
    new Sgd(0.1).applyDense(0, p, 0, 2, f64(1, -2), 2, f64(0.5), 1);
    expect(Array.from(p)).toEqual([1 - 0.05, 2 + 0.1, 3 - 0.05].map(Math.fround));
  });
});

describe('Adam (optax semantics: bias correction, eps outside the root)', () => {
  // One weight w (x = 1) and its bias b, lr 1e-3, gradients 0.5 then -1.
  const hyper = { learningRate: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8 };

  it('first two steps by hand: 1 -> 1 - 1e-3 * 0.5/(0.5 + 1e-8) -> + 1e-3 * 0.289473684/0.790688', () => {
    const adam = new Adam(hyper, 1, 2);
    const p = Float32Array.from([1, 1]);
    adam.beginStep(0);
    adam.applyDense(0, p, 0, 1, f64(1), 1, f64(0.5), 1);
    // mu = 0.05, nu = 2.5e-4; mu/(1-0.9) = 0.5, nu/(1-0.999) = 0.25, sqrt = 0.5
    const p1 = Math.fround(1 - (1e-3 * 0.5) / (0.5 + 1e-8));
    expect(p[0]).toBe(p1);
    expect(p[1]).toBe(p1);
    expect(adam.mu[0]).toBe(Math.fround(0.05));
    expect(adam.nu[0]).toBe(Math.fround(2.5e-4));
    adam.beginStep(0);
    adam.applyDense(0, p, 0, 1, f64(1), 1, f64(-1), 1);
    // mu = 0.9*0.05 - 0.1 = -0.055; nu = 0.999*2.5e-4 + 1e-3 = 1.24975e-3
    // mu_hat = -0.055/0.19 = -0.2894736842; nu_hat = 1.24975e-3/0.001999 = 0.6251875938
    const step2 = (1e-3 * (-0.055 / 0.19)) / (Math.sqrt(1.24975e-3 / 0.001999) + 1e-8);
    expect(step2).toBeCloseTo(-3.661e-4, 7);
    expect(p[0]).toBeCloseTo(p1 - step2, 7);
    expect(adam.count[0]).toBe(2);
  });

  it('moves every parameter by lr g/(|g| + eps) on its first step: about lr whatever the scale, less for tiny g', () => {
    const adam = new Adam(hyper, 1, 4);
    const p = new Float32Array(4);
    adam.beginStep(0);
    adam.applyDense(0, p, 0, 3, f64(1e-3, -5, 200), 3, f64(2), 1);
    const grads = [2e-3, -10, 400, 2];
    grads.forEach((g, k) => expect(p[k]).toBe(Math.fround((-1e-3 * g) / (Math.abs(g) + 1e-8))));
    expect(p[0]).toBeCloseTo(-0.999995e-3, 10);
  });

  it('keeps runs apart: run 1 is untouched by run 0 and counts its own steps', () => {
    const adam = new Adam(hyper, 2, 2);
    const p = new Float32Array(4);
    adam.beginStep(0);
    adam.applyDense(0, p, 0, 1, f64(1), 1, f64(1), 1);
    expect(Array.from(p.subarray(2))).toEqual([0, 0]);
    expect(Array.from(adam.count)).toEqual([1, 0]);
    adam.resetRun(0);
    expect(adam.count[0]).toBe(0);
    expect(adam.mu[0]).toBe(0);
    expect(() => adam.applyDense(1, p, 2, 3, f64(1), 1, f64(1), 1)).toThrow(/before beginStep/);
  });
});
