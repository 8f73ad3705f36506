// The throughput readout: exact strings at each precision band and across their borders.
import { describe, expect, it } from 'vitest';
import { formatExampleRate, speedText } from '../../../src/ui/layout/speedText';

describe('formatExampleRate', () => {
  it('shows two significant digits below 1 example/s', () => {
    expect(formatExampleRate(0.0714)).toBe('0.071');
    expect(formatExampleRate(0.1)).toBe('0.10');
    expect(formatExampleRate(0.5)).toBe('0.50');
    expect(formatExampleRate(0.00123)).toBe('0.0012');
  });
  it('shows one decimal from 1 to 10 examples/s', () => {
    expect(formatExampleRate(0.996)).toBe('1.0');
    expect(formatExampleRate(1)).toBe('1.0');
    expect(formatExampleRate(7.44)).toBe('7.4');
    expect(formatExampleRate(9.94)).toBe('9.9');
  });
  it('shows whole numbers with thousands separators from 10 examples/s', () => {
    expect(formatExampleRate(9.96)).toBe('10');
    expect(formatExampleRate(10)).toBe('10');
    expect(formatExampleRate(312.4)).toBe('312');
    expect(formatExampleRate(12345.6)).toBe('12,346');
  });
  it('shows 0 for no rate and "< 0.001" below a thousandth', () => {
    expect(formatExampleRate(0)).toBe('0');
    expect(formatExampleRate(Number.NaN)).toBe('0');
    expect(formatExampleRate(-3)).toBe('0');
    expect(formatExampleRate(Infinity)).toBe('0');
    expect(formatExampleRate(0.0004)).toBe('< 0.001');
  });
});

describe('speedText', () => {
  it('joins examples/s and SI sub-RNN updates/s (cell-ticks/s)', () => {
    expect(speedText({ examplesPerSecond: 7.44, cellTicksPerSecond: 1_160_000 })).toBe(
      '7.4 examples/s · 1.16M sub-RNN updates/s',
    );
    expect(speedText({ examplesPerSecond: 0.0714, cellTicksPerSecond: 5600 })).toBe(
      '0.071 examples/s · 5.6k sub-RNN updates/s',
    );
  });
});
