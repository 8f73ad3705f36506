// Plain SGD: p <- p - lr * grad (optax.sgd without momentum). Stateless.
import type { Optimizer } from './optimizer';

export class Sgd implements Optimizer {
  constructor(readonly learningRate: number) {}

  resetRun(): void {}

  beginStep(): void {}

  applyDense(
    _run: number,
    p: Float32Array,
    wOff: number,
    bOff: number,
    x: Float64Array,
    n: number,
    g: Float64Array,
    m: number,
  ): void {
    const lr = this.learningRate;
    for (let o = 0; o < m; o++) {
      const c = lr * g[o];
      p[bOff + o] -= c;
      if (c === 0) continue;
      const row = wOff + o * n;
      for (let i = 0; i < n; i++) p[row + i] -= c * x[i];
    }
  }
}
