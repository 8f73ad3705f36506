// A colour bar: the colour map as an SVG gradient over [domain[0], domain[1]], a d3 axis under it, a
// caption above. Sits inside a chart's <svg> at (x, y).
import { useCallback, useId, useMemo } from 'react';
import { axisBottom } from 'd3-axis';
import { format } from 'd3-format';
import { scaleLinear } from 'd3-scale';
import { Axis, type AxisRender } from './Axis';
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

/** Height a legend takes: caption, bar and axis. */
export const COLOUR_LEGEND_HEIGHT = 40;
const BAR = 10;
const STOPS = 16;

export function ColourLegend({ interpolate, domain, caption, x, y, width }: ColourLegendProps) {
  const id = `cl${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const stops = useMemo(
    () => Array.from({ length: STOPS + 1 }, (_, i) => ({ offset: i / STOPS, colour: interpolate(i / STOPS) })),
    [interpolate],
  );
  const [d0, d1] = domain;
  const renderAxis = useCallback<AxisRender>(
    (g) => {
      const scale = scaleLinear().domain([d0, d1]).range([0, width]);
      g.call(axisBottom(scale).ticks(d0 === d1 ? 1 : 5, '~g').tickSize(3).tickFormat(format('~g')));
    },
    [d0, d1, width],
  );
  return (
    <g transform={`translate(${x},${y})`}>
      <text y={10} fill={GREY.text} fontSize={10}>
        {caption}
      </text>
      <defs>
        <linearGradient id={id}>
          {stops.map((s) => (
            <stop key={s.offset} offset={s.offset} stopColor={s.colour} />
          ))}
        </linearGradient>
      </defs>
      <rect y={14} width={width} height={BAR} fill={`url(#${id})`} stroke={GREY.grid} />
      <Axis render={renderAxis} transform={`translate(0,${14 + BAR})`} />
    </g>
  );
}
