// Where a popover goes beside the element it explains: below it when it fits, else above, else to its
// right or left (a tall popover beside a button halfway down the screen), else overlapping it on the
// side with more room; always inside the viewport (a margin from every edge), so nothing hangs off a
// 360 px phone or a 1024 × 768 projector. Pure geometry: the rectangles come in as plain numbers.

export interface Box {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

export interface Placement {
  readonly left: number;
  readonly top: number;
  /** The popover's height is capped to this (it scrolls inside). */
  readonly maxHeight: number;
  /** Where it sits relative to the anchor. */
  readonly side: 'below' | 'above' | 'right' | 'left';
}

/** Space kept between the popover and the viewport's edges, and between it and its anchor, px. */
export const EDGE = 8;

/**
 * The popover's top-left corner for an anchor box and the popover's own size, in a viewport of
 * `viewport.width` × `viewport.height` (all CSS px, viewport coordinates).
 */
export function placePopover(
  anchor: Box,
  popover: { readonly width: number; readonly height: number },
  viewport: { readonly width: number; readonly height: number },
): Placement {
  const width = Math.min(popover.width, viewport.width - 2 * EDGE);
  const maxHeight = Math.max(0, viewport.height - 2 * EDGE);
  const height = Math.min(popover.height, maxHeight);
  const below = viewport.height - (anchor.top + anchor.height) - 2 * EDGE;
  const above = anchor.top - 2 * EDGE;
  const lowest = viewport.height - EDGE - height;
  if (height <= below)
    return {
      left: alignLeft(anchor, width, viewport),
      top: anchor.top + anchor.height + EDGE,
      maxHeight,
      side: 'below',
    };
  if (height <= above)
    return { left: alignLeft(anchor, width, viewport), top: anchor.top - EDGE - height, maxHeight, side: 'above' };
  // Too tall for above or below: beside the anchor, level with it as far as the viewport allows.
  const top = clamp(anchor.top, EDGE, lowest);
  if (viewport.width - (anchor.left + anchor.width) - 2 * EDGE >= width)
    return { left: anchor.left + anchor.width + EDGE, top, maxHeight, side: 'right' };
  if (anchor.left - 2 * EDGE >= width) return { left: anchor.left - EDGE - width, top, maxHeight, side: 'left' };
  // No room anywhere (a phone): it overlaps the anchor rather than leave the screen.
  const side = below >= above ? 'below' : 'above';
  const wanted = side === 'below' ? anchor.top + anchor.height + EDGE : anchor.top - EDGE - height;
  return { left: alignLeft(anchor, width, viewport), top: clamp(wanted, EDGE, lowest), maxHeight, side };
}

/** Left-aligned with the anchor where it fits, else pushed back inside. */
const alignLeft = (anchor: Box, width: number, viewport: { readonly width: number }): number =>
  clamp(anchor.left, EDGE, viewport.width - EDGE - width);

const clamp = (v: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, v));
