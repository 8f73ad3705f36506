// The coordinator's assembly of one distributed step (src/meta/queue/stepAssembly.ts): results in any
// order fill the same vectors; duplicates, stale answers and other digests are turned away.
import { describe, expect, it } from 'vitest';
import { pairRanges } from '../../../src/meta/queue/esJob';
import type { EsResult } from '../../../src/meta/queue/esResult';
import { StepAssembly } from '../../../src/meta/queue/stepAssembly';
import type { PairRange } from '../../../src/meta/rollouts';
import { Rng } from '../../../src/model/rng';

const RUN = '0f'.repeat(32);
const THETA = 'e1'.repeat(32);
const OTHER = '77'.repeat(32);
const ENGINE = 'cpu: fast CPU engine (WebAssembly SIMD)';
const P = 10;

/** Seeded fitness of the whole step. */
function fitness(seed: number): { plus: Float64Array; minus: Float64Array } {
  const rng = new Rng(seed, 1);
  return {
    plus: Float64Array.from({ length: P }, () => rng.uniform()),
    minus: Float64Array.from({ length: P }, () => rng.uniform()),
  };
}

const all = fitness(11);

const answer = (r: PairRange, worker = 'w1', seconds = 0.5, over: Partial<EsResult> = {}): EsResult => ({
  run: RUN,
  step: 4,
  theta: THETA,
  ...r,
  plus: all.plus.slice(r.from, r.to),
  minus: all.minus.slice(r.from, r.to),
  digest: RUN,
  worker: { id: worker, engine: ENGINE },
  seconds,
  ...over,
});

const assembly = (size = 3) => new StepAssembly({ run: RUN, step: 4, theta: THETA }, pairRanges(P, size), ENGINE);

describe('StepAssembly', () => {
  it('results offered out of order assemble to the same plus and minus, bit for bit', () => {
    for (const order of [
      [0, 1, 2, 3],
      [3, 1, 0, 2],
      [2, 3, 1, 0],
    ]) {
      const a = assembly();
      const ranges = pairRanges(P, 3);
      for (const i of order) expect(a.offer(answer(ranges[i]))).toEqual({ kind: 'accepted' });
      expect(a.complete).toBe(true);
      expect(Array.from(a.plus)).toEqual(Array.from(all.plus));
      expect(Array.from(a.minus)).toEqual(Array.from(all.minus));
      expect(new Uint8Array(a.plus.buffer)).toEqual(new Uint8Array(all.plus.buffer));
    }
  });

  it('complete, done and pending as ranges come in; pairs is P', () => {
    const a = assembly();
    expect([a.pairs, a.done, a.complete]).toEqual([10, 0, false]);
    expect(a.pending()).toEqual([
      { from: 0, to: 3 },
      { from: 3, to: 6 },
      { from: 6, to: 9 },
      { from: 9, to: 10 },
    ]);
    a.offer(answer({ from: 3, to: 6 }));
    expect([a.done, a.complete]).toEqual([3, false]);
    expect(a.pending()).toEqual([
      { from: 0, to: 3 },
      { from: 6, to: 9 },
      { from: 9, to: 10 },
    ]);
    a.offer(answer({ from: 9, to: 10 }));
    a.offer(answer({ from: 0, to: 3 }));
    expect([a.done, a.complete]).toEqual([7, false]);
    expect(a.pending()).toEqual([{ from: 6, to: 9 }]);
    a.offer(answer({ from: 6, to: 9 }));
    expect([a.done, a.complete, a.pending()]).toEqual([10, true, []]);
  });

  it('a second answer for a filled range is a duplicate and changes nothing', () => {
    const a = assembly();
    expect(a.offer(answer({ from: 0, to: 3 }, 'w1', 1))).toEqual({ kind: 'accepted' });
    const late = answer({ from: 0, to: 3 }, 'w2', 2, { plus: Float64Array.of(9, 9, 9) });
    expect(a.offer(late)).toEqual({ kind: 'duplicate' });
    expect(Array.from(a.plus.subarray(0, 3))).toEqual(Array.from(all.plus.subarray(0, 3)));
    expect(a.done).toBe(3);
    expect([...a.workers.keys()]).toEqual(['w1']);
  });

  it('another step, theta or run is stale; so is an unplanned split of the right step', () => {
    const a = assembly();
    expect(a.offer(answer({ from: 0, to: 3 }, 'w1', 1, { step: 3 }))).toEqual({ kind: 'stale' });
    expect(a.offer(answer({ from: 0, to: 3 }, 'w1', 1, { theta: OTHER }))).toEqual({ kind: 'stale' });
    expect(a.offer(answer({ from: 0, to: 3 }, 'w1', 1, { run: OTHER, digest: OTHER }))).toEqual({ kind: 'stale' });
    expect(a.offer(answer({ from: 0, to: 2 }))).toEqual({ kind: 'stale' });
    expect(a.offer(answer({ from: 0, to: 4 }))).toEqual({ kind: 'stale' });
    expect(a.offer(answer({ from: 9, to: 11 }))).toEqual({ kind: 'stale' });
    expect([a.done, a.workers.size, a.pending().length]).toEqual([0, 0, 4]);
    expect(Array.from(a.plus)).toEqual(new Array(P).fill(0));
  });

  it('a result under another digest is refused, naming the worker and, when the engine differs, both engines', () => {
    const a = assembly();
    const gpu = 'webgpu: NVIDIA H200 (Vulkan)';
    const other = a.offer(
      answer({ from: 0, to: 3 }, 'box:99', 1, { digest: OTHER, worker: { id: 'box:99', engine: gpu } }),
    );
    expect(other).toEqual({
      kind: 'refused',
      why: `worker box:99 computed under digest 777777777777, the run is 0f0f0f0f0f0f: its engine is ${gpu}, the run's ${ENGINE}`,
    });
    const same = a.offer(answer({ from: 0, to: 3 }, 'box:98', 1, { digest: OTHER }));
    expect(same).toEqual({
      kind: 'refused',
      why: 'worker box:98 computed under digest 777777777777, the run is 0f0f0f0f0f0f (another code version, config or data)',
    });
    expect([a.done, a.workers.size]).toEqual([0, 0]);
    expect(a.offer(answer({ from: 0, to: 3 }))).toEqual({ kind: 'accepted' });
  });

  it('workers tallies pairs, jobs and seconds per worker, with its engine', () => {
    const a = assembly();
    a.offer(answer({ from: 0, to: 3 }, 'w1', 0.5));
    a.offer(answer({ from: 3, to: 6 }, 'w2', 1.25));
    a.offer(answer({ from: 9, to: 10 }, 'w1', 0.25));
    a.offer(answer({ from: 9, to: 10 }, 'w2', 7));
    expect(Object.fromEntries(a.workers)).toEqual({
      w1: { engine: ENGINE, pairs: 4, jobs: 2, seconds: 0.75 },
      w2: { engine: ENGINE, pairs: 3, jobs: 1, seconds: 1.25 },
    });
  });

  it('one range of all P pairs', () => {
    const a = assembly(P);
    expect(a.pending()).toEqual([{ from: 0, to: 10 }]);
    expect(a.offer(answer({ from: 0, to: 10 }))).toEqual({ kind: 'accepted' });
    expect(Array.from(a.minus)).toEqual(Array.from(all.minus));
  });
});
