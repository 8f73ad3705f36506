// Cumulative online accuracy against examples seen: one line per learner with its ±std band over the
// runs, each in its own colour-blind-safe colour and dash (VSML, curves[0], solid, thicker and on top),
// the learner's name at its line's end, a legend, and on hover a rule with every curve's mean ± std at
// the nearest example. Lines are decimated to at most 4 points per pixel column. Fits the box width x
// height (header included); text and line sizes from the chart theme. The drawing is an image named
// for assistive technology and described by a summary sentence (summaries.ts) that follows the data.
import { useMemo } from 'react';
import { format } from 'd3-format';
import { scaleLinear, scaleLog } from 'd3-scale';
import { area, line } from 'd3-shape';
import { bottomAxis, leftAxis, tickCount } from './axes';
import { ChartFigure } from './ChartFigure';
import { charWidth, lineHeight, useChartTheme, type ChartTheme } from './chartTheme';
import { tooltipBeside, useChartStyles } from './chartStyle';
import { columnEnvelopeIndices, nearestIndex } from './columnEnvelope';
import { spreadLabels } from './directLabels';
import { HoverTooltip } from './HoverTooltip';
import { GREY, learnerColour, learnerDash } from './palette';
import { PlotArea } from './PlotArea';
import { accuracySummary } from './summaries';
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

/**
 * Margins, legend row and swatch for a theme: room for the tick labels ("0.8"), the axis titles and the direct labels.
 */
function metrics(theme: ChartTheme, curves: readonly AccuracyChartCurve[]) {
  const tick = 6 + 3 + theme.tickFont;
  const left = Math.round(theme.labelFont + 6 + 3 * charWidth(theme.tickFont) + 9);
  const longest = curves.reduce((n, c) => Math.max(n, c.label.length), 0);
  return {
    left,
    right: longest > 0 ? Math.ceil(12 + longest * charWidth(theme.labelFont) + 4) : 16,
    bottom: Math.round(tick + 4 + theme.labelFont + 5),
    xTitleBelow: Math.round(tick + 4 + theme.labelFont * 0.8),
    yTitleLeft: left - theme.labelFont + 1,
    legendRow: lineHeight(theme.tickFont) + 4,
    swatch: Math.round(theme.tickFont * 2),
  };
}
type Metrics = ReturnType<typeof metrics>;

/** Legend items placed left to right, wrapping to a new row when the width runs out. */
function legendItems(curves: readonly AccuracyChartCurve[], width: number, theme: ChartTheme, m: Metrics) {
  let x = 0;
  let row = 0;
  return curves.map((c, i) => {
    const w = m.swatch + 4 + c.label.length * charWidth(theme.tickFont) + 14;
    if (x > 0 && x + w > width) {
      x = 0;
      row += 1;
    }
    const item = { key: c.name, label: c.label, index: i, x, y: row * m.legendRow };
    x += w;
    return item;
  });
}

export function AccuracyChart({ curves, logX, width = 640, height = 360 }: AccuracyChartProps) {
  const theme = useChartTheme();
  const styles = useChartStyles();
  const m = useMemo(() => metrics(theme, curves), [theme, curves]);
  const svgH = Math.max(40, height - styles.headerHeight);
  const legend = useMemo(() => legendItems(curves, width - m.left - 16, theme, m), [curves, width, theme, m]);
  const legendRows = legend.reduce((r, l) => Math.max(r, l.y / m.legendRow + 1), 0);
  const top = 8 + legendRows * m.legendRow + 6;
  const plotW = Math.max(10, width - m.left - m.right);
  const plotH = Math.max(10, svgH - top - m.bottom);
  const pointer = usePlotHover(width, m.left, plotW);
  const { hoverPx } = pointer;
  const stroke = (i: number) => ({
    stroke: learnerColour(i),
    strokeWidth: i === 0 ? theme.lineWidth + 1 : theme.lineWidth,
    strokeDasharray: learnerDash(i, theme.lineWidth),
  });

  const points = curves.length > 0 ? pointsOf(curves[0]) : 0;
  let maxX = 0;
  for (const c of curves) {
    const n = pointsOf(c);
    if (n > 0) maxX = Math.max(maxX, c.x[n - 1]);
  }

  const xScale = useMemo(
    () =>
      logX
        ? scaleLog()
            .domain([1, Math.max(10, maxX)])
            .range([0, plotW])
            .clamp(true)
        : scaleLinear()
            .domain([0, Math.max(1, maxX)])
            .range([0, plotW]),
    [logX, maxX, plotW],
  );
  const yScale = useMemo(() => scaleLinear().domain([0, 1]).range([plotH, 0]), [plotH]);

  const paths = useMemo(
    () =>
      curves.map((c, i) => {
        const n = pointsOf(c);
        const idx = columnEnvelopeIndices(c.x, c.mean, n, xScale);
        const toX = (j: number) => xScale(c.x[j]);
        const linePath =
          line<number>()
            .x(toX)
            .y((j) => yScale(c.mean[j]))(idx) ?? '';
        const hasStd = n > 0 && c.std.length >= n;
        const band = hasStd
          ? (area<number>()
              .defined((j) => Number.isFinite(c.std[j]))
              .x(toX)
              .y0((j) => yScale(clamp01(c.mean[j] - c.std[j])))
              .y1((j) => yScale(clamp01(c.mean[j] + c.std[j])))(idx) ?? '')
          : null;
        return { key: c.name, index: i, linePath, band };
      }),
    [curves, xScale, yScale],
  );

  // The learners' names right of the plot, at their lines' last points, pushed apart to not overlap.
  const ends = useMemo(() => {
    const last = curves.flatMap((c, i) => {
      const n = pointsOf(c);
      return n > 0 && Number.isFinite(c.mean[n - 1])
        ? [{ key: c.name, label: c.label, index: i, x: xScale(c.x[n - 1]), y: yScale(clamp01(c.mean[n - 1])) }]
        : [];
    });
    const at = spreadLabels(
      last.map((l) => l.y),
      lineHeight(theme.labelFont) + 1,
      0,
      plotH,
    );
    return last.map((l, k) => ({ ...l, labelY: at[k] }));
  }, [curves, xScale, yScale, plotH, theme.labelFont]);

  const renderX = useMemo(() => bottomAxis(xScale, tickCount(plotW), '~s'), [xScale, plotW]);
  const renderY = useMemo(() => leftAxis(yScale, 5, '.1f'), [yScale]);

  // The hovered example is re-read from this frame's curves on every render.
  let hover: { x: number; px: number; rows: { key: string; label: string; colour: string; text: string }[] } | null =
    null;
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

  const tooltip = hover && (
    <HoverTooltip
      style={tooltipBeside(hover.px, m.left, styles.headerHeight + top, plotW, styles.tooltip)}
      title={`example ${hover.x}`}
      rows={hover.rows}
    />
  );
  const name = `Cumulative accuracy of ${curves[0]?.label ?? 'VSML'}${curves.length > 1 ? ' and the baselines' : ''} against examples seen`;
  return (
    <ChartFigure
      testId="accuracy-chart"
      data={{ 'data-points': points }}
      exportName="accuracy"
      width={width}
      height={svgH}
      pointer={pointer}
      overlay={tooltip}
      label={name}
      summary={accuracySummary(curves)}
    >
      <g transform={`translate(${m.left},8)`} fontSize={theme.tickFont} fill={GREY.ink}>
        {legend.map((l) => (
          <g key={l.key} transform={`translate(${l.x},${l.y + m.legendRow / 2})`}>
            <line x2={m.swatch} {...stroke(l.index)} />
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
        {[...paths]
          .reverse()
          .map((p) =>
            p.band ? (
              <path
                key={p.key}
                d={p.band}
                fill={learnerColour(p.index)}
                fillOpacity={p.index === 0 ? 0.2 : 0.12}
                stroke="none"
              />
            ) : null,
          )}
        {[...paths].reverse().map((p) => (
          <path key={p.key} d={p.linePath} fill="none" {...stroke(p.index)} strokeLinejoin="round" />
        ))}
        <g fontSize={theme.labelFont} fill={GREY.ink}>
          {ends.map((e) => (
            <g key={e.key}>
              <line
                x1={e.x + 2}
                y1={e.y}
                x2={plotW + 8}
                y2={e.labelY}
                stroke={learnerColour(e.index)}
                strokeWidth={1}
              />
              <text
                data-direct-label={e.key}
                x={plotW + 12}
                y={e.labelY}
                dy="0.32em"
                fontWeight={e.index === 0 ? 600 : 400}
              >
                {e.label}
              </text>
            </g>
          ))}
        </g>
      </PlotArea>
    </ChartFigure>
  );
}
