// The fast-association stream (Fig. 9): episodes of one image of every class, each shown twice (2K
// steps), apart (a repeat never directly after its first showing) or adjacent (back to back); a new
// image of each class every episode; marks for first/second showing and the episode start; one seeded
// stream per run.
import { describe, expect, it } from 'vitest';
import {
  AssociationStream,
  associationRunSeed,
  CLASS_PASS_STREAM,
  createAssociationStreams,
  type AssociationOrder,
} from '../../src/data/associationStream';
import { shuffleInPlace } from '../../src/data/transforms/pixelShuffle';
import { buildTask } from '../../src/data/task';
import { sumSignSource } from '../../src/data/synthetic/sumSign';
import type { ExampleTask } from '../../src/data/types';
import { hash3, Rng } from '../../src/model/rng';
import { MARK_EPISODE_START, MARK_FIRST, MARK_SECOND } from '../../src/model/showings';
import { unwrap } from './helpers';

/** 11 examples of 2 inputs (index, -index): class 0 has 0..4, class 1 has 5..8, class 2 has 9 and 10. */
function indexedTask(labels: number[] = [0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2], K = 3): ExampleTask {
  const N = labels.length;
  const inputs = new Float32Array(N * 2);
  for (let i = 0; i < N; i++) inputs.set([i, -i], i * 2);
  return {
    kind: 'examples',
    name: 'indexed',
    shape: { height: 1, width: 2, channels: 1 },
    inputSize: 2,
    numClasses: K,
    classNames: ['a', 'b', 'c'].slice(0, K),
    count: N,
    inputs,
    labels: Int32Array.from(labels),
  };
}

/** The example indices and marks of `steps` presentations of one stream. */
function draw(s: AssociationStream, steps: number): { order: number[]; marks: number[] } {
  const inputs = new Float32Array(steps * 2);
  const labels = new Int32Array(steps);
  const marks = new Uint8Array(steps);
  s.next(steps, inputs, 0, labels, 0, marks, 0);
  const order = Array.from({ length: steps }, (_, t) => {
    expect(labels[t]).toBe(s.task.labels[inputs[t * 2]]);
    expect(inputs[t * 2 + 1]).toBe(-inputs[t * 2]);
    return inputs[t * 2];
  });
  return { order, marks: Array.from(marks) };
}

const task = indexedTask();
const CLASS_OF = Array.from(task.labels);
const F = MARK_FIRST;
const S2 = MARK_SECOND;
const E = MARK_EPISODE_START;

/** The marks an episode's order should carry: first/second by occurrence, the episode start on step 0. */
function marksOf(episode: number[]): number[] {
  const seen = new Set<number>();
  return episode.map((i, t) => {
    const m = (seen.has(i) ? S2 : F) | (t === 0 ? E : 0);
    seen.add(i);
    return m;
  });
}

describe('AssociationStream (3 classes of 5, 4 and 2 examples)', () => {
  for (const kind of ['apart', 'adjacent'] as const) {
    it(`${kind}: each episode of 6 shows one image of every class twice, and marks first, second and the episode start (seed 7, run 0, 30 episodes)`, () => {
      const s = new AssociationStream(task, 7, 0, kind);
      expect(s.episodeLength).toBe(6);
      const { order, marks } = draw(s, 180);
      for (let e = 0; e < 30; e++) {
        const ep = order.slice(e * 6, (e + 1) * 6);
        const times = new Map<number, number>();
        for (const i of ep) times.set(i, (times.get(i) ?? 0) + 1);
        expect([...times.values()]).toEqual([2, 2, 2]);
        expect([...times.keys()].map((i) => CLASS_OF[i]).sort()).toEqual([0, 1, 2]);
        expect(marks.slice(e * 6, (e + 1) * 6)).toEqual(marksOf(ep));
        for (let t = 1; t < 6; t++) {
          if (kind === 'apart') expect(ep[t]).not.toBe(ep[t - 1]);
          else if (t % 2 === 1) expect(ep[t]).toBe(ep[t - 1]);
        }
      }
      expect(s.position).toBe(180);
    });
  }

  it('apart, seed 7 run 0: the first two episodes, exactly', () => {
    const { order, marks } = draw(new AssociationStream(task, 7, 0), 12);
    expect(order).toEqual([10, 6, 3, 6, 10, 3, 8, 2, 9, 2, 8, 9]);
    expect(marks).toEqual([F | E, F, F, S2, S2, S2, F | E, F, F, S2, S2, S2]);
  });

  it('adjacent, seed 7 run 0: the first two episodes, exactly', () => {
    const { order, marks } = draw(new AssociationStream(task, 7, 0, 'adjacent'), 12);
    expect(order).toEqual([6, 6, 10, 10, 3, 3, 2, 2, 9, 9, 8, 8]);
    expect(marks).toEqual([F | E, S2, F, S2, F, S2, F | E, S2, F, S2, F, S2]);
  });

  const recipe = (order: AssociationOrder) => {
    const runSeed = associationRunSeed(7, 2);
    const pass = (c: number, members: number[], p: number) => {
      const o = Uint32Array.from(members);
      shuffleInPlace(o, new Rng(hash3(runSeed, CLASS_PASS_STREAM, c), p));
      return Array.from(o);
    };
    // Class 0 (5 examples): pass 0 for 5 episodes, then pass 1; class 1 (4): passes of 4; class 2 (2): passes of 2.
    const images = (e: number) => [
      pass(0, [0, 1, 2, 3, 4], Math.floor(e / 5))[e % 5],
      pass(1, [5, 6, 7, 8], Math.floor(e / 4))[e % 4],
      pass(2, [9, 10], Math.floor(e / 2))[e % 2],
    ];
    const want: number[] = [];
    for (let e = 0; e < 7; e++) {
      const img = images(e);
      const rng = new Rng(runSeed, e);
      if (order === 'adjacent') {
        const classes = Uint32Array.from([0, 1, 2]);
        shuffleInPlace(classes, rng);
        for (const c of classes) want.push(img[c], img[c]);
      } else {
        const o = Uint32Array.from(img.flatMap((i) => [i, i]));
        do shuffleInPlace(o, rng);
        while (o.some((v, t) => t > 0 && v === o[t - 1]));
        want.push(...o);
      }
    }
    return want;
  };

  it('apart: episode e is Fisher-Yates of the showings from new Rng(runSeed, e), redrawn until no repeat is adjacent; images from per-class passes (seed 7, run 2)', () => {
    expect(associationRunSeed(7, 2)).toBe(hash3(7, 0x6173736f, 2));
    expect(draw(new AssociationStream(task, 7, 2), 42).order).toEqual(recipe('apart'));
  });

  it('adjacent: episode e is Fisher-Yates of the class order from new Rng(runSeed, e), each image twice (seed 7, run 2)', () => {
    expect(draw(new AssociationStream(task, 7, 2, 'adjacent'), 42).order).toEqual(recipe('adjacent'));
  });

  it('is the same from the same seed, in blocks of any size, and differs between runs and seeds', () => {
    const once = draw(new AssociationStream(task, 11, 0), 60);
    const split = new AssociationStream(task, 11, 0);
    const parts = [draw(split, 5), draw(split, 31), draw(split, 24)];
    expect(parts.flatMap((p) => p.order)).toEqual(once.order);
    expect(parts.flatMap((p) => p.marks)).toEqual(once.marks);
    expect(draw(new AssociationStream(task, 11, 1), 60).order).not.toEqual(once.order);
    expect(draw(new AssociationStream(task, 12, 0), 60).order).not.toEqual(once.order);
  });
});

describe('createAssociationStreams', () => {
  it("fills engine blocks [Q][T] and lastMarks [Q][T]: stream q of the block is run q's stream (seed 5, 3 runs, 2 blocks of 7)", () => {
    const streams = unwrap(createAssociationStreams(task, { seed: 5, runs: 3, order: 'adjacent', fresh: true }));
    expect([streams.inputSize, streams.numClasses]).toEqual([2, 3]);
    expect(streams.episodes).toEqual({ length: 6, fresh: true });
    const got: number[][] = [[], [], []];
    const marks: number[][] = [[], [], []];
    for (let b = 0; b < 2; b++) {
      const block = { inputs: new Float32Array(3 * 7 * 2), labels: new Int32Array(3 * 7), steps: 7 };
      streams.fillBlock(block);
      expect(streams.lastMarks.length).toBe(21);
      for (let q = 0; q < 3; q++) {
        for (let t = 0; t < 7; t++) {
          got[q].push(block.inputs[(q * 7 + t) * 2]);
          marks[q].push(streams.lastMarks[q * 7 + t]);
          expect(block.labels[q * 7 + t]).toBe(CLASS_OF[block.inputs[(q * 7 + t) * 2]]);
        }
      }
    }
    for (let q = 0; q < 3; q++)
      expect({ order: got[q], marks: marks[q] }).toEqual(draw(new AssociationStream(task, 5, q, 'adjacent'), 14));
  });

  it('defaults to apart and one continuing stream', () => {
    const streams = unwrap(createAssociationStreams(task, { seed: 5, runs: 1 }));
    expect(streams.episodes).toEqual({ length: 6, fresh: false });
    expect(streams.nextBlock(12).inputs.filter((_, i) => i % 2 === 0)).toEqual(
      Float32Array.from(draw(new AssociationStream(task, 5, 0), 12).order),
    );
  });

  it('refuses a generated task, a class without examples, apart on one class, a bad order, fresh or seed, naming the field', () => {
    const sumSign = unwrap(buildTask(sumSignSource()));
    expect(createAssociationStreams(sumSign, { seed: 1, runs: 1 })).toEqual({
      ok: false,
      error: {
        code: 'transform',
        field: 'stream',
        message: 'association episodes need a dataset of examples; sum-sign is generated',
      },
    });
    const short = createAssociationStreams(indexedTask([0, 0, 2, 2]), { seed: 1, runs: 1 });
    expect(!short.ok && short.error).toEqual({
      code: 'empty',
      field: 'stream',
      message: 'association episodes need an example of every class; indexed has none of class 1 (b)',
    });
    const one = createAssociationStreams(indexedTask([0, 0], 1), { seed: 1, runs: 1 });
    expect(!one.ok && one.error.field).toBe('order');
    expect(!one.ok && one.error.message).toBe(
      'apart needs at least 2 classes (a repeat cannot be kept from following its first showing); indexed has 1',
    );
    expect(createAssociationStreams(indexedTask([0, 0], 1), { seed: 1, runs: 1, order: 'adjacent' }).ok).toBe(true);
    const order = createAssociationStreams(task, { seed: 1, runs: 1, order: 'mixed' as AssociationOrder });
    expect(!order.ok && order.error).toEqual({
      code: 'range',
      field: 'order',
      message: 'must be apart or adjacent, got mixed',
    });
    const fresh = createAssociationStreams(task, { seed: 1, runs: 1, fresh: 1 as unknown as boolean });
    expect(!fresh.ok && fresh.error.field).toBe('fresh');
    const seed = createAssociationStreams(task, { seed: -1, runs: 1 });
    expect(!seed.ok && seed.error.field).toBe('seed');
    const runs = createAssociationStreams(task, { seed: 1, runs: 0 });
    expect(!runs.ok && runs.error.field).toBe('runs');
  });
});
