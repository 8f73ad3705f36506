import { describe, expect, it } from 'vitest';
import { formatSpeed, positionFromSpeed, SPEED_STEPS, speedFromPosition } from '../../src/ui/state/speedScale';

describe('speedFromPosition / positionFromSpeed', () => {
  it('is 10^(pos/10) examples/s from 1 to 10,000, then as fast as possible', () => {
    expect(SPEED_STEPS).toBe(41);
    expect([0, 3, 10, 20, 39].map(speedFromPosition)).toEqual([1, 2, 10, 100, 7943.28]);
    expect(speedFromPosition(40)).toBe(Infinity);
  });

  it('inverts, clamping what lies outside the scale', () => {
    for (let p = 0; p < SPEED_STEPS; p++) expect(positionFromSpeed(speedFromPosition(p))).toBe(p);
    expect(positionFromSpeed(0.5)).toBe(0);
    expect(positionFromSpeed(1e9)).toBe(39);
  });

  it('formats for the slider', () => {
    expect([1, 2.5, 4, 100, Infinity].map(formatSpeed)).toEqual(['1 /s', '2.5 /s', '4 /s', '100 /s', 'max']);
  });
});
