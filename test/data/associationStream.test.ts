// The fast-association stream (Fig. 9): episodes of 2 examples of every class, each shown twice, never
// twice in a row; fresh examples each episode; one seeded stream per run.
import { describe, expect, it } from 'vitest';
import {
  AssociationStream, associationRunSeed, CLASS_PASS_STREAM, createAssociationStreams,
} from '../../src/data/associationStream';
import { shuffleInPlace } from '../../src/data/transforms/pixelShuffle';
import { buildTask } from '../../src/data/task';
import { sumSignSource } from '../../src/data/synthetic/sumSign';
import type { ExampleTask } from '../../src/data/types';
import { hash3, Rng } from '../../src/model/rng';
import { unwrap } from './helpers';

/** 11 examples of 2 inputs (index, -index): class 0 has 0..4, class 1 has 5..8, class 2 has 9 and 10. */
function indexedTask(labels: number[] = [0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2], K = 3): ExampleTask {
  const N = labels.length;
  const inputs = new Float32Array(N * 2);
  for (let i = 0; i < N; i++) inputs.set([i, -i], i * 2);
  return {
    kind: 'examples', name: 'indexed', shape: { height: 1, width: 2, channels: 1 }, inputSize: 2, numClasses: K,
    classNames: ['a', 'b', 'c'].slice(0, K), count: N, inputs, labels: Int32Array.from(labels),
  };
}

/** The example indices of `steps` presentations of one stream. */
function draw(s: AssociationStream, steps: number): number[] {
  const inputs = new Float32Array(steps * 2);
  const labels = new Int32Array(steps);
  s.next(steps, inputs, 0, labels, 0);
  return Array.from({ length: steps }, (_, t) => {
    expect(labels[t]).toBe(s.task.labels[inputs[t * 2]]);
    expect(inputs[t * 2 + 1]).toBe(-inputs[t * 2]);
    return inputs[t * 2];
  });
}

const task = indexedTask();
const CLASS_OF = Array.from(task.labels);

describe('AssociationStream (3 classes of 5, 4 and 2 examples)', () => {
  it('each episode of 12 shows 2 distinct examples of each class twice each, never one twice in a row (seed 7, run 0, 20 episodes)', () => {
    const s = new AssociationStream(task, 7, 0);
    expect(s.episodeLength).toBe(12);
    const seen = draw(s, 240);
    for (let e = 0; e < 20; e++) {
      const ep = seen.slice(e * 12, (e + 1) * 12);
      const times = new Map<number, number>();
      for (const i of ep) times.set(i, (times.get(i) ?? 0) + 1);
      expect([...times.values()]).toEqual([2, 2, 2, 2, 2, 2]);
      const perClass = [0, 0, 0];
      for (const i of times.keys()) perClass[CLASS_OF[i]]++;
      expect(perClass).toEqual([2, 2, 2]);
      for (let t = 1; t < 12; t++) expect(ep[t]).not.toBe(ep[t - 1]);
    }
    expect(s.position).toBe(240);
  });

  it('episode e is Fisher-Yates of the presentations from new Rng(runSeed, e), redrawn until no repeat is adjacent; pairs come from per-class passes (seed 7, run 2)', () => {
    const runSeed = associationRunSeed(7, 2);
    expect(runSeed).toBe(hash3(7, 0x6173736f, 2));
    const pass = (c: number, members: number[], p: number) => {
      const order = Uint32Array.from(members);
      shuffleInPlace(order, new Rng(hash3(runSeed, CLASS_PASS_STREAM, c), p));
      return Array.from(order);
    };
    // Class 0 (5 examples): pairs 0-1 and 2-3 of pass 0, then pass 1 (the fifth is skipped).
    // Class 1 (4): pairs 0-1 and 2-3 of pass 0, then pass 1. Class 2 (2): the same pair, a new pass each episode.
    const c0 = [pass(0, [0, 1, 2, 3, 4], 0), pass(0, [0, 1, 2, 3, 4], 1)];
    const c1 = [pass(1, [5, 6, 7, 8], 0), pass(1, [5, 6, 7, 8], 1)];
    const pairs = [
      [c0[0].slice(0, 2), c1[0].slice(0, 2), pass(2, [9, 10], 0)],
      [c0[0].slice(2, 4), c1[0].slice(2, 4), pass(2, [9, 10], 1)],
      [c0[1].slice(0, 2), c1[1].slice(0, 2), pass(2, [9, 10], 2)],
    ];
    const want: number[] = [];
    pairs.forEach((classes, e) => {
      const order = Uint32Array.from(classes.flat().flatMap((i) => [i, i]));
      const rng = new Rng(runSeed, e);
      do shuffleInPlace(order, rng);
      while (order.some((v, t) => t > 0 && v === order[t - 1]));
      want.push(...order);
    });
    expect(draw(new AssociationStream(task, 7, 2), 36)).toEqual(want);
  });

  it('is the same from the same seed, in blocks of any size, and differs between runs and seeds', () => {
    const once = draw(new AssociationStream(task, 11, 0), 60);
    const split = new AssociationStream(task, 11, 0);
    expect([...draw(split, 5), ...draw(split, 31), ...draw(split, 24)]).toEqual(once);
    expect(draw(new AssociationStream(task, 11, 1), 60)).not.toEqual(once);
    expect(draw(new AssociationStream(task, 12, 0), 60)).not.toEqual(once);
  });
});

describe('createAssociationStreams', () => {
  it('fills engine blocks [Q][T]: stream q of the block is run q\'s stream (seed 5, 3 runs, 2 blocks of 7)', () => {
    const streams = unwrap(createAssociationStreams(task, { seed: 5, runs: 3 }));
    expect([streams.inputSize, streams.numClasses]).toEqual([2, 3]);
    const got: number[][] = [[], [], []];
    for (let b = 0; b < 2; b++) {
      const block = { inputs: new Float32Array(3 * 7 * 2), labels: new Int32Array(3 * 7), steps: 7 };
      streams.fillBlock(block);
      for (let q = 0; q < 3; q++) {
        for (let t = 0; t < 7; t++) {
          got[q].push(block.inputs[(q * 7 + t) * 2]);
          expect(block.labels[q * 7 + t]).toBe(CLASS_OF[block.inputs[(q * 7 + t) * 2]]);
        }
      }
    }
    for (let q = 0; q < 3; q++) expect(got[q]).toEqual(draw(new AssociationStream(task, 5, q), 14));
  });

  it('refuses a generated task, a class with fewer than 2 examples, and a bad seed, naming the field', () => {
    const sumSign = unwrap(buildTask(sumSignSource()));
    const gen = createAssociationStreams(sumSign, { seed: 1, runs: 1 });
    expect(gen).toEqual({ ok: false, error: { code: 'transform', field: 'stream', message: 'association episodes need a dataset of examples; sum-sign is generated' } });
    const short = createAssociationStreams(indexedTask([0, 0, 1, 2, 2]), { seed: 1, runs: 1 });
    expect(!short.ok && short.error.field).toBe('stream');
    expect(!short.ok && short.error.message).toBe('association episodes need 2 examples of every class; indexed has 1 of class 1 (b)');
    const seed = createAssociationStreams(task, { seed: -1, runs: 1 });
    expect(!seed.ok && seed.error.field).toBe('seed');
    const runs = createAssociationStreams(task, { seed: 1, runs: 0 });
    expect(!runs.ok && runs.error.field).toBe('runs');
  });
});
