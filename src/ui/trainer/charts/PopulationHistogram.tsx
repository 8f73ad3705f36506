// The last step's population: its 2P rollout losses (P trajectory losses with method gradient) binned
// over their range (populationHistogram), one bar per bin, hover a bar for its range and count. Root
// `data-testid="population-histogram"` with `data-count` = finite losses binned and `data-bins`.
import { useMemo, useRef, useState } from 'react';
import { format } from 'd3-format';
import { scaleLinear } from 'd3-scale';
import { Axis } from '../../charts/Axis';
import { bottomAxis, leftAxis, tickCount } from '../../charts/axes';
import { figureStyle, headerStyle, readoutStyle, svgTextStyle } from '../../charts/chartStyle';
import { ExportButtons } from '../../charts/ExportButtons';
import { GREY, learnerColour } from '../../charts/palette';
import { populationHistogram } from '../histogram';

export interface PopulationHistogramProps {
  readonly losses: Float64Array;
  /** What one loss is: "rollout" (ES) or "trajectory" (gradient). */
  readonly unit: string;
  readonly step: number;
  readonly width?: number;
  readonly height?: number;
}

const MARGIN = { top: 8, right: 16, bottom: 40, left: 44 };
const fmt = format('.5~f');

export function PopulationHistogram({ losses, unit, step, width = 420, height = 240 }: PopulationHistogramProps) {
  const svgRef = useRef<SVGSVGElement>(null);
  const [hovered, setHovered] = useState<number | null>(null);
  const h = useMemo(() => populationHistogram(losses), [losses]);
  const plotW = Math.max(10, width - MARGIN.left - MARGIN.right);
  const plotH = Math.max(10, height - MARGIN.top - MARGIN.bottom);
  const x = useMemo(() => {
    if (h.bins.length === 0) return scaleLinear().domain([0, 1]).range([0, plotW]);
    const lo = h.bins[0].x0;
    const hi = h.bins[h.bins.length - 1].x1;
    const pad = lo === hi ? Math.max(1e-3, Math.abs(lo) / 100) : 0;
    return scaleLinear()
      .domain([lo - pad, hi + pad])
      .range([0, plotW]);
  }, [h, plotW]);
  const y = useMemo(
    () =>
      scaleLinear()
        .domain([0, Math.max(1, h.maxCount)])
        .range([plotH, 0])
        .nice(),
    [h, plotH],
  );

  const renderX = useMemo(() => bottomAxis(x, tickCount(plotW, 90)), [x, plotW]);
  const renderY = useMemo(() => leftAxis(y, Math.min(5, Math.max(1, h.maxCount)), 'd'), [y, h.maxCount]);

  const bars = h.bins.map((b, i) => {
    const single = b.x0 === b.x1;
    const x0 = single ? x(b.x0) - 3 : x(b.x0) + 0.5;
    const w = single ? 6 : Math.max(1, x(b.x1) - x(b.x0) - 1);
    return { i, x: x0, w, y: y(b.count), h: plotH - y(b.count), bin: b };
  });
  const hb = hovered !== null ? h.bins[hovered] : undefined;
  const readout = hb
    ? `${hb.count} ${unit}${hb.count === 1 ? '' : 's'} with loss in [${fmt(hb.x0)}, ${fmt(hb.x1)}${hovered === h.bins.length - 1 ? ']' : ')'}`
    : h.finite > 0
      ? `${h.finite} ${unit} losses of step ${step}${h.nonFinite > 0 ? `, ${h.nonFinite} not finite (left out)` : ''}`
      : '';

  return (
    <figure data-testid="population-histogram" data-count={h.finite} data-bins={h.bins.length} style={figureStyle}>
      <div style={headerStyle}>
        <span />
        <ExportButtons name="population" getSvg={() => svgRef.current} />
      </div>
      <div style={readoutStyle} data-export="skip">
        {readout}
      </div>
      <svg
        ref={svgRef}
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        style={{ ...svgTextStyle, maxWidth: '100%', height: 'auto' }}
      >
        <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
          {y.ticks(Math.min(5, Math.max(1, h.maxCount))).map((t) => (
            <line key={t} x2={plotW} y1={y(t)} y2={y(t)} stroke={GREY.grid} />
          ))}
          <Axis render={renderY} />
          <Axis render={renderX} transform={`translate(0,${plotH})`} />
          {bars.map((b) => (
            <rect
              key={b.i}
              x={b.x}
              y={b.y}
              width={b.w}
              height={b.h}
              fill={learnerColour(0)}
              fillOpacity={hovered === b.i ? 1 : 0.75}
              onPointerEnter={() => setHovered(b.i)}
              onPointerLeave={() => setHovered(null)}
            />
          ))}
          {h.finite === 0 && (
            <text x={plotW / 2} y={plotH / 2} textAnchor="middle" fill={GREY.text} fontSize={12}>
              No step yet
            </text>
          )}
          <text x={plotW / 2} y={plotH + 32} textAnchor="middle" fill={GREY.text} fontSize={11}>
            {unit} loss
          </text>
          <text
            transform={`translate(-34,${plotH / 2}) rotate(-90)`}
            textAnchor="middle"
            fill={GREY.text}
            fontSize={11}
          >
            {unit}s
          </text>
        </g>
      </svg>
    </figure>
  );
}
