// Examples per second over the last second of wall time.
import { describe, expect, it } from 'vitest';
import { SpeedMeter } from '../../src/worker/speedMeter';

describe('SpeedMeter (1000 ms window)', () => {
  it('is 0 before any time or example, then counts over the time since the start', () => {
    const m = new SpeedMeter(500);
    expect(m.rate(500)).toBe(0);
    m.record(600, 10);
    expect(m.rate(600)).toBe(100); // 10 examples in 0.1 s
    expect(m.rate(1000)).toBe(20); // 10 examples in 0.5 s
  });

  it('counts the examples of the blocks that finished in the last second', () => {
    const m = new SpeedMeter(0);
    m.record(100, 10);
    m.record(600, 60);
    m.record(1100, 110);
    expect(m.rate(1100)).toBe(100); // 110 - 10 (the count at 100 ms)
    m.record(1600, 300);
    expect(m.rate(1600)).toBe(240); // 300 - 60
  });

  it('reads 0 after a second without blocks (paused)', () => {
    const m = new SpeedMeter(0);
    m.record(200, 50);
    expect(m.rate(1200)).toBe(0);
    expect(m.rate(900)).toBeCloseTo(50 / 0.9, 12);
  });
});
