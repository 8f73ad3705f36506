// A colour bar: the colour map as an SVG gradient over [domain[0], domain[1]], a d3 axis under it, a
// caption above, at the theme's tick size. Sits inside a chart's <svg> at (x, y).
import { useCallback, useId, useMemo } from 'react';
import { axisBottom } from 'd3-axis';
import { format } from 'd3-format';
import { scaleLinear } from 'd3-scale';
import { Axis, type AxisRender } from './Axis';
import { useChartTheme } from './chartTheme';
import { GREY } from './palette';

export interface ColourLegendProps {
  /** Colour at t in [0, 1]; t = 0 is domain[0]. */
  readonly interpolate: (t: number) => string;
  readonly domain: readonly [number, number];
  readonly caption: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
}

/** Height a legend takes at `font` px: caption, bar and axis (40 px at 11 px). */
export const colourLegendHeight = (font: number): number => 2 * font + 18;
export const COLOUR_LEGEND_HEIGHT = colourLegendHeight(11);
const BAR = 10;
const STOPS = 16;

export function ColourLegend({ interpolate, domain, caption, x, y, width }: ColourLegendProps) {
  const { tickFont } = useChartTheme();
  const barY = tickFont + 4;
  const id = `cl${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const stops = useMemo(
    () => Array.from({ length: STOPS + 1 }, (_, i) => ({ offset: i / STOPS, colour: interpolate(i / STOPS) })),
    [interpolate],
  );
  const [d0, d1] = domain;
  const renderAxis = useCallback<AxisRender>(
    (g) => {
      const scale = scaleLinear().domain([d0, d1]).range([0, width]);
      g.call(
        axisBottom(scale)
          .ticks(d0 === d1 ? 1 : 5, '~g')
          .tickSize(3)
          .tickFormat(format('~g')),
      );
    },
    [d0, d1, width],
  );
  return (
    <g transform={`translate(${x},${y})`}>
      <text y={tickFont} fill={GREY.text} fontSize={tickFont}>
        {caption}
      </text>
      <defs>
        <linearGradient id={id}>
          {stops.map((s) => (
            <stop key={s.offset} offset={s.offset} stopColor={s.colour} />
          ))}
        </linearGradient>
      </defs>
      <rect y={barY} width={width} height={BAR} fill={`url(#${id})`} stroke={GREY.grid} />
      <Axis render={renderAxis} transform={`translate(0,${barY + BAR})`} />
    </g>
  );
}
