// The play loop's block sizes and waits, on a fake clock.
import { describe, expect, it } from 'vitest';
import { BLOCK_MS, Pacer } from '../../src/worker/session/pacer';

describe('Pacer', () => {
  it('at Infinity starts with 1 example and doubles until a block takes about BLOCK_MS (0.5 ms per example: 100), capped by maxSteps', () => {
    expect(BLOCK_MS).toBe(50);
    const p = new Pacer(500);
    p.start(Infinity, 0);
    const sizes: number[] = [];
    for (let i = 0; i < 10; i++) {
      const d = p.next(0);
      if (!('steps' in d)) throw new Error('a block was expected');
      sizes.push(d.steps);
      p.record(d.steps, d.steps * 0.5);
    }
    expect(sizes).toEqual([1, 2, 4, 8, 16, 32, 64, 100, 100, 100]);
    const small = new Pacer(20);
    small.start(Infinity, 0);
    small.record(16, 1);
    expect(small.blockCap()).toBe(20);
  });

  it('shrinks blocks at once when examples get slower (0.5 ms, then 20 ms per example: 2), and grows back by halves', () => {
    const p = new Pacer(500);
    p.start(Infinity, 0);
    p.record(64, 64 * 0.5);
    p.record(64, 64 * 20); // slower: the new time stands alone
    expect(p.next(0)).toEqual({ steps: 2 }); // 50 / 20
    p.record(2, 2 * 2); // faster: (20 + 2) / 2 = 11 ms
    expect(p.next(0)).toEqual({ steps: 4 }); // 50 / 11, at most twice the last block
    p.record(4, 4 * 2); // (11 + 2) / 2 = 6.5 ms
    expect(p.next(0)).toEqual({ steps: 7 });
  });

  it('a new pacer (new session, handover) starts with one example whatever the last one measured', () => {
    const p = new Pacer(500);
    p.start(Infinity, 0);
    expect(p.next(0)).toEqual({ steps: 1 });
    expect(p.blockCap()).toBe(1);
  });

  it('at 1 example/s runs one at once, then waits the rest of the second', () => {
    const p = new Pacer(500);
    p.start(1, 0);
    expect(p.next(0)).toEqual({ steps: 1 });
    p.record(1, 30);
    expect(p.next(30)).toEqual({ waitMs: 970 });
    expect(p.next(1000)).toEqual({ steps: 1 });
    expect(p.next(1250)).toEqual({ waitMs: 750 });
  });

  it('at 100 examples/s takes what the clock has earned, up to a quarter second (25) after a stall', () => {
    const p = new Pacer(500);
    p.start(100, 0);
    expect(p.next(0)).toEqual({ steps: 1 });
    p.record(1, 0.1);
    expect(p.next(50)).toEqual({ steps: 2 }); // 5 earned, block cap 2 (doubling)
    p.record(2, 0.2);
    expect(p.next(60)).toEqual({ steps: 4 }); // 3 + 1 earned, cap 4
    p.record(4, 0.4);
    expect(p.next(10_000)).toEqual({ steps: 8 }); // credit capped at 25, cap 8
    p.record(8, 0.8);
    expect(p.next(10_000)).toEqual({ steps: 16 });
    p.record(16, 1.6);
    expect(p.next(10_000)).toEqual({ steps: 1 }); // 25 - 8 - 16
    expect(p.next(10_000)).toEqual({ waitMs: 10 });
  });

  it('refuses a speed that is not positive', () => {
    expect(() => new Pacer(10).start(0, 0)).toThrow('pacer: examples per second must be > 0 or Infinity, got 0');
    expect(() => new Pacer(10).start(Number.NaN, 0)).toThrow(
      'pacer: examples per second must be > 0 or Infinity, got NaN',
    );
  });
});
