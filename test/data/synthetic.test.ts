// The synthetic tasks as the official code defines them: Random (20 fixed examples, a memorisation
// task) and Sum Sign (fresh examples, label = sum >= 0).
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/model/rng';
import { createRunStreams } from '../../src/data/stream';
import { randomSet, RANDOM_EXAMPLES } from '../../src/data/synthetic/random';
import { sampleSumSign, sumSignSource } from '../../src/data/synthetic/sumSign';
import { buildTask } from '../../src/data/task';
import { sameValues, unwrap } from './helpers';

describe('randomSet', () => {
  it('20 examples of 28x28 N(0,1) values with labels in 0..9, fixed per seed (seed 11)', () => {
    const a = randomSet(11);
    expect(a.count).toBe(RANDOM_EXAMPLES);
    expect(a.pixels.length).toBe(20 * 784);
    expect(a.numClasses).toBe(10);
    expect(a.normalisation).toBeNull();
    for (const y of a.labels) expect(y >= 0 && y < 10).toBe(true);
    expect(new Set(a.labels).size).toBeGreaterThan(3);
    let s1 = 0;
    let s2 = 0;
    for (const v of a.pixels) {
      s1 += v;
      s2 += v * v;
    }
    const n = a.pixels.length;
    expect(Math.abs(s1 / n)).toBeLessThan(0.03);
    expect(Math.sqrt(s2 / n - (s1 / n) ** 2)).toBeCloseTo(1, 1);
    const again = randomSet(11);
    expect(sameValues(again.pixels, a.pixels) && sameValues(again.labels, a.labels)).toBe(true);
  });

  it('another task seed, or the other split, redraws the 20 examples', () => {
    const a = randomSet(11);
    expect(randomSet(12).pixels[0]).not.toBe(a.pixels[0]);
    expect(randomSet(11, 'train').pixels[0]).not.toBe(a.pixels[0]);
  });

  it('a stream cycles through the 20 in shuffled epochs: each block of 20 steps is a permutation of them (seed 3, 100 steps)', () => {
    const task = unwrap(buildTask(randomSet(5)));
    const streams = unwrap(createRunStreams(task, { seed: 3, runs: 1 }));
    const block = streams.nextBlock(100);
    const firsts: number[][] = [];
    for (let e = 0; e < 5; e++) {
      const seen: number[] = [];
      for (let t = e * 20; t < (e + 1) * 20; t++) {
        // Identify the example by its first input value.
        const v = block.inputs[t * 784];
        const idx = Array.from({ length: 20 }, (_, i) => i).find(
          (i) => task.kind === 'examples' && task.inputs[i * 784] === v,
        );
        expect(idx).toBeDefined();
        expect(block.labels[t]).toBe(task.kind === 'examples' ? task.labels[idx!] : -1);
        seen.push(idx!);
      }
      expect([...seen].sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i));
      firsts.push(seen);
    }
    expect(firsts[1]).not.toEqual(firsts[0]);
  });
});

describe('sumSignSource', () => {
  it('label = (sum of pixels >= 0), pixels within mu +- 2, mu in [-1, 1), over 300 draws (seed 8)', () => {
    const rng = new Rng(8);
    const x = new Float32Array(784);
    let ones = 0;
    for (let k = 0; k < 300; k++) {
      const label = sampleSumSign(rng, x, 0);
      let sum = 0;
      let lo = Infinity;
      let hi = -Infinity;
      for (const v of x) {
        sum += v;
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
      expect(label).toBe(sum >= 0 ? 1 : 0);
      ones += label;
      // All 784 pixels lie within 2 of one mu: the spread is at most 4, and the centre within [-1, 1].
      expect(hi - lo).toBeLessThanOrEqual(4 + 1e-5);
      expect(lo).toBeGreaterThanOrEqual(-3 - 1e-5);
      expect(hi).toBeLessThanOrEqual(3 + 1e-5);
    }
    expect(ones).toBeGreaterThan(110);
    expect(ones).toBeLessThan(190);
  });

  it('pixels are mu + truncated normal: mean of a draw = mu (within 0.1), std about 0.88 (the truncation)', () => {
    const rng = new Rng(9);
    const copy = new Rng(9);
    const mu = copy.uniformIn(-1, 1);
    const x = new Float32Array(784);
    sampleSumSign(rng, x, 0);
    let s1 = 0;
    let s2 = 0;
    for (const v of x) {
      s1 += v;
      s2 += v * v;
    }
    const mean = s1 / 784;
    expect(mean).toBeCloseTo(mu, 1);
    expect(Math.sqrt(s2 / 784 - mean * mean)).toBeCloseTo(0.88, 1);
  });

  it('a generated task streams fresh examples; the same stream seed gives the same stream, run 1 another', () => {
    const task = unwrap(buildTask(sumSignSource()));
    expect(task.kind).toBe('generated');
    expect(task.inputSize).toBe(784);
    const a = unwrap(createRunStreams(task, { seed: 4, runs: 2 })).nextBlock(10);
    const b = unwrap(createRunStreams(task, { seed: 4, runs: 2 })).nextBlock(10);
    expect(sameValues(a.inputs, b.inputs) && sameValues(a.labels, b.labels)).toBe(true);
    expect(a.inputs[0]).not.toBe(a.inputs[10 * 784]);
    expect(a.inputs[0]).not.toBe(a.inputs[784]);
  });

  it('transforms apply to generated examples too: resize 14 and a projection give 196 inputs', () => {
    const task = unwrap(buildTask(sumSignSource(), { resize: 14, project: true, seed: 2 }));
    expect(task.inputSize).toBe(196);
    const block = unwrap(createRunStreams(task, { seed: 1, runs: 1 })).nextBlock(3);
    expect(block.inputs.length).toBe(3 * 196);
    expect(block.inputs.every(Number.isFinite)).toBe(true);
  });
});
