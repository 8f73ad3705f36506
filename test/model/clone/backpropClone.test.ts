// The cloning regression (cloneBackpropGradient): its gradient against central differences of its loss
// (no warm-up, so the loss is a function of V_M through the regressed tick only), its determinism in
// (seed, step), and the random data of the two curriculum stages.
import { describe, expect, it } from 'vitest';
import {
  cloneBackpropGradient,
  drawError,
  drawInput,
  MNIST_BACKGROUND,
  MNIST_MAX,
  type CloneBackpropSettings,
} from '../../../src/model/clone/backpropClone';
import { DEFAULT_CONFIG } from '../../../src/model/config';
import { initParams } from '../../../src/model/init';
import { Rng } from '../../../src/model/rng';

const CFG = { ...DEFAULT_CONFIG, stateSize: 6, messageSize: 3, backwardPass: true, outputIndex: 0 };
const SETTINGS: CloneBackpropSettings = {
  rule: { learningRate: 4, weightScale: 20 },
  batch: 16,
  warmup: 0,
  unroll: 3,
  stateWeight: 3,
  deep: true,
  fan: 20,
};

describe('cloneBackpropGradient', () => {
  it('is the gradient of its loss through 3 regressed ticks: within 1e-6 relative of central differences at 12 coordinates', () => {
    const theta = Float64Array.from(initParams(CFG, new Rng(3)));
    const g = new Float64Array(theta.length);
    const at = cloneBackpropGradient(CFG, theta, SETTINGS, 7, 5, g);
    expect(at.loss).toBeCloseTo(at.w + at.b + at.fwd + at.bwd, 14);
    const eps = 1e-5;
    const coords = [0, 5, 18, 26, 44, 200, 250, 288, 300, 330, 345, theta.length - 1];
    for (const k of coords) {
      const p = theta.slice();
      p[k] += eps;
      const up = cloneBackpropGradient(CFG, p, SETTINGS, 7, 5, null).loss;
      p[k] -= 2 * eps;
      const down = cloneBackpropGradient(CFG, p, SETTINGS, 7, 5, null).loss;
      const fd = (up - down) / (2 * eps);
      expect(Math.abs(fd - g[k])).toBeLessThan(1e-6 * Math.abs(fd) + 1e-9);
    }
    expect(coords.filter((k) => g[k] !== 0).length).toBeGreaterThanOrEqual(10);
  });

  it('is a function of (V_M, seed, step): the same twice, another step draws other cells', () => {
    const theta = initParams(CFG, new Rng(3));
    const s = { ...SETTINGS, warmup: 4 };
    const a = cloneBackpropGradient(CFG, theta, s, 7, 5, null);
    expect(cloneBackpropGradient(CFG, theta, s, 7, 5, null)).toEqual(a);
    expect(cloneBackpropGradient(CFG, theta, s, 7, 6, null).loss).not.toBe(a.loss);
  });
});

describe('the random data', () => {
  it('shallow: inputs are normalised pixels and errors output errors (40 % forward ticks); deep adds hidden ones', () => {
    const stats = (deep: boolean) => {
      const rng = new Rng(11);
      let outside = 0;
      let zeros = 0;
      let big = 0;
      for (let i = 0; i < 4000; i++) {
        const x = drawInput(rng, deep);
        if (x < MNIST_BACKGROUND || x > MNIST_MAX) outside++;
        const d = drawError(rng, deep);
        if (d === 0) zeros++;
        if (Math.abs(d) > 1) big++;
      }
      return { outside, zeros, big };
    };
    const shallow = stats(false);
    expect(shallow.outside).toBe(0);
    expect(shallow.big).toBe(0);
    expect(shallow.zeros / 4000).toBeCloseTo(0.4, 1);
    const deep = stats(true);
    expect(deep.outside).toBeGreaterThan(300);
    expect(deep.zeros / 4000).toBeCloseTo(0.4, 1);
  });
});
