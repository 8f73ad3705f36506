// The ES gradient estimate with the trainer's own machinery (counter-based noise, antithetic pairs,
// pair weights, regenerated eps) on f(theta) = |theta - c|^2, whose gradient is 2 (theta - c).
import { describe, expect, it } from 'vitest';
import { esGradient } from '../../src/model/es/gradient';
import { fillNoise } from '../../src/model/es/noise';
import { perturbPair } from '../../src/model/es/perturb';
import { pairWeights, type FitnessShaping } from '../../src/model/es/shaping';
import { Rng } from '../../src/model/rng';

const D = 300;
const SIGMA = 0.05;

function problem(seed: number) {
  const rng = new Rng(seed, 7);
  const theta = Float32Array.from({ length: D }, () => rng.normal());
  const c = Float64Array.from({ length: D }, () => rng.normal());
  const f = (x: Float32Array) => x.reduce((s, v, k) => s + (v - c[k]) ** 2, 0);
  const grad = Float64Array.from(theta, (v, k) => 2 * (v - c[k]));
  return { theta, f, grad };
}

/** One ES estimate with P pairs at ES step `step` under `seed`. */
function estimate(seed: number, step: number, P: number, shaping: FitnessShaping = 'none') {
  const { theta, f, grad } = problem(1);
  const eps = new Float64Array(D);
  const plus = new Float64Array(P);
  const minus = new Float64Array(P);
  for (let p = 0; p < P; p++) {
    fillNoise(seed, step, p, eps);
    const pair = perturbPair(theta, eps, SIGMA);
    plus[p] = f(pair.plus);
    minus[p] = f(pair.minus);
  }
  const g = esGradient(pairWeights(plus, minus, shaping), SIGMA, D, (p, out) => fillNoise(seed, step, p, out));
  return { g, grad };
}

const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).reduce((s, v, k) => s + v * b[k], 0);
const cosine = (a: ArrayLike<number>, b: ArrayLike<number>) => dot(a, b) / Math.sqrt(dot(a, a) * dot(b, b));

describe('esGradient on |theta - c|^2 (D = 300, sigma = 0.05)', () => {
  it('points along the analytic gradient: cosine > 0.9 with 4000 pairs (seed 42, step 0)', () => {
    const { g, grad } = estimate(42, 0, 4000);
    expect(cosine(g, grad)).toBeGreaterThan(0.9);
  });

  it('has cosine > 0.9 with centred ranks too (seed 42, step 0, 4000 pairs)', () => {
    const { g, grad } = estimate(42, 0, 4000, 'centred-ranks');
    expect(cosine(g, grad)).toBeGreaterThan(0.9);
  });

  it('is positively aligned even with few pairs (32 pairs, 20 steps of seed 3)', () => {
    for (let step = 0; step < 20; step++)
      expect(cosine(estimate(3, step, 32).g, estimate(3, step, 32).grad)).toBeGreaterThan(0);
  });

  it('averages to the analytic gradient: 200 steps x 64 pairs within 4 standard errors per coordinate; error norm within 1.2x its expected sqrt(D/N) |grad|', () => {
    const steps = 200;
    const P = 64;
    const mean = new Float64Array(D);
    let grad = new Float64Array(D);
    for (let s = 0; s < steps; s++) {
      const e = estimate(9, s, P);
      grad = e.grad;
      for (let k = 0; k < D; k++) mean[k] += e.g[k] / steps;
    }
    // Per coordinate, a pair's estimate eps_k (eps . grad) has variance |grad|^2 + grad_k^2.
    const n2 = dot(grad, grad);
    for (let k = 0; k < D; k++) {
      const se = Math.sqrt((n2 + grad[k] ** 2) / (steps * P));
      expect(Math.abs(mean[k] - grad[k])).toBeLessThan(4 * se + 1e-3);
    }
    const err = Math.sqrt(
      dot(
        mean.map((v, k) => v - grad[k]),
        mean.map((v, k) => v - grad[k]),
      ),
    );
    expect(err / Math.sqrt(n2)).toBeLessThan(Math.sqrt(D / (steps * P)) * 1.2);
    expect(cosine(mean, grad)).toBeGreaterThan(0.98);
  });
});
