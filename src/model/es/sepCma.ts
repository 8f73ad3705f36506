// Separable CMA-ES (Ros & Hansen 2008, "A simple modification in CMA-ES achieving linear time and
// space complexity"): CMA-ES with a diagonal covariance C = diag(c), so a generation costs O(lambda D)
// and the state O(D). Defaults from Hansen's tutorial (arXiv:1604.00772, Table 1) for lambda
// candidates, mu = lambda / 2, log weights, with c_1 and c_mu scaled by (D + 2) / 3 (Ros & Hansen's
// c_cov^sep). Minimises: lower fitness is better.
//
// Sampling is mirrored (Brockhoff et al. 2010): lambda = 2P candidates in P pairs,
//   x_{2p} = m + sigma sqrt(c) * z_p,   x_{2p+1} = m - sigma sqrt(c) * z_p,
// with z_p = fillNoise(seed, step, p) (noise.ts), so an ES step's pair batching applies unchanged and
// nothing is stored. Selection is pairwise (Auger, Brockhoff & Hansen 2011): only the better half of
// each pair (sign s_p = +1 or -1) enters the ranking, mu = P of them, so under random selection the
// selected steps are still N(0, I) and the step-size control stays unbiased (with both halves of a
// pair selected their steps would cancel and sigma would shrink on a flat function). One generation:
//   <z> = sum_i w_i s_{p_i} z_{p_i}  (p_i the pair of rank i),  <y> = sqrt(c) * <z>
//   m   <- m + sigma <y>
//   p_s <- (1 - c_s) p_s + sqrt(c_s (2 - c_s) mu_eff) <z>
//   h_s  = |p_s| / sqrt(1 - (1 - c_s)^(2 (g + 1))) < (1.4 + 2 / (D + 1)) E|N(0, I)|
//   p_c <- (1 - c_c) p_c + h_s sqrt(c_c (2 - c_c) mu_eff) <y>
//   c   <- (1 - c_1 - c_mu) c + c_1 (p_c^2 + (1 - h_s) c_c (2 - c_c) c) + c_mu sum_i w_i (sqrt(c) z_{p_i})^2
//   sigma <- sigma exp((c_s / d_s) (|p_s| / E|N(0, I)| - 1))
// All float64, no Math.random: the same (state, fitness, noise) gives the same bits.
import { fillNoise } from './noise';

export interface SepCmaState {
  /** Mean m [D]. */
  readonly mean: Float64Array;
  /** Global step size. */
  readonly sigma: number;
  /** Diagonal of the covariance, c [D] (> 0). */
  readonly diagC: Float64Array;
  /** Evolution path of c, p_c [D]. */
  readonly pc: Float64Array;
  /** Conjugate evolution path of sigma, p_s [D]. */
  readonly ps: Float64Array;
  /** Generations told so far (g). */
  readonly generation: number;
}

/** The strategy parameters for dimension D and lambda = 2 * pairs. */
export interface SepCmaParams {
  readonly dimension: number;
  readonly pairs: number;
  /** lambda = 2 * pairs. */
  readonly lambda: number;
  /** mu = lambda / 2 = pairs (pairwise selection). */
  readonly mu: number;
  /** w_1 >= ... >= w_mu > 0, summing to 1. */
  readonly weights: Float64Array;
  readonly muEff: number;
  readonly cc: number;
  readonly cs: number;
  readonly ds: number;
  /** Rank-one learning rate (separable: times (D + 2) / 3). */
  readonly c1: number;
  /** Rank-mu learning rate (separable: times (D + 2) / 3, at most 1 - c1). */
  readonly cmu: number;
  /** E|N(0, I)| ~ sqrt(D) (1 - 1 / (4D) + 1 / (21 D^2)). */
  readonly chiN: number;
}

/** Smallest pairs: lambda = 2 * pairs >= 4. */
export const SEP_CMA_MIN_PAIRS = 2;

export function sepCmaParams(dimension: number, pairs: number): SepCmaParams {
  const D = dimension;
  if (!Number.isInteger(D) || D < 1) throw new Error(`sepCmaParams: dimension ${D} is not a positive integer`);
  if (!Number.isInteger(pairs) || pairs < SEP_CMA_MIN_PAIRS)
    throw new Error(`sepCmaParams: ${pairs} pairs; lambda = 2 * pairs must be >= 4`);
  const lambda = 2 * pairs;
  const mu = pairs;
  const weights = new Float64Array(mu);
  let sum = 0;
  for (let i = 0; i < mu; i++) sum += weights[i] = Math.log(mu + 0.5) - Math.log(i + 1);
  let sq = 0;
  for (let i = 0; i < mu; i++) sq += (weights[i] /= sum) ** 2;
  const muEff = 1 / sq;
  const cc = (4 + muEff / D) / (D + 4 + (2 * muEff) / D);
  const cs = (muEff + 2) / (D + muEff + 5);
  const ds = 1 + 2 * Math.max(0, Math.sqrt((muEff - 1) / (D + 1)) - 1) + cs;
  const sep = (D + 2) / 3;
  const c1 = Math.min(1, (sep * 2) / ((D + 1.3) ** 2 + muEff));
  const cmu = Math.min(1 - c1, (sep * 2 * (muEff - 2 + 1 / muEff)) / ((D + 2) ** 2 + muEff));
  const chiN = Math.sqrt(D) * (1 - 1 / (4 * D) + 1 / (21 * D * D));
  return { dimension: D, pairs, lambda, mu, weights, muEff, cc, cs, ds, c1, cmu, chiN };
}

/** Generation 0 at `mean` with step size sigma, c = 1, paths 0. */
export function sepCmaInit(mean: ArrayLike<number>, sigma: number): SepCmaState {
  if (!(sigma > 0) || !Number.isFinite(sigma))
    throw new Error(`sepCmaInit: sigma ${sigma} must be a finite number > 0`);
  const D = mean.length;
  return {
    mean: Float64Array.from(mean),
    sigma,
    diagC: new Float64Array(D).fill(1),
    pc: new Float64Array(D),
    ps: new Float64Array(D),
    generation: 0,
  };
}

export const cloneSepCma = (s: SepCmaState): SepCmaState => ({
  mean: new Float64Array(s.mean),
  sigma: s.sigma,
  diagC: new Float64Array(s.diagC),
  pc: new Float64Array(s.pc),
  ps: new Float64Array(s.ps),
  generation: s.generation,
});

/** out = sigma sqrt(c) * z: the step of candidate 2p from the mean (candidate 2p+1 takes its negative). */
export function sepCmaStep(state: SepCmaState, z: ArrayLike<number>, out = new Float64Array(z.length)): Float64Array {
  const { sigma, diagC } = state;
  if (z.length !== diagC.length || out.length !== diagC.length)
    throw new Error(`sepCmaStep: z has ${z.length} values, D = ${diagC.length}`);
  for (let k = 0; k < z.length; k++) out[k] = sigma * Math.sqrt(diagC[k]) * z[k];
  return out;
}

/** The noise of pair p: writes z_p into `out`. */
export type PairNoise = (pair: number, out: Float64Array) => void;

/** z_p of generation `step` from the counter-based noise (noise.ts). */
export const sepCmaNoise =
  (seed: number, step: number): PairNoise =>
  (p, out) =>
    fillNoise(seed, step, p, out);

export interface SepCmaCandidates {
  /** [P] z_p. */
  readonly z: Float64Array[];
  /** [2P] x_{2p} = m + y_p, x_{2p+1} = m - y_p, y_p = sigma sqrt(c) * z_p. */
  readonly x: Float64Array[];
}

/** All 2P candidates of one generation, materialised (for small D; the trainer regenerates z_p instead). */
export function sepCmaAsk(state: SepCmaState, pairs: number, noise: PairNoise): SepCmaCandidates {
  const D = state.mean.length;
  const z: Float64Array[] = [];
  const x: Float64Array[] = [];
  const y = new Float64Array(D);
  for (let p = 0; p < pairs; p++) {
    const zp = new Float64Array(D);
    noise(p, zp);
    sepCmaStep(state, zp, y);
    const plus = new Float64Array(D);
    const minus = new Float64Array(D);
    for (let k = 0; k < D; k++) {
      plus[k] = state.mean[k] + y[k];
      minus[k] = state.mean[k] - y[k];
    }
    z.push(zp);
    x.push(plus, minus);
  }
  return { z, x };
}

/**
 * Pairwise selection: for every pair its better half (sign +1 for x_{2p}, -1 for x_{2p+1}; a tie
 * takes +1), then the pairs ordered by that fitness (ties by pair index). Fitness must be finite.
 */
export function pairwiseRanking(
  plus: ArrayLike<number>,
  minus: ArrayLike<number>,
): { order: number[]; sign: Int8Array } {
  const P = plus.length;
  if (minus.length !== P) throw new Error(`pairwiseRanking: ${P} plus fitnesses, ${minus.length} minus`);
  const sign = new Int8Array(P);
  const best = new Float64Array(P);
  for (let p = 0; p < P; p++) {
    sign[p] = minus[p] < plus[p] ? -1 : 1;
    best[p] = Math.min(plus[p], minus[p]);
  }
  const order = Array.from({ length: P }, (_, p) => p).sort((a, b) => best[a] - best[b] || a - b);
  return { order, sign };
}

/**
 * The next generation from the fitness of the candidates of `sepCmaAsk` (plus[p] of x_{2p},
 * minus[p] of x_{2p+1}; lower is better, all finite); `noise` regenerates z_p. Returns a new state.
 */
export function sepCmaTell(
  state: SepCmaState,
  params: SepCmaParams,
  plus: ArrayLike<number>,
  minus: ArrayLike<number>,
  noise: PairNoise,
): SepCmaState {
  const D = params.dimension;
  const P = params.pairs;
  if (state.mean.length !== D)
    throw new Error(`sepCmaTell: the state has D = ${state.mean.length}, the parameters ${D}`);
  if (plus.length !== P || minus.length !== P)
    throw new Error(`sepCmaTell: ${plus.length} + ${minus.length} fitnesses for ${P} pairs`);
  for (let p = 0; p < P; p++) {
    if (!Number.isFinite(plus[p]) || !Number.isFinite(minus[p]))
      throw new Error(`sepCmaTell: pair ${p}'s fitness is not finite`);
  }
  const { weights, muEff, cc, cs, ds, c1, cmu, chiN } = params;
  const { order, sign } = pairwiseRanking(plus, minus);
  const zw = new Float64Array(D);
  const rankMu = new Float64Array(D);
  const z = new Float64Array(D);
  for (let i = 0; i < P; i++) {
    const p = order[i];
    noise(p, z);
    const w = weights[i];
    const s = sign[p];
    for (let k = 0; k < D; k++) {
      zw[k] += w * s * z[k];
      rankMu[k] += w * z[k] * z[k];
    }
  }
  const { diagC: c0, sigma } = state;
  const mean = new Float64Array(D);
  const ps = new Float64Array(D);
  const pc = new Float64Array(D);
  const diagC = new Float64Array(D);
  const csNorm = Math.sqrt(cs * (2 - cs) * muEff);
  let psSq = 0;
  for (let k = 0; k < D; k++) {
    mean[k] = state.mean[k] + sigma * Math.sqrt(c0[k]) * zw[k];
    ps[k] = (1 - cs) * state.ps[k] + csNorm * zw[k];
    psSq += ps[k] * ps[k];
  }
  const psNorm = Math.sqrt(psSq);
  const g = state.generation;
  const hs = psNorm / Math.sqrt(1 - (1 - cs) ** (2 * (g + 1))) < (1.4 + 2 / (D + 1)) * chiN ? 1 : 0;
  const ccNorm = hs * Math.sqrt(cc * (2 - cc) * muEff);
  const lost = (1 - hs) * cc * (2 - cc);
  for (let k = 0; k < D; k++) {
    pc[k] = (1 - cc) * state.pc[k] + ccNorm * Math.sqrt(c0[k]) * zw[k];
    diagC[k] = (1 - c1 - cmu) * c0[k] + c1 * (pc[k] * pc[k] + lost * c0[k]) + cmu * c0[k] * rankMu[k];
  }
  const nextSigma = sigma * Math.exp((cs / ds) * (psNorm / chiN - 1));
  return { mean, sigma: nextSigma, diagC, pc, ps, generation: g + 1 };
}
