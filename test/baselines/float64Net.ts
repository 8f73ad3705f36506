// Test helpers for the baselines: the loss of one example in Float64 straight from the equations
// (for finite differences), and an optimiser that records the full gradient instead of stepping.
import type { MlpLayout } from '../../src/model/baselines/mlpLayout';
import type { Optimizer } from '../../src/model/baselines/optimizer';

/** Bounded outputs y and the cross-entropy of softmax(y) for params p (layout order, W stored [out][in]). */
export function lossF64(
  layout: MlpLayout,
  p: ArrayLike<number>,
  x: ArrayLike<number>,
  label: number,
  bound = 100,
): { y: number[]; loss: number } {
  let h = Array.from(x);
  layout.layers.forEach(({ inputs: n, outputs: m, w, b }, l) => {
    const z = Array.from({ length: m }, (_, o) => {
      let s = p[b + o];
      for (let i = 0; i < n; i++) s += h[i] * p[w + o * n + i];
      return s;
    });
    h = l < layout.layers.length - 1 ? z.map(Math.tanh) : z;
  });
  const y = h.map((z) => bound * Math.tanh(z / bound));
  const max = Math.max(...y);
  const lse = max + Math.log(y.reduce((s, v) => s + Math.exp(v - max), 0));
  return { y, loss: lse - y[label] };
}

/** Central differences of lossF64 in every parameter. */
export function finiteDiffGrad(
  layout: MlpLayout,
  p: ArrayLike<number>,
  x: ArrayLike<number>,
  label: number,
  h = 1e-6,
): Float64Array {
  const q = Float64Array.from(p);
  const g = new Float64Array(q.length);
  for (let k = 0; k < q.length; k++) {
    const v = q[k];
    q[k] = v + h;
    const up = lossF64(layout, q, x, label).loss;
    q[k] = v - h;
    const down = lossF64(layout, q, x, label).loss;
    q[k] = v;
    g[k] = (up - down) / (2 * h);
  }
  return g;
}

/** An optimiser that stores the gradient it is given (one run, base 0) and leaves the params alone. */
export class RecordingOptimizer implements Optimizer {
  readonly grad: Float64Array;
  steps = 0;

  constructor(size: number) {
    this.grad = new Float64Array(size);
  }

  resetRun(): void {}

  beginStep(): void {
    this.steps++;
  }

  applyDense(
    _run: number,
    _p: Float32Array,
    wOff: number,
    bOff: number,
    x: Float64Array,
    n: number,
    g: Float64Array,
    m: number,
  ): void {
    for (let o = 0; o < m; o++) {
      this.grad[bOff + o] = g[o];
      for (let i = 0; i < n; i++) this.grad[wOff + o * n + i] = g[o] * x[i];
    }
  }
}
