import { describe, expect, it } from 'vitest';
import { formatEta, formatLoss, formatProgress, formatRate, formatSavedAt } from '../../../src/ui/trainer/format';

describe('formatEta', () => {
  it('writes seconds, minutes, hours and days with padded lower units', () => {
    expect(formatEta(0)).toBe('0s');
    expect(formatEta(44.6)).toBe('45s');
    expect(formatEta(59.4)).toBe('59s');
    expect(formatEta(59.6)).toBe('1m00s');
    expect(formatEta(435)).toBe('7m15s');
    expect(formatEta(3600)).toBe('1h00m');
    expect(formatEta(7500)).toBe('2h05m');
    expect(formatEta(86400 * 3 + 4 * 3600 + 59)).toBe('3d04h');
  });
  it('is "—" when unknown: null, NaN, infinite or negative', () => {
    for (const v of [null, NaN, Infinity, -1]) expect(formatEta(v)).toBe('—');
  });
});

describe('formatRate', () => {
  it('keeps 3 significant digits and drops trailing zeros', () => {
    expect(formatRate(0.66321)).toBe('0.663');
    expect(formatRate(12.54)).toBe('12.5');
    expect(formatRate(2)).toBe('2');
    expect(formatRate(1234)).toBe('1230');
  });
  it('is "—" before the first step (0) and for non-finite rates', () => {
    for (const v of [0, -1, NaN, Infinity]) expect(formatRate(v)).toBe('—');
  });
});

describe('formatLoss', () => {
  it('has 4 decimals; NaN is a rejected step; infinities are signs', () => {
    expect(formatLoss(1.09861228)).toBe('1.0986');
    expect(formatLoss(NaN)).toBe('rejected');
    expect(formatLoss(Infinity)).toBe('∞');
    expect(formatLoss(-Infinity)).toBe('−∞');
  });
});

describe('formatSavedAt', () => {
  const t = Date.parse('2025-03-01T12:00:00Z');
  it('is relative for the last day', () => {
    expect(formatSavedAt('2025-03-01T11:59:30Z', t)).toBe('just now');
    expect(formatSavedAt('2025-03-01T11:48:00Z', t)).toBe('12 min ago');
    expect(formatSavedAt('2025-03-01T09:00:00Z', t)).toBe('3 h ago');
  });
  it('is the local date after a day, and the text itself when it does not parse', () => {
    expect(formatSavedAt('2025-02-20T12:00:00Z', t, 'en-GB')).toBe(
      new Date('2025-02-20T12:00:00Z').toLocaleString('en-GB'),
    );
    expect(formatSavedAt('yesterday', t)).toBe('yesterday');
  });
  it('treats a time in the future (a skewed clock) as just now', () => {
    expect(formatSavedAt('2025-03-01T12:05:00Z', t)).toBe('just now');
  });
});

describe('formatProgress', () => {
  it('rounds the percent down, so 100% means done', () => {
    expect(formatProgress(12, 300)).toBe('12 / 300 steps (4%)');
    expect(formatProgress(299, 300)).toBe('299 / 300 steps (99%)');
    expect(formatProgress(300, 300)).toBe('300 / 300 steps (100%)');
    expect(formatProgress(0, 0)).toBe('0 / 0 steps (0%)');
  });
});
