import { describe, expect, it } from 'vitest';
import { tooltipBeside, tooltipStyle } from '../../../src/ui/charts/chartStyle';

describe('tooltipBeside', () => {
  it("sits 12 px right of the rule in the plot's left half: px 100, left 44 -> left 156", () => {
    expect(tooltipBeside(100, 44, 40, 580)).toEqual({ ...tooltipStyle, top: 40, left: 156, transform: undefined });
  });
  it('sits 12 px left of the rule, anchored at its right edge, past the middle: px 400 -> left 432', () => {
    expect(tooltipBeside(400, 44, 40, 580)).toEqual({
      ...tooltipStyle,
      top: 40,
      left: 432,
      transform: 'translateX(-100%)',
    });
  });
  it('keeps the right side at exactly the middle (px = plotW / 2)', () => {
    expect(tooltipBeside(290, 44, 40, 580).transform).toBeUndefined();
  });
});
