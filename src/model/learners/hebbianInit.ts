// The Hebbian fast-weight learner's initial parameters (official models.py:396-414): W from haiku's
// TruncatedNormal(1/sqrt(I)) (cut at 2 std, no variance correction: effective std about
// 0.88/sqrt(I)), every C = 0.01, θ_η = −4.5 (η ≈ 0.011), b = 0.
// Draw order: one Rng(seed), W in storage order ([I][K], see hebbianSpec.ts); nothing else is
// random. The numbers are ours (haiku's PRNG is not reproduced); the distribution is haiku's.
import { Rng } from '../rng';
import type { LearnedShape } from './learned';
import { HEBBIAN_DEFAULTS, hebbianLayout, type HebbianSpec } from './hebbianSpec';

/** Official initial C (hk.initializers.Constant(0.01), models.py:401-402). */
export const HEBBIAN_COEFF_INIT = 0.01;
/** Official initial θ_η (hk.initializers.Constant(-4.5), models.py:403-405). */
export const HEBBIAN_FW_LR_INIT = -4.5;

export function initHebbian(shape: LearnedShape, seed: number, spec: HebbianSpec = HEBBIAN_DEFAULTS): Float32Array {
  const L = hebbianLayout(shape, spec);
  const out = new Float32Array(L.size);
  const rng = new Rng(seed);
  const std = 1 / Math.sqrt(L.w.rows);
  for (let k = 0; k < L.w.rows * L.w.cols; k++) out[L.w.offset + k] = rng.truncNormal(std);
  out.fill(HEBBIAN_COEFF_INIT, L.coeff.offset, L.coeff.offset + L.coeff.rows * L.coeff.cols);
  out[L.fwLr.offset] = HEBBIAN_FW_LR_INIT;
  // b stays 0.
  return out;
}
