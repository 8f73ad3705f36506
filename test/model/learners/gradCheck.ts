// Helpers for the learned kinds' gradient tests: lively random parameters, coordinates spread over
// every parameter block, central differences of a float64 loss, the reference's mean loss, and the
// check that checkpoint intervals give the same bits.
import { expect } from 'vitest';
import type { LearnedLayout, LearnedRuns } from '../../../src/model/learners/learned';
import type { LearnedGradient, LearnedTrajectory } from '../../../src/model/learners/learnedUnroll';
import { Rng } from '../../../src/model/rng';

/** Every weight ~ N(0, 1.5² / rows), every 1-row block ~ N(0, 0.3²): livelier than the kinds' inits. */
export function liveParams(layout: LearnedLayout, seed: number): Float32Array {
  const rng = new Rng(seed);
  const p = new Float32Array(layout.size);
  for (const b of layout.blocks) {
    const std = b.rows === 1 ? 0.3 : 1.5 / Math.sqrt(b.rows);
    for (let k = 0; k < b.rows * b.cols; k++) p[b.offset + k] = std * rng.normal();
  }
  return p;
}

/** `perBlock` distinct random coordinates of every block (all of a smaller block), with their block's name. */
export function spreadCoordinates(
  layout: LearnedLayout,
  perBlock: number,
  seed: number,
): { index: number; block: string }[] {
  const rng = new Rng(seed);
  const out: { index: number; block: string }[] = [];
  for (const b of layout.blocks) {
    const n = b.rows * b.cols;
    const picked = new Set<number>();
    while (picked.size < Math.min(perBlock, n)) picked.add(rng.int(n));
    for (const k of picked) out.push({ index: b.offset + k, block: b.name });
  }
  return out;
}

/** `perGroup` random coordinates in rows [from, to) of `block`, for each named row group. */
export function rowGroupCoordinates(
  block: LearnedLayout['blocks'][number],
  groups: readonly (readonly [string, number, number])[],
  perGroup: number,
  seed: number,
): { index: number; block: string }[] {
  const rng = new Rng(seed);
  return groups.flatMap(([name, from, to]) =>
    Array.from({ length: perGroup }, () => ({
      index: block.offset + (from + rng.int(to - from)) * block.cols + rng.int(block.cols),
      block: `${block.name} ${name} rows`,
    })),
  );
}

/** (f(p + h e_i) − f(p − h e_i)) / 2h. */
export function centralDifference(f: (p: Float64Array) => number, p: Float64Array, i: number, h = 1e-5): number {
  const q = p.slice();
  q[i] = p[i] + h;
  const up = f(q);
  q[i] = p[i] - h;
  return (up - f(q)) / (2 * h);
}

/** Every coordinate's analytic gradient, central difference and relative error, and the largest error. */
export function compareCoordinates(
  grad: Float64Array,
  loss: (p: Float64Array) => number,
  p: Float64Array,
  coords: readonly { index: number; block: string }[],
): { rows: { index: number; block: string; grad: number; fd: number; err: number }[]; worst: number } {
  const rows = coords.map(({ index, block }) => {
    const fd = centralDifference(loss, p, index);
    return { index, block, grad: grad[index], fd, err: relativeError(grad[index], fd) };
  });
  return { rows, worst: Math.max(...rows.map((r) => r.err)) };
}

/** |a − b| / max(|a|, |b|). */
export const relativeError = (a: number, b: number): number =>
  a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));

/** The mean loss of one reference run over the trajectory from a reset state. */
export function referenceLoss(runs: LearnedRuns, params: Float32Array, traj: LearnedTrajectory): number {
  runs.setParams([params]);
  runs.resetState();
  const res = runs.run(
    { inputs: traj.inputs, labels: Int32Array.from(traj.labels), steps: traj.steps },
    { outputs: false },
  );
  let sum = 0;
  for (let t = 0; t < traj.steps; t++) sum += res.loss[t];
  return sum / traj.steps;
}

/** The gradient with checkpoint intervals 1, 3, 5 (a short last segment) and T: the same loss and gradient, bit for bit, and not all zero. */
export function expectSegmentsSameBits(gradientWith: (segment: number) => LearnedGradient, T: number): void {
  const [a, ...rest] = [1, 3, 5, T].map(gradientWith);
  for (const b of rest) {
    expect(b.loss).toBe(a.loss);
    expect(b.grad).toEqual(a.grad);
  }
  expect(a.grad.some((g) => g !== 0)).toBe(true);
}
