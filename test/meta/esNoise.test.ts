// Counter-based ES noise, perturbations and fitness shaping.
import { describe, expect, it } from 'vitest';
import { fillNoise, noiseRng } from '../../src/model/es/noise';
import { perturbPair } from '../../src/model/es/perturb';
import { centredRanks, pairWeights } from '../../src/model/es/shaping';
import { esGradient } from '../../src/model/es/gradient';
import { hash3, Rng } from '../../src/model/rng';

const expectClose = (got: ArrayLike<number>, want: number[]) => {
  expect(got.length).toBe(want.length);
  want.forEach((w, i) => expect(got[i]).toBeCloseTo(w, 14));
};

describe('fillNoise', () => {
  it('is new Rng(hash3(seed, "nois", step), pair).normal() in order, whatever order pairs are drawn', () => {
    const a = fillNoise(42, 7, 3, new Float64Array(5));
    const rng = new Rng(hash3(42, 0x6e6f6973, 7), 3);
    expect(Array.from(a)).toEqual(Array.from({ length: 5 }, () => rng.normal()));
    fillNoise(42, 7, 0, new Float64Array(5));
    expect(fillNoise(42, 7, 3, new Float64Array(5))).toEqual(a);
    expect(noiseRng(42, 7, 3).seed).toBe(hash3(42, 0x6e6f6973, 7));
  });

  it('differs between pairs, steps and seeds, and is standard normal (mean 0, variance 1 over 100,000 draws)', () => {
    const base = fillNoise(1, 0, 0, new Float64Array(4));
    expect(fillNoise(1, 0, 1, new Float64Array(4))).not.toEqual(base);
    expect(fillNoise(1, 1, 0, new Float64Array(4))).not.toEqual(base);
    expect(fillNoise(2, 0, 0, new Float64Array(4))).not.toEqual(base);
    const x = fillNoise(5, 0, 0, new Float64Array(100_000));
    const mean = x.reduce((s, v) => s + v, 0) / x.length;
    const variance = x.reduce((s, v) => s + (v - mean) ** 2, 0) / x.length;
    expect(Math.abs(mean)).toBeLessThan(0.01);
    expect(Math.abs(variance - 1)).toBeLessThan(0.02);
  });
});

describe('perturbPair', () => {
  it('gives float32 theta + sigma eps and theta - sigma eps', () => {
    const { plus, minus } = perturbPair(Float32Array.from([1, -0.5]), Float64Array.from([2, -1]), 0.05);
    expect(Array.from(plus)).toEqual([Math.fround(1.1), Math.fround(-0.55)]);
    expect(Array.from(minus)).toEqual([Math.fround(0.9), Math.fround(-0.45)]);
  });
});

describe('pairWeights', () => {
  it('none: L+ - L-', () => {
    expect(Array.from(pairWeights([3, 1], [1, 2], 'none'))).toEqual([2, -1]);
  });

  it('centred ranks of the 2P losses: rank / (2P - 1) - 0.5, ties in order', () => {
    expectClose(centredRanks([0.3, 0.1, 0.2, 0.1]), [0.5, -0.5, 1 / 6, -1 / 6]);
    // losses in order plus0, minus0, plus1, minus1 = 3, 1, 1, 2: ranks 3, 0, 1, 2
    expectClose(pairWeights([3, 1], [1, 2], 'centred-ranks'), [1, -1 / 3]);
  });
});

describe('esGradient', () => {
  it('is mean_p w_p eps_p / (2 sigma), skipping w_p = 0', () => {
    const eps = [
      [1, 2],
      [3, -1],
      [100, 100],
    ];
    const calls: number[] = [];
    const g = esGradient([0.5, -1, 0], 0.25, 2, (p, out) => {
      calls.push(p);
      out.set(eps[p]);
    });
    expect(calls).toEqual([0, 1]);
    expectClose(g, [(0.5 * 1 - 3) / (2 * 0.25 * 3), (0.5 * 2 + 1) / (2 * 0.25 * 3)]);
  });
});
