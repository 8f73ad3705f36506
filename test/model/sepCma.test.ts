// Separable CMA-ES (src/model/es/sepCma.ts): the tutorial's parameters, mirrored candidates, pairwise
// selection, and seeded convergence on the sphere and a separable ellipsoid of condition 1e3.
import { describe, expect, it } from 'vitest';
import { fillNoise } from '../../src/model/es/noise';
import {
  pairwiseRanking,
  sepCmaAsk,
  sepCmaInit,
  sepCmaNoise,
  sepCmaParams,
  sepCmaStep,
  sepCmaTell,
  type SepCmaState,
} from '../../src/model/es/sepCma';

type Objective = (x: Float64Array) => number;

const sphere: Objective = (x) => x.reduce((a, v) => a + v * v, 0);
/** sum_i 1e3^(i / (D - 1)) x_i^2: axis scales from 1 to 1e3 (condition 1e3). */
const ellipsoid: Objective = (x) => x.reduce((a, v, i) => a + 1e3 ** (i / (x.length - 1)) * v * v, 0);

/** One generation: ask with noise (seed, g), evaluate, tell. */
function generation(st: SepCmaState, pairs: number, f: Objective, seed: number): SepCmaState {
  const noise = sepCmaNoise(seed, st.generation);
  const { x } = sepCmaAsk(st, pairs, noise);
  const plus = Float64Array.from({ length: pairs }, (_, p) => f(x[2 * p]));
  const minus = Float64Array.from({ length: pairs }, (_, p) => f(x[2 * p + 1]));
  return sepCmaTell(st, sepCmaParams(st.mean.length, pairs), plus, minus, noise);
}

/** Generations until f(mean) < target from x0 = 1 (all ones), sigma 1, seed 1; -1 if not within maxGen. */
function generationsTo(
  D: number,
  pairs: number,
  f: Objective,
  target: number,
  maxGen: number,
): { gens: number; state: SepCmaState } {
  let st = sepCmaInit(new Float64Array(D).fill(1), 1);
  for (let g = 1; g <= maxGen; g++) {
    st = generation(st, pairs, f, 1);
    if (f(st.mean) < target) return { gens: g, state: st };
  }
  return { gens: -1, state: st };
}

describe('sepCmaParams', () => {
  it('D = 10, lambda = 10: mu = 5, log weights summing to 1, mu_eff 3.1673, the separable c_1 and c_mu = (D + 2) / 3 x the full ones', () => {
    const p = sepCmaParams(10, 5);
    expect([p.lambda, p.mu]).toEqual([10, 5]);
    const raw = [1, 2, 3, 4, 5].map((i) => Math.log(5.5) - Math.log(i));
    const sum = raw.reduce((a, b) => a + b);
    raw.forEach((w, i) => expect(p.weights[i]).toBeCloseTo(w / sum, 15));
    expect(p.muEff).toBeCloseTo(3.1673, 4);
    expect(p.c1).toBeCloseTo((4 * 2) / (11.3 ** 2 + p.muEff), 15);
    expect(p.cmu).toBeCloseTo((4 * 2 * (p.muEff - 2 + 1 / p.muEff)) / (144 + p.muEff), 15);
    expect(p.cs).toBeCloseTo((p.muEff + 2) / (15 + p.muEff), 15);
    expect(p.cc).toBeCloseTo((4 + p.muEff / 10) / (14 + (2 * p.muEff) / 10), 15);
    expect(p.ds).toBeCloseTo(1 + p.cs, 15);
    expect(p.chiN).toBeCloseTo(Math.sqrt(10) * (1 - 1 / 40 + 1 / 2100), 15);
  });

  it('refuses lambda = 2 (pairs 1): lambda = 2 * pairs must be >= 4', () => {
    expect(() => sepCmaParams(10, 1)).toThrow('sepCmaParams: 1 pairs; lambda = 2 * pairs must be >= 4');
  });
});

describe('sepCmaAsk', () => {
  it('mirrored: x_{2p} = m + sigma sqrt(c) z_p and x_{2p+1} = m - sigma sqrt(c) z_p, bit for bit, z_p = fillNoise(seed, step, p)', () => {
    const st: SepCmaState = { ...sepCmaInit([0.5, -1, 2, 3, 0], 0.3), diagC: Float64Array.from([1, 4, 0.25, 2, 9]) };
    const { z, x } = sepCmaAsk(st, 3, sepCmaNoise(11, 4));
    expect(x).toHaveLength(6);
    for (let p = 0; p < 3; p++) {
      expect(Array.from(z[p])).toEqual(Array.from(fillNoise(11, 4, p, new Float64Array(5))));
      const y = sepCmaStep(st, z[p]);
      for (let k = 0; k < 5; k++) {
        expect(y[k]).toBe(0.3 * Math.sqrt(st.diagC[k]) * z[p][k]);
        expect(x[2 * p][k]).toBe(st.mean[k] + y[k]);
        expect(x[2 * p + 1][k]).toBe(st.mean[k] - y[k]);
      }
    }
  });
});

describe('pairwiseRanking', () => {
  it('keeps the better half of every pair (a tie keeps +) and orders the pairs by it, ties by index', () => {
    expect(pairwiseRanking([3, 1, 2, 5], [4, 0.5, 2, 1])).toEqual({
      order: [1, 3, 2, 0],
      sign: Int8Array.from([1, -1, 1, -1]),
    });
  });
});

describe('sepCmaTell', () => {
  it('sphere, D = 10, lambda = 10, from x = 1, sigma 1, seed 1: f(m) < 1e-8 after exactly 114 generations', () => {
    expect(generationsTo(10, 5, sphere, 1e-8, 1000).gens).toBe(114);
  });

  it('separable ellipsoid (condition 1e3), D = 10, lambda = 10: f(m) < 1e-8 after exactly 148 generations; c learns the axis scales', () => {
    const { gens, state } = generationsTo(10, 5, ellipsoid, 1e-8, 1000);
    expect(gens).toBe(148);
    // c ~ the inverse Hessian's diagonal up to a factor: c_0 / c_9 near 1e3.
    expect(state.diagC[0] / state.diagC[9]).toBeGreaterThan(100);
  });

  it('sphere, D = 50, lambda = 16: exactly 304 generations; separable ellipsoid: exactly 476', () => {
    expect(generationsTo(50, 8, sphere, 1e-8, 2000).gens).toBe(304);
    expect(generationsTo(50, 8, ellipsoid, 1e-8, 2000).gens).toBe(476);
  });

  it('sigma grows on a linear function (f = x_0): 1 -> more than 100 in 30 generations, the mean moving down', () => {
    let st = sepCmaInit(new Float64Array(10), 1);
    for (let g = 0; g < 30; g++) st = generation(st, 5, (x) => x[0], 3);
    expect(st.sigma).toBeGreaterThan(100);
    expect(st.mean[0]).toBeLessThan(-1000);
    expect(st.generation).toBe(30);
  });

  it('is deterministic and pure: the same state, fitness and noise give the same bits; the input state is unchanged', () => {
    const st = sepCmaInit([1, 2, 3, 4], 0.5);
    const noise = sepCmaNoise(5, 0);
    const a = sepCmaTell(st, sepCmaParams(4, 2), [1, 2], [3, 0], noise);
    const b = sepCmaTell(st, sepCmaParams(4, 2), [1, 2], [3, 0], noise);
    expect(a).toEqual(b);
    expect(Array.from(st.mean)).toEqual([1, 2, 3, 4]);
    expect([st.sigma, st.generation]).toEqual([0.5, 0]);
  });

  it('refuses a non-finite fitness', () => {
    const st = sepCmaInit([1, 2], 0.5);
    expect(() => sepCmaTell(st, sepCmaParams(2, 2), [1, Number.NaN], [3, 0], sepCmaNoise(5, 0))).toThrow(
      "sepCmaTell: pair 1's fitness is not finite",
    );
  });
});
