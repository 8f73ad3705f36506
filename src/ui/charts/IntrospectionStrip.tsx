// The last 100 examples' output probabilities: one column per example (oldest left), one row per class,
// cell colour = p. A square marks each example's true class, a circle its argmax (the paper's Fig. 9
// notation). Cells are painted on a canvas; class names, axis, markers and legend are an SVG on top.
// Fits the box width x height (header included); text sizes from the chart theme. The drawing is an
// image named for assistive technology and described by a summary ("Last 100 examples: 64 correct").
// With fast-association marks (stripMarks.ts), a band above the columns marks each example's first
// (outlined triangle) or second (filled) showing, and a dashed line where an episode begins.
import { useLayoutEffect, useMemo, useRef, useState, type PointerEvent } from 'react';
import { scaleLinear } from 'd3-scale';
import { Axis } from './Axis';
import { bottomAxis, tickCount } from './axes';
import { atlasImage, drawAtlas } from './canvasPaint';
import { charWidth, useChartTheme } from './chartTheme';
import { useChartStyles } from './chartStyle';
import { className, labelWidth, thinEvery } from './classTicks';
import { ColourLegend, colourLegendHeight } from './ColourLegend';
import { ChartSummary, useSummaryId } from './ChartSummary';
import { ExportButtons } from './ExportButtons';
import { MarkerLegend } from './MarkerLegend';
import { GREY, MARKER, colourTable, sequentialInterpolator } from './palette';
import { STRIP_SLOTS, argmaxRow, circlePath, paintStrip, squarePath, stripWindow } from './strip';
import { stripSummary } from './summaries';
import { markPaths, marksSummary, markWords, trianglePath } from './stripMarks';

export interface IntrospectionStripProps {
  /** [n][K] output probabilities, oldest example first. */
  readonly probabilities: Float32Array;
  /** [n] true classes. */
  readonly labels: Int32Array;
  readonly numClasses: number;
  readonly classNames: readonly string[];
  /** Example number (1-based, in the whole stream) of row 0, for the axis and hover; default 1. */
  readonly firstExample?: number;
  /** [n] fast-association marks of the same examples (src/model/showings.ts), or none. */
  readonly marks?: Uint8Array;
  /** The box to fit in, header included (px): width default 640; without a height, rows of 6 to 16 px. */
  readonly width?: number;
  readonly height?: number;
}

const TABLE = colourTable(sequentialInterpolator);
const RIGHT = 16;
const MAX_CELL = 24;

export function IntrospectionStrip({
  probabilities,
  labels,
  numClasses: K,
  classNames,
  firstExample = 1,
  marks,
  width = 640,
  height,
}: IntrospectionStripProps) {
  const svgRef = useRef<SVGSVGElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const summaryId = useSummaryId('introspection-strip');
  const [hover, setHover] = useState<{ j: number; k: number } | null>(null);

  const { tickFont, labelFont } = useChartTheme();
  const styles = useChartStyles();
  const names = useMemo(() => Array.from({ length: K }, (_, k) => className(classNames, k)), [classNames, K]);
  const hasMarks = marks !== undefined && marks.some((m) => m !== 0);
  const band = hasMarks ? Math.round(tickFont * 0.9) + 3 : 0;
  const top = colourLegendHeight(tickFont) + 4 + band;
  const bottom = Math.round(6 + 3 + tickFont + 4 + labelFont + 3);
  const left = labelWidth(names, tickFont) + 10;
  const plotW = Math.max(STRIP_SLOTS, width - left - RIGHT);
  const cellW = plotW / STRIP_SLOTS;
  const fitH = height !== undefined ? height - styles.headerHeight - top - bottom : 160;
  const cellH =
    K > 0 ? Math.min(height !== undefined ? MAX_CELL : 16, Math.max(height !== undefined ? 2 : 6, fitH / K)) : 16;
  const plotH = Math.max(1, K) * cellH;
  const every = thinEvery(cellH, tickFont);

  const n = K > 0 ? Math.min(labels.length, Math.floor(probabilities.length / K)) : 0;
  const { start, shown } = stripWindow(n);
  const first = firstExample + start;

  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || K === 0) return;
    const image = atlasImage(canvas, STRIP_SLOTS, K);
    paintStrip(probabilities, K, start, shown, STRIP_SLOTS, TABLE, image.data);
    drawAtlas(canvas, plotW, plotH, [{ sx: 0, sy: 0, sw: STRIP_SLOTS, sh: K, dx: 0, dy: 0, dw: plotW, dh: plotH }]);
  }, [probabilities, K, start, shown, plotW, plotH]);

  const markers = useMemo(() => {
    const side = Math.max(3, Math.min(cellW, cellH) - 0.5);
    let squares = '';
    let circles = '';
    for (let j = 0; j < shown; j++) {
      const cx = (j + 0.5) * cellW;
      const l = labels[start + j];
      if (l >= 0 && l < K) squares += squarePath(cx, (l + 0.5) * cellH, side);
      const m = argmaxRow(probabilities, K, start + j);
      if (m >= 0) circles += circlePath(cx, (m + 0.5) * cellH, Math.max(1, side * 0.3));
    }
    return { squares, circles };
  }, [probabilities, labels, K, start, shown, cellW, cellH]);

  const markShapes = useMemo(
    () => (hasMarks && marks ? markPaths(marks, start, shown, cellW, band, band + plotH) : null),
    [hasMarks, marks, start, shown, cellW, band, plotH],
  );

  const renderX = useMemo(
    () =>
      bottomAxis(
        scaleLinear()
          .domain([first - 0.5, first - 0.5 + STRIP_SLOTS])
          .range([0, plotW]),
        tickCount(plotW, 90),
        'd',
      ),
    [first, plotW],
  );

  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const j = Math.floor((e.clientX - rect.left - left) / cellW);
    const k = Math.floor((e.clientY - rect.top - top) / cellH);
    setHover(j >= 0 && j < STRIP_SLOTS && k >= 0 && k < K ? { j, k } : null);
  };

  // The hovered cell keeps its place on screen; what is under it is read from this frame's arrays.
  let readout = '';
  if (hover && hover.j < shown && hover.k < K) {
    const row = start + hover.j;
    const p = probabilities[row * K + hover.k];
    const notes = [
      labels[row] === hover.k ? 'true class' : '',
      argmaxRow(probabilities, K, row) === hover.k ? 'predicted' : '',
    ].filter(Boolean);
    const mark = marks ? markWords(marks[row] ?? 0) : '';
    readout = `example ${firstExample + row}${mark ? ` (${mark})` : ''} · class ${names[hover.k]} · p = ${p.toFixed(4)}${notes.length ? ` (${notes.join(', ')})` : ''}`;
  }

  const svgW = left + plotW + RIGHT;
  const svgH = top + plotH + bottom;
  const legendW = Math.round(charWidth(tickFont) * 22);
  return (
    <figure data-testid="introspection-strip" style={styles.figure}>
      <div style={styles.header}>
        <span style={{ ...styles.readout, fontWeight: 400 }}>{readout}</span>
        <ExportButtons name="introspection-strip" getSvg={() => svgRef.current} getCanvas={() => canvasRef.current} />
      </div>
      <div
        role="img"
        aria-label={`Output probabilities of the last ${STRIP_SLOTS} examples: one column per example, one row per class`}
        aria-describedby={summaryId}
        style={{ position: 'relative', width: svgW, height: svgH }}
      >
        <canvas ref={canvasRef} style={{ position: 'absolute', left, top, width: plotW, height: plotH }} />
        <svg
          ref={svgRef}
          width={svgW}
          height={svgH}
          style={{ ...styles.svgText, position: 'absolute', left: 0, top: 0 }}
          onPointerMove={onPointerMove}
          onPointerLeave={() => setHover(null)}
        >
          <MarkerLegend x={left} y={tickFont + 9} predictedText="predicted (argmax)" />
          <ColourLegend
            interpolate={sequentialInterpolator}
            domain={[0, 1]}
            caption="p"
            x={svgW - RIGHT - legendW}
            y={0}
            width={legendW}
          />
          <g transform={`translate(${left},${top})`}>
            <rect width={plotW} height={plotH} fill="none" stroke={GREY.grid} />
            <g fontSize={tickFont} fill={GREY.text} textAnchor="end">
              {names.map((name, k) =>
                k % every === 0 ? (
                  <text key={k} x={-5} y={(k + 0.5) * cellH} dy="0.32em">
                    {name}
                  </text>
                ) : null,
              )}
            </g>
            <path d={markers.squares} fill="none" stroke={MARKER.trueClass} strokeWidth={1.25} />
            <path d={markers.circles} fill={MARKER.predictedFill} stroke={MARKER.predicted} strokeWidth={0.75} />
            {shown === 0 && (
              <text x={plotW / 2} y={plotH / 2} dy="0.32em" textAnchor="middle" fill={GREY.text} fontSize={labelFont}>
                No examples yet
              </text>
            )}
            {hover && hover.k < K && (
              <rect
                data-export="skip"
                x={hover.j * cellW}
                y={hover.k * cellH}
                width={cellW}
                height={cellH}
                fill="none"
                stroke={GREY.ink}
              />
            )}
            <Axis render={renderX} transform={`translate(0,${plotH})`} />
            {markShapes && (
              <g transform={`translate(0,${-band})`} data-testid="strip-marks">
                <path d={markShapes.episodes} stroke={GREY.ink} strokeWidth={1} strokeDasharray="3,2" fill="none" />
                <path d={markShapes.first} fill="#ffffff" stroke={GREY.ink} strokeWidth={1} />
                <path d={markShapes.second} fill={GREY.ink} stroke={GREY.ink} strokeWidth={1} />
              </g>
            )}
            <text x={plotW / 2} y={plotH + bottom - 4} textAnchor="middle" fill={GREY.text} fontSize={labelFont}>
              example
            </text>
          </g>
        </svg>
      </div>
      {hasMarks && <MarksLegend font={tickFont} />}
      <ChartSummary
        id={summaryId}
        testId="introspection-strip"
        text={[
          stripSummary(probabilities, labels, K),
          marks ? marksSummary(probabilities, labels, marks, K, start, shown) : '',
        ]
          .filter(Boolean)
          .join('; ')}
      />
    </figure>
  );
}

/** What the marks band means, in words beside each shape. */
function MarksLegend({ font }: { readonly font: number }) {
  const side = Math.round(font * 0.9);
  const icon = (d: string, fill: string, dash?: string) => (
    <svg width={side + 2} height={side + 2} aria-hidden="true" style={{ verticalAlign: 'middle', marginRight: 4 }}>
      <path d={d} fill={fill} stroke={GREY.ink} strokeWidth={1} strokeDasharray={dash} />
    </svg>
  );
  const tri = trianglePath((side + 2) / 2, 1, side, side - 1);
  return (
    <p
      data-testid="strip-marks-legend"
      style={{ margin: '2px 0 0', fontSize: font, color: GREY.text, display: 'flex', gap: 14, flexWrap: 'wrap' }}
    >
      <span>{icon(tri, '#ffffff')}first showing of an image</span>
      <span>{icon(tri, GREY.ink)}second showing (the repeat)</span>
      <span>{icon(`M${(side + 2) / 2},0V${side + 2}`, 'none', '3,2')}a new episode begins</span>
    </p>
  );
}
