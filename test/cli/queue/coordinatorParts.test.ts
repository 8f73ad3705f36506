// The coordinator's pure parts (src/cli/queue/coordinator.ts, progressLine.ts): how many pairs a job
// gets, the workers' rates fastest first, and the live progress line.
import { describe, expect, it } from 'vitest';
import { jobSize, workerRates, type StepProgress, type WorkerRate } from '../../../src/cli/queue/coordinator';
import { formatStepProgress } from '../../../src/cli/queue/progressLine';
import type { WorkerTally } from '../../../src/meta/queue/stepAssembly';

describe('jobSize', () => {
  it('fixed: clamped to [1, P]', () => {
    expect(jobSize(1024, 32, 10, 4, 4)).toBe(32);
    expect(jobSize(1024, 0, null, 0, 4)).toBe(1);
    expect(jobSize(1024, -3, null, 0, 4)).toBe(1);
    expect(jobSize(100, 500, null, 0, 4)).toBe(100);
    expect(jobSize(100, 100, 1e6, 50, 4)).toBe(100);
  });

  it('no rate yet: ceil(P / max(8, 2 x workers seen))', () => {
    expect(jobSize(1024, null, null, 0, 4)).toBe(128);
    expect(jobSize(1024, null, null, 4, 4)).toBe(128);
    expect(jobSize(1024, null, null, 5, 4)).toBe(103);
    expect(jobSize(1024, null, null, 100, 4)).toBe(6);
    expect(jobSize(10, null, null, 0, 4)).toBe(2);
    expect(jobSize(3, null, null, 0, 4)).toBe(1);
    expect(jobSize(1, null, null, 64, 4)).toBe(1);
  });

  it('an infinite rate (no seconds measured) reads as no rate', () => {
    expect(jobSize(1024, null, Infinity, 4, 4)).toBe(128);
    expect(jobSize(1024, null, NaN, 4, 4)).toBe(128);
  });

  it('measured: round(target x rate), at most the spread, at least 1', () => {
    expect(jobSize(1024, null, 10, 4, 4)).toBe(40);
    expect(jobSize(1024, null, 100, 4, 4)).toBe(128);
    expect(jobSize(1024, null, 10, 32, 4)).toBe(16);
    expect(jobSize(1024, null, 2.6, 4, 1)).toBe(3);
    expect(jobSize(1024, null, 0.01, 4, 4)).toBe(1);
    expect(jobSize(1024, null, 0, 4, 4)).toBe(1);
  });
});

describe('workerRates', () => {
  const tally = (pairs: number, seconds: number): WorkerTally => ({ engine: 'cpu: x', pairs, jobs: 1, seconds });

  it('fastest first, ties by id; rate = pairs / seconds, Infinity when no seconds', () => {
    const workers = new Map<string, WorkerTally>([
      ['w3', tally(12, 2)],
      ['w1', tally(30, 3)],
      ['w2', tally(12, 2)],
      ['w0', tally(5, 0)],
      ['w4', tally(1, 4)],
    ]);
    expect(workerRates(workers)).toEqual([
      { id: 'w0', pairs: 5, rate: Infinity },
      { id: 'w1', pairs: 30, rate: 10 },
      { id: 'w2', pairs: 12, rate: 6 },
      { id: 'w3', pairs: 12, rate: 6 },
      { id: 'w4', pairs: 1, rate: 0.25 },
    ]);
    expect(workerRates(new Map())).toEqual([]);
  });
});

describe('formatStepProgress', () => {
  const progress = (workers: WorkerRate[], seen = workers.length): StepProgress => ({
    step: 3,
    done: 96,
    total: 128,
    seen,
    workers,
  });
  const w = (id: string, rate: number): WorkerRate => ({ id, pairs: 8, rate });

  it('0 workers answered: the head only (1 seen: singular)', () => {
    expect(formatStepProgress(progress([], 0), 10)).toBe('step 3/10: pairs 96/128, 0 workers seen');
    expect(formatStepProgress(progress([], 1), 10)).toBe('step 3/10: pairs 96/128, 1 worker seen');
  });

  it('1 worker: its rate, no slowest', () => {
    expect(formatStepProgress(progress([w('w1', 12.14)]), 10)).toBe(
      'step 3/10: pairs 96/128, 1 worker seen; w1 12.1 pairs/s',
    );
    expect(formatStepProgress(progress([w('w1', 6)], 2), 10)).toBe(
      'step 3/10: pairs 96/128, 2 workers seen; w1 6.00 pairs/s',
    );
    expect(formatStepProgress(progress([w('w1', Infinity)]), 10)).toBe(
      'step 3/10: pairs 96/128, 1 worker seen; w1 ? pairs/s',
    );
  });

  it('3 workers: rates (one decimal from 10, two below), the slowest named', () => {
    expect(formatStepProgress(progress([w('w1', 12.1), w('w2', 11.8), w('w3', 6)]), 10)).toBe(
      'step 3/10: pairs 96/128, 3 workers seen; w1 12.1 pairs/s, w2 11.8, w3 6.00; slowest w3 6.00 pairs/s',
    );
    expect(formatStepProgress(progress([w('a', 9.999), w('b', 0.125), w('c', 0.001)], 4), 7)).toBe(
      'step 3/7: pairs 96/128, 4 workers seen; a 10.00 pairs/s, b 0.13, c 0.00; slowest c 0.00 pairs/s',
    );
  });

  it('more than 8 workers: the first 8, how many more, the slowest', () => {
    const ten = Array.from({ length: 10 }, (_, i) => w(`w${i + 1}`, 20 - i));
    expect(formatStepProgress(progress(ten, 12), 100)).toBe(
      'step 3/100: pairs 96/128, 12 workers seen; w1 20.0 pairs/s, w2 19.0, w3 18.0, w4 17.0, w5 16.0, w6 15.0, w7 14.0, w8 13.0, … 2 more; slowest w10 11.0 pairs/s',
    );
    const nine = ten.slice(0, 9);
    expect(formatStepProgress(progress(nine), 100)).toMatch(/, w8 13\.0, … 1 more; slowest w9 12\.0 pairs\/s$/);
    expect(formatStepProgress(progress(ten.slice(0, 8)), 100)).toMatch(/, w8 13\.0; slowest w8 13\.0 pairs\/s$/);
  });
});
