// An independent implementation of the shallow online SGD baseline, written from the equations
// alone (nothing from src/): its own IDX reader, normalisation, random numbers, shuffles and init.
// Float64 and plain arrays throughout; W in haiku's orientation, W[i][k] for input i -> class k.
//
//   z_k = b_k + sum_i x_i W[i][k]           logits
//   y_k = 100 tanh(z_k / 100)               bounded outputs
//   p = softmax(y), loss = -log p_label     cross-entropy
//   correct = argmax_k y_k == label         (first maximum), recorded BEFORE the update
//   d_k = (p_k - [k = label]) (1 - (y_k / 100)^2)
//   W[i][k] -= lr x_i d_k,   b_k -= lr d_k   (lr = 0.01)
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

export interface Digits {
  readonly count: number;
  readonly size: number;
  /** [count][size], normalised: (byte/255 - mean)/std. */
  readonly images: Float64Array[];
  readonly labels: number[];
}

const u32 = (b: Uint8Array, at: number): number =>
  ((b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]) >>> 0;

/** An IDX image/label pair (gzipped), normalised with scalar statistics. */
export function readIdxPair(imagesPath: string, labelsPath: string, mean: number, std: number): Digits {
  const img = new Uint8Array(gunzipSync(readFileSync(imagesPath)));
  const lab = new Uint8Array(gunzipSync(readFileSync(labelsPath)));
  if (u32(img, 0) !== 0x803 || u32(lab, 0) !== 0x801) throw new Error('onlineSgd: bad IDX magic');
  const count = u32(img, 4);
  const size = u32(img, 8) * u32(img, 12);
  if (u32(lab, 4) !== count) throw new Error('onlineSgd: image and label counts differ');
  const images: Float64Array[] = [];
  for (let n = 0; n < count; n++) {
    const x = new Float64Array(size);
    for (let i = 0; i < size; i++) x[i] = (img[16 + n * size + i] / 255 - mean) / std;
    images.push(x);
  }
  return { count, size, images, labels: Array.from(lab.subarray(8, 8 + count)) };
}

/** mulberry32: a small seeded generator of uniforms in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal conditioned on |z| <= 2 (rejection from Box-Muller), times std. */
export function truncatedNormal(uniform: () => number, std: number): number {
  for (;;) {
    const z = Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
    if (Math.abs(z) <= 2) return z * std;
  }
}

/** A uniformly random permutation of 0..n-1 (Fisher-Yates). */
export function permutation(n: number, uniform: () => number): number[] {
  const p = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(uniform() * (i + 1));
    [p[i], p[j]] = [p[j], p[i]];
  }
  return p;
}

export interface LinearWeights {
  /** [inputs][classes]. */
  readonly W: number[][];
  readonly b: number[];
}

/** haiku's default Linear init: W ~ truncnormal(std 1/sqrt(fan_in)) at 2 std, b = 0. */
export function initLinear(inputs: number, classes: number, uniform: () => number): LinearWeights {
  const std = 1 / Math.sqrt(inputs);
  return {
    W: Array.from({ length: inputs }, () => Array.from({ length: classes }, () => truncatedNormal(uniform, std))),
    b: new Array<number>(classes).fill(0),
  };
}

export interface SgdRun {
  readonly loss: number[];
  readonly correct: boolean[];
}

/** One run of online SGD over `xs`/`ys` in order, from the given weights (copied). */
export function onlineSgd(
  start: LinearWeights,
  xs: readonly Float64Array[],
  ys: readonly number[],
  lr = 0.01,
  bound = 100,
): SgdRun {
  const K = start.b.length;
  const W = Float64Array.from(start.W.flat()); // W[i * K + k]
  const b = Float64Array.from(start.b);
  const z = new Float64Array(K);
  const y = new Float64Array(K);
  const d = new Float64Array(K);
  const loss: number[] = [];
  const correct: boolean[] = [];
  xs.forEach((x, t) => {
    const label = ys[t];
    z.set(b);
    for (let i = 0; i < x.length; i++) for (let k = 0; k < K; k++) z[k] += x[i] * W[i * K + k];
    let arg = 0;
    for (let k = 0; k < K; k++) {
      y[k] = bound * Math.tanh(z[k] / bound);
      if (y[k] > y[arg]) arg = k;
    }
    let sum = 0;
    for (let k = 0; k < K; k++) sum += Math.exp(y[k] - y[arg]);
    loss.push(Math.log(sum) - (y[label] - y[arg]));
    correct.push(arg === label);
    for (let k = 0; k < K; k++)
      d[k] = (Math.exp(y[k] - y[arg]) / sum - (k === label ? 1 : 0)) * (1 - (y[k] / bound) ** 2);
    for (let i = 0; i < x.length; i++) for (let k = 0; k < K; k++) W[i * K + k] -= lr * x[i] * d[k];
    for (let k = 0; k < K; k++) b[k] -= lr * d[k];
  });
  return { loss, correct };
}

/** R runs of T steps on `data`: run r shuffles the set and draws its init from mulberry32(seed + 1000 r). */
export function onlineSgdRuns(data: Digits, runs: number, steps: number, seed: number, classes = 10): SgdRun[] {
  return Array.from({ length: runs }, (_, r) => {
    const uniform = mulberry32(seed + 1000 * r);
    const start = initLinear(data.size, classes, uniform);
    const order: number[] = [];
    while (order.length < steps) order.push(...permutation(data.count, uniform));
    const idx = order.slice(0, steps);
    return onlineSgd(
      start,
      idx.map((i) => data.images[i]),
      idx.map((i) => data.labels[i]),
    );
  });
}
