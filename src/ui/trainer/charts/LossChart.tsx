// The meta-loss per step: every step's loss as a dot on a faint line (decimated to at most 4 points per
// pixel column; NaN = a gap), the debiased moving average on top, rejected steps as red ticks; on
// hover a rule at the nearest step with its loss and average. Root `data-testid="loss-chart"` with
// `data-points` = the steps drawn.
import { useMemo } from 'react';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { bottomAxis, leftAxis, tickCount } from '../../charts/axes';
import { ChartFigure } from '../../charts/ChartFigure';
import { tooltipBeside } from '../../charts/chartStyle';
import { columnEnvelopeIndices } from '../../charts/columnEnvelope';
import { HoverTooltip } from '../../charts/HoverTooltip';
import { GREY, learnerColour } from '../../charts/palette';
import { PlotArea } from '../../charts/PlotArea';
import { usePlotHover } from '../../charts/usePlotHover';
import { formatLoss } from '../format';
import { lossDomain, nearestStepIndex, rejectedWithin, stepAxis, stepDomain } from '../lossSeries';

export interface LossChartProps {
  /** losses[i]: meta-loss of step i + 1 (NaN: rejected). */
  readonly losses: Float64Array;
  /** The debiased moving average, same indexing. */
  readonly smoothed: Float64Array;
  /** Rejected steps (1-based). */
  readonly rejected: Int32Array;
  /** Steps to draw (the first n of each). */
  readonly n: number;
  readonly yLabel?: string;
  readonly width?: number;
  readonly height?: number;
}

const MARGIN = { top: 26, right: 16, bottom: 40, left: 56 };
const RAW = learnerColour(0);
const SMOOTH = '#1d2330';
const BAD = '#a4161a';
const finite = (v: number) => Number.isFinite(v);

/** One path of round dots (zero-length segments with round caps): one DOM node for every point. */
function dotsPath(idx: Int32Array, x: (i: number) => number, y: (i: number) => number, values: Float64Array): string {
  let d = '';
  for (const i of idx) if (finite(values[i])) d += `M${x(i).toFixed(1)},${y(i).toFixed(1)}h0`;
  return d;
}

export function LossChart({
  losses,
  smoothed,
  rejected,
  n,
  yLabel = 'meta-loss',
  width = 640,
  height = 300,
}: LossChartProps) {
  const plotW = Math.max(10, width - MARGIN.left - MARGIN.right);
  const plotH = Math.max(10, height - MARGIN.top - MARGIN.bottom);
  const pointer = usePlotHover(width, MARGIN.left, plotW);

  const xScale = useMemo(() => scaleLinear().domain(stepDomain(n)).range([0, plotW]), [n, plotW]);
  const yScale = useMemo(
    () =>
      scaleLinear()
        .domain(lossDomain([losses, smoothed], n))
        .range([plotH, 0])
        .nice(),
    [losses, smoothed, n, plotH],
  );

  const drawn = useMemo(() => {
    const steps = stepAxis(n);
    const toX = (i: number) => xScale(i + 1);
    const rawIdx = columnEnvelopeIndices(steps, losses, n, xScale);
    const smoothIdx = columnEnvelopeIndices(steps, smoothed, n, xScale);
    const rawY = (i: number) => yScale(losses[i]);
    return {
      rawLine:
        line<number>()
          .defined((i) => finite(losses[i]))
          .x(toX)
          .y(rawY)(rawIdx) ?? '',
      rawDots: dotsPath(rawIdx, toX, rawY, losses),
      smoothLine:
        line<number>()
          .defined((i) => finite(smoothed[i]))
          .x(toX)
          .y((i) => yScale(smoothed[i]))(smoothIdx) ?? '',
      rejected: rejectedWithin(rejected, n)
        .map((s) => `M${xScale(s).toFixed(1)},${plotH}v-8`)
        .join(''),
      rejectedCount: rejectedWithin(rejected, n).length,
    };
  }, [losses, smoothed, rejected, n, xScale, yScale, plotH]);

  const renderX = useMemo(() => bottomAxis(xScale, tickCount(plotW), '~s'), [xScale, plotW]);
  const renderY = useMemo(() => leftAxis(yScale, 5), [yScale]);

  const hi = pointer.hoverPx === null ? -1 : nearestStepIndex(xScale.invert(pointer.hoverPx), n);
  const hover = hi < 0 ? null : { step: hi + 1, px: xScale(hi + 1), raw: losses[hi], avg: smoothed[hi] };

  const tooltip = hover && (
    <HoverTooltip
      testId="loss-tooltip"
      style={tooltipBeside(hover.px, MARGIN.left, 20 + MARGIN.top, plotW)}
      title={`step ${hover.step}`}
      rows={[
        { key: 'raw', colour: RAW, mark: '●', label: yLabel, text: formatLoss(hover.raw) },
        { key: 'avg', colour: SMOOTH, label: 'average', text: formatLoss(hover.avg) },
      ]}
    />
  );
  return (
    <ChartFigure
      testId="loss-chart"
      data={{ 'data-points': n, 'data-rejected': drawn.rejectedCount }}
      exportName="meta-loss"
      width={width}
      height={height}
      pointer={pointer}
      overlay={tooltip}
    >
      <g transform={`translate(${MARGIN.left},8)`} fontSize={11} fill={GREY.ink}>
        <circle cx={4} cy={6} r={2.5} fill={RAW} />
        <text x={12} y={6} dy="0.32em">
          each step
        </text>
        <line x1={80} x2={96} y1={6} y2={6} stroke={SMOOTH} strokeWidth={2} />
        <text x={100} y={6} dy="0.32em">
          moving average (debiased)
        </text>
        <line x1={262} x2={262} y1={1} y2={11} stroke={BAD} strokeWidth={2} />
        <text x={268} y={6} dy="0.32em">
          rejected step
        </text>
      </g>
      <PlotArea
        left={MARGIN.left}
        top={MARGIN.top}
        width={plotW}
        height={plotH}
        yScale={yScale}
        renderX={renderX}
        renderY={renderY}
        empty={n === 0 ? 'No steps yet' : null}
        rulePx={hover ? hover.px : null}
        xTitle="meta-training step"
        xTitleBelow={32}
        yTitle={yLabel}
        yTitleLeft={44}
      >
        <path d={drawn.rawLine} fill="none" stroke={RAW} strokeOpacity={0.35} strokeWidth={1} />
        <path d={drawn.rawDots} fill="none" stroke={RAW} strokeWidth={n > plotW / 3 ? 2.5 : 5} strokeLinecap="round" />
        <path d={drawn.smoothLine} fill="none" stroke={SMOOTH} strokeWidth={2} strokeLinejoin="round" />
        <path d={drawn.rejected} fill="none" stroke={BAD} strokeWidth={2} />
      </PlotArea>
    </ChartFigure>
  );
}
