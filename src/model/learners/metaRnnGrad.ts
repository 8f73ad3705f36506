// The Meta RNN's meta-loss over one trajectory and its exact gradient through the unroll
// (learnedUnroll.ts), the equations of metaRnnStep.ts in float64:
//   u_t = [x_t, e_{t-1}, onehot(y_{t-1})];  per micro-tick: [i, g, f, o] = [u_t, h] W + b, LSTM cell
//   z = h Wr + br;  ŷ_t = B tanh(z / B);  loss_t = CE(softmax ŷ_t, y_t);  e_t = softmax(ŷ_t) − onehot(y_t)
// The gradient follows e_t into the next example (no stop-gradient). The u rows of the gate sum are
// shared by the micro-ticks, so their adjoints are summed over the ticks before one outer product.
// Carry: h, c [H], e [K]. Tape of one example: the micro-ticks' cell records, e_{t-1}, the final h,
// ŷ and softmax(ŷ): (7 ticks + 1) H + 3K numbers.
import { affine, affineReverse, addRows } from './affineGrad';
import { boundReverse, headForward, headReverse } from './headGrad';
import type { LearnedShape } from './learned';
import {
  checkUnrollInputs,
  unrollGradient,
  type LearnedGradient,
  type LearnedTrajectory,
  type UnrollKernel,
  type UnrollOptions,
} from './learnedUnroll';
import {
  carryAdjointIn,
  carryAdjointOut,
  carryErrorIn,
  carryErrorOut,
  LSTM_RECORD,
  lstmCell,
  lstmInputReverse,
  lstmTickReverse,
  lstmInputSum,
  type LstmRows,
} from './lstmGrad';
import { metaRnnLayout, type MetaRnnSpec } from './metaRnnSpec';

function metaRnnKernel(shape: LearnedShape, spec: MetaRnnSpec, p: Float64Array, traj: LearnedTrajectory): UnrollKernel {
  const L = metaRnnLayout(shape, spec);
  const { inputSize: A, numClasses: K } = shape;
  const { hidden: H, microTicks: ticks, tanhBound: B } = spec;
  const G = 4 * H;
  const rows: LstmRows = { A, K, H, wOff: L.lstmW.offset, bOff: L.lstmB.offset };
  const hRows = L.lstmW.offset + (A + 2 * K) * G;
  // Tape offsets.
  const R = LSTM_RECORD * H;
  const tEPrev = ticks * R;
  const tH = tEPrev + K;
  const tY = tH + H;
  const tProb = tY + K;
  const tapeSize = tProb + K;
  const scratchTape = new Float64Array(tapeSize);
  const pre = new Float64Array(G);
  const gates = new Float64Array(G);
  const z = new Float64Array(K);
  const dh = new Float64Array(H);
  const dhPrev = new Float64Array(H);
  const dc = new Float64Array(H);
  const dz = new Float64Array(G);
  const dpre = new Float64Array(G);
  const dy = new Float64Array(K);
  const de = new Float64Array(K);
  const prevOf = (t: number): number => (t > 0 ? traj.labels[t - 1] : -1);

  return {
    carrySize: 2 * H + K,
    tapeSize,
    paramCount: L.size,
    forward(t, carry, tapeOrNull) {
      const tape = tapeOrNull ?? scratchTape;
      const label = traj.labels[t];
      carryErrorOut(carry, H, K, tape, tEPrev);
      lstmInputSum(pre, p, rows, traj.inputs, t * A, carry, 2 * H, prevOf(t));
      for (let tick = 0; tick < ticks; tick++) {
        gates.set(pre);
        addRows(gates, p, hRows, carry, 0, H, G);
        lstmCell(gates, H, carry, 0, carry, H, tape, tick * R);
      }
      for (let k = 0; k < H; k++) tape[tH + k] = carry[k];
      affine(z, p, L.readoutW.offset, L.readoutB.offset, carry, 0, H, K);
      const r = headForward(z, K, B, label, tape, tY, tape, tProb);
      carryErrorIn(carry, H, K, tape, tProb, label);
      return r;
    },
    backward(t, tape, dCarry, dp, w) {
      const label = traj.labels[t];
      carryAdjointIn(dCarry, dh, dc);
      headReverse(tape, tProb, label, dCarry, 2 * H, w, dy, K);
      boundReverse(dy, tape, tY, B, K);
      affineReverse(dy, p, dp, L.readoutW.offset, L.readoutB.offset, tape, tH, H, K, dh);
      dpre.fill(0);
      for (let tick = ticks - 1; tick >= 0; tick--) {
        lstmTickReverse(tape, tick * R, H, dh, dc, dz, p, dp, hRows, dhPrev);
        for (let j = 0; j < G; j++) dpre[j] += dz[j];
        dh.set(dhPrev);
      }
      de.fill(0);
      lstmInputReverse(dpre, p, dp, rows, traj.inputs, t * A, tape, tEPrev, prevOf(t), de, 0);
      carryAdjointOut(dCarry, dh, dc, de);
    },
  };
}

/**
 * The Meta RNN's mean online cross-entropy over one stream (from the zero state, as at a
 * trajectory's start) and its gradient with respect to `params` (the layout of metaRnnLayout).
 */
export function metaRnnTrajectoryGradient(
  shape: LearnedShape,
  spec: MetaRnnSpec,
  params: ArrayLike<number>,
  traj: LearnedTrajectory,
  opts: UnrollOptions = {},
): LearnedGradient {
  checkUnrollInputs('meta-rnn', shape, metaRnnLayout(shape, spec).size, params, traj);
  return unrollGradient(metaRnnKernel(shape, spec, Float64Array.from(params), traj), traj.steps, opts);
}
