// The long-run memory benchmark's arithmetic, without Node: samples of JS heap, array buffers and RSS
// taken every so many examples (or steps), the least-squares slope of each over the samples after a
// warm-up, in bytes per `per` examples, and the table `npm run bench -- --memory` prints.

/** One reading after a forced GC, at `at` examples (studio session) or steps (trainer). */
export interface MemorySample {
  readonly at: number;
  /** process.memoryUsage().heapUsed: live JS objects. */
  readonly heapUsed: number;
  /** process.memoryUsage().arrayBuffers: typed-array memory, outside the JS heap. */
  readonly arrayBuffers: number;
  /** Resident set size of the whole process (engine, Dawn, allocator slack included). */
  readonly rss: number;
}

export type MemoryMeasure = 'heapUsed' | 'arrayBuffers' | 'rss';

export const MEMORY_MEASURES: readonly MemoryMeasure[] = ['heapUsed', 'arrayBuffers', 'rss'];

export interface LineFit {
  /** dy/dx of the least-squares line. */
  readonly slope: number;
  readonly intercept: number;
  readonly points: number;
  /**
   * Standard error of the slope, sqrt(sum of squared residuals / (n - 2) / sum (x - mean x)^2); null below three
   * points.
   */
  readonly slopeError: number | null;
}

/**
 * The least-squares line through (x_i, y_i): slope = sum (x - mean x)(y - mean y) / sum (x - mean x)^2.
 * Null with fewer than two points or when every x is the same.
 */
export function fitLine(xs: readonly number[], ys: readonly number[]): LineFit | null {
  if (xs.length !== ys.length) throw new Error(`fitLine: ${xs.length} x values but ${ys.length} y values`);
  const n = xs.length;
  if (n < 2) return null;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i] / n;
    my += ys[i] / n;
  }
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  let ssr = 0;
  for (let i = 0; i < n; i++) ssr += (ys[i] - intercept - slope * xs[i]) ** 2;
  return { slope, intercept, points: n, slopeError: n > 2 ? Math.sqrt(ssr / (n - 2) / sxx) : null };
}

export interface MemoryTrend {
  /** Samples left out of the fit (the first ones: engine set-up, caches, the first allocations). */
  readonly warmup: number;
  /** Per measure: bytes per `per` units of `at` over the samples after the warm-up; null when fewer than two remain. */
  readonly slopes: { readonly [M in MemoryMeasure]: number | null };
  /** The standard error of each slope, same unit; null below three samples after the warm-up. */
  readonly slopeErrors: { readonly [M in MemoryMeasure]: number | null };
  /** Per measure: last sample minus the first sample after the warm-up, in bytes. */
  readonly growth: { readonly [M in MemoryMeasure]: number | null };
  readonly per: number;
}

/** The slope of every measure over `samples` without the first `warmup`, in bytes per `per` units of `at`. */
export function memoryTrend(samples: readonly MemorySample[], warmup: number, per: number): MemoryTrend {
  if (!Number.isInteger(warmup) || warmup < 0)
    throw new Error(`memoryTrend: warmup must be an integer >= 0, got ${warmup}`);
  if (!(per > 0)) throw new Error(`memoryTrend: per must be > 0, got ${per}`);
  const kept = samples.slice(warmup);
  const xs = kept.map((s) => s.at);
  const slopes = {} as { [M in MemoryMeasure]: number | null };
  const slopeErrors = {} as { [M in MemoryMeasure]: number | null };
  const growth = {} as { [M in MemoryMeasure]: number | null };
  for (const m of MEMORY_MEASURES) {
    const fit = fitLine(
      xs,
      kept.map((s) => s[m]),
    );
    slopes[m] = fit ? fit.slope * per : null;
    slopeErrors[m] = fit && fit.slopeError !== null ? fit.slopeError * per : null;
    growth[m] = kept.length >= 2 ? kept[kept.length - 1][m] - kept[0][m] : null;
  }
  return { warmup, slopes, slopeErrors, growth, per };
}

const MIB = 1024 * 1024;

const mib = (bytes: number): string => (bytes / MIB).toFixed(2);

/** Signed KiB with one decimal ("+12.5 KiB", "-0.3 KiB"), or "n/a". */
export function formatKib(bytes: number | null): string {
  if (bytes === null) return 'n/a';
  const k = bytes / 1024;
  return `${k >= 0 ? '+' : '-'}${Math.abs(k).toFixed(1)} KiB`;
}

/**
 * A fixed-width table: one row per sample (`unit` column, then heap, array buffers and RSS in MiB),
 * warm-up rows marked with "*", then the slope (± its standard error) and growth of each measure after the warm-up.
 */
export function formatMemoryTable(
  title: string,
  unit: string,
  samples: readonly MemorySample[],
  trend: MemoryTrend,
): string {
  const header = [unit.padStart(10), 'heap MiB'.padStart(10), 'buffers MiB'.padStart(12), 'RSS MiB'.padStart(10)].join(
    ' ',
  );
  const rows = samples.map((s, i) =>
    [
      `${i < trend.warmup ? '*' : ' '}${String(s.at).padStart(9)}`,
      mib(s.heapUsed).padStart(10),
      mib(s.arrayBuffers).padStart(12),
      mib(s.rss).padStart(10),
    ].join(' '),
  );
  const slope = (m: MemoryMeasure): string => {
    const [b, e] = [trend.slopes[m], trend.slopeErrors[m]];
    const text =
      b === null || e === null
        ? formatKib(b)
        : `${formatKib(b).replace(' KiB', '')} ± ${(Math.abs(e) / 1024).toFixed(1)} KiB`;
    return `${text} per ${trend.per} ${unit}`;
  };
  const grown = (m: MemoryMeasure): string => formatKib(trend.growth[m]);
  return [
    title,
    header,
    ...rows,
    `* warm-up, left out of the fit (first ${trend.warmup} sample${trend.warmup === 1 ? '' : 's'})`,
    `slope (least squares): heap ${slope('heapUsed')}, buffers ${slope('arrayBuffers')}, RSS ${slope('rss')}`,
    `growth after warm-up:  heap ${grown('heapUsed')}, buffers ${grown('arrayBuffers')}, RSS ${grown('rss')}`,
  ].join('\n');
}
