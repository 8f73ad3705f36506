// One slice of a layer's LSTM state, values[a*B + b] (A x B), as colours of a diverging map (blue < 0 <
// red). The first layer of an image task is drawn as one small image per column b (the A values of
// column b reshaped to height x width; several channels shown as their mean); any other slice as the
// A x B matrix. Pixels go through a 256-entry colour table into ImageData and are scaled up
// nearest-neighbour on one canvas; names, axes, the colour legend and the hover outline are an SVG on top.
// Fits the box width x height (header and readout included) when given; text sizes from the chart theme.
// The drawing is an image named for assistive technology and described by a summary ("Layer 0, cell
// state c, dimension 0: values from −0.41 to 0.77").
import { useCallback, useLayoutEffect, useMemo, useRef, useState, type PointerEvent } from 'react';
import { axisLeft } from 'd3-axis';
import { scaleLinear } from 'd3-scale';
import { Axis, type AxisRender } from './Axis';
import { atlasImage, drawAtlas } from './canvasPaint';
import { charWidth, useChartTheme } from './chartTheme';
import { useChartStyles } from './chartStyle';
import { classTickLayout, className, labelWidth } from './classTicks';
import { ColourLegend, colourLegendHeight } from './ColourLegend';
import { ChartSummary, useSummaryId } from './ChartSummary';
import { ExportButtons } from './ExportButtons';
import { cellAt, cellValue, heatmapLayout, isImageSlice, type HeatCell, type ImageShape } from './heatmapLayout';
import { atlasSize, heatmapRects, paintHeatmap } from './heatmapPaint';
import { columnRanges, legendDomain, type Normalisation } from './heatmapScale';
import { GREY, colourTable, divergingInterpolator } from './palette';
import { heatmapSummary, sliceName } from './summaries';

export interface StateHeatmapProps {
  /** [A][B] row-major: values[a*B + b]. */
  readonly values: Float32Array;
  /** A. */
  readonly rows: number;
  /** B. */
  readonly cols: number;
  /** The input image shape; used when height * width * channels = A (the first layer). */
  readonly imageShape: ImageShape | null;
  readonly normalisation: Normalisation;
  /** Half-width r of the 'fixed' range [-r, r]; default 1. */
  readonly fixedRange?: number;
  /** Names of the columns b (e.g. class names for the last layer). */
  readonly columnNames?: readonly string[];
  readonly title?: string;
  /**
   * Which slice this is, for the accessible name and summary ("Layer 0, cell state c, dimension 0"); default: the
   * title.
   */
  readonly slice?: { readonly layer: number; readonly vector: 'h' | 'c'; readonly j: number };
  /** The box to fit in, header and readout included (px): width default 640; without a height, by width only. */
  readonly width?: number;
  readonly height?: number;
}

const TABLE = colourTable(divergingInterpolator);
/** Up to 4 significant digits, trailing zeros dropped: 0.5, 0.01235, 1. */
const fmt = (v: number) => (Number.isFinite(v) ? String(Number(v.toPrecision(4))) : String(v));

function legendCaption(normalisation: Normalisation, range: number, channels: number): string {
  const mode =
    normalisation === 'class'
      ? 'each class column on its own scale, to its largest |value|'
      : normalisation === 'layer'
        ? `one scale for the layer: ±${fmt(range)}, its largest |value|`
        : `fixed scale: ±${fmt(range)}`;
  return channels > 1 ? `${mode} · mean of ${channels} channels` : mode;
}

export function StateHeatmap({
  values,
  rows,
  cols,
  imageShape,
  normalisation,
  fixedRange = 1,
  columnNames,
  title,
  slice,
  width = 640,
  height,
}: StateHeatmapProps) {
  const { tickFont } = useChartTheme();
  const styles = useChartStyles();
  const svgRef = useRef<SVGSVGElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const summaryId = useSummaryId('state-heatmap');
  // The hovered cell, with the layout it was found in (a new shape or size drops it).
  const [hovered, setHovered] = useState<{ cell: HeatCell; key: string } | null>(null);

  const complete = rows > 0 && cols > 0 && values.length >= rows * cols;
  const names = useMemo(
    () => Array.from({ length: cols }, (_, b) => className(columnNames ?? [], b)),
    [columnNames, cols],
  );
  const images = isImageSlice(rows, imageShape);
  const left = images ? 0 : Math.round(3 + 3 + charWidth(tickFont) * 5 + 6);
  const panelLabel = tickFont + 4;
  const legendGap = images ? 10 : 8;
  const legendH = colourLegendHeight(tickFont);
  const legendW = Math.round(charWidth(tickFont) * 34);
  const h = imageShape?.height ?? 0;
  const w = imageShape?.width ?? 0;
  const c = imageShape?.channels ?? 0;
  // The matrix's column names (and so its top) depend on the width only; the height left decides the rest.
  const ticks = useMemo(() => {
    const byWidth = images ? null : heatmapLayout(rows, cols, null, width - left);
    return byWidth?.kind === 'matrix' ? classTickLayout(names, byWidth.cellWidth, tickFont) : null;
  }, [images, rows, cols, width, left, names, tickFont]);
  const top = ticks ? (ticks.rotate ? labelWidth(names, tickFont) + 6 : panelLabel) : 0;
  const maxHeight =
    height !== undefined
      ? Math.max(20, height - styles.headerHeight - styles.readoutHeight - top - legendGap - legendH)
      : Infinity;
  const layout = useMemo(
    () =>
      heatmapLayout(
        rows,
        cols,
        images ? { height: h, width: w, channels: c } : null,
        width - left,
        maxHeight,
        panelLabel,
      ),
    [rows, cols, images, h, w, c, width, left, maxHeight, panelLabel],
  );
  const layoutKey = `${rows}x${cols}:${images ? `${h}x${w}x${c}` : 'matrix'}:${width}:${maxHeight}:${panelLabel}`;
  const hover = hovered && hovered.key === layoutKey ? hovered.cell : null;
  const ranges = useMemo(
    () => columnRanges(values, complete ? rows : 0, cols, normalisation, fixedRange),
    [values, rows, cols, complete, normalisation, fixedRange],
  );

  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    if (!complete) {
      canvas.getContext('2d')?.clearRect(0, 0, canvas.width, canvas.height);
      return;
    }
    const size = atlasSize(layout);
    const image = atlasImage(canvas, size.width, size.height);
    paintHeatmap(values, cols, layout, ranges, TABLE, image.data);
    drawAtlas(canvas, layout.width, layout.height, heatmapRects(layout));
  }, [values, cols, layout, ranges, complete]);

  const renderRows = useCallback<AxisRender>(
    (g) => {
      if (layout.kind !== 'matrix') return;
      const scale = scaleLinear().domain([0, layout.rows]).range([0, layout.height]);
      g.call(
        axisLeft(scale)
          .ticks(Math.min(layout.rows, Math.max(2, Math.floor(layout.height / 40))), 'd')
          .tickSizeOuter(0),
      );
    },
    [layout],
  );

  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const cell = cellAt(layout, e.clientX - rect.left - left, e.clientY - rect.top - top);
    setHovered(cell ? { cell, key: layoutKey } : null);
  };

  const channels = layout.kind === 'images' ? layout.shape.channels : 1;
  const domain = legendDomain(normalisation, ranges, fixedRange);
  const drawingW = left + layout.width;
  const svgW = Math.max(drawingW, legendW + 8);
  const legendY = top + layout.height + legendGap;
  const svgH = legendY + legendH;

  // The hovered cell stays; its value is re-read from this frame's values.
  let readout = '';
  if (hover && complete && hover.a < rows && hover.b < cols) {
    const where =
      layout.kind === 'images' ? ` (y ${hover.y}, x ${hover.x}${channels > 1 ? `, mean of channels` : ''})` : '';
    const bName = names[hover.b] !== String(hover.b) ? ` (${names[hover.b]})` : '';
    readout = `a ${hover.a}${where} · b ${hover.b}${bName} · value ${fmt(cellValue(values, cols, layout, hover))}`;
    if (normalisation === 'class') readout += ` (column range ±${fmt(ranges[hover.b])})`;
  }
  let outline: { x: number; y: number; w: number; h: number } | null = null;
  if (hover && layout.kind === 'matrix') {
    outline = {
      x: hover.b * layout.cellWidth,
      y: hover.a * layout.cellHeight,
      w: layout.cellWidth,
      h: layout.cellHeight,
    };
  } else if (hover && layout.kind === 'images') {
    const p = layout.panels[hover.b];
    outline = { x: p.x + hover.x * layout.scale, y: p.y + hover.y * layout.scale, w: layout.scale, h: layout.scale };
  }

  return (
    <figure data-testid="state-heatmap-figure" style={styles.figure}>
      <div style={styles.header}>
        <span>{title ?? ''}</span>
        <ExportButtons
          name={title ? `state ${title}`.replace(/[^\w.-]+/g, '-') : 'state-heatmap'}
          getSvg={() => svgRef.current}
          getCanvas={() => canvasRef.current}
        />
      </div>
      <div style={styles.readout}>
        {complete ? readout : `values has ${values.length} numbers, A x B = ${rows} x ${cols} needs ${rows * cols}`}
      </div>
      <div
        role="img"
        aria-label={`State heatmap, ${slice ? sliceName(slice.layer, slice.vector, slice.j) : (title ?? 'state slice')}: blue below zero, red above`}
        aria-describedby={summaryId}
        style={{ position: 'relative', width: svgW, height: svgH }}
      >
        <canvas
          data-testid="state-heatmap"
          data-rows={rows}
          data-cols={cols}
          data-layout={layout.kind}
          ref={canvasRef}
          style={{ position: 'absolute', left, top, width: layout.width, height: layout.height }}
        />
        <svg
          ref={svgRef}
          width={svgW}
          height={svgH}
          style={{ ...styles.svgText, position: 'absolute', left: 0, top: 0 }}
          onPointerMove={onPointerMove}
          onPointerLeave={() => setHovered(null)}
        >
          <g transform={`translate(${left},${top})`} fontSize={tickFont} fill={GREY.text}>
            {layout.kind === 'images' &&
              layout.panels.map((p) => (
                <text key={p.b} x={p.x + p.width / 2} y={p.y - 3} textAnchor="middle">
                  {names[p.b]}
                </text>
              ))}
            {layout.kind === 'matrix' && ticks && (
              <>
                {names.map((name, b) =>
                  b % ticks.every !== 0 ? null : ticks.rotate ? (
                    <text key={b} transform={`translate(${(b + 0.5) * layout.cellWidth},-4) rotate(-90)`} dy="0.32em">
                      {name}
                    </text>
                  ) : (
                    <text key={b} x={(b + 0.5) * layout.cellWidth} y={-3} textAnchor="middle">
                      {name}
                    </text>
                  ),
                )}
                <Axis render={renderRows} />
                <text x={-6} y={-3} textAnchor="end">
                  a \ b
                </text>
                <rect width={layout.width} height={layout.height} fill="none" stroke={GREY.grid} />
              </>
            )}
            {outline && (
              <rect
                data-export="skip"
                x={outline.x}
                y={outline.y}
                width={outline.w}
                height={outline.h}
                fill="none"
                stroke={GREY.ink}
              />
            )}
          </g>
          <ColourLegend
            interpolate={divergingInterpolator}
            domain={domain}
            caption={legendCaption(normalisation, domain[1], channels)}
            x={left + 12}
            y={legendY}
            width={legendW}
          />
        </svg>
      </div>
      <ChartSummary
        id={summaryId}
        testId="state-heatmap"
        text={heatmapSummary(
          slice ? sliceName(slice.layer, slice.vector, slice.j) : (title ?? 'State slice'),
          values,
          rows,
          cols,
        )}
      />
    </figure>
  );
}
