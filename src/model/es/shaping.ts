// Fitness shaping: the weight each antithetic pair's noise gets in the gradient estimate.
//   none (official):   w_p = L+_p - L-_p  (raw loss differences, experiment.py:311-314)
//   centred-ranks:     every one of the 2P losses replaced by its centred rank
//                      c = rank / (2P - 1) - 0.5 in [-0.5, 0.5] (rank 0 = lowest loss; ties by
//                      position, plus before minus of the same pair), then w_p = c+_p - c-_p
//                      (Salimans et al. 2017's compute_centered_ranks).
export const FITNESS_SHAPINGS = ['none', 'centred-ranks'] as const;
export type FitnessShaping = (typeof FITNESS_SHAPINGS)[number];

/** Centred ranks of `values` (length n >= 2): rank / (n - 1) - 0.5; for n = 1 the single value gets 0. */
export function centredRanks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a] - values[b] || a - b);
  const out = new Float64Array(n);
  if (n === 1) return out;
  order.forEach((i, rank) => (out[i] = rank / (n - 1) - 0.5));
  return out;
}

/** w_p for P pairs from their losses L+ [P] and L- [P]. The losses must be finite. */
export function pairWeights(plus: ArrayLike<number>, minus: ArrayLike<number>, shaping: FitnessShaping): Float64Array {
  const P = plus.length;
  if (minus.length !== P) throw new Error(`pairWeights: ${P} plus losses, ${minus.length} minus`);
  const w = new Float64Array(P);
  if (shaping === 'none') {
    for (let p = 0; p < P; p++) w[p] = plus[p] - minus[p];
    return w;
  }
  const all = new Float64Array(2 * P);
  for (let p = 0; p < P; p++) {
    all[2 * p] = plus[p];
    all[2 * p + 1] = minus[p];
  }
  const c = centredRanks(all);
  for (let p = 0; p < P; p++) w[p] = c[2 * p] - c[2 * p + 1];
  return w;
}
