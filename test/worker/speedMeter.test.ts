// Examples per second over the last 3 s or the last 10 blocks, whichever spans longer, on a fake clock.
import { describe, expect, it } from 'vitest';
import { SPEED_BLOCKS, SPEED_WINDOW_MS, SpeedMeter } from '../../src/worker/session/speedMeter';

describe('SpeedMeter (3000 ms or 10 blocks)', () => {
  it('is 0 before a block has finished, then counts from the start until there is a window of history', () => {
    expect([SPEED_WINDOW_MS, SPEED_BLOCKS]).toEqual([3000, 10]);
    const m = new SpeedMeter(500);
    expect(m.rate()).toBe(0);
    m.record(600, 10);
    expect(m.rate()).toBe(100); // 10 examples in 0.1 s
    m.record(1500, 19);
    expect(m.rate()).toBe(19); // 19 in 1 s
    const resumed = new SpeedMeter(1000, 40);
    resumed.record(1500, 45);
    expect(resumed.rate()).toBe(10); // counted from 40 examples at play
  });

  it('one example every 14 s (S = 256) reads 1/14 = 0.0714 after the 10 blocks: the window spans the blocks, not 3 s', () => {
    const m = new SpeedMeter(0);
    const rates: number[] = [];
    for (let k = 1; k <= 20; k++) {
      m.record(14_000 * k, k);
      rates.push(m.rate());
    }
    expect(rates.every((r) => r === 1 / 14)).toBe(true);
    expect(m.rate()).toBeCloseTo(0.0714286, 7);
  });

  it('blocks of 3 examples every 10 ms read 300/s exactly after every block, and the same between blocks (no flicker)', () => {
    const m = new SpeedMeter(0);
    const rates = new Set<number>();
    for (let k = 1; k <= 1000; k++) {
      m.record(10 * k, 3 * k);
      rates.add(m.rate());
      rates.add(m.rate()); // read again before the next block: unchanged
    }
    expect([...rates]).toEqual([300]);
  });

  it('the window is the last 3 s when 10 blocks span less: a speed change shows fully after 3 s', () => {
    const m = new SpeedMeter(0);
    for (let k = 1; k <= 300; k++) m.record(10 * k, k); // 100/s for 3 s
    for (let k = 1; k <= 150; k++) m.record(3000 + 10 * k, 300 + 2 * k); // then 200/s for 1.5 s
    expect(m.rate()).toBe(150); // 450 examples over 3 s: the last 1.5 s at 100/s and 1.5 s at 200/s
    for (let k = 151; k <= 300; k++) m.record(3000 + 10 * k, 300 + 2 * k);
    expect(m.rate()).toBe(200);
  });

  it('blocks of uneven length: the window starts at the end of a block, the last one at least 3 s back', () => {
    const m = new SpeedMeter(0);
    m.record(1000, 10);
    m.record(2000, 20);
    m.record(2500, 25);
    m.record(4200, 42);
    m.record(4600, 46);
    // 4600 - 3000 = 1600: the last block at or before it ended at 1000 (10 examples); 36 in 3.6 s
    expect(m.rate()).toBe(10);
  });
});
