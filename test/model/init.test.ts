import { describe, expect, it } from 'vitest';
import { initParams, initRunState } from '../../src/model/init';
import { paramLayout } from '../../src/model/layout';
import { Rng } from '../../src/model/rng';
import { config } from '../helpers/random';

const std = (xs: ArrayLike<number>) => {
  let s2 = 0;
  for (let i = 0; i < xs.length; i++) s2 += xs[i] * xs[i];
  return Math.sqrt(s2 / xs.length);
};

describe('initParams', () => {
  const cfg = config();
  const p = initParams(cfg, new Rng(42));
  const L = paramLayout(cfg);
  const block = (b: { offset: number; rows: number; cols: number }) => p.subarray(b.offset, b.offset + b.rows * b.cols);

  it('draws lstm.w with std 0.88/sqrt(32) and bounded by 2/sqrt(32) (seed 42)', () => {
    const w = block(L.lstmW);
    expect(std(w) * Math.sqrt(32)).toBeCloseTo(0.88, 1);
    expect(Math.max(...w.map(Math.abs))).toBeLessThanOrEqual(2 / Math.sqrt(32) + 1e-7);
  });

  it('draws fwd.w and bwd.w with std 0.88/sqrt(16), bounded by 2/sqrt(16) (seed 42, 256 draws)', () => {
    const w = [...block(L.fwdW), ...block(L.bwdW)];
    expect(Math.abs(std(w) * 4 - 0.88)).toBeLessThan(0.1);
    expect(Math.max(...w.map(Math.abs))).toBeLessThanOrEqual(0.5);
  });

  it('starts every bias at 0', () => {
    for (const b of [L.lstmB, L.fwdB, L.bwdB]) expect([...block(b)].every((v) => v === 0)).toBe(true);
  });

  it('is reproducible from the seed', () => {
    expect(initParams(cfg, new Rng(42))).toEqual(p);
    expect(initParams(cfg, new Rng(43))).not.toEqual(p);
  });
});

describe('initRunState', () => {
  it('h = 0; c has 8 of 16 dims ~ truncnormal(1/sqrt(A)) and 8 zeros, for A=784, B=10 (seed 22)', () => {
    const [s] = initRunState(config(), [{ A: 784, B: 10 }], new Rng(22));
    expect(s.h.every((v) => v === 0)).toBe(true);
    const rand: number[] = [];
    for (let cell = 0; cell < 7840; cell++) {
      for (let j = 0; j < 16; j++) {
        const v = s.c[cell * 16 + j];
        if (j < 8) rand.push(v);
        else expect(v).toBe(0);
      }
    }
    expect(std(rand) * Math.sqrt(784)).toBeCloseTo(0.88, 1);
    expect(Math.max(...rand.map(Math.abs))).toBeLessThanOrEqual(2 / 28 + 1e-7);
  });
});
