// placePopover: below the anchor when it fits, above when only that fits, never outside the viewport
// (a 360 px phone, a 1024 × 768 projector), overlapping the anchor only when neither side has room.
import { describe, expect, it } from 'vitest';
import { EDGE, placePopover } from '../../../src/ui/help/placePopover';

describe('placePopover', () => {
  it('puts the popover below the anchor, left-aligned, when it fits', () => {
    expect(
      placePopover(
        { left: 100, top: 50, width: 24, height: 24 },
        { width: 300, height: 200 },
        { width: 1024, height: 768 },
      ),
    ).toEqual({
      left: 100,
      top: 50 + 24 + EDGE,
      maxHeight: 768 - 2 * EDGE,
      side: 'below',
    });
  });

  it('puts it above when only the room above is enough', () => {
    expect(
      placePopover(
        { left: 100, top: 600, width: 24, height: 24 },
        { width: 300, height: 200 },
        { width: 1024, height: 768 },
      ),
    ).toEqual({
      left: 100,
      top: 600 - EDGE - 200,
      maxHeight: 752,
      side: 'above',
    });
  });

  it('pushes it back inside on the right of a 360 px viewport', () => {
    const p = placePopover(
      { left: 330, top: 10, width: 24, height: 24 },
      { width: 384, height: 200 },
      { width: 360, height: 640 },
    );
    expect(p.left).toBe(EDGE);
    expect(p.left + Math.min(384, 360 - 2 * EDGE)).toBe(360 - EDGE);
  });

  it('goes to the right of the anchor when too tall for above or below, level with it as far as the viewport allows', () => {
    expect(
      placePopover(
        { left: 10, top: 300, width: 24, height: 24 },
        { width: 300, height: 500 },
        { width: 1024, height: 640 },
      ),
    ).toEqual({
      left: 10 + 24 + EDGE,
      top: 640 - EDGE - 500,
      maxHeight: 640 - 2 * EDGE,
      side: 'right',
    });
  });

  it('goes to the left when only the left has room (an "i" near the right edge, 1280 × 720)', () => {
    expect(
      placePopover(
        { left: 890, top: 294, width: 24, height: 24 },
        { width: 384, height: 525 },
        { width: 1280, height: 720 },
      ),
    ).toEqual({
      left: 890 - EDGE - 384,
      top: 720 - EDGE - 525,
      maxHeight: 720 - 2 * EDGE,
      side: 'left',
    });
  });

  it('overlaps the anchor rather than leave the screen when no side has room (360 px)', () => {
    const p = placePopover(
      { left: 170, top: 300, width: 24, height: 24 },
      { width: 344, height: 500 },
      { width: 360, height: 640 },
    );
    expect(p.side).toBe('below');
    expect(p.left).toBe(EDGE);
    expect(p.top).toBe(640 - EDGE - 500);
  });

  it('caps the height to the viewport when the popover is taller than it', () => {
    const p = placePopover(
      { left: 10, top: 10, width: 24, height: 24 },
      { width: 380, height: 2000 },
      { width: 390, height: 700 },
    );
    expect(p).toEqual({ left: EDGE, top: EDGE, maxHeight: 700 - 2 * EDGE, side: 'below' });
  });
});
