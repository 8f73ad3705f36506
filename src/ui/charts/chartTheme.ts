// The charts' sizes of text and lines, from context: the page's default, or larger in presentation
// mode (a projector at the back of a lecture hall), so every chart scales the same way.
import { createContext, useContext } from 'react';

export interface ChartTheme {
  /** Axis tick labels and legend text, px. */
  readonly tickFont: number;
  /** Chart titles, readouts and direct labels, px. */
  readonly labelFont: number;
  /** Width of a learner's line, px (VSML's is drawn a little thicker). */
  readonly lineWidth: number;
}

export const DEFAULT_CHART_THEME: ChartTheme = { tickFont: 11, labelFont: 12, lineWidth: 1.5 };

/** Presentation mode: ticks of 16 px and more, thick lines. */
export const PRESENTATION_CHART_THEME: ChartTheme = { tickFont: 16, labelFont: 18, lineWidth: 3 };

export const ChartThemeContext = createContext<ChartTheme>(DEFAULT_CHART_THEME);

export const useChartTheme = (): ChartTheme => useContext(ChartThemeContext);

/** Rough width of one character of the system font at `font` px (6.5 px at 11 px). */
export const charWidth = (font: number): number => (font * 6.5) / 11;

/** Height of one line of text at `font` px (12 px at 11 px). */
export const lineHeight = (font: number): number => Math.round(font * 1.1);
