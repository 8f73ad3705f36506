// The Hebbian fast-weight learner's meta-loss over one trajectory and its exact gradient through the
// unroll (learnedUnroll.ts), the equations of hebbianRuns.ts in float64 (F too: the reference keeps
// F in float32). Per example, with Weff = W + C ⊙ F:
//   z₁ = [x, 0, 0] Weff + b;  ŷ = B tanh(z₁ / B);  loss = CE(softmax ŷ, y);  e = softmax(ŷ) − onehot(y)
//   x̃ = [x, e, onehot(y)];  z₂ = x̃ Weff + b;  s = softmax(z₂);  η = σ(θ_η)
//   F_ij ← F_ij (1 − η s_j²) + η s_j x̃_i                                                      (Oja)
// The gradient reaches W, C, b through both passes, θ_η and s through the Oja step, and the loss
// through F into every later example and through e into this example's update (no stop-gradient).
// Carry: F [I][K] (I = A + 2K). Memory: the checkpointed carries plus one segment's tapes, each
// holding F before the example (I K numbers; 56,296 at 784/62): (ceil(T / k) + k) I K numbers, 20 MB
// at T = 500. Reversing the Oja step instead (F = (F' − η s x̃) / (1 − η s²)) would need none, but
// its rounding would depend on the path, so the bits would no longer be those of the forward.
import { boundReverse, headForward, headReverse } from './headGrad';
import { hebbianLayout, type HebbianSpec } from './hebbianSpec';
import type { LearnedShape } from './learned';
import {
  checkUnrollInputs,
  unrollGradient,
  type LearnedGradient,
  type LearnedTrajectory,
  type UnrollKernel,
  type UnrollOptions,
} from './learnedUnroll';

function hebbianKernel(shape: LearnedShape, spec: HebbianSpec, p: Float64Array, traj: LearnedTrajectory): UnrollKernel {
  const L = hebbianLayout(shape, spec);
  const { inputSize: A, numClasses: K } = shape;
  const I = L.rows;
  const IK = I * K;
  const W = L.w.offset;
  const C = L.coeff.offset;
  const bOff = L.b.offset;
  const theta = L.fwLr.offset;
  const B = spec.tanhBound;
  // Tape: F before the example, ŷ, softmax(ŷ), s.
  const tY = IK;
  const tProb = tY + K;
  const tS = tProb + K;
  const tapeSize = tS + K;
  const scratchTape = new Float64Array(tapeSize);
  const z = new Float64Array(K);
  const ds = new Float64Array(K);
  const dz2 = new Float64Array(K);
  const dy = new Float64Array(K);
  const de = new Float64Array(K);
  const xt = new Float64Array(I);

  /** x̃ = [x_t, e, onehot(label)] into xt, e = prob − onehot from the tape. */
  const plasticInput = (t: number, tape: Float64Array): void => {
    const label = traj.labels[t];
    for (let i = 0; i < A; i++) xt[i] = traj.inputs[t * A + i];
    for (let k = 0; k < K; k++) {
      xt[A + k] = tape[tProb + k] - (k === label ? 1 : 0);
      xt[A + K + k] = k === label ? 1 : 0;
    }
  };
  /** z += Σ_i v_i Weff[i] over rows [from, to) of x̃ (zero entries skipped). */
  const addEffRows = (F: Float64Array, from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      const v = xt[i];
      if (v === 0) continue;
      const o = i * K;
      for (let j = 0; j < K; j++) z[j] += v * (p[W + o + j] + p[C + o + j] * F[o + j]);
    }
  };

  return {
    carrySize: IK,
    tapeSize,
    paramCount: L.size,
    forward(t, F, tapeOrNull) {
      const tape = tapeOrNull ?? scratchTape;
      const label = traj.labels[t];
      if (tapeOrNull) tape.set(F);
      for (let i = 0; i < A; i++) xt[i] = traj.inputs[t * A + i];
      for (let j = 0; j < K; j++) z[j] = p[bOff + j];
      addEffRows(F, 0, A);
      const r = headForward(z, K, B, label, tape, tY, tape, tProb);
      plasticInput(t, tape);
      addEffRows(F, A, I);
      let max = -Infinity;
      for (let j = 0; j < K; j++) max = Math.max(max, z[j]);
      let sum = 0;
      for (let j = 0; j < K; j++) sum += tape[tS + j] = Math.exp(z[j] - max);
      for (let j = 0; j < K; j++) tape[tS + j] /= sum;
      const eta = 1 / (1 + Math.exp(-p[theta]));
      for (let i = 0; i < I; i++) {
        const v = xt[i];
        const o = i * K;
        for (let j = 0; j < K; j++) {
          const s = tape[tS + j];
          F[o + j] = F[o + j] * (1 - eta * s * s) + eta * s * v;
        }
      }
      return r;
    },
    backward(t, tape, dF, dp, w) {
      const label = traj.labels[t];
      const eta = 1 / (1 + Math.exp(-p[theta]));
      plasticInput(t, tape);
      // The Oja step: adjoints of s, η, x̃'s e rows, and F before it (in place on dF).
      ds.fill(0);
      de.fill(0);
      let dEta = 0;
      for (let i = 0; i < I; i++) {
        const v = xt[i];
        const o = i * K;
        let dv = 0;
        for (let j = 0; j < K; j++) {
          const s = tape[tS + j];
          const g = dF[o + j];
          const f = tape[o + j];
          ds[j] += g * eta * (v - 2 * s * f);
          dEta += g * s * (v - s * f);
          dv += g * eta * s;
          dF[o + j] = g * (1 - eta * s * s);
        }
        if (i >= A && i < A + K) de[i - A] += dv;
      }
      dp[theta] += dEta * eta * (1 - eta);
      let dot = 0;
      for (let j = 0; j < K; j++) dot += ds[j] * tape[tS + j];
      for (let j = 0; j < K; j++) dz2[j] = tape[tS + j] * (ds[j] - dot);
      // Pass 2's e rows: the adjoint of e.
      for (let k = 0; k < K; k++) {
        const o = (A + k) * K;
        let s = 0;
        for (let j = 0; j < K; j++) s += (p[W + o + j] + p[C + o + j] * tape[o + j]) * dz2[j];
        de[k] += s;
      }
      headReverse(tape, tProb, label, de, 0, w, dy, K);
      boundReverse(dy, tape, tY, B, K);
      // Both passes' products: x rows see dz₁ + dz₂, the e and label rows dz₂ only.
      for (let j = 0; j < K; j++) dp[bOff + j] += dy[j] + dz2[j];
      for (let i = 0; i < I; i++) {
        const v = xt[i];
        if (v === 0) continue;
        const o = i * K;
        const both = i < A;
        for (let j = 0; j < K; j++) {
          const g = v * (both ? dy[j] + dz2[j] : dz2[j]);
          dp[W + o + j] += g;
          dp[C + o + j] += g * tape[o + j];
          dF[o + j] += g * p[C + o + j];
        }
      }
    },
  };
}

/**
 * The Hebbian learner's mean online cross-entropy over one stream (from F = 0, as at a trajectory's
 * start) and its gradient with respect to `params` (the layout of hebbianLayout).
 */
export function hebbianTrajectoryGradient(
  shape: LearnedShape,
  spec: HebbianSpec,
  params: ArrayLike<number>,
  traj: LearnedTrajectory,
  opts: UnrollOptions = {},
): LearnedGradient {
  checkUnrollInputs('hebbian', shape, hebbianLayout(shape, spec).size, params, traj);
  return unrollGradient(hebbianKernel(shape, spec, Float64Array.from(params), traj), traj.steps, opts);
}
