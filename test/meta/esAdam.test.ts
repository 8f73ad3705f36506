// Adam with optax semantics on a flat vector, against values worked out by hand.
import { describe, expect, it } from 'vitest';
import { adamInit, adamStep } from '../../src/model/es/adam';

describe('adamStep (optax: bias correction, eps outside the root)', () => {
  it('matches two hand-computed steps: theta [1, -2], g1 [0.5, -1], g2 [0.25, 2], lr 0.1', () => {
    const theta = Float32Array.from([1, -2]);
    const s = adamInit(2);
    const hyper = { learningRate: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8 };

    adamStep(theta, [0.5, -1], s, hyper);
    // m = 0.1 g = [0.05, -0.1]; v = 0.001 g^2 = [0.00025, 0.001]; m^ = g, v^ = g^2:
    // update = 0.1 g / (|g| + 1e-8) = [0.099999998, -0.099999999]
    expect(s.t).toBe(1);
    expect(s.m[0]).toBeCloseTo(0.05, 15);
    expect(s.m[1]).toBeCloseTo(-0.1, 15);
    expect(s.v[0]).toBeCloseTo(0.00025, 15);
    expect(s.v[1]).toBeCloseTo(0.001, 15);
    expect(theta[0]).toBe(Math.fround(1 - (0.1 * 0.5) / (0.5 + 1e-8)));
    expect(theta[1]).toBe(Math.fround(-2 + (0.1 * 1) / (1 + 1e-8)));

    adamStep(theta, [0.25, 2], s, hyper);
    // m = 0.9 m + 0.1 g = [0.07, 0.11]; v = 0.999 v + 0.001 g^2 = [0.00031225, 0.004999]
    // m^ = m / 0.19 = [0.368421, 0.578947]; v^ = v / 0.001999 = [0.156203, 2.500750]
    // update = 0.1 m^ / (sqrt(v^) + 1e-8) = [0.0932180, 0.0366104]
    expect(s.t).toBe(2);
    expect(s.m[0]).toBeCloseTo(0.07, 15);
    expect(s.m[1]).toBeCloseTo(0.11, 15);
    expect(s.v[0]).toBeCloseTo(0.00031225, 15);
    expect(s.v[1]).toBeCloseTo(0.004999, 15);
    expect(theta[0]).toBeCloseTo(0.9 - 0.093218, 6);
    expect(theta[1]).toBeCloseTo(-1.9 - 0.0366104, 6);
    expect(Array.from(theta)).toEqual([0.8067820072174072, -1.9366103410720825]);
  });

  it('refuses vectors of different sizes', () => {
    expect(() =>
      adamStep(new Float32Array(3), [1, 2], adamInit(3), { learningRate: 1, beta1: 0.9, beta2: 0.999, eps: 1e-8 }),
    ).toThrow(/sizes differ/);
  });
});
