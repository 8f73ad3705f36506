// The charts' d3 axes as `Axis` renderers (memoise them on the scale): a bottom axis and a left axis
// without its domain line (the grid stands in for it), both without outer ticks.
import { axisBottom, axisLeft, type AxisScale } from 'd3-axis';
import type { AxisRender } from './Axis';

/** Ticks for an axis `length` px long: one per `spacing` px, at least 2. */
export function tickCount(length: number, spacing = 80): number {
  return Math.max(2, Math.floor(length / spacing));
}

/**
 * `scale` along the bottom with about `ticks` ticks, labelled by the d3-format `specifier` (the scale's default when
 * omitted).
 */
export function bottomAxis(scale: AxisScale<number>, ticks: number, specifier?: string): AxisRender {
  return (g) => {
    g.call(axisBottom(scale).ticks(ticks, specifier).tickSizeOuter(0));
  };
}

/**
 * `scale` up the left with about `ticks` ticks and no domain line, labelled by `specifier` (the scale's default when
 * omitted).
 */
export function leftAxis(scale: AxisScale<number>, ticks: number, specifier?: string): AxisRender {
  return (g) => {
    g.call(axisLeft(scale).ticks(ticks, specifier).tickSizeOuter(0));
    g.select('.domain').remove();
  };
}
