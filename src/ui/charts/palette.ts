// The charts' look in one place: font, neutral greys, one colour and one dash pattern per learner, and
// the colour tables the canvases paint through. Pure (no DOM), so the tables are testable in Node.
import { interpolateBlues, interpolateRdBu } from 'd3-scale-chromatic';

export const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

export const GREY = {
  ink: '#222222',
  text: '#555555',
  axis: '#888888',
  grid: '#e6e6e6',
  bar: '#b8bec6',
  missing: '#cccccc',
} as const;

/** The marker colours of the paper's Fig. 9 notation: square = true class (vermillion), circle = prediction. */
export const MARKER = { trueClass: '#d55e00', predicted: '#222222', predictedFill: '#ffffff' } as const;

/**
 * The Okabe–Ito palette (Okabe & Ito 2008, "Color Universal Design"), ordered for the studio's learners:
 * VSML blue, SGD orange, Adam vermillion, SGD-deep sky blue, Adam-deep reddish purple, then bluish
 * green, black and yellow. Every pair stays apart under simulated protanopia, deuteranopia and
 * tritanopia (test/ui/charts/colourVision.test.ts gives the ΔE).
 */
export const LEARNER_COLOURS = [
  '#0072b2',
  '#e69f00',
  '#d55e00',
  '#56b4e9',
  '#cc79a7',
  '#009e73',
  '#000000',
  '#f0e442',
] as const;

/** Colour of the learner drawn at `index` (VSML first), wrapping after 8. */
export function learnerColour(index: number): string {
  return LEARNER_COLOURS[index % LEARNER_COLOURS.length];
}

/**
 * Dash patterns in multiples of the line width: solid, dashed, dotted, dash-dot, short dash, long dash, dash-dot-dot,
 * sparse dots.
 */
const DASHES: readonly (readonly number[])[] = [
  [],
  [4, 2],
  [1, 1.5],
  [6, 2, 1, 2],
  [2, 2],
  [8, 3],
  [6, 2, 1, 2, 1, 2],
  [1, 4],
];

/** SVG stroke-dasharray of the learner drawn at `index` with lines `lineWidth` px wide; undefined (solid) for VSML. */
export function learnerDash(index: number, lineWidth: number): string | undefined {
  const d = DASHES[index % DASHES.length];
  return d.length === 0 ? undefined : d.map((v) => Number((v * lineWidth).toFixed(2))).join(',');
}

/** Signed values: blue below zero, white at zero, red above (RdBu reversed). t in [0, 1]. */
export const divergingInterpolator = (t: number): string => interpolateRdBu(1 - t);

/** Probabilities: white at 0 to dark blue at 1. */
export const sequentialInterpolator = interpolateBlues;

/** Parse the colour strings d3-scale-chromatic returns ("#rrggbb" or "rgb(r, g, b)") to [r, g, b]. */
export function parseColour(colour: string): [number, number, number] {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  if (hex) return [parseInt(hex[1], 16), parseInt(hex[2], 16), parseInt(hex[3], 16)];
  const rgb = /^rgb\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*\)$/.exec(colour);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  throw new Error(`parseColour: unsupported colour "${colour}"`);
}

/** RGBA bytes of `size` evenly spaced samples of `interpolate` over [0, 1]: entry i is t = i / (size - 1). */
export function colourTable(interpolate: (t: number) => string, size = 256): Uint8ClampedArray {
  const table = new Uint8ClampedArray(size * 4);
  for (let i = 0; i < size; i++) {
    const [r, g, b] = parseColour(interpolate(size === 1 ? 0 : i / (size - 1)));
    table.set([r, g, b, 255], i * 4);
  }
  return table;
}
