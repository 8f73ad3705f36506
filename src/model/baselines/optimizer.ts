// What an online baseline's optimiser does, for R runs at once. Gradients arrive in the factored
// form a dense layer produces them in, dL/dW[i][o] = x[i] g[o] and dL/db[o] = g[o], so the update
// is applied element by element without materialising a gradient buffer.

export interface Optimizer {
  /** Clear one run's optimiser state (moments and step count). */
  resetRun(run: number): void;
  /** Start the next update of one run: call once per example, before its `applyDense` calls. */
  beginStep(run: number): void;
  /**
   * Update W (stored [m][n], see mlpLayout.ts) at `wOff` and b [m] at `bOff` of `p` (offsets
   * absolute, i.e. including the run's base) by the gradients dL/dW(i -> o) = g[o] x[i], dL/db = g.
   */
  applyDense(
    run: number,
    p: Float32Array,
    wOff: number,
    bOff: number,
    x: Float64Array,
    n: number,
    g: Float64Array,
    m: number,
  ): void;
}

export interface OptimizerSpec {
  readonly kind: 'sgd' | 'adam';
  readonly learningRate: number;
  /** Adam only (optax defaults 0.9, 0.999, 1e-8). */
  readonly beta1?: number;
  readonly beta2?: number;
  readonly eps?: number;
}
