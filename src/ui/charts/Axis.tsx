// A d3 axis in a React-owned <g>: d3-axis fills the group after each render whose `render` changed
// (memoise it with the scale), then the group gets the charts' font (the theme's tick size) and greys.
import { useLayoutEffect, useRef } from 'react';
import { select, type Selection } from 'd3-selection';
import { useChartTheme } from './chartTheme';
import { FONT, GREY } from './palette';

export type AxisRender = (g: Selection<SVGGElement, unknown, null, undefined>) => void;

export interface AxisProps {
  /** e.g. `(g) => g.call(axisBottom(x).ticks(5))`, memoised on the scale. */
  readonly render: AxisRender;
  readonly transform?: string;
}

export function Axis({ render, transform }: AxisProps) {
  const ref = useRef<SVGGElement>(null);
  const { tickFont } = useChartTheme();
  useLayoutEffect(() => {
    if (!ref.current) return;
    const g = select(ref.current);
    render(g);
    g.attr('font-family', FONT).attr('font-size', tickFont).attr('color', GREY.axis);
    g.selectAll('text').attr('fill', GREY.text);
  }, [render, tickFont]);
  return <g ref={ref} transform={transform} />;
}
