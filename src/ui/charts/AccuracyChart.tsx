// Cumulative online accuracy against examples seen: one line per learner with its ±std band over the
// runs, VSML (curves[0]) on top and thicker, a legend, and on hover a rule with every curve's mean ± std
// at the nearest example. Lines are decimated to at most 4 points per pixel column. Fits the box
// width x height (header included); text and line sizes from the chart theme.
import { useMemo } from 'react';
import { format } from 'd3-format';
import { scaleLinear, scaleLog } from 'd3-scale';
import { area, line } from 'd3-shape';
import { bottomAxis, leftAxis, tickCount } from './axes';
import { ChartFigure } from './ChartFigure';
import { tooltipBeside } from './chartStyle';
import { charWidth, lineHeight, useChartTheme, type ChartTheme } from './chartTheme';
import { useChartStyles } from './chartStyle';
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
  /** The box the chart fits in, header included (px); default 640 x 360. */
  readonly width?: number;
  readonly height?: number;
}

const fmt = format('.3f');

/** Points of a curve: the shorter of x and mean. */
function pointsOf(c: AccuracyChartCurve): number {
  return Math.min(c.x.length, c.mean.length);
}

function clamp01(v: number): number {
  return v < 0 ? 0 : v > 1 ? 1 : v;
}

/** Margins, legend row and swatch for a theme: room for the tick labels ("0.8") and the axis titles. */
function metrics(theme: ChartTheme) {
  const tick = 6 + 3 + theme.tickFont;
  const left = Math.round(theme.labelFont + 6 + 3 * charWidth(theme.tickFont) + 9);
  return {
    left,
    right: 16,
    bottom: Math.round(tick + 4 + theme.labelFont + 5),
    xTitleBelow: Math.round(tick + 4 + theme.labelFont * 0.8),
    yTitleLeft: left - theme.labelFont + 1,
    legendRow: lineHeight(theme.tickFont) + 4,
    swatch: Math.round(theme.tickFont * 1.5),
  };
}

/** Legend items placed left to right, wrapping to a new row when the width runs out. */
function legendItems(curves: readonly AccuracyChartCurve[], width: number, theme: ChartTheme, m: ReturnType<typeof metrics>) {
  let x = 0;
  let row = 0;
  return curves.map((c, i) => {
    const w = m.swatch + 4 + c.label.length * charWidth(theme.tickFont) + 14;
    if (x > 0 && x + w > width) {
      x = 0;
      row += 1;
    }
    const item = { key: c.name, label: c.label, colour: learnerColour(i), x, y: row * m.legendRow, first: i === 0 };
    x += w;
    return item;
  });
}

export function AccuracyChart({ curves, logX, width = 640, height = 360 }: AccuracyChartProps) {
  const theme = useChartTheme();
  const styles = useChartStyles();
  const m = useMemo(() => metrics(theme), [theme]);
  const svgH = Math.max(40, height - styles.headerHeight);
  const legend = useMemo(() => legendItems(curves, width - m.left - m.right, theme, m), [curves, width, theme, m]);
  const legendRows = legend.reduce((r, l) => Math.max(r, l.y / m.legendRow + 1), 0);
  const top = 8 + legendRows * m.legendRow + 6;
  const plotW = Math.max(10, width - m.left - m.right);
  const plotH = Math.max(10, svgH - top - m.bottom);
  const pointer = usePlotHover(width, m.left, plotW);
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

  const tooltip = hover && <HoverTooltip style={tooltipBeside(hover.px, m.left, styles.headerHeight + top, plotW, styles.tooltip)} title={`example ${hover.x}`} rows={hover.rows} />;
  return (
    <ChartFigure
      testId="accuracy-chart"
      data={{ 'data-points': points }}
      exportName="accuracy"
      width={width}
      height={svgH}
      pointer={pointer}
      overlay={tooltip}
    >
      <g transform={`translate(${m.left},8)`} fontSize={theme.tickFont} fill={GREY.ink}>
        {legend.map((l) => (
          <g key={l.key} transform={`translate(${l.x},${l.y + m.legendRow / 2})`}>
            <line x2={m.swatch} stroke={l.colour} strokeWidth={l.first ? theme.lineWidth + 1 : theme.lineWidth} />
            <text x={m.swatch + 4} dy="0.32em">
              {l.label}
            </text>
          </g>
        ))}
      </g>
      <PlotArea
        left={m.left}
        top={top}
        width={plotW}
        height={plotH}
        yScale={yScale}
        renderX={renderX}
        renderY={renderY}
        empty={points === 0 ? 'No examples yet' : null}
        rulePx={hover ? hover.px : null}
        xTitle={`examples seen${logX ? ' (log scale)' : ''}`}
        xTitleBelow={m.xTitleBelow}
        yTitle="cumulative accuracy"
        yTitleLeft={m.yTitleLeft}
      >
        {[...paths].reverse().map((p) =>
          p.band ? <path key={p.key} d={p.band} fill={p.colour} fillOpacity={p.first ? 0.2 : 0.12} stroke="none" /> : null,
        )}
        {[...paths].reverse().map((p) => (
          <path key={p.key} d={p.linePath} fill="none" stroke={p.colour} strokeWidth={p.first ? theme.lineWidth + 1 : theme.lineWidth} strokeLinejoin="round" />
        ))}
      </PlotArea>
    </ChartFigure>
  );
}
