// Hover along a chart's x axis: the pointer's x in plot pixels (the SVG's client rect mapped back to its
// viewBox width, less the left margin), or null outside the plot or once the pointer leaves the SVG.
import { useCallback, useState, type PointerEvent } from 'react';

export interface PlotHover {
  /** Pointer x in plot pixels, in [0, plotW]; null when not over the plot. */
  readonly hoverPx: number | null;
  readonly onPointerMove: (e: PointerEvent<SVGSVGElement>) => void;
  readonly onPointerLeave: () => void;
}

/**
 * The plot x of a pointer at `clientX` over an SVG drawn `rect.width` px wide for a viewBox `width` wide,
 * the plot starting `left` and spanning `plotW` viewBox px; null outside [0, plotW].
 */
export function plotX(clientX: number, rect: { readonly left: number; readonly width: number }, width: number, left: number, plotW: number): number | null {
  const px = ((clientX - rect.left) * width) / Math.max(1, rect.width) - left;
  return px >= 0 && px <= plotW ? px : null;
}

/** `width`: the SVG's viewBox width; `left`: the plot's left margin; `plotW`: the plot's width. */
export function usePlotHover(width: number, left: number, plotW: number): PlotHover {
  const [hoverPx, setHoverPx] = useState<number | null>(null);
  const onPointerMove = useCallback(
    (e: PointerEvent<SVGSVGElement>) => setHoverPx(plotX(e.clientX, e.currentTarget.getBoundingClientRect(), width, left, plotW)),
    [width, left, plotW],
  );
  const onPointerLeave = useCallback(() => setHoverPx(null), []);
  return { hoverPx, onPointerMove, onPointerLeave };
}
