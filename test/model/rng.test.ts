import { describe, expect, it } from 'vitest';
import { hash3, mix32, Rng } from '../../src/model/rng';

describe('Rng', () => {
  it('mix32 and hash3 give fixed values (the WGSL port must match these)', () => {
    expect(mix32(0)).toBe(0);
    expect(mix32(1)).toBe(0x688990c0);
    expect(hash3(22, 0, 0)).toBe(0xda10fd50);
    expect(hash3(22, 0, 1)).toBe(0x23ee987c);
    expect(hash3(22, 0, 0)).not.toBe(hash3(22, 1, 0));
    expect(new Rng(22).uniform()).toBe(0.8518217206001282);
  });

  it('the same seed gives the same sequence; another seed another', () => {
    const a = new Rng(7);
    const b = new Rng(7);
    const c = new Rng(8);
    const xa = Array.from({ length: 5 }, () => a.uniform());
    expect(Array.from({ length: 5 }, () => b.uniform())).toEqual(xa);
    expect(Array.from({ length: 5 }, () => c.uniform())).not.toEqual(xa);
  });

  it('uniform lies in [0, 1) with mean 0.5 over 100000 draws (seed 1)', () => {
    const r = new Rng(1);
    let sum = 0;
    for (let i = 0; i < 100000; i++) {
      const u = r.uniform();
      expect(u >= 0 && u < 1).toBe(true);
      sum += u;
    }
    expect(sum / 100000).toBeCloseTo(0.5, 2);
  });

  it('normal has mean 0 and std 1 over 100000 draws (seed 2)', () => {
    const r = new Rng(2);
    let s1 = 0;
    let s2 = 0;
    for (let i = 0; i < 100000; i++) {
      const z = r.normal();
      s1 += z;
      s2 += z * z;
    }
    expect(s1 / 100000).toBeCloseTo(0, 1);
    expect(Math.sqrt(s2 / 100000)).toBeCloseTo(1, 1);
  });

  it('truncNormal(std) stays within 2 std and has std 0.88 std (no variance correction), seed 3', () => {
    const r = new Rng(3);
    let s2 = 0;
    for (let i = 0; i < 100000; i++) {
      const z = r.truncNormal(0.5);
      expect(Math.abs(z)).toBeLessThanOrEqual(1);
      s2 += z * z;
    }
    // std of a standard normal truncated to [-2, 2] is 0.8796
    expect(Math.sqrt(s2 / 100000) / 0.5).toBeCloseTo(0.88, 2);
  });

  it('forked streams are independent of the parent and of each other', () => {
    const r = new Rng(5);
    const a = r.fork(0).uniform();
    const b = r.fork(1).uniform();
    expect(a).not.toBe(b);
    expect(r.fork(0).uniform()).toBe(a);
  });
});
