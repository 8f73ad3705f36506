// Where a state slice values[a*B + b] lands on the heatmap canvas, and back (hover). Pure (no DOM).
// 'images': the first layer of an image task (A = height * width * channels); column b becomes one
// height x width panel, in a grid, labelled above. Pixels are stored channels-last like src/data
// (a = (y * width + x) * channels + c); a panel pixel shows the mean over its channels.
// 'matrix': anything else; the A x B matrix as one image, a down the rows and b across the columns.

export interface ImageShape {
  readonly height: number;
  readonly width: number;
  readonly channels: number;
}

export interface PanelRect {
  readonly b: number;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface ImagesLayout {
  readonly kind: 'images';
  readonly shape: ImageShape;
  readonly gridCols: number;
  readonly gridRows: number;
  /** CSS pixels per image pixel. */
  readonly scale: number;
  /** One per column b, in CSS pixels from the top-left of the drawing; the label sits above y. */
  readonly panels: readonly PanelRect[];
  readonly width: number;
  readonly height: number;
}

export interface MatrixLayout {
  readonly kind: 'matrix';
  readonly rows: number;
  readonly cols: number;
  readonly cellWidth: number;
  readonly cellHeight: number;
  readonly width: number;
  readonly height: number;
}

export type HeatmapLayout = ImagesLayout | MatrixLayout;

/** Gap between panels and the height of the label line above each panel (CSS px). */
export const PANEL_GAP = 8;
export const PANEL_LABEL = 14;
const MAX_PANEL_SCALE = 8;
const MAX_CELL = 24;
const MAX_MATRIX_HEIGHT = 400;

/** Whether the slice is the first layer of an image: `imageShape` given and height * width * channels = A. */
export function isImageSlice(rows: number, imageShape: ImageShape | null): imageShape is ImageShape {
  return imageShape !== null && imageShape.height * imageShape.width * imageShape.channels === rows;
}

/** Row a of pixel (y, x), channel c, of an image flattened channels-last. */
export function imageIndex(y: number, x: number, channel: number, shape: ImageShape): number {
  return (y * shape.width + x) * shape.channels + channel;
}

/** Index in values[a*B + b] of pixel (y, x), channel c, of column b's image. */
export function columnImageIndex(
  b: number,
  cols: number,
  y: number,
  x: number,
  channel: number,
  shape: ImageShape,
): number {
  return imageIndex(y, x, channel, shape) * cols + b;
}

/**
 * Lay out `rows` x `cols` values in `width` CSS pixels (panels of images when `imageShape` fits, else a
 * matrix), at most `maxHeight` tall (default: a matrix at most MAX_MATRIX_HEIGHT, images by width only),
 * with a label line of `label` px above each panel.
 */
export function heatmapLayout(
  rows: number,
  cols: number,
  imageShape: ImageShape | null,
  width: number,
  maxHeight = Infinity,
  label = PANEL_LABEL,
): HeatmapLayout {
  if (isImageSlice(rows, imageShape)) {
    const { height: H, width: W } = imageShape;
    const gridCols = Math.max(1, Math.min(cols, Math.ceil(Math.sqrt(2 * cols))));
    const gridRows = Math.max(1, Math.ceil(cols / gridCols));
    const fitW = (width - (gridCols - 1) * PANEL_GAP) / (gridCols * W);
    const fitH = (maxHeight - gridRows * label - (gridRows - 1) * PANEL_GAP) / (gridRows * H);
    const fit = Math.min(fitW, fitH);
    const scale = fit >= 1 ? Math.min(MAX_PANEL_SCALE, Math.floor(fit)) : Math.max(fit, 1 / W);
    const pw = W * scale;
    const ph = H * scale;
    const panels: PanelRect[] = [];
    for (let b = 0; b < cols; b++) {
      const gc = b % gridCols;
      const gr = Math.floor(b / gridCols);
      panels.push({ b, x: gc * (pw + PANEL_GAP), y: gr * (ph + label + PANEL_GAP) + label, width: pw, height: ph });
    }
    return {
      kind: 'images',
      shape: imageShape,
      gridCols,
      gridRows,
      scale,
      panels,
      width: gridCols * pw + (gridCols - 1) * PANEL_GAP,
      height: gridRows * (ph + label) + (gridRows - 1) * PANEL_GAP,
    };
  }
  const cellWidth = cols > 0 ? Math.min(MAX_CELL, width / cols) : MAX_CELL;
  const cellHeight = rows > 0 ? Math.min(cellWidth, Math.min(MAX_MATRIX_HEIGHT, maxHeight) / rows) : cellWidth;
  return { kind: 'matrix', rows, cols, cellWidth, cellHeight, width: cols * cellWidth, height: rows * cellHeight };
}

/** The value under the pointer: row a (channel 0 for images), column b, and the pixel (y, x) for images. */
export interface HeatCell {
  readonly a: number;
  readonly b: number;
  readonly y: number;
  readonly x: number;
}

/** The cell at (px, py) CSS pixels from the top-left of the drawing, or null between panels and outside. */
export function cellAt(layout: HeatmapLayout, px: number, py: number): HeatCell | null {
  if (layout.kind === 'matrix') {
    const b = Math.floor(px / layout.cellWidth);
    const a = Math.floor(py / layout.cellHeight);
    if (px < 0 || py < 0 || a >= layout.rows || b >= layout.cols) return null;
    return { a, b, y: a, x: b };
  }
  for (const p of layout.panels) {
    if (px < p.x || py < p.y || px >= p.x + p.width || py >= p.y + p.height) continue;
    const x = Math.min(layout.shape.width - 1, Math.floor((px - p.x) / layout.scale));
    const y = Math.min(layout.shape.height - 1, Math.floor((py - p.y) / layout.scale));
    return { a: imageIndex(y, x, 0, layout.shape), b: p.b, y, x };
  }
  return null;
}

/** The value shown at a cell: values[a*B + b], or for an image pixel the mean over its channels. */
export function cellValue(values: ArrayLike<number>, cols: number, layout: HeatmapLayout, cell: HeatCell): number {
  if (layout.kind === 'matrix' || layout.shape.channels === 1) return values[cell.a * cols + cell.b];
  let sum = 0;
  for (let c = 0; c < layout.shape.channels; c++) sum += values[(cell.a + c) * cols + cell.b];
  return sum / layout.shape.channels;
}
