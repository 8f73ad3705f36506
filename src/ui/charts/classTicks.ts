// How to label K categories (class names) spaced `step` CSS pixels apart without overlap, at a font
// size in px (11 unless given). Pure.
import { charWidth, lineHeight } from './chartTheme';

export interface ClassTickLayout {
  /** Labels turned 90° (reading upwards) because the longest does not fit the step. */
  readonly rotate: boolean;
  /** Label every `every`-th category (1 = all). */
  readonly every: number;
}

/** Rough width of one character of the 11 px system font, and the height of one line. */
export const CHAR_WIDTH = charWidth(11);
export const LINE_HEIGHT = lineHeight(11);

/** Longest label's width in CSS pixels at `font` px (charWidth(font) per character). */
export function labelWidth(labels: readonly string[], font = 11): number {
  let chars = 0;
  for (const l of labels) chars = Math.max(chars, l.length);
  return chars * charWidth(font);
}

/**
 * Horizontal labels when the longest fits the step (with 2 px to spare), otherwise rotated; rotated
 * labels need LINE_HEIGHT each, so every ceil(LINE_HEIGHT / step)-th is kept when the step is smaller.
 */
export function classTickLayout(labels: readonly string[], step: number, font = 11): ClassTickLayout {
  if (labelWidth(labels, font) <= step - 2) return { rotate: false, every: 1 };
  return { rotate: true, every: thinEvery(step, font) };
}

/** Keep every n-th of labels stacked `step` pixels apart so that lines of lineHeight(font) do not overlap. */
export function thinEvery(step: number, font = 11): number {
  const line = lineHeight(font);
  return step >= line ? 1 : Math.ceil(line / Math.max(step, 1e-9));
}

/** The label of class k: classNames[k] when given, else the number. */
export function className(classNames: readonly string[], k: number): string {
  return classNames[k] ?? String(k);
}
