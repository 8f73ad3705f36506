// Adam on one flat parameter vector, optax semantics (scale_by_adam then scale(-lr)):
//   t <- t + 1;  m <- b1 m + (1 - b1) g;  v <- b2 v + (1 - b2) g^2
//   theta <- theta - lr * (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps)
// eps outside the square root (eps_root = 0); moments start at 0. The moments are float64 (so a
// checkpoint holds them exactly as JSON numbers); theta is float32, as the engines take it.

export interface AdamHyper {
  readonly learningRate: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly eps: number;
}

export interface AdamState {
  /** First moment [D]. */
  readonly m: Float64Array;
  /** Second moment [D]. */
  readonly v: Float64Array;
  /** Updates applied so far (t of the bias correction). */
  t: number;
}

export const adamInit = (size: number): AdamState => ({ m: new Float64Array(size), v: new Float64Array(size), t: 0 });

export const cloneAdam = (s: AdamState): AdamState => ({ m: new Float64Array(s.m), v: new Float64Array(s.v), t: s.t });

/** One update of `theta` in place with gradient `g` (descends). */
export function adamStep(theta: Float32Array, g: ArrayLike<number>, state: AdamState, hyper: AdamHyper): void {
  const D = theta.length;
  if (g.length !== D || state.m.length !== D || state.v.length !== D) {
    throw new Error(`adamStep: sizes differ (theta ${D}, g ${g.length}, m ${state.m.length}, v ${state.v.length})`);
  }
  const { learningRate: lr, beta1: b1, beta2: b2, eps } = hyper;
  state.t += 1;
  const mScale = 1 / (1 - b1 ** state.t);
  const vScale = 1 / (1 - b2 ** state.t);
  const { m, v } = state;
  for (let k = 0; k < D; k++) {
    const gk = g[k];
    m[k] = b1 * m[k] + (1 - b1) * gk;
    v[k] = b2 * v[k] + (1 - b2) * gk * gk;
    theta[k] -= (lr * (m[k] * mScale)) / (Math.sqrt(v[k] * vScale) + eps);
  }
}
