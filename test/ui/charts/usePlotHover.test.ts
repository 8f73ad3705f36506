import { describe, expect, it } from 'vitest';
import { keyPlotX, plotX } from '../../../src/ui/charts/usePlotHover';

describe('plotX', () => {
  // A 640-wide viewBox with the plot from x = 44, 580 wide.
  it('is clientX less the rect and the margin when the SVG is drawn at its own width: 100 + 144 -> 100', () => {
    expect(plotX(244, { left: 100, width: 640 }, 640, 44, 580)).toBe(100);
  });
  it('maps through the drawn width when the SVG is scaled down to 320 px: 100 + 72 -> 100', () => {
    expect(plotX(172, { left: 100, width: 320 }, 640, 44, 580)).toBe(100);
  });
  it('keeps both plot edges (0 and plotW) and is null just outside them', () => {
    expect(plotX(44, { left: 0, width: 640 }, 640, 44, 580)).toBe(0);
    expect(plotX(624, { left: 0, width: 640 }, 640, 44, 580)).toBe(580);
    expect(plotX(43, { left: 0, width: 640 }, 640, 44, 580)).toBeNull();
    expect(plotX(625, { left: 0, width: 640 }, 640, 44, 580)).toBeNull();
  });
  it('treats a collapsed rect (width 0) as 1 px wide instead of dividing by zero', () => {
    expect(plotX(0.1, { left: 0, width: 0 }, 640, 44, 580)).toBeCloseTo(20, 10);
  });
});

describe('keyPlotX', () => {
  it('steps plotW / 50 with the arrows: 580 wide, from 100 -> 111.6 right, 88.4 left', () => {
    expect([keyPlotX('ArrowRight', 100, 580), keyPlotX('ArrowLeft', 100, 580)]).toEqual([111.6, 88.4]);
  });
  it('starts at the right end (the newest example) when nothing is hovered, and stays within [0, plotW]', () => {
    expect([keyPlotX('ArrowLeft', null, 580), keyPlotX('ArrowRight', 575, 580), keyPlotX('ArrowLeft', 5, 580)]).toEqual(
      [580, 580, 0],
    );
  });
  it('Home 0, End plotW, Escape null, any other key undefined (not handled)', () => {
    expect([
      keyPlotX('Home', 300, 580),
      keyPlotX('End', 3, 580),
      keyPlotX('Escape', 3, 580),
      keyPlotX(' ', 3, 580),
    ]).toEqual([0, 580, null, undefined]);
  });
});
