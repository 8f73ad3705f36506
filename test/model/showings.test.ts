// ShowingTally: per-run accuracy on first and on second showings, mean and sample std over runs.
import { describe, expect, it } from 'vitest';
import { MARK_EPISODE_START, MARK_FIRST, MARK_SECOND, ShowingTally, showingOf } from '../../src/model/showings';

const F = MARK_FIRST;
const S = MARK_SECOND;
const E = MARK_EPISODE_START;

describe('ShowingTally', () => {
  it('showingOf reads the first/second bit, with or without the episode start', () => {
    expect([showingOf(F | E), showingOf(F), showingOf(S), showingOf(S | E), showingOf(0), showingOf(E)]).toEqual([
      'first',
      'first',
      'second',
      'second',
      null,
      null,
    ]);
  });

  it('2 runs over 2 blocks: run 0 first 1/2, second 2/2; run 1 first 0/2, second 1/2 -> first 0.25 ± 0.3536, second 0.75 ± 0.3536', () => {
    const t = new ShowingTally(2);
    // [R][n]: block 1 first showings (run 0: right, wrong; run 1: wrong, wrong), block 2 second showings, block 3 unmarked.
    t.add([1, 0, 0, 0], [F | E, F, F | E, F], 2);
    t.add([1, 1, 0, 1], [S, S, S, S], 2);
    t.add([0, 0], [0, 0], 1);
    const s = t.summary();
    expect(s.first).toEqual({ mean: 0.25, std: Math.sqrt(0.125), count: 4 });
    expect(s.second).toEqual({ mean: 0.75, std: Math.sqrt(0.125), count: 4 });
  });

  it('is null for a showing no run has had, a null std when only one run has had one, and refuses mismatched sizes', () => {
    const t = new ShowingTally(3);
    expect(t.summary()).toEqual({ first: null, second: null });
    t.add([1, 0, 0], [F | E, 0, 0], 1);
    expect(t.summary()).toEqual({ first: { mean: 1, std: null, count: 1 }, second: null });
    expect(() => t.add([1], [F], 1)).toThrow('showings: expected 3 x 1 results and marks, got 1 and 1');
    expect(() => new ShowingTally(0)).toThrow('showings: runs must be a positive integer, got 0');
  });
});
