// The charts' look in one place: font, neutral greys, one colour per learner and the colour tables
// the canvases paint through. Pure (no DOM), so the tables are testable in Node.
import { interpolateBlues, interpolateRdBu, schemeTableau10 } from 'd3-scale-chromatic';

export const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

export const GREY = {
  ink: '#222222',
  text: '#555555',
  axis: '#888888',
  grid: '#e6e6e6',
  bar: '#b8bec6',
  missing: '#cccccc',
} as const;

/** The marker colours of the paper's Fig. 9 notation: square = true class, circle = prediction. */
export const MARKER = { trueClass: '#f28e2c', predicted: '#222222', predictedFill: '#ffffff' } as const;

/** Colour of the learner drawn at `index` (VSML first): Tableau 10, colour-blind safe. */
export function learnerColour(index: number): string {
  return schemeTableau10[index % schemeTableau10.length];
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
