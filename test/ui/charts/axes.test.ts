// The renderers themselves need a DOM (they run in Axis's layout effect); here only the tick count.
import { describe, expect, it } from 'vitest';
import { tickCount } from '../../../src/ui/charts/axes';

describe('tickCount', () => {
  it('is one tick per 80 px by default: 580 px -> 7', () => {
    expect(tickCount(580)).toBe(7);
  });
  it('takes the spacing: 580 px at 90 -> 6', () => {
    expect(tickCount(580, 90)).toBe(6);
  });
  it('is at least 2 on a short axis: 10 px -> 2', () => {
    expect(tickCount(10)).toBe(2);
  });
});
