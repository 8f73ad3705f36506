// The plot of a line chart, a group at (left, top) in its SVG: grid lines at the y ticks, the two axes,
// the marks (children), a note while there is nothing to draw, the dashed hover rule (left out of
// exports) and the axis titles (the theme's label size), in that order.
import type { ReactNode } from 'react';
import type { ScaleLinear } from 'd3-scale';
import { Axis, type AxisRender } from './Axis';
import { useChartTheme } from './chartTheme';
import { GREY } from './palette';

export interface PlotAreaProps {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  /** Grid lines are drawn at its 5 ticks. */
  readonly yScale: ScaleLinear<number, number>;
  /** Memoised on the scales (see `axes.ts`). */
  readonly renderX: AxisRender;
  readonly renderY: AxisRender;
  /** Shown in the middle, e.g. "No steps yet"; null when there is something to draw. */
  readonly empty: string | null;
  /** x of the hover rule in plot pixels; null: none. */
  readonly rulePx: number | null;
  readonly xTitle: ReactNode;
  /** Baseline of the x title below the plot's bottom edge. */
  readonly xTitleBelow: number;
  readonly yTitle: ReactNode;
  /** Centre of the (rotated) y title left of the plot's left edge. */
  readonly yTitleLeft: number;
  /** The marks, drawn over the grid and axes. */
  readonly children: ReactNode;
}

export function PlotArea(p: PlotAreaProps) {
  const { width, height, yScale } = p;
  const { labelFont } = useChartTheme();
  return (
    <g transform={`translate(${p.left},${p.top})`}>
      {yScale.ticks(5).map((t) => (
        <line key={t} x2={width} y1={yScale(t)} y2={yScale(t)} stroke={GREY.grid} />
      ))}
      <Axis render={p.renderY} />
      <Axis render={p.renderX} transform={`translate(0,${height})`} />
      {p.children}
      {p.empty !== null && (
        <text x={width / 2} y={height / 2} textAnchor="middle" fill={GREY.text} fontSize={labelFont}>
          {p.empty}
        </text>
      )}
      {p.rulePx !== null && (
        <line data-export="skip" x1={p.rulePx} x2={p.rulePx} y2={height} stroke={GREY.axis} strokeDasharray="3,3" />
      )}
      <text x={width / 2} y={height + p.xTitleBelow} textAnchor="middle" fill={GREY.text} fontSize={labelFont}>
        {p.xTitle}
      </text>
      <text
        transform={`translate(${-p.yTitleLeft},${height / 2}) rotate(-90)`}
        textAnchor="middle"
        fill={GREY.text}
        fontSize={labelFont}
      >
        {p.yTitle}
      </text>
    </g>
  );
}
