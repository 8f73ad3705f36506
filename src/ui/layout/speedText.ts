// The throughput readout's words: examples per second at a precision that reads steadily (two
// significant digits below 1/s, one decimal from 1 to 10/s, whole numbers from 10/s), and sub-RNN
// updates per second (cell-ticks/s) with an SI prefix.
import { format } from 'd3-format';

const si = format('.3~s');
const whole = format(',d');

/** Examples per second: 0.0714 -> "0.071", 0.1 -> "0.10", 7.44 -> "7.4", 312.4 -> "312", 12345 -> "12,345". */
export function formatExampleRate(perSecond: number): string {
  if (!(perSecond > 0) || !Number.isFinite(perSecond)) return '0';
  if (perSecond < 0.001) return '< 0.001';
  if (perSecond < 1) return perSecond.toPrecision(2);
  const oneDecimal = perSecond.toFixed(1);
  return Number(oneDecimal) < 10 ? oneDecimal : whole(Math.round(perSecond));
}

/**
 * The whole readout: "7.4 examples/s · 1.16M sub-RNN updates/s" (cell-ticks/s: one step of one sub-RNN, over every
 * run).
 */
export function speedText(speed: { readonly examplesPerSecond: number; readonly cellTicksPerSecond: number }): string {
  return `${formatExampleRate(speed.examplesPerSecond)} examples/s · ${si(speed.cellTicksPerSecond)} sub-RNN updates/s`;
}
