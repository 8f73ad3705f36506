// Hover along a chart's x axis: the pointer's x in plot pixels (the SVG's client rect mapped back to its
// viewBox width, less the left margin), or null outside the plot or once the pointer leaves the SVG.
// The keyboard moves it too, on a focused chart: arrows step 1/50 of the plot, Home and End jump to the
// ends, Escape (or leaving the chart) hides it.
import { useCallback, useState, type KeyboardEvent, type PointerEvent } from 'react';

export interface PlotHover {
  /** Pointer x in plot pixels, in [0, plotW]; null when not over the plot. */
  readonly hoverPx: number | null;
  readonly onPointerMove: (e: PointerEvent<SVGSVGElement>) => void;
  readonly onPointerLeave: () => void;
  readonly onKeyDown: (e: KeyboardEvent<SVGSVGElement>) => void;
}

/**
 * The plot x of a pointer at `clientX` over an SVG drawn `rect.width` px wide for a viewBox `width` wide,
 * the plot starting `left` and spanning `plotW` viewBox px; null outside [0, plotW].
 */
export function plotX(
  clientX: number,
  rect: { readonly left: number; readonly width: number },
  width: number,
  left: number,
  plotW: number,
): number | null {
  const px = ((clientX - rect.left) * width) / Math.max(1, rect.width) - left;
  return px >= 0 && px <= plotW ? px : null;
}

/** Steps of the keyboard across the plot. */
export const KEY_STEPS = 50;

/**
 * The hover x after `key` from `current` in a plot `plotW` wide: ArrowRight / ArrowLeft one step of
 * plotW / KEY_STEPS (from the right end when nothing is hovered), Home 0, End plotW, Escape null;
 * undefined for any other key (not handled).
 */
export function keyPlotX(key: string, current: number | null, plotW: number): number | null | undefined {
  const step = plotW / KEY_STEPS;
  switch (key) {
    case 'ArrowRight':
      return current === null ? plotW : Math.min(plotW, current + step);
    case 'ArrowLeft':
      return current === null ? plotW : Math.max(0, current - step);
    case 'Home':
      return 0;
    case 'End':
      return plotW;
    case 'Escape':
      return null;
    default:
      return undefined;
  }
}

/** `width`: the SVG's viewBox width; `left`: the plot's left margin; `plotW`: the plot's width. */
export function usePlotHover(width: number, left: number, plotW: number): PlotHover {
  const [hoverPx, setHoverPx] = useState<number | null>(null);
  const onPointerMove = useCallback(
    (e: PointerEvent<SVGSVGElement>) =>
      setHoverPx(plotX(e.clientX, e.currentTarget.getBoundingClientRect(), width, left, plotW)),
    [width, left, plotW],
  );
  const onPointerLeave = useCallback(() => setHoverPx(null), []);
  const onKeyDown = useCallback(
    (e: KeyboardEvent<SVGSVGElement>) => {
      if (e.altKey || e.ctrlKey || e.metaKey || keyPlotX(e.key, null, plotW) === undefined) return;
      e.preventDefault();
      e.stopPropagation();
      setHoverPx((current) => keyPlotX(e.key, current, plotW) ?? null);
    },
    [plotW],
  );
  return { hoverPx, onPointerMove, onPointerLeave, onKeyDown };
}
