// Adam with optax semantics (optax.adam = scale_by_adam then scale(-lr)), per parameter:
//   t <- t + 1;  mu <- b1 mu + (1 - b1) g;  nu <- b2 nu + (1 - b2) g^2
//   p <- p - lr * (mu / (1 - b1^t)) / (sqrt(nu / (1 - b2^t)) + eps)
// eps outside the square root, added to the bias-corrected root (eps_root = 0). Moments start at 0.
// The moments of R runs live in two Float32Arrays laid out like the parameters.
import type { Optimizer } from './optimizer';

export interface AdamHyper {
  readonly learningRate: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly eps: number;
}

export const ADAM_DEFAULTS: Omit<AdamHyper, 'learningRate'> = { beta1: 0.9, beta2: 0.999, eps: 1e-8 };

export class Adam implements Optimizer {
  /** First and second moments, [R][P] like the parameters. */
  readonly mu: Float32Array;
  readonly nu: Float32Array;
  /** Updates done per run (t of the bias correction). */
  readonly count: Int32Array;

  constructor(
    readonly hyper: AdamHyper,
    readonly runs: number,
    readonly paramsPerRun: number,
  ) {
    this.mu = new Float32Array(runs * paramsPerRun);
    this.nu = new Float32Array(runs * paramsPerRun);
    this.count = new Int32Array(runs);
  }

  resetRun(run: number): void {
    const P = this.paramsPerRun;
    this.mu.fill(0, run * P, (run + 1) * P);
    this.nu.fill(0, run * P, (run + 1) * P);
    this.count[run] = 0;
  }

  beginStep(run: number): void {
    this.count[run]++;
  }

  applyDense(
    run: number,
    p: Float32Array,
    wOff: number,
    bOff: number,
    x: Float64Array,
    n: number,
    g: Float64Array,
    m: number,
  ): void {
    const t = this.count[run];
    if (t < 1) throw new Error(`adam: run ${run}: applyDense before beginStep`);
    const { learningRate, beta1, beta2 } = this.hyper;
    const scale = learningRate / (1 - beta1 ** t);
    const nuScale = 1 / (1 - beta2 ** t);
    for (let o = 0; o < m; o++) this.update(p, wOff + o * n, g[o], x, n, scale, nuScale);
    this.update(p, bOff, 1, g, m, scale, nuScale);
  }

  /** p[off + i] with gradient c * v[i], i < n; scale = lr / (1 - b1^t), nuScale = 1 / (1 - b2^t). */
  private update(
    p: Float32Array,
    off: number,
    c: number,
    v: Float64Array,
    n: number,
    scale: number,
    nuScale: number,
  ): void {
    const { beta1: b1, beta2: b2, eps } = this.hyper;
    const mu = this.mu;
    const nu = this.nu;
    for (let i = 0; i < n; i++) {
      const k = off + i;
      const gk = c * v[i];
      const mk = b1 * mu[k] + (1 - b1) * gk;
      const vk = b2 * nu[k] + (1 - b2) * gk * gk;
      mu[k] = mk;
      nu[k] = vk;
      p[k] -= (scale * mk) / (Math.sqrt(vk * nuScale) + eps);
    }
  }
}
