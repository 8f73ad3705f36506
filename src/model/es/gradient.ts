// The ES gradient estimate (official experiment.py:311-314,326):
//   g = mean_p w_p eps_p / (2 sigma),   w_p = L+_p - L-_p (or shaped, shaping.ts)
// accumulated by regenerating each eps_p from its counter-based seed, so no noise is stored.
// With w_p = L(theta + sigma eps_p) - L(theta - sigma eps_p) this is an unbiased estimate of the
// gradient of the Gaussian-smoothed loss; for a quadratic it is unbiased for the gradient itself.

/** Writes eps_p into `out`. */
export type NoiseSource = (pair: number, out: Float64Array) => void;

/** g [D] from the pair weights w [P]; `noise` regenerates eps_p. Pairs with w_p = 0 are skipped. */
export function esGradient(
  weights: ArrayLike<number>,
  sigma: number,
  size: number,
  noise: NoiseSource,
  out = new Float64Array(size),
): Float64Array {
  const P = weights.length;
  if (P < 1) throw new Error('esGradient: no pairs');
  out.fill(0);
  const eps = new Float64Array(size);
  for (let p = 0; p < P; p++) {
    const w = weights[p];
    if (w === 0) continue;
    noise(p, eps);
    for (let k = 0; k < size; k++) out[k] += w * eps[k];
  }
  const scale = 1 / (2 * sigma * P);
  for (let k = 0; k < size; k++) out[k] *= scale;
  return out;
}
