// Pixel shuffle (official data.py:141-146): one fixed permutation of the D inputs per task,
// x'[j] = x[perm[j]]. Drawn from new Rng(seed, SEED_STREAMS.pixelShuffle) by Fisher-Yates.
import { Rng } from '../../model/rng';
import { SEED_STREAMS } from '../seeds';

/** Shuffle `a` in place (Fisher-Yates, i from the end, j uniform in [0, i]). */
export function shuffleInPlace(a: Uint32Array, rng: Rng): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}

export function pixelPermutation(D: number, seed: number): Uint32Array {
  const perm = Uint32Array.from({ length: D }, (_, i) => i);
  shuffleInPlace(perm, new Rng(seed, SEED_STREAMS.pixelShuffle));
  return perm;
}

/** out[outOffset + j] = x[xOffset + perm[j]]. */
export function permute(
  x: Float32Array,
  xOffset: number,
  perm: Uint32Array,
  out: Float32Array,
  outOffset: number,
): void {
  for (let j = 0; j < perm.length; j++) out[outOffset + j] = x[xOffset + perm[j]];
}
