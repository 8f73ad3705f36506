// The population histogram: the last step's 2P losses (P with method gradient) in bins, with d3-array's
// bin. Pure (no DOM).
import { bin, extent, thresholdSturges } from 'd3-array';

export interface HistogramBin {
  /** [x0, x1): the last bin includes x1. */
  readonly x0: number;
  readonly x1: number;
  readonly count: number;
}

export interface Histogram {
  readonly bins: readonly HistogramBin[];
  /** Finite losses binned. */
  readonly finite: number;
  /** NaN or ±Infinity losses (a rejected step), left out of the bins. */
  readonly nonFinite: number;
  /** The tallest bin's count (0 when empty). */
  readonly maxCount: number;
}

/**
 * Bins of the finite values: Sturges' count of bins (at most `maxBins`) over their extent; when every
 * value is the same, one bin [v, v] holding them all.
 */
export function populationHistogram(values: ArrayLike<number>, maxBins = 30): Histogram {
  const finite: number[] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) finite.push(values[i]);
  const nonFinite = values.length - finite.length;
  if (finite.length === 0) return { bins: [], finite: 0, nonFinite, maxCount: 0 };
  const [lo, hi] = extent(finite) as [number, number];
  if (lo === hi)
    return {
      bins: [{ x0: lo, x1: hi, count: finite.length }],
      finite: finite.length,
      nonFinite,
      maxCount: finite.length,
    };
  const count = Math.max(1, Math.min(maxBins, thresholdSturges(finite)));
  const step = (hi - lo) / count;
  const thresholds = Array.from({ length: count - 1 }, (_, k) => lo + (k + 1) * step);
  const bins = bin()
    .domain([lo, hi])
    .thresholds(thresholds)(finite)
    .map((b) => ({ x0: b.x0 as number, x1: b.x1 as number, count: b.length }));
  return { bins, finite: finite.length, nonFinite, maxCount: bins.reduce((m, b) => Math.max(m, b.count), 0) };
}
