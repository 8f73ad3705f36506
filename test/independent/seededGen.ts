// Seeded uniforms and normals for the independent float64 oracles of the learned learners
// (test/model/learners/*.float64.test.ts), independent of src/model/rng.ts.
import { mulberry32 } from './onlineSgd';

/** u: uniforms in [0, 1) from mulberry32(seed); n: standard normals by Box-Muller from two of them. */
export function seededGen(seed: number): { u: () => number; n: () => number } {
  const u = mulberry32(seed);
  const n = (): number => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
  return { u, n };
}
