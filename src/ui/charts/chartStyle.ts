// Inline styles shared by the charts' HTML parts (figure, header, readout, tooltip and its placement).
import type { CSSProperties } from 'react';
import { FONT, GREY } from './palette';

export const figureStyle: CSSProperties = {
  margin: 0,
  position: 'relative',
  fontFamily: FONT,
  fontSize: 12,
  color: GREY.ink,
  display: 'inline-block',
  maxWidth: '100%',
};

export const headerStyle: CSSProperties = {
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'space-between',
  gap: 8,
  minHeight: 20,
  fontSize: 12,
  fontWeight: 600,
  color: GREY.ink,
};

/** One fixed-height line under the header for hover values, so the chart does not jump. */
export const readoutStyle: CSSProperties = {
  height: 16,
  fontSize: 11,
  color: GREY.text,
  fontVariantNumeric: 'tabular-nums',
  whiteSpace: 'nowrap',
  overflow: 'hidden',
  textOverflow: 'ellipsis',
};

export const tooltipStyle: CSSProperties = {
  position: 'absolute',
  pointerEvents: 'none',
  background: 'rgba(255, 255, 255, 0.95)',
  border: `1px solid ${GREY.grid}`,
  borderRadius: 3,
  boxShadow: '0 1px 3px rgba(0, 0, 0, 0.12)',
  padding: '4px 6px',
  fontSize: 11,
  lineHeight: '15px',
  fontVariantNumeric: 'tabular-nums',
  whiteSpace: 'nowrap',
};

/** SVG text defaults (set on the <svg>; exported SVGs get them inlined). */
export const svgTextStyle: CSSProperties = { fontFamily: FONT, fontSize: 11, display: 'block' };

/**
 * The tooltip beside a hover rule `px` into a plot `plotW` wide whose left edge is `left` px into the
 * figure: right of the rule in the plot's left half, left of it (anchored at its right edge) past the middle.
 */
export function tooltipBeside(px: number, left: number, top: number, plotW: number): CSSProperties {
  const flip = px > plotW / 2;
  return { ...tooltipStyle, top, left: left + px + (flip ? -12 : 12), transform: flip ? 'translateX(-100%)' : undefined };
}
