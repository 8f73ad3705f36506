// Task transforms: each one's invariants, on real MNIST and CIFAR-10 images where it matters.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCifarFiles, loadIdxFiles } from '../../src/data/load';
import { MNIST_STATS } from '../../src/data/normalisation';
import { DATASETS } from '../../src/data/registry';
import { buildTask } from '../../src/data/task';
import { selectClasses } from '../../src/data/transforms/classSubset';
import { GRAY_WEIGHTS } from '../../src/data/transforms/grayscale';
import { pixelPermutation } from '../../src/data/transforms/pixelShuffle';
import { projectionBound, projectionMatrix } from '../../src/data/transforms/projection';
import { resize, resizePlan } from '../../src/data/transforms/resize';
import { selectExamples } from '../../src/data/transforms/select';
import { transposeImages } from '../../src/data/transforms/transpose';
import type { ExampleTask, ImageSet, Task } from '../../src/data/types';
import { classCounts, sameValues, sharedFile, unwrap } from './helpers';

let mnist: ImageSet;
/** The first 200 MNIST test images. */
let mnist200: ImageSet;

beforeAll(async () => {
  mnist = unwrap(
    await loadIdxFiles(DATASETS['mnist-idx'], {
      images: sharedFile('mnist/t10k-images-idx3-ubyte.gz'),
      labels: sharedFile('mnist/t10k-labels-idx1-ubyte.gz'),
    }),
  );
  mnist200 = selectExamples(
    mnist,
    Array.from({ length: 200 }, (_, i) => i),
  );
});

const examples = (t: Task): ExampleTask => {
  if (t.kind !== 'examples') throw new Error('expected examples');
  return t;
};

describe('projectionMatrix', () => {
  it('is fixed per seed: the same seed gives the same matrix, another seed another', () => {
    const a = projectionMatrix(64, 5);
    expect(projectionMatrix(64, 5)).toEqual(a);
    const b = projectionMatrix(64, 6);
    let same = 0;
    for (let k = 0; k < a.length; k++) if (a[k] === b[k]) same++;
    expect(same).toBeLessThan(5);
  });

  it('D = 784: entries within +-l = sqrt(6/1568) = 0.0619, mean 0 and variance 1/D within 1% (seed 3)', () => {
    const D = 784;
    const l = projectionBound(D);
    expect(l).toBeCloseTo(0.061859, 5);
    const P = projectionMatrix(D, 3);
    let s1 = 0;
    let s2 = 0;
    let max = 0;
    for (const v of P) {
      s1 += v;
      s2 += v * v;
      max = Math.max(max, Math.abs(v));
    }
    expect(max).toBeLessThanOrEqual(l);
    expect(max).toBeGreaterThan(0.999 * l);
    expect(Math.abs(s1 / P.length)).toBeLessThan(1e-4);
    expect((s2 / P.length) * D).toBeCloseTo(1, 2);
  });

  it('a projected task is x P of the normalised inputs, with the matrix of the task seed (seed 9)', () => {
    const set = selectExamples(mnist, [0, 1, 2]);
    const plain = examples(unwrap(buildTask(set)));
    const projected = examples(unwrap(buildTask(set, { project: true, seed: 9 })));
    const P = projectionMatrix(784, 9);
    for (const n of [0, 2]) {
      for (const j of [0, 100, 783]) {
        let want = 0;
        for (let i = 0; i < 784; i++) want += plain.inputs[n * 784 + i] * P[i * 784 + j];
        expect(projected.inputs[n * 784 + j]).toBeCloseTo(want, 4);
      }
    }
    expect(examples(unwrap(buildTask(set, { project: true, seed: 9 }))).inputs).toEqual(projected.inputs);
  });
});

describe('pixelPermutation', () => {
  it('is a permutation of 0..D-1, fixed per seed, another for another seed', () => {
    const p = pixelPermutation(784, 4);
    expect(Array.from(p).sort((a, b) => a - b)).toEqual(Array.from({ length: 784 }, (_, i) => i));
    expect(pixelPermutation(784, 4)).toEqual(p);
    expect(pixelPermutation(784, 5)).not.toEqual(p);
    let fixed = 0;
    p.forEach((v, i) => (fixed += v === i ? 1 : 0));
    expect(fixed).toBeLessThan(10);
  });

  it("a shuffled task holds the normalised inputs at x'[j] = x[perm[j]]", () => {
    const set = selectExamples(mnist, [0, 1]);
    const plain = examples(unwrap(buildTask(set)));
    const shuffled = examples(unwrap(buildTask(set, { shufflePixels: true, seed: 4 })));
    const perm = pixelPermutation(784, 4);
    for (let n = 0; n < 2; n++)
      for (let j = 0; j < 784; j++) expect(shuffled.inputs[n * 784 + j]).toBe(plain.inputs[n * 784 + perm[j]]);
  });
});

describe('selectClasses', () => {
  it('[5, 8, 1, 4, 2] on MNIST test keeps 4,915 examples, relabelled to their index in the list', () => {
    const sub = unwrap(selectClasses(mnist, [5, 8, 1, 4, 2]));
    expect(sub.numClasses).toBe(5);
    expect(sub.classNames).toEqual(['5', '8', '1', '4', '2']);
    expect(sub.count).toBe(892 + 974 + 1135 + 982 + 1032);
    expect(classCounts(sub.labels, 5)).toEqual([892, 974, 1135, 982, 1032]);
    // Example 0 of the test set is a 7 (dropped); 1 is a 2 (-> 4); 2 is a 1 (-> 2).
    expect(Array.from(sub.labels.subarray(0, 2))).toEqual([4, 2]);
    expect(sub.pixels.subarray(0, 784)).toEqual(mnist.pixels.subarray(784, 2 * 784));
  });

  it('a task with classes has K = the list length', () => {
    const t = examples(unwrap(buildTask(mnist200, { classes: [3, 7] })));
    expect(t.numClasses).toBe(2);
    expect(new Set(t.labels)).toEqual(new Set([0, 1]));
    expect(t.name).toBe('mnist-idx/test [classes 3,7]');
  });
});

describe('resize (tf.image.resize bilinear, half-pixel centres)', () => {
  const one = (values: number[], side: number, to: number): number[] => {
    const plan = resizePlan({ height: side, width: side, channels: 1 }, to);
    const out = new Float32Array(to * to);
    resize(plan, Float32Array.from(values), 0, out, 0);
    return Array.from(out);
  };

  it('4x4 -> 2x2 averages 2x2 blocks; 2x2 -> 4x4 interpolates at -0.25, 0.25, 0.75, 1.25 with edges clamped', () => {
    expect(one([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15], 4, 2)).toEqual([2.5, 4.5, 10.5, 12.5]);
    const up = one([0, 4, 8, 12], 2, 4);
    expect(up.slice(0, 4)).toEqual([0, 1, 3, 4]);
    expect(up.slice(4, 8)).toEqual([2, 3, 5, 6]);
    expect(up.slice(12, 16)).toEqual([8, 9, 11, 12]);
  });

  // Bilinear without antialiasing samples unevenly when the scale is not a whole number, so single images
  // move more (worst of 200: 28->21 9.2%, 28->32 3.5%); the mean over the images stays within 2%.
  const WORST = { 14: 0.02, 21: 0.1, 32: 0.04, 48: 0.02 } as const;
  for (const side of [14, 21, 32, 48] as const) {
    it(`28 -> ${side} keeps the mean intensity of 200 MNIST test images within 2% (each within ${WORST[side] * 100}%)`, () => {
      const t = examples(unwrap(buildTask(mnist200, { resize: side, normalisation: null })));
      expect(t.inputSize).toBe(side * side);
      expect(t.shape).toEqual({ height: side, width: side, channels: 1 });
      let worst = 0;
      let sumBefore = 0;
      let sumAfter = 0;
      for (let n = 0; n < 200; n++) {
        let before = 0;
        for (let i = 0; i < 784; i++) before += mnist200.pixels[n * 784 + i] / 255;
        let after = 0;
        for (let i = 0; i < side * side; i++) after += t.inputs[n * side * side + i];
        before /= 784;
        after /= side * side;
        sumBefore += before;
        sumAfter += after;
        worst = Math.max(worst, Math.abs(after / before - 1));
      }
      expect(Math.abs(sumAfter / sumBefore - 1)).toBeLessThan(0.02);
      expect(worst).toBeLessThan(WORST[side]);
    });
  }

  it('resize comes before normalisation: input = (resize(x / 255) - mean) / std', () => {
    const raw = examples(unwrap(buildTask(mnist200, { resize: 14, normalisation: null })));
    const t = examples(unwrap(buildTask(mnist200, { resize: 14 })));
    for (const i of [0, 77, 195])
      expect(t.inputs[i]).toBeCloseTo((raw.inputs[i] - MNIST_STATS.mean) / MNIST_STATS.std, 5);
  });
});

describe('CIFAR-10 flatten and grayscale', () => {
  it('flattened: 3,072 inputs channels last; grayscale: 1,024 = 0.2989 R + 0.5870 G + 0.1140 B, then normalised', async () => {
    const cifar = unwrap(
      await loadCifarFiles(DATASETS.cifar10, { records: sharedFile('cifar-10/cifar-10-test_batch-first1000.bin.gz') }),
    );
    const few = selectExamples(cifar, [0, 1, 2]);
    const flat = examples(unwrap(buildTask(few)));
    expect(flat.inputSize).toBe(3072);
    const { mean, std } = DATASETS.cifar10.normalisation!;
    expect(flat.inputs[4]).toBeCloseTo((few.pixels[4] / 255 - mean) / std, 5);
    const gray = examples(unwrap(buildTask(few, { grayscale: true })));
    expect(gray.inputSize).toBe(1024);
    expect(gray.shape).toEqual({ height: 32, width: 32, channels: 1 });
    for (const p of [0, 500, 1023 + 1024]) {
      const [r, g, b] = [few.pixels[3 * p], few.pixels[3 * p + 1], few.pixels[3 * p + 2]];
      const y = (GRAY_WEIGHTS[0] * r + GRAY_WEIGHTS[1] * g + GRAY_WEIGHTS[2] * b) / 255;
      expect(gray.inputs[p]).toBeCloseTo((y - mean) / std, 5);
    }
    expect(examples(unwrap(buildTask(few, { grayscale: true, resize: 28 }))).inputSize).toBe(784);
  });
});

describe('transposeImages (EMNIST upright)', () => {
  it('upright[r][c] = stored[c][r]; twice is the identity; load with upright: true applies it', async () => {
    const files = {
      images: sharedFile('emnist/emnist-balanced-test-18496to18799-images-idx3-ubyte.gz'),
      labels: sharedFile('emnist/emnist-balanced-test-18496to18799-labels-idx1-ubyte.gz'),
    };
    const stored = unwrap(await loadIdxFiles(DATASETS['emnist-balanced'], files));
    const upright = unwrap(await loadIdxFiles(DATASETS['emnist-balanced'], files, { upright: true }));
    for (const [r, c] of [
      [0, 5],
      [13, 20],
      [27, 1],
    ])
      expect(upright.pixels[784 + r * 28 + c]).toBe(stored.pixels[784 + c * 28 + r]);
    expect(sameValues(transposeImages(upright).pixels, stored.pixels)).toBe(true);
    expect(sameValues(upright.labels, stored.labels)).toBe(true);
  });
});
