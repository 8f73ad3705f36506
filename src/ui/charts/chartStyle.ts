// Inline styles shared by the charts' HTML parts (figure, header, readout, tooltip and its placement),
// sized by the chart theme (chartTheme.ts): `chartStyles(theme)`, or `useChartStyles()` in a chart.
import type { CSSProperties } from 'react';
import { DEFAULT_CHART_THEME, useChartTheme, type ChartTheme } from './chartTheme';
import { FONT, GREY } from './palette';

export interface ChartStyles {
  readonly figure: CSSProperties;
  readonly header: CSSProperties;
  /** Height of the header (title and PNG/SVG buttons), px: part of the box a chart fits in. */
  readonly headerHeight: number;
  readonly readout: CSSProperties;
  /** Height of the readout line, px. */
  readonly readoutHeight: number;
  readonly tooltip: CSSProperties;
  /** SVG text defaults (set on the <svg>; exported SVGs get them inlined). */
  readonly svgText: CSSProperties;
}

function makeStyles(theme: ChartTheme): ChartStyles {
  const headerHeight = Math.max(20, theme.labelFont + 8);
  const readoutHeight = Math.max(16, theme.tickFont + 5);
  return {
    figure: {
      margin: 0,
      position: 'relative',
      fontFamily: FONT,
      fontSize: theme.labelFont,
      color: GREY.ink,
      display: 'inline-block',
      maxWidth: '100%',
    },
    header: {
      display: 'flex',
      alignItems: 'center',
      justifyContent: 'space-between',
      gap: 8,
      height: headerHeight,
      fontSize: theme.labelFont,
      fontWeight: 600,
      color: GREY.ink,
    },
    headerHeight,
    // One fixed-height line for hover values, so the chart does not jump.
    readout: {
      height: readoutHeight,
      fontSize: theme.tickFont,
      color: GREY.text,
      fontVariantNumeric: 'tabular-nums',
      whiteSpace: 'nowrap',
      overflow: 'hidden',
      textOverflow: 'ellipsis',
    },
    readoutHeight,
    tooltip: {
      position: 'absolute',
      pointerEvents: 'none',
      background: 'rgba(255, 255, 255, 0.95)',
      border: `1px solid ${GREY.grid}`,
      borderRadius: 3,
      boxShadow: '0 1px 3px rgba(0, 0, 0, 0.12)',
      padding: '4px 6px',
      fontSize: theme.tickFont,
      lineHeight: `${theme.tickFont + 4}px`,
      fontVariantNumeric: 'tabular-nums',
      whiteSpace: 'nowrap',
    },
    svgText: { fontFamily: FONT, fontSize: theme.tickFont, display: 'block' },
  };
}

const cache = new WeakMap<ChartTheme, ChartStyles>();

/** The styles for `theme` (made once per theme object). */
export function chartStyles(theme: ChartTheme): ChartStyles {
  let s = cache.get(theme);
  if (!s) {
    s = makeStyles(theme);
    cache.set(theme, s);
  }
  return s;
}

/** The styles for the theme in context. */
export const useChartStyles = (): ChartStyles => chartStyles(useChartTheme());

const base = chartStyles(DEFAULT_CHART_THEME);
/** The default theme's styles, for charts that do not read the theme (the trainer's). */
export const figureStyle = base.figure;
export const headerStyle = base.header;
export const readoutStyle = base.readout;
export const tooltipStyle = base.tooltip;
export const svgTextStyle = base.svgText;

/** Visually hidden but read by assistive technology (a chart's text summary). */
export const visuallyHidden: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
};

/**
 * The tooltip beside a hover rule `px` into a plot `plotW` wide whose left edge is `left` px into the
 * figure: right of the rule in the plot's left half, left of it (anchored at its right edge) past the middle.
 */
export function tooltipBeside(
  px: number,
  left: number,
  top: number,
  plotW: number,
  style: CSSProperties = tooltipStyle,
): CSSProperties {
  const flip = px > plotW / 2;
  return { ...style, top, left: left + px + (flip ? -12 : 12), transform: flip ? 'translateX(-100%)' : undefined };
}
