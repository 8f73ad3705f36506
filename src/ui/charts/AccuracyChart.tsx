// Cumulative online accuracy against examples seen: one line per learner with its ±std band over the
// runs, VSML (curves[0]) on top and thicker, a legend, and on hover a rule with every curve's mean ± std
// at the nearest example. Lines are decimated to at most 4 points per pixel column.
import { useMemo } from 'react';
import { format } from 'd3-format';
import { scaleLinear, scaleLog } from 'd3-scale';
import { area, line } from 'd3-shape';
import { bottomAxis, leftAxis, tickCount } from './axes';
import { ChartFigure } from './ChartFigure';
import { tooltipBeside } from './chartStyle';
import { CHAR_WIDTH } from './classTicks';
import { decimateIndices, nearestIndex } from './decimate';
import { HoverTooltip } from './HoverTooltip';
import { GREY, learnerColour } from './palette';
import { PlotArea } from './PlotArea';
import { usePlotHover } from './usePlotHover';

export interface AccuracyChartCurve {
  readonly name: string;
  readonly label: string;
  /** Examples seen (1-based), ascending. */
  readonly x: Float64Array;
  /** Cumulative accuracy in [0, 1]: mean and std over the runs at each x. */
  readonly mean: Float64Array;
  readonly std: Float64Array;
}

export interface AccuracyChartProps {
  readonly curves: readonly AccuracyChartCurve[];
  readonly logX: boolean;
  readonly width?: number;
  readonly height?: number;
}

const MARGIN = { right: 16, bottom: 36, left: 44 };
const LEGEND_ROW = 16;
const SWATCH = 16;
const fmt = format('.3f');

/** Points of a curve: the shorter of x and mean. */
function pointsOf(c: AccuracyChartCurve): number {
  return Math.min(c.x.length, c.mean.length);
}

function clamp01(v: number): number {
  return v < 0 ? 0 : v > 1 ? 1 : v;
}

/** Legend items placed left to right, wrapping to a new row when the width runs out. */
function legendItems(curves: readonly AccuracyChartCurve[], width: number) {
  let x = 0;
  let row = 0;
  return curves.map((c, i) => {
    const w = SWATCH + 4 + c.label.length * CHAR_WIDTH + 14;
    if (x > 0 && x + w > width) {
      x = 0;
      row += 1;
    }
    const item = { key: c.name, label: c.label, colour: learnerColour(i), x, y: row * LEGEND_ROW, first: i === 0 };
    x += w;
    return item;
  });
}

export function AccuracyChart({ curves, logX, width = 640, height = 360 }: AccuracyChartProps) {
  const legend = useMemo(() => legendItems(curves, width - MARGIN.left - MARGIN.right), [curves, width]);
  const legendRows = legend.reduce((m, l) => Math.max(m, l.y / LEGEND_ROW + 1), 0);
  const top = 8 + legendRows * LEGEND_ROW + 6;
  const plotW = Math.max(10, width - MARGIN.left - MARGIN.right);
  const plotH = Math.max(10, height - top - MARGIN.bottom);
  const pointer = usePlotHover(width, MARGIN.left, plotW);
  const { hoverPx } = pointer;

  const points = curves.length > 0 ? pointsOf(curves[0]) : 0;
  let maxX = 0;
  for (const c of curves) {
    const n = pointsOf(c);
    if (n > 0) maxX = Math.max(maxX, c.x[n - 1]);
  }

  const xScale = useMemo(
    () =>
      logX
        ? scaleLog().domain([1, Math.max(10, maxX)]).range([0, plotW]).clamp(true)
        : scaleLinear().domain([0, Math.max(1, maxX)]).range([0, plotW]),
    [logX, maxX, plotW],
  );
  const yScale = useMemo(() => scaleLinear().domain([0, 1]).range([plotH, 0]), [plotH]);

  const paths = useMemo(
    () =>
      curves.map((c, i) => {
        const n = pointsOf(c);
        const idx = decimateIndices(c.x, c.mean, n, xScale);
        const toX = (j: number) => xScale(c.x[j]);
        const linePath = line<number>().x(toX).y((j) => yScale(c.mean[j]))(idx) ?? '';
        const hasStd = n > 0 && c.std.length >= n;
        const band = hasStd
          ? (area<number>()
              .defined((j) => Number.isFinite(c.std[j]))
              .x(toX)
              .y0((j) => yScale(clamp01(c.mean[j] - c.std[j])))
              .y1((j) => yScale(clamp01(c.mean[j] + c.std[j])))(idx) ?? '')
          : null;
        return { key: c.name, colour: learnerColour(i), linePath, band, first: i === 0 };
      }),
    [curves, xScale, yScale],
  );

  const renderX = useMemo(() => bottomAxis(xScale, tickCount(plotW), '~s'), [xScale, plotW]);
  const renderY = useMemo(() => leftAxis(yScale, 5, '.1f'), [yScale]);

  // The hovered example is re-read from this frame's curves on every render.
  let hover: { x: number; px: number; rows: { key: string; label: string; colour: string; text: string }[] } | null = null;
  if (hoverPx !== null && points > 0) {
    const c0 = curves[0];
    const transform = logX ? Math.log : undefined;
    const at = c0.x[nearestIndex(c0.x, points, xScale.invert(hoverPx), transform)];
    hover = {
      x: at,
      px: xScale(at),
      rows: curves.map((c, i) => {
        const n = pointsOf(c);
        const j = nearestIndex(c.x, n, at);
        const hasStd = c.std.length > j && Number.isFinite(c.std[j]);
        const text = j < 0 ? '–' : hasStd ? `${fmt(c.mean[j])} ± ${fmt(c.std[j])}` : fmt(c.mean[j]);
        return { key: c.name, label: c.label, colour: learnerColour(i), text };
      }),
    };
  }

  const tooltip = hover && <HoverTooltip style={tooltipBeside(hover.px, MARGIN.left, 20 + top, plotW)} title={`example ${hover.x}`} rows={hover.rows} />;
  return (
    <ChartFigure
      testId="accuracy-chart"
      data={{ 'data-points': points }}
      exportName="accuracy"
      width={width}
      height={height}
      pointer={pointer}
      overlay={tooltip}
    >
      <g transform={`translate(${MARGIN.left},8)`} fontSize={11} fill={GREY.ink}>
        {legend.map((l) => (
          <g key={l.key} transform={`translate(${l.x},${l.y + LEGEND_ROW / 2})`}>
            <line x2={SWATCH} stroke={l.colour} strokeWidth={l.first ? 2.5 : 1.5} />
            <text x={SWATCH + 4} dy="0.32em">
              {l.label}
            </text>
          </g>
        ))}
      </g>
      <PlotArea
        left={MARGIN.left}
        top={top}
        width={plotW}
        height={plotH}
        yScale={yScale}
        renderX={renderX}
        renderY={renderY}
        empty={points === 0 ? 'No examples yet' : null}
        rulePx={hover ? hover.px : null}
        xTitle={`examples seen${logX ? ' (log scale)' : ''}`}
        xTitleBelow={30}
        yTitle="cumulative accuracy"
        yTitleLeft={34}
      >
        {[...paths].reverse().map((p) =>
          p.band ? <path key={p.key} d={p.band} fill={p.colour} fillOpacity={p.first ? 0.2 : 0.12} stroke="none" /> : null,
        )}
        {[...paths].reverse().map((p) => (
          <path key={p.key} d={p.linePath} fill="none" stroke={p.colour} strokeWidth={p.first ? 2.5 : 1.5} strokeLinejoin="round" />
        ))}
      </PlotArea>
    </ChartFigure>
  );
}
