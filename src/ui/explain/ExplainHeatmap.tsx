// One [A][B] slice of the explained grid (a dimension j of c, h or their change Δ) painted through the
// charts' colour table on a canvas (heatmapLayout / paintHeatmap / drawAtlas: one image per column b
// for an image task's first layer, else the A x B matrix), blue below zero, white at 0, red above, on
// one symmetric range ±max|v| for the whole slice. Hovering a cell reports it (the parent shows its
// numbers); a click picks it and keeps it outlined. Nothing is computed here but colours.
import { useLayoutEffect, useMemo, useRef, type MouseEvent } from 'react';
import { atlasImage, drawAtlas } from '../charts/canvasPaint';
import { ColourLegend, colourLegendHeight } from '../charts/ColourLegend';
import { useChartTheme } from '../charts/chartTheme';
import { cellAt, heatmapLayout, isImageSlice, type HeatmapLayout, type ImageShape } from '../charts/heatmapLayout';
import { atlasSize, heatmapRects, paintHeatmap } from '../charts/heatmapPaint';
import { colourTable, divergingInterpolator, GREY } from '../charts/palette';
import { maxAbs } from './explainNumbers';

const TABLE = colourTable(divergingInterpolator);

export interface GridCell {
  readonly a: number;
  readonly b: number;
}

export interface ExplainHeatmapProps {
  readonly testId: string;
  /** [A][B] row-major. */
  readonly values: Float32Array;
  readonly rows: number;
  readonly cols: number;
  readonly imageShape: ImageShape | null;
  readonly columnNames: readonly string[];
  /** Accessible name, e.g. "Change Δc of dimension 0 over this example". */
  readonly label: string;
  /** Legend caption. */
  readonly caption: string;
  readonly width: number;
  readonly maxHeight?: number;
  /** Half-width of the colour range; default max|v| of the slice. */
  readonly range?: number;
  readonly selected?: GridCell | null;
  readonly onHover?: (cell: GridCell | null) => void;
  readonly onSelect?: (cell: GridCell) => void;
}

const LABEL = 14;

function outlineOf(layout: HeatmapLayout, cell: GridCell): { x: number; y: number; w: number; h: number } | null {
  if (layout.kind === 'matrix')
    return { x: cell.b * layout.cellWidth, y: cell.a * layout.cellHeight, w: layout.cellWidth, h: layout.cellHeight };
  const p = layout.panels[cell.b];
  if (!p) return null;
  const C = layout.shape.channels;
  const pixel = Math.floor(cell.a / C);
  const x = pixel % layout.shape.width;
  const y = Math.floor(pixel / layout.shape.width);
  return { x: p.x + x * layout.scale, y: p.y + y * layout.scale, w: layout.scale, h: layout.scale };
}

export function ExplainHeatmap(props: ExplainHeatmapProps) {
  const {
    testId,
    values,
    rows,
    cols,
    imageShape,
    columnNames,
    label,
    caption,
    width,
    maxHeight,
    range,
    selected,
    onHover,
    onSelect,
  } = props;
  const { tickFont } = useChartTheme();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const images = isImageSlice(rows, imageShape);
  const top = images ? 0 : LABEL;
  const layout = useMemo(
    () => heatmapLayout(rows, cols, images ? imageShape : null, width, maxHeight ?? (images ? Infinity : 320), LABEL),
    [rows, cols, images, imageShape, width, maxHeight],
  );
  const r = range ?? maxAbs(values);
  const ranges = useMemo(() => new Float64Array(cols).fill(r), [cols, r]);

  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const size = atlasSize(layout);
    const image = atlasImage(canvas, size.width, size.height);
    paintHeatmap(values, cols, layout, ranges, TABLE, image.data);
    drawAtlas(canvas, layout.width, layout.height, heatmapRects(layout));
  }, [values, cols, layout, ranges]);

  const at = (e: MouseEvent<SVGSVGElement>): GridCell | null => {
    const box = e.currentTarget.getBoundingClientRect();
    const cell = cellAt(layout, e.clientX - box.left, e.clientY - box.top - top);
    return cell ? { a: cell.a, b: cell.b } : null;
  };
  const legendW = Math.min(260, Math.max(160, layout.width));
  const legendY = top + layout.height + 8;
  const svgW = Math.max(layout.width, legendW + 16);
  const svgH = legendY + colourLegendHeight(tickFont);
  const mark = selected ? outlineOf(layout, selected) : null;
  const name = (b: number) => columnNames[b] ?? String(b);

  return (
    <div
      className="explain-heatmap"
      role="img"
      aria-label={`${label}: blue below zero, red above, up to ±${r.toPrecision(3)}`}
      style={{ width: svgW, height: svgH }}
    >
      <canvas
        ref={canvasRef}
        data-testid={testId}
        data-rows={rows}
        data-cols={cols}
        data-range={r}
        style={{ position: 'absolute', left: 0, top, width: layout.width, height: layout.height }}
      />
      <svg
        width={svgW}
        height={svgH}
        style={{ position: 'absolute', left: 0, top: 0, cursor: onSelect ? 'crosshair' : undefined }}
        onPointerMove={(e) => onHover?.(at(e))}
        onPointerLeave={() => onHover?.(null)}
        onClick={(e) => {
          const cell = at(e);
          if (cell) onSelect?.(cell);
        }}
      >
        <g transform={`translate(0,${top})`} fontSize={tickFont} fill={GREY.text}>
          {layout.kind === 'images'
            ? layout.panels.map((p) => (
                <text key={p.b} x={p.x + p.width / 2} y={p.y - 3} textAnchor="middle">
                  {name(p.b)}
                </text>
              ))
            : Array.from({ length: cols }, (_, b) =>
                layout.cellWidth >= tickFont ? (
                  <text key={b} x={(b + 0.5) * layout.cellWidth} y={-3} textAnchor="middle">
                    {name(b)}
                  </text>
                ) : null,
              )}
          {layout.kind === 'matrix' && (
            <rect width={layout.width} height={layout.height} fill="none" stroke={GREY.grid} />
          )}
          {mark && (
            <rect
              x={mark.x - 1}
              y={mark.y - 1}
              width={mark.w + 2}
              height={mark.h + 2}
              fill="none"
              stroke={GREY.ink}
              strokeWidth={2}
            />
          )}
        </g>
        <ColourLegend
          interpolate={divergingInterpolator}
          domain={[-r, r]}
          caption={caption}
          x={8}
          y={legendY}
          width={legendW}
        />
      </svg>
    </div>
  );
}
