// ES perturbations from counter-based seeds, so they are never stored or sent: the noise of pair p
// in ES step s is eps_{s,p} ~ N(0, I) over all of V_M, drawn as
//   eps_{s,p}[k] = k-th normal of new Rng(hash3(seed, NOISE_TAG, s), p)
// (Box-Muller on two 24-bit uniforms, both halves used: eps[2i] = r cos, eps[2i+1] = r sin).
// Regenerating it gives the same numbers bit for bit, in any order, on any machine (32-bit integer
// maths only, like the WGSL side of Rng).
import { hash3, Rng } from '../rng';

/** "nois" in ASCII. */
export const NOISE_TAG = 0x6e6f6973;

/** The generator of pair `pair`'s noise in ES step `step`. */
export const noiseRng = (seed: number, step: number, pair: number): Rng => new Rng(hash3(seed, NOISE_TAG, step), pair);

/** Fill `out` (length D) with eps_{step,pair}. */
export function fillNoise(seed: number, step: number, pair: number, out: Float64Array): Float64Array {
  const rng = noiseRng(seed, step, pair);
  for (let k = 0; k < out.length; k++) out[k] = rng.normal();
  return out;
}
