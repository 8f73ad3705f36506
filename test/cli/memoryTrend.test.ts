// The long-run memory benchmark's arithmetic: the least-squares slope, the trend after a warm-up in
// bytes per 1,000 examples, the table, and the flags of `npm run bench -- --memory`.
import { describe, expect, it } from 'vitest';
import { parseMemoryOptions } from '../../src/cli/memoryOptions';
import { fitLine, formatKib, formatMemoryTable, memoryTrend, type MemorySample } from '../../src/cli/memoryTrend';

const sample = (at: number, heapUsed: number, arrayBuffers: number, rss: number): MemorySample => ({
  at,
  heapUsed,
  arrayBuffers,
  rss,
});

describe('fitLine', () => {
  it('fits y = 3x + 2 exactly through (0, 2), (1, 5), (2, 8), (3, 11)', () => {
    expect(fitLine([0, 1, 2, 3], [2, 5, 8, 11])).toEqual({ slope: 3, intercept: 2, points: 4, slopeError: 0 });
  });

  it('gives slope 0.5, intercept 0.5 for (0, 0), (1, 2), (2, 1) (sxy = 1, sxx = 2), standard error sqrt(1.5 / 1 / 2)', () => {
    const f = fitLine([0, 1, 2], [0, 2, 1]);
    expect(f?.slope).toBe(0.5);
    expect(f?.intercept).toBe(0.5);
    expect(f?.slopeError).toBeCloseTo(Math.sqrt(0.75), 15);
    expect(fitLine([0, 1], [0, 2])?.slopeError).toBeNull();
  });

  it('is null for fewer than two points or one x repeated, and refuses unequal lengths', () => {
    expect(fitLine([], [])).toBeNull();
    expect(fitLine([4], [1])).toBeNull();
    expect(fitLine([4, 4], [1, 2])).toBeNull();
    expect(() => fitLine([1, 2], [1])).toThrow('fitLine: 2 x values but 1 y values');
  });
});

describe('memoryTrend', () => {
  const samples = [
    sample(0, 50_000_000, 1_000_000, 300_000_000), // warm-up: set-up allocations
    sample(1000, 60_000_000, 2_000_000, 400_000_000),
    sample(2000, 60_001_000, 2_000_000, 400_000_000),
    sample(3000, 60_002_000, 2_000_000, 399_000_000),
  ];

  it('leaves the first `warmup` samples out: heap +1000 B per 1000 examples, buffers 0, RSS -500,000 B', () => {
    const t = memoryTrend(samples, 1, 1000);
    expect(t.slopes).toEqual({ heapUsed: 1000, arrayBuffers: 0, rss: -500_000 });
    expect(t.slopeErrors.heapUsed).toBe(0);
    expect(t.slopeErrors.rss).toBeCloseTo(Math.sqrt(1e12 / 6 / 1 / 2e6) * 1000, 6); // residuals -1/6, +1/3, -1/6 MB
    expect(t.growth).toEqual({ heapUsed: 2000, arrayBuffers: 0, rss: -1_000_000 });
    expect([t.warmup, t.per]).toEqual([1, 1000]);
  });

  it('with no warm-up the set-up jump dominates (heap +3,000,700 B per 1000 examples: sxy = 15,003,500,000, sxx = 5,000,000)', () => {
    expect(memoryTrend(samples, 0, 1000).slopes.heapUsed).toBeCloseTo(3_000_700, 6);
  });

  it('has null slopes when fewer than two samples remain, and refuses a bad warm-up or unit', () => {
    const t = memoryTrend(samples, 3, 100);
    expect(t.slopes).toEqual({ heapUsed: null, arrayBuffers: null, rss: null });
    expect(t.slopeErrors).toEqual({ heapUsed: null, arrayBuffers: null, rss: null });
    expect(t.growth).toEqual({ heapUsed: null, arrayBuffers: null, rss: null });
    expect(() => memoryTrend(samples, -1, 100)).toThrow('memoryTrend: warmup must be an integer >= 0, got -1');
    expect(() => memoryTrend(samples, 1, 0)).toThrow('memoryTrend: per must be > 0, got 0');
  });
});

describe('formatMemoryTable', () => {
  it('prints MiB per sample, marks the warm-up with *, then the slopes and growth in KiB', () => {
    const samples = [
      sample(0, 2 * 2 ** 20, 2 ** 20, 100 * 2 ** 20),
      sample(10, 2 * 2 ** 20 + 1024, 2 ** 20, 101 * 2 ** 20),
      sample(20, 2 * 2 ** 20 + 3072, 2 ** 20, 100 * 2 ** 20),
    ];
    const text = formatMemoryTable('trainer on cpu', 'steps', samples, memoryTrend(samples, 1, 100));
    expect(text.split('\n')).toEqual([
      'trainer on cpu',
      '     steps   heap MiB  buffers MiB    RSS MiB',
      '*        0       2.00         1.00     100.00',
      '        10       2.00         1.00     101.00',
      '        20       2.00         1.00     100.00',
      '* warm-up, left out of the fit (first 1 sample)',
      'slope (least squares): heap +20.0 KiB per 100 steps, buffers +0.0 KiB per 100 steps, RSS -10240.0 KiB per 100 steps',
      'growth after warm-up:  heap +2.0 KiB, buffers +0.0 KiB, RSS -1024.0 KiB',
    ]);
  });

  it('adds the standard error once three samples are fitted: heap +5.0 ± 8.7 KiB per 100 steps (residuals -512, +1024, -512 B)', () => {
    const samples = [sample(0, 0, 0, 0), sample(10, 0, 0, 0), sample(20, 2048, 0, 0), sample(30, 1024, 0, 0)];
    const text = formatMemoryTable('t', 'steps', samples, memoryTrend(samples, 1, 100));
    expect(text).toContain(
      'slope (least squares): heap +5.0 ± 8.7 KiB per 100 steps, buffers +0.0 ± 0.0 KiB per 100 steps',
    );
  });

  it('formatKib signs its KiB and says n/a for null', () => {
    expect([formatKib(1536), formatKib(-307.2), formatKib(0), formatKib(null)]).toEqual([
      '+1.5 KiB',
      '-0.3 KiB',
      '+0.0 KiB',
      'n/a',
    ]);
  });
});

describe('parseMemoryOptions (npm run bench -- --memory)', () => {
  it('defaults: both backends, 20000 examples sampled every 1000, S = 2 at 7x7, 200 trainer steps every 10, warm-up 3', () => {
    expect(parseMemoryOptions([])).toEqual({
      ok: true,
      value: {
        only: null,
        backends: ['cpu', 'webgpu'],
        examples: 20000,
        every: 1000,
        runs: 2,
        resize: 7,
        steps: 200,
        stepEvery: 10,
        warmup: 3,
        json: null,
        report: null,
      },
    });
  });

  it('reads every flag', () => {
    const r = parseMemoryOptions([
      '--only',
      'trainer',
      '--backends',
      'webgpu',
      '--examples=500',
      '--every',
      '50',
      '--runs',
      '4',
      '--resize',
      '5',
      '--steps',
      '20',
      '--step-every',
      '5',
      '--warmup',
      '0',
      '--json',
      'm.json',
      '--report',
      'r.json',
    ]);
    expect(r).toEqual({
      ok: true,
      value: {
        only: 'trainer',
        backends: ['webgpu'],
        examples: 500,
        every: 50,
        runs: 4,
        resize: 5,
        steps: 20,
        stepEvery: 5,
        warmup: 0,
        json: 'm.json',
        report: 'r.json',
      },
    });
  });

  it('names the bad flag in one line', () => {
    expect(parseMemoryOptions(['--backends', 'cpu,tpu'])).toEqual({
      ok: false,
      message: 'flag --backends must list cpu and/or webgpu, got "tpu"',
    });
    expect(parseMemoryOptions(['--every', '0'])).toEqual({
      ok: false,
      message: 'flag --every must be an integer in [1, 1000000000], got "0"',
    });
    expect(parseMemoryOptions(['--only', 'both'])).toEqual({
      ok: false,
      message: 'flag --only must be one of session, trainer, got "both"',
    });
    expect(parseMemoryOptions(['--leak'])).toEqual({ ok: false, message: 'unknown flag --leak' });
  });
});
