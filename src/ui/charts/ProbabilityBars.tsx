// The output probabilities for the current example: one bar per class, the true class marked with a
// square and the predicted class with a circle under its bar (the paper's Fig. 9 notation). Up to
// ~50 classes: the class names turn 90° and thin out when they would overlap. Fits the box width x
// height (header included) when given; text sizes from the chart theme. The <svg> is an image named
// for assistive technology and described by a summary ("Predicted 7 (p 0.81); true label 7: correct").
import { useCallback, useMemo, useRef } from 'react';
import { axisLeft } from 'd3-axis';
import { scaleBand, scaleLinear } from 'd3-scale';
import { Axis, type AxisRender } from './Axis';
import { charWidth, useChartTheme } from './chartTheme';
import { useChartStyles } from './chartStyle';
import { classTickLayout, className, labelWidth } from './classTicks';
import { ChartSummary, useSummaryId } from './ChartSummary';
import { ExportButtons } from './ExportButtons';
import { MarkerLegend, markerLegendWidth } from './MarkerLegend';
import { GREY, MARKER, learnerColour } from './palette';
import { circlePath, squarePath } from './strip';
import { probabilitySummary } from './summaries';

export interface ProbabilityBarsProps {
  /** [K] probabilities of the current example. */
  readonly probabilities: Float32Array;
  /** True class; -1 while it has not been shown. */
  readonly label: number;
  /** Predicted class (argmax); -1 for none. */
  readonly predicted: number;
  readonly classNames: readonly string[];
  /** The box to fit in, header included (px); default: 22 px per class (240 to 640 px wide), bars 140 px tall. */
  readonly width?: number;
  readonly height?: number;
}

const RIGHT = 8;
const PLOT_H = 140;
const MIN_PLOT_H = 40;
const MARKER_ROW = 14;
const MAX_MARKER = 9;

export function ProbabilityBars({
  probabilities,
  label,
  predicted,
  classNames,
  width: boxW,
  height: boxH,
}: ProbabilityBarsProps) {
  const svgRef = useRef<SVGSVGElement>(null);
  const summaryId = useSummaryId('output-probabilities');
  const { tickFont } = useChartTheme();
  const styles = useChartStyles();
  const K = probabilities.length;
  const left = Math.round(6 + 3 + 3 * charWidth(tickFont) + 6);
  const top = tickFont + 13;
  const legendW = markerLegendWidth(tickFont);
  const plotW = boxW !== undefined ? Math.max(K * 3, boxW - left - RIGHT) : Math.min(640, Math.max(240, K * 22));

  const names = useMemo(() => Array.from({ length: K }, (_, k) => className(classNames, k)), [classNames, K]);
  const x = useMemo(
    () =>
      scaleBand<number>()
        .domain(Array.from({ length: K }, (_, k) => k))
        .range([0, plotW])
        .paddingInner(0.2)
        .paddingOuter(0.1),
    [K, plotW],
  );
  const ticks = useMemo(() => classTickLayout(names, x.step(), tickFont), [names, x, tickFont]);
  const labelsHeight = ticks.rotate ? labelWidth(names, tickFont) + 6 : tickFont + 4;
  const plotH =
    boxH !== undefined
      ? Math.max(MIN_PLOT_H, Math.floor(boxH - styles.headerHeight - top - MARKER_ROW - labelsHeight - 4))
      : PLOT_H;
  const y = useMemo(() => scaleLinear().domain([0, 1]).range([plotH, 0]), [plotH]);
  const width =
    boxW !== undefined ? Math.max(boxW, left + K * 3 + RIGHT) : Math.max(left + plotW + RIGHT, left + legendW);
  const height = top + plotH + MARKER_ROW + labelsHeight + 4;

  const renderY = useCallback<AxisRender>(
    (g) => {
      g.call(
        axisLeft(y)
          .tickValues([0, 0.5, 1])
          .tickFormat((v) => String(v))
          .tickSizeOuter(0),
      );
    },
    [y],
  );

  let sum = 0;
  for (let k = 0; k < K; k++) sum += probabilities[k];
  const bw = x.bandwidth();
  const marker = Math.min(MAX_MARKER, Math.max(4, bw));
  const centre = (k: number) => (x(k) ?? 0) + bw / 2;
  const markerY = plotH + MARKER_ROW / 2 + 1;

  return (
    <figure data-testid="output-probabilities" data-sum={sum} style={styles.figure}>
      <div style={styles.header}>
        <span />
        <ExportButtons name="output-probabilities" getSvg={() => svgRef.current} />
      </div>
      <svg
        ref={svgRef}
        width={width}
        height={height}
        role="img"
        aria-label="Output probabilities of the current example, one bar per class"
        aria-describedby={summaryId}
        style={styles.svgText}
      >
        <MarkerLegend x={left} y={Math.round(tickFont * 0.9)} />
        <g transform={`translate(${left},${top})`}>
          <line x2={plotW} y1={y(0.5)} y2={y(0.5)} stroke={GREY.grid} />
          <line x2={plotW} y1={y(1)} y2={y(1)} stroke={GREY.grid} />
          <Axis render={renderY} />
          {names.map((name, k) => {
            const p = probabilities[k];
            const h = Number.isFinite(p) ? plotH - y(Math.min(1, Math.max(0, p))) : 0;
            return (
              <rect
                key={k}
                data-p={p}
                x={x(k)}
                y={plotH - h}
                width={bw}
                height={h}
                fill={k === predicted ? learnerColour(0) : GREY.bar}
              >
                <title>{`${name}: ${Number.isFinite(p) ? p.toFixed(4) : p}`}</title>
              </rect>
            );
          })}
          <line x2={plotW} y1={plotH} y2={plotH} stroke={GREY.axis} />
          {label >= 0 && label < K && (
            <path
              d={squarePath(centre(label), markerY, marker)}
              fill="none"
              stroke={MARKER.trueClass}
              strokeWidth={1.5}
            />
          )}
          {predicted >= 0 && predicted < K && (
            <path
              d={circlePath(centre(predicted), markerY, marker * 0.38)}
              fill={MARKER.predictedFill}
              stroke={MARKER.predicted}
              strokeWidth={1.25}
            />
          )}
          <g fontSize={tickFont} fill={GREY.text}>
            {names.map((name, k) =>
              k % ticks.every !== 0 ? null : ticks.rotate ? (
                <text
                  key={k}
                  transform={`translate(${centre(k)},${plotH + MARKER_ROW + 4}) rotate(-90)`}
                  textAnchor="end"
                  dy="0.32em"
                >
                  {name}
                </text>
              ) : (
                <text key={k} x={centre(k)} y={plotH + MARKER_ROW + 4} textAnchor="middle" dy="0.71em">
                  {name}
                </text>
              ),
            )}
          </g>
        </g>
      </svg>
      <ChartSummary
        id={summaryId}
        testId="output-probabilities"
        text={probabilitySummary(probabilities, label, predicted, classNames)}
      />
    </figure>
  );
}
