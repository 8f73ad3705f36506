// One example through a baseline network of one run: forward (tanh hidden layers, logits at the
// top), then, given dL/dlogits, the backward pass that hands each layer's gradient to the
// optimiser in factored form. Every layer's input gradient is taken from the pre-update weights,
// so the update equals one optimiser step on the full gradient of this example's loss.
import { denseForward, denseInputGrad } from './dense';
import type { MlpLayout } from './mlpLayout';
import type { Optimizer } from './optimizer';

/** Per-network buffers, reused across examples (Float64: accumulation in double precision). */
export interface MlpScratch {
  /** acts[0] = x, acts[l] = tanh output of hidden layer l, acts[L] = logits. */
  readonly acts: Float64Array[];
  /** grads[l] = dL/d(pre-activation of layer l's outputs), [outputs of layer l]. */
  readonly grads: Float64Array[];
  /** Bounded outputs y [K]. */
  readonly y: Float64Array;
}

export const mlpScratch = (layout: MlpLayout): MlpScratch => ({
  acts: layout.sizes.map((n) => new Float64Array(n)),
  grads: layout.layers.map((l) => new Float64Array(l.outputs)),
  y: new Float64Array(layout.sizes[layout.sizes.length - 1]),
});

/** Forward pass of the run whose parameters start at `base`; acts[0] must hold x. Logits land in acts[L]. */
export function mlpForward(layout: MlpLayout, p: Float32Array, base: number, s: MlpScratch): void {
  const L = layout.layers.length;
  for (let l = 0; l < L; l++) {
    const { inputs: n, outputs: m, w, b } = layout.layers[l];
    const out = s.acts[l + 1];
    denseForward(p, base + w, base + b, s.acts[l], n, m, out);
    if (l < L - 1) for (let o = 0; o < m; o++) out[o] = Math.tanh(out[o]);
  }
}

/**
 * Backward pass and update, after mlpForward and with dL/dlogits in grads[L-1]. Overwrites the
 * lower grads. Calls opt.beginStep(run) once, then applyDense top layer first.
 */
export function mlpBackwardUpdate(
  layout: MlpLayout,
  p: Float32Array,
  base: number,
  s: MlpScratch,
  opt: Optimizer,
  run: number,
): void {
  opt.beginStep(run);
  for (let l = layout.layers.length - 1; l >= 0; l--) {
    const { inputs: n, outputs: m, w, b } = layout.layers[l];
    const g = s.grads[l];
    if (l > 0) {
      const below = s.grads[l - 1];
      const h = s.acts[l];
      denseInputGrad(p, base + w, g, n, m, below);
      for (let i = 0; i < n; i++) below[i] *= 1 - h[i] * h[i];
    }
    opt.applyDense(run, p, base + w, base + b, s.acts[l], n, g, m);
  }
}
