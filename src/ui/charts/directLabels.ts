// Where the learners' names go at the right end of their lines: each label wants the y of its line's
// last point; labels closer than `gap` are pushed apart (down first, then back up from the bottom
// edge), keeping their order and staying within [top, bottom] while there is room. Pure.

/**
 * Label positions for the wanted y's (same order as `wanted`), neighbours at least `gap` apart. When
 * all of them do not fit between `top` and `bottom`, they are stacked `gap` apart from `top`.
 */
export function spreadLabels(wanted: readonly number[], gap: number, top: number, bottom: number): number[] {
  const order = wanted.map((_, i) => i).sort((a, b) => wanted[a] - wanted[b] || a - b);
  const pos = order.map((i) => Math.min(bottom, Math.max(top, wanted[i])));
  for (let k = 1; k < pos.length; k++) pos[k] = Math.max(pos[k], pos[k - 1] + gap);
  const n = pos.length;
  if (n > 0 && pos[n - 1] > bottom) {
    pos[n - 1] = bottom;
    for (let k = n - 2; k >= 0; k--) pos[k] = Math.min(pos[k], pos[k + 1] - gap);
  }
  if (n > 0 && pos[0] < top) for (let k = 0; k < n; k++) pos[k] = top + k * gap;
  const out = new Array<number>(n);
  order.forEach((i, k) => (out[i] = pos[k]));
  return out;
}
