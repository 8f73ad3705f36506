// Online streams: a seeded shuffle of a task's examples, a new order each epoch, one stream per run,
// in the engine's block layout.
import { beforeAll, describe, expect, it } from 'vitest';
import { checkBlock } from '../../src/model/engine';
import { Rng } from '../../src/model/rng';
import { runOrderSeed } from '../../src/data/seeds';
import { createRunStreams, OnlineStream } from '../../src/data/stream';
import { shuffleInPlace } from '../../src/data/transforms/pixelShuffle';
import { buildTask } from '../../src/data/task';
import { loadIdxFiles } from '../../src/data/load';
import { DATASETS } from '../../src/data/registry';
import { selectExamples } from '../../src/data/transforms/select';
import { encodeIdxImages, encodeIdxLabels } from '../../src/model/formats/idx';
import type { ExampleTask } from '../../src/data/types';
import { sameValues, sharedFile, unwrap } from './helpers';

/** N examples of 28x28 whose first pixel is the example's index (so a stream can be decoded). */
async function indexedTask(N: number): Promise<ExampleTask> {
  const pixels = new Uint8Array(N * 784);
  for (let i = 0; i < N; i++) pixels[i * 784] = i;
  const set = unwrap(
    await loadIdxFiles(DATASETS['mnist-idx'], {
      images: { name: 'i', bytes: encodeIdxImages(N, 28, 28, pixels) },
      labels: { name: 'l', bytes: encodeIdxLabels(Array.from({ length: N }, (_, i) => i % 10)) },
    }),
  );
  const task = unwrap(buildTask(set, { normalisation: null }));
  if (task.kind !== 'examples') throw new Error('examples expected');
  return task;
}

/** Indices of the examples in stream q of a block (first input * 255). */
const decode = (inputs: Float32Array, q: number, T: number): number[] =>
  Array.from({ length: T }, (_, t) => Math.round(inputs[(q * T + t) * 784] * 255));

let task: ExampleTask;
beforeAll(async () => {
  task = await indexedTask(50);
});

describe('OnlineStream', () => {
  it('each epoch of 50 is a permutation of 0..49, a new one each epoch (seed 7, run 0, 150 steps)', () => {
    const s = new OnlineStream(task, 7, 0);
    const inputs = new Float32Array(150 * 784);
    const labels = new Int32Array(150);
    s.next(150, inputs, 0, labels, 0);
    const seen = decode(inputs, 0, 150);
    const epochs = [seen.slice(0, 50), seen.slice(50, 100), seen.slice(100)];
    for (const e of epochs) expect([...e].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(epochs[1]).not.toEqual(epochs[0]);
    expect(epochs[2]).not.toEqual(epochs[1]);
    seen.forEach((i, t) => expect(labels[t]).toBe(i % 10));
    expect(s.position).toBe(150);
  });

  it('epoch e of run r is Fisher-Yates of the identity from new Rng(runOrderSeed(seed, r), e)', () => {
    const s = new OnlineStream(task, 7, 3);
    const want = Uint32Array.from({ length: 50 }, (_, i) => i);
    shuffleInPlace(want, new Rng(runOrderSeed(7, 3), 1));
    expect(s.epochOrder(1)).toEqual(want);
    const inputs = new Float32Array(100 * 784);
    s.next(100, inputs, 0, new Int32Array(100), 0);
    expect(decode(inputs, 0, 100).slice(50)).toEqual(Array.from(want));
  });

  it('two calls of 30 and 70 give the same examples as one of 100', () => {
    const a = new OnlineStream(task, 1, 0);
    const b = new OnlineStream(task, 1, 0);
    const x = new Float32Array(100 * 784);
    const y = new Float32Array(100 * 784);
    const lx = new Int32Array(100);
    const ly = new Int32Array(100);
    a.next(100, x, 0, lx, 0);
    b.next(30, y, 0, ly, 0);
    b.next(70, y, 30 * 784, ly, 30);
    expect(sameValues(x, y) && sameValues(lx, ly)).toBe(true);
  });
});

describe('RunStreams', () => {
  it('nextBlock: inputs [Q][T][A] and labels [Q][T], stream q = run q; the engine accepts it for S = Q', () => {
    const streams = unwrap(createRunStreams(task, { seed: 5, runs: 3 }));
    const T = 20;
    const block = streams.nextBlock(T);
    expect(block.inputs.length).toBe(3 * T * 784);
    expect(block.labels.length).toBe(3 * T);
    for (let q = 0; q < 3; q++) {
      const one = new OnlineStream(task, 5, q);
      const x = new Float32Array(T * 784);
      const y = new Int32Array(T);
      one.next(T, x, 0, y, 0);
      expect(decode(block.inputs, q, T)).toEqual(decode(x, 0, T));
      expect(Array.from(block.labels.subarray(q * T, (q + 1) * T))).toEqual(Array.from(y));
    }
    expect(decode(block.inputs, 1, T)).not.toEqual(decode(block.inputs, 0, T));
    const map = checkBlock({ inputSize: 784, numClasses: 10, runs: 3 }, block);
    expect(map.ok && Array.from(map.value)).toEqual([0, 1, 2]);
  });

  it('the same seed gives the same blocks; fillBlock into reused arrays matches nextBlock', () => {
    const a = unwrap(createRunStreams(task, { seed: 9, runs: 2 }));
    const b = unwrap(createRunStreams(task, { seed: 9, runs: 2 }));
    const block = { inputs: new Float32Array(2 * 40 * 784), labels: new Int32Array(2 * 40), steps: 40 };
    for (let k = 0; k < 3; k++) {
      const want = a.nextBlock(40);
      b.fillBlock(block);
      expect(sameValues(want.inputs, block.inputs) && sameValues(want.labels, block.labels)).toBe(true);
    }
    const other = unwrap(createRunStreams(task, { seed: 10, runs: 2 })).nextBlock(40);
    expect(decode(other.inputs, 0, 40)).not.toEqual(decode(a.nextBlock(40).inputs, 0, 40));
  });

  it('firstRun: streams for runs 2..3 equal those of a set for runs 0..3', () => {
    const all = unwrap(createRunStreams(task, { seed: 2, runs: 4 })).nextBlock(10);
    const tail = unwrap(createRunStreams(task, { seed: 2, runs: 2, firstRun: 2 })).nextBlock(10);
    expect(decode(tail.inputs, 0, 10)).toEqual(decode(all.inputs, 2, 10));
    expect(decode(tail.inputs, 1, 10)).toEqual(decode(all.inputs, 3, 10));
  });

  it('MNIST test, 32 runs x 500 steps, normalised inputs as in the task', async () => {
    const mnist = unwrap(
      await loadIdxFiles(DATASETS['mnist-idx'], {
        images: sharedFile('mnist/t10k-images-idx3-ubyte.gz'),
        labels: sharedFile('mnist/t10k-labels-idx1-ubyte.gz'),
      }),
    );
    const t = unwrap(
      buildTask(
        selectExamples(
          mnist,
          Array.from({ length: 1000 }, (_, i) => i),
        ),
      ),
    );
    const streams = unwrap(createRunStreams(t, { seed: 22, runs: 32 }));
    const block = streams.nextBlock(500);
    expect(block.inputs.length).toBe(32 * 500 * 784);
    let min = Infinity;
    let max = -Infinity;
    for (let k = 0; k < block.inputs.length; k += 97) {
      min = Math.min(min, block.inputs[k]);
      max = Math.max(max, block.inputs[k]);
    }
    expect(min).toBeCloseTo(-0.13066 / 0.30811, 4);
    expect(max).toBeCloseTo((1 - 0.13066) / 0.30811, 4);
  });
});
