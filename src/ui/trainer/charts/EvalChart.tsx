// Held-out evaluations: the cumulative online accuracy at the end of each evaluation against the step
// it was made at, one line with dots per evaluation dataset, a legend, and on hover a rule at the
// nearest evaluated step with every dataset's accuracy and loss there. Root `data-testid="eval-chart"`
// with `data-points` = evaluations of the first dataset.
import { useMemo } from 'react';
import { format } from 'd3-format';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { bottomAxis, leftAxis, tickCount } from '../../charts/axes';
import { ChartFigure } from '../../charts/ChartFigure';
import { tooltipBeside } from '../../charts/chartStyle';
import { CHAR_WIDTH } from '../../charts/classTicks';
import { HoverTooltip } from '../../charts/HoverTooltip';
import { GREY, learnerColour } from '../../charts/palette';
import { PlotArea } from '../../charts/PlotArea';
import { usePlotHover } from '../../charts/usePlotHover';
import { evalStepDomain, nearestEvalStep, type EvalSeries } from '../evalSeries';

export interface EvalChartProps {
  readonly series: readonly EvalSeries[];
  /** The run's last step: the x axis reaches at least there. */
  readonly totalSteps: number;
  /** Chance accuracy (1 / classes), drawn as a dashed line when given. */
  readonly chance?: number | null;
  readonly width?: number;
  readonly height?: number;
}

const MARGIN = { right: 16, bottom: 40, left: 44 };
const LEGEND_ROW = 16;
const fmt = format('.3f');

function legendRows(series: readonly EvalSeries[], width: number) {
  let x = 0;
  let row = 0;
  return series.map((s, i) => {
    const w = 16 + 4 + s.name.length * CHAR_WIDTH + 14;
    if (x > 0 && x + w > width) {
      x = 0;
      row += 1;
    }
    const item = { name: s.name, colour: learnerColour(i), x, y: row * LEGEND_ROW };
    x += w;
    return item;
  });
}

export function EvalChart({ series, totalSteps, chance = null, width = 640, height = 300 }: EvalChartProps) {
  const plotW = Math.max(10, width - MARGIN.left - MARGIN.right);
  const pointer = usePlotHover(width, MARGIN.left, plotW);
  const legend = useMemo(() => legendRows(series, plotW), [series, plotW]);
  const rows = legend.reduce((m, l) => Math.max(m, l.y / LEGEND_ROW + 1), 0);
  const top = 8 + Math.max(1, rows) * LEGEND_ROW + 6;
  const plotH = Math.max(10, height - top - MARGIN.bottom);
  const points = series.length > 0 ? series[0].steps.length : 0;

  const xScale = useMemo(
    () =>
      scaleLinear()
        .domain(evalStepDomain(series, Math.max(1, totalSteps)))
        .range([0, plotW]),
    [series, totalSteps, plotW],
  );
  const yScale = useMemo(() => scaleLinear().domain([0, 1]).range([plotH, 0]), [plotH]);

  const paths = useMemo(
    () =>
      series.map((s, i) => {
        const idx = Array.from(s.steps, (_, j) => j);
        const x = (j: number) => xScale(s.steps[j]);
        const y = (j: number) => yScale(s.accuracy[j]);
        return {
          name: s.name,
          colour: learnerColour(i),
          line:
            line<number>()
              .defined((j) => Number.isFinite(s.accuracy[j]))
              .x(x)
              .y(y)(idx) ?? '',
          dots: idx
            .filter((j) => Number.isFinite(s.accuracy[j]))
            .map((j) => `M${x(j).toFixed(1)},${y(j).toFixed(1)}h0`)
            .join(''),
        };
      }),
    [series, xScale, yScale],
  );

  const renderX = useMemo(() => bottomAxis(xScale, tickCount(plotW), '~s'), [xScale, plotW]);
  const renderY = useMemo(() => leftAxis(yScale, 5, '.1f'), [yScale]);

  const at = pointer.hoverPx === null ? null : nearestEvalStep(series, xScale.invert(pointer.hoverPx));
  const hover =
    at === null
      ? null
      : {
          step: at,
          px: xScale(at),
          rows: series.map((s, i) => {
            const j = s.steps.indexOf(at);
            return {
              key: s.name,
              label: s.name,
              colour: learnerColour(i),
              text: j < 0 ? '–' : `${fmt(s.accuracy[j])} (loss ${fmt(s.loss[j])})`,
            };
          }),
        };

  const tooltip = hover && (
    <HoverTooltip
      style={tooltipBeside(hover.px, MARGIN.left, 20 + top, plotW)}
      title={`step ${hover.step}`}
      rows={hover.rows}
    />
  );
  return (
    <ChartFigure
      testId="eval-chart"
      data={{ 'data-points': points, 'data-series': series.length }}
      exportName="evaluations"
      width={width}
      height={height}
      pointer={pointer}
      overlay={tooltip}
    >
      <g transform={`translate(${MARGIN.left},8)`} fontSize={11} fill={GREY.ink}>
        {legend.map((l) => (
          <g key={l.name} transform={`translate(${l.x},${l.y + LEGEND_ROW / 2})`}>
            <line x2={16} stroke={l.colour} strokeWidth={2} />
            <text x={20} dy="0.32em">
              {l.name}
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
        empty={points === 0 ? 'No evaluations yet' : null}
        rulePx={hover ? hover.px : null}
        xTitle="meta-training step"
        xTitleBelow={32}
        yTitle="cumulative accuracy at the end"
        yTitleLeft={34}
      >
        {chance !== null && Number.isFinite(chance) && (
          <g>
            <line x2={plotW} y1={yScale(chance)} y2={yScale(chance)} stroke={GREY.axis} strokeDasharray="4,3" />
            <text x={plotW - 2} y={yScale(chance) - 4} textAnchor="end" fill={GREY.text} fontSize={10}>
              chance
            </text>
          </g>
        )}
        {paths.map((p) => (
          <g key={p.name}>
            <path d={p.line} fill="none" stroke={p.colour} strokeWidth={2} strokeLinejoin="round" />
            <path d={p.dots} fill="none" stroke={p.colour} strokeWidth={6} strokeLinecap="round" />
          </g>
        ))}
      </PlotArea>
    </ChartFigure>
  );
}
