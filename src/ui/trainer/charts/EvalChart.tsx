// Held-out evaluations: the cumulative online accuracy at the end of each evaluation against the step
// it was made at, one line with dots per evaluation dataset, a legend, and on hover a rule at the
// nearest evaluated step with every dataset's accuracy and loss there. Root `data-testid="eval-chart"`
// with `data-points` = evaluations of the first dataset.
import { useCallback, useMemo, useRef, useState, type PointerEvent } from 'react';
import { axisBottom, axisLeft } from 'd3-axis';
import { format } from 'd3-format';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { Axis, type AxisRender } from '../../charts/Axis';
import { figureStyle, headerStyle, svgTextStyle, tooltipStyle } from '../../charts/chartStyle';
import { CHAR_WIDTH } from '../../charts/classTicks';
import { ExportButtons } from '../../charts/ExportButtons';
import { GREY, learnerColour } from '../../charts/palette';
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
  const svgRef = useRef<SVGSVGElement>(null);
  const [hoverPx, setHoverPx] = useState<number | null>(null);
  const plotW = Math.max(10, width - MARGIN.left - MARGIN.right);
  const legend = useMemo(() => legendRows(series, plotW), [series, plotW]);
  const rows = legend.reduce((m, l) => Math.max(m, l.y / LEGEND_ROW + 1), 0);
  const top = 8 + Math.max(1, rows) * LEGEND_ROW + 6;
  const plotH = Math.max(10, height - top - MARGIN.bottom);
  const points = series.length > 0 ? series[0].steps.length : 0;

  const xScale = useMemo(() => scaleLinear().domain(evalStepDomain(series, Math.max(1, totalSteps))).range([0, plotW]), [series, totalSteps, plotW]);
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
          line: line<number>().defined((j) => Number.isFinite(s.accuracy[j])).x(x).y(y)(idx) ?? '',
          dots: idx.filter((j) => Number.isFinite(s.accuracy[j])).map((j) => `M${x(j).toFixed(1)},${y(j).toFixed(1)}h0`).join(''),
        };
      }),
    [series, xScale, yScale],
  );

  const renderX = useCallback<AxisRender>(
    (g) => {
      g.call(axisBottom(xScale).ticks(Math.max(2, Math.floor(plotW / 80)), '~s').tickSizeOuter(0));
    },
    [xScale, plotW],
  );
  const renderY = useCallback<AxisRender>(
    (g) => {
      g.call(axisLeft(yScale).ticks(5, '.1f').tickSizeOuter(0));
      g.select('.domain').remove();
    },
    [yScale],
  );

  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const px = ((e.clientX - rect.left) * width) / Math.max(1, rect.width) - MARGIN.left;
    setHoverPx(px >= 0 && px <= plotW ? px : null);
  };
  const at = hoverPx === null ? null : nearestEvalStep(series, xScale.invert(hoverPx));
  const hover =
    at === null
      ? null
      : {
          step: at,
          px: xScale(at),
          rows: series.map((s, i) => {
            const j = s.steps.indexOf(at);
            return { name: s.name, colour: learnerColour(i), text: j < 0 ? '–' : `${fmt(s.accuracy[j])} (loss ${fmt(s.loss[j])})` };
          }),
        };

  return (
    <figure data-testid="eval-chart" data-points={points} data-series={series.length} style={figureStyle}>
      <div style={headerStyle}>
        <span />
        <ExportButtons name="evaluations" getSvg={() => svgRef.current} />
      </div>
      <svg
        ref={svgRef} width={width} height={height} viewBox={`0 0 ${width} ${height}`}
        style={{ ...svgTextStyle, maxWidth: '100%', height: 'auto' }}
        onPointerMove={onPointerMove} onPointerLeave={() => setHoverPx(null)}
      >
        <g transform={`translate(${MARGIN.left},8)`} fontSize={11} fill={GREY.ink}>
          {legend.map((l) => (
            <g key={l.name} transform={`translate(${l.x},${l.y + LEGEND_ROW / 2})`}>
              <line x2={16} stroke={l.colour} strokeWidth={2} />
              <text x={20} dy="0.32em">{l.name}</text>
            </g>
          ))}
        </g>
        <g transform={`translate(${MARGIN.left},${top})`}>
          {yScale.ticks(5).map((t) => (
            <line key={t} x2={plotW} y1={yScale(t)} y2={yScale(t)} stroke={GREY.grid} />
          ))}
          <Axis render={renderY} />
          <Axis render={renderX} transform={`translate(0,${plotH})`} />
          {chance !== null && Number.isFinite(chance) && (
            <g>
              <line x2={plotW} y1={yScale(chance)} y2={yScale(chance)} stroke={GREY.axis} strokeDasharray="4,3" />
              <text x={plotW - 2} y={yScale(chance) - 4} textAnchor="end" fill={GREY.text} fontSize={10}>chance</text>
            </g>
          )}
          {paths.map((p) => (
            <g key={p.name}>
              <path d={p.line} fill="none" stroke={p.colour} strokeWidth={2} strokeLinejoin="round" />
              <path d={p.dots} fill="none" stroke={p.colour} strokeWidth={6} strokeLinecap="round" />
            </g>
          ))}
          {points === 0 && (
            <text x={plotW / 2} y={plotH / 2} textAnchor="middle" fill={GREY.text} fontSize={12}>
              No evaluations yet
            </text>
          )}
          {hover && <line data-export="skip" x1={hover.px} x2={hover.px} y2={plotH} stroke={GREY.axis} strokeDasharray="3,3" />}
          <text x={plotW / 2} y={plotH + 32} textAnchor="middle" fill={GREY.text} fontSize={11}>
            meta-training step
          </text>
          <text transform={`translate(-34,${plotH / 2}) rotate(-90)`} textAnchor="middle" fill={GREY.text} fontSize={11}>
            cumulative accuracy at the end
          </text>
        </g>
      </svg>
      {hover && (
        <div
          data-export="skip"
          style={{ ...tooltipStyle, top: 20 + top, left: MARGIN.left + hover.px + (hover.px > plotW / 2 ? -12 : 12), transform: hover.px > plotW / 2 ? 'translateX(-100%)' : undefined }}
        >
          <div style={{ color: GREY.text }}>step {hover.step}</div>
          {hover.rows.map((r) => (
            <div key={r.name}>
              <span style={{ color: r.colour }}>■</span> {r.name}: {r.text}
            </div>
          ))}
        </div>
      )}
    </figure>
  );
}
