// What the loss chart draws from a frame: how many steps have a loss, the y range over the raw and
// smoothed losses, the rejected steps and the step under the pointer. Pure (no DOM).

/** Steps with a loss: losses[i] is the meta-loss of step i + 1, so at most `step` of them. */
export function lossPointCount(losses: ArrayLike<number>, step: number): number {
  return Math.max(0, Math.min(losses.length, step));
}

/**
 * The y domain over the finite values of the first n of each series, padded by 5% of the range on each
 * side; a single value v gets v ± max(1e-3, |v|/100); no finite value gives [0, 1].
 */
export function lossDomain(series: readonly ArrayLike<number>[], n: number): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series) {
    const m = Math.min(n, s.length);
    for (let i = 0; i < m; i++) {
      const v = s[i];
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (lo > hi) return [0, 1];
  if (lo === hi) {
    const pad = Math.max(1e-3, Math.abs(lo) / 100);
    return [lo - pad, hi + pad];
  }
  const pad = (hi - lo) * 0.05;
  return [lo - pad, hi + pad];
}

/** The x domain: steps 1..n, at least 1..10 so the first points do not fill the width. */
export function stepDomain(n: number): [number, number] {
  return [1, Math.max(10, n)];
}

/** Steps 1..n as x values for the line helpers. */
export function stepAxis(n: number): Float64Array {
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = i + 1;
  return x;
}

/**
 * The rejected steps (1-based, as the frame lists them) among steps 1..n, ascending, each once. A NaN
 * loss alone is not a rejection: steps before a checkpoint resumed without its history are NaN too.
 */
export function rejectedWithin(rejected: ArrayLike<number>, n: number): number[] {
  const out = new Set<number>();
  for (let i = 0; i < rejected.length; i++) if (rejected[i] >= 1 && rejected[i] <= n) out.add(rejected[i]);
  return [...out].sort((a, b) => a - b);
}

/** Index (0-based) of the step nearest to the x value `step` among n points; -1 when n is 0. */
export function nearestStepIndex(step: number, n: number): number {
  if (n <= 0 || !Number.isFinite(step)) return n <= 0 ? -1 : 0;
  return Math.min(n - 1, Math.max(0, Math.round(step) - 1));
}
