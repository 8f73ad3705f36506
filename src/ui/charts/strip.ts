// The introspection strip's maths: which examples are shown, their argmax, the cell colours and the
// marker paths (square = true class, circle = argmax, as in the paper's Fig. 9). Pure (no DOM).

/** Columns of the strip: the last `slots` examples, oldest on the left. */
export const STRIP_SLOTS = 100;

/** The shown window of n examples: rows start .. start + shown - 1 of the [n][K] arrays. */
export function stripWindow(n: number, slots = STRIP_SLOTS): { start: number; shown: number } {
  const shown = Math.max(0, Math.min(n, slots));
  return { start: Math.max(0, n) - shown, shown };
}

/** Index of the largest of probabilities[row*K .. row*K + K - 1] (the first on a tie); -1 when K is 0. */
export function argmaxRow(probabilities: ArrayLike<number>, K: number, row: number): number {
  let best = -1;
  let max = -Infinity;
  for (let k = 0; k < K; k++) {
    const p = probabilities[row * K + k];
    if (p > max) {
      max = p;
      best = k;
    }
  }
  return best;
}

/**
 * Colour the window into `out` (slots x K pixels, RGBA, row k = class k): column j is example start + j,
 * its pixel k the table entry of round(clamp(p, 0, 1) * (size - 1)); columns past `shown` stay transparent,
 * non-finite p is grey.
 */
export function paintStrip(
  probabilities: ArrayLike<number>,
  K: number,
  start: number,
  shown: number,
  slots: number,
  table: Uint8ClampedArray,
  out: Uint8ClampedArray,
): void {
  const size = table.length / 4;
  out.fill(0);
  for (let j = 0; j < shown; j++) {
    for (let k = 0; k < K; k++) {
      const p = probabilities[(start + j) * K + k];
      const at = (k * slots + j) * 4;
      if (!Number.isFinite(p)) {
        out.set([204, 204, 204, 255], at);
        continue;
      }
      const i = Math.round(Math.min(1, Math.max(0, p)) * (size - 1)) * 4;
      out[at] = table[i];
      out[at + 1] = table[i + 1];
      out[at + 2] = table[i + 2];
      out[at + 3] = table[i + 3];
    }
  }
}

/** SVG path of a square of side `side` centred on (cx, cy). */
export function squarePath(cx: number, cy: number, side: number): string {
  const h = side / 2;
  return `M${cx - h},${cy - h}h${side}v${side}h${-side}Z`;
}

/** SVG path of a circle of radius r centred on (cx, cy): two half arcs. */
export function circlePath(cx: number, cy: number, r: number): string {
  return `M${cx - r},${cy}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`;
}
