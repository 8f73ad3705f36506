// The accuracy tally of the studio session: exact cumulative accuracy after every example while it
// fits, and a fixed memory bound after that (every other point dropped, twice as far apart).
import { describe, expect, it } from 'vitest';
import { AccuracyTally, TALLY_POINTS } from '../../src/worker/session/accuracyTally';

/** One run's correctness, one example per block. */
function feed(tally: AccuracyTally, hits: readonly number[]): void {
  for (const h of hits) tally.add(Uint8Array.of(h), 1);
}

describe('AccuracyTally', () => {
  it('keeps every example while it fits: 2 runs, blocks [S][T] of 2 then 1 examples', () => {
    const t = new AccuracyTally(2, 4);
    t.add(Uint8Array.of(1, 0, 0, 0), 2); // run 0: 1, 0; run 1: 0, 0
    t.add(Uint8Array.of(1, 1), 1);
    const v = t.view();
    expect(Array.from(v.mean)).toEqual([0.5, 0.25, 0.5]);
    expect(v.every).toBe(1);
    expect(v.std[0]).toBeCloseTo(Math.SQRT1_2, 15); // sample std of {1, 0}
    expect(t.latest()).toEqual({ examples: 3, mean: 0.5, std: v.std[2] });
  });

  it('capacity 4, 9 examples of one run (hits 1,0,1,1,0,0,1,1,1): keeps examples 2, 4, 6, 8, then 4 and 8 once every 4 is needed', () => {
    const hits = [1, 0, 1, 1, 0, 0, 1, 1, 1];
    const acc = hits.map((_, i) => hits.slice(0, i + 1).reduce((a, b) => a + b, 0) / (i + 1));
    const t = new AccuracyTally(1, 4);
    feed(t, hits.slice(0, 4));
    expect([t.length, t.every]).toEqual([4, 1]);
    feed(t, hits.slice(4, 6)); // the 5th example fills past 4: points 2, 4 kept, every 2; the 6th is kept
    expect([t.length, t.every]).toEqual([3, 2]);
    expect(Array.from(t.view().mean)).toEqual([acc[1], acc[3], acc[5]]);
    feed(t, hits.slice(6));
    expect([t.length, t.every, t.examples]).toEqual([4, 2, 9]);
    expect(Array.from(t.curve().mean)).toEqual([acc[1], acc[3], acc[5], acc[7]]);
    expect(t.latest().mean).toBe(acc[8]);
  });

  it(`holds at most TALLY_POINTS = ${TALLY_POINTS} points over 1,000,000 examples, evenly spaced (every 32), and the same two arrays throughout`, () => {
    const t = new AccuracyTally(1);
    const before = t.view().mean.buffer;
    const block = new Uint8Array(1000);
    for (let i = 0; i < 1000; i++) block[i] = i % 3 === 0 ? 1 : 0;
    for (let b = 0; b < 1000; b++) t.add(block, 1000);
    expect(t.examples).toBe(1_000_000);
    expect(t.every).toBe(32);
    expect(t.length).toBe(Math.floor(1_000_000 / 32));
    expect(t.length).toBeLessThanOrEqual(TALLY_POINTS);
    expect(t.view().mean.buffer).toBe(before); // no reallocation: the memory is fixed at construction
    expect(t.view().mean.buffer.byteLength).toBe(TALLY_POINTS * 8);
    // point i is after (i + 1) * 32 examples: hits are examples 1, 4, 7, ... of each block of 1000
    const hitsUpTo = (n: number) => Math.floor(n / 1000) * 334 + Math.min(334, Math.ceil((n % 1000) / 3));
    for (const i of [0, 99, 31249]) expect(t.view().mean[i]).toBe(hitsUpTo((i + 1) * 32) / ((i + 1) * 32));
  });

  it('refuses an odd or too small capacity', () => {
    expect(() => new AccuracyTally(1, 3)).toThrow('tally: capacity must be an even integer >= 2, got 3');
    expect(() => new AccuracyTally(1, 0)).toThrow('tally: capacity must be an even integer >= 2, got 0');
  });
});
