// Colour normalisation of a state slice values[a*B + b] (A rows, B columns): every value v of column b
// is shown at t = (v / r_b + 1) / 2 of a diverging colour map, r_b being the half-width of the
// symmetric range [-r_b, r_b] the chosen normalisation gives that column. Pure (no DOM).

export type Normalisation = 'class' | 'layer' | 'fixed';

/**
 * The half-width r_b of the colour range of each column b:
 * 'class' = max over a of |values[a*B + b]| (each column on its own scale),
 * 'layer' = max |v| over the whole slice (the same for every column),
 * 'fixed' = fixedRange. Non-finite values are left out of the maxima; an all-zero column gives 0.
 */
export function columnRanges(
  values: ArrayLike<number>,
  rows: number,
  cols: number,
  normalisation: Normalisation,
  fixedRange = 1,
): Float64Array {
  const ranges = new Float64Array(cols);
  if (normalisation === 'fixed') return ranges.fill(fixedRange);
  for (let a = 0; a < rows; a++) {
    const row = a * cols;
    for (let b = 0; b < cols; b++) {
      const m = Math.abs(values[row + b]);
      if (m > ranges[b] && m !== Infinity) ranges[b] = m;
    }
  }
  if (normalisation === 'layer') {
    let max = 0;
    for (let b = 0; b < cols; b++) max = Math.max(max, ranges[b]);
    ranges.fill(max);
  }
  return ranges;
}

/**
 * Entry of a `size`-entry colour table for value v on the range [-r, r]: round((v / r + 1) / 2 * (size - 1)),
 * clamped to the table. r <= 0 shows everything at the middle entry; a non-finite v gives -1 (no colour).
 */
export function tableIndex(v: number, r: number, size = 256): number {
  if (!Number.isFinite(v)) return -1;
  const t = r > 0 ? (v / r + 1) / 2 : 0.5;
  const i = Math.round(t * (size - 1));
  return i < 0 ? 0 : i >= size ? size - 1 : i;
}

/**
 * The range the legend shows: per class the relative scale [-1, 1], else [-r, r] with r the layer's or the fixed range.
 */
export function legendDomain(normalisation: Normalisation, ranges: Float64Array, fixedRange = 1): [number, number] {
  if (normalisation === 'class') return [-1, 1];
  const r = normalisation === 'fixed' ? fixedRange : ranges.length > 0 ? ranges[0] : 0;
  return [-r, r];
}
