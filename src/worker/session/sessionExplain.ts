// The small pieces the session's "explain this step" and drawing-pad calls share: the size bound of
// one explanation, how far it is from the engine's own numbers, a drawing's block for every run, and a
// prediction from outputs y. Pure helpers; the session (session.ts) does the engine work.
import type { VsmlConfig } from '../../model/config';
import type { StreamBlock } from '../../model/engine';
import { explanationBytes, statesAfter } from '../../model/explain';
import type { Explanation } from '../../model/explainTypes';
import { softmaxLoss } from '../../model/reference';
import type { LayerShape, RunState } from '../../model/state';
import type { Prediction } from './contract';

/** The largest explanation the session computes (its states, micro-ticks and gates): 256 MiB. */
export const EXPLAIN_MAX_BYTES = 256 * 1024 * 1024;

/** Taught drawings the session keeps for a handover's replay (each is one input row). */
export const MAX_TAUGHT = 4096;

/** Why this grid's explanation is too large to compute and send, or null. */
export function explainRefusal(cfg: VsmlConfig, shapes: readonly LayerShape[]): string | null {
  const bytes = explanationBytes(cfg, shapes);
  if (bytes <= EXPLAIN_MAX_BYTES) return null;
  const grid = shapes.map(({ A, B }) => `${A} x ${B}`).join(' + ');
  return `explain: one example of this grid (${grid} cells, N = ${cfg.stateSize}, ${cfg.microTicks} micro-ticks) is ${(bytes / 2 ** 20).toFixed(0)} MiB of numbers, over the ${EXPLAIN_MAX_BYTES / 2 ** 20} MiB the page is sent; resize the images smaller`;
}

/**
 * The largest |difference| between the explanation's final h, c (with backwardPass, after its reverse tick) and y and
 * the engine's after the same example.
 */
export function agreementOf(e: Explanation, after: RunState, y: Float32Array): number {
  let worst = 0;
  const diff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
    for (let k = 0; k < a.length; k++) {
      const d = Math.abs(a[k] - b[k]);
      if (!(d <= worst)) worst = Number.isNaN(d) ? Infinity : d;
    }
  };
  statesAfter(e).forEach((last, l) => {
    diff(last.h, after[l].h);
    diff(last.c, after[l].c);
  });
  diff(e.y, y);
  return worst;
}

/** One example for every run: the same input and label in each of `runs` streams. */
export function taughtBlock(x: Float32Array, label: number, runs: number): StreamBlock {
  const inputs = new Float32Array(runs * x.length);
  for (let s = 0; s < runs; s++) inputs.set(x, s * x.length);
  return { inputs, labels: new Int32Array(runs).fill(label), steps: 1 };
}

/** softmax(y) (float64, as the reference's softmaxLoss) and its first maximum, with the input it was for. */
export function predictionOf(input: Float32Array, y: Float32Array): Prediction {
  const probabilities = Float32Array.from(softmaxLoss(y, 0).p);
  let predicted = 0;
  for (let b = 1; b < y.length; b++) if (y[b] > y[predicted]) predicted = b;
  return { input, probabilities, predicted };
}

/** Why `label` is no class of K, or null. */
export function labelRefusal(label: unknown, K: number): string | null {
  return Number.isInteger(label) && (label as number) >= 0 && (label as number) < K
    ? null
    : `label: must be an integer in [0, ${K}), got ${String(label)}`;
}
