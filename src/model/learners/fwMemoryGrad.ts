// The FWMemory learner's meta-loss over one trajectory and its exact gradient through the unroll
// (learnedUnroll.ts), the equations of fwMemoryStep.ts in float64: the LSTM (lstmGrad.ts), the write
// head and memory write with the norm cap, the read head and no-affine LayerNorm
// (fwMemoryMemoryGrad.ts), out = h + r̂ Wp + bp, the readout and the bounded head. The gradient
// follows h, c, M and the fed-back error e_t into the next example (no stop-gradient).
// Carry: h, c [H], e [K], M [m][m²]. Tape of one example: the cell record, e_{t-1}, h, the write
// head (k1, k2, v, β), d, M before and after the write, the divisor, the read head (n, e'), r̂ and
// its 1/σ, out, ŷ and softmax(ŷ): 2 m³ + 9H + 3K + 7m + 3 numbers (8,781 at the defaults, 784/62).
import { affine, affineReverse, addRows } from './affineGrad';
import { FW_MEMORY_LN_EPS } from './fwMemoryStep';
import {
  memoryRead,
  memoryReadReverse,
  memoryWrite,
  memoryWriteReverse,
  outer,
  outerReverse,
} from './fwMemoryMemoryGrad';
import { fwMemoryLayout, type FwMemorySpec } from './fwMemorySpec';
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
import { sigmoid } from './lstmCell';
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

function fwMemoryKernel(
  shape: LearnedShape,
  spec: FwMemorySpec,
  p: Float64Array,
  traj: LearnedTrajectory,
): UnrollKernel {
  const L = fwMemoryLayout(shape, spec);
  const { inputSize: A, numClasses: K } = shape;
  const { hidden: H, memorySize: m, tanhBound: B } = spec;
  const G = 4 * H;
  const mm = m * m;
  const size = m * mm;
  const rows: LstmRows = { A, K, H, wOff: L.lstmW.offset, bOff: L.lstmB.offset };
  const hRows = L.lstmW.offset + (A + 2 * K) * G;
  const cM = 2 * H + K; // M's offset in the carry
  // Tape offsets.
  const tEPrev = LSTM_RECORD * H;
  const tH = tEPrev + K;
  const tAct = tH + H;
  const tD = tAct + 3 * m + 1;
  const tMPrev = tD + m;
  const tMNew = tMPrev + size;
  const tDiv = tMNew + size;
  const tRead = tDiv + 1;
  const tRHat = tRead + 2 * m;
  const tInv = tRHat + m;
  const tOut = tInv + 1;
  const tY = tOut + H;
  const tProb = tY + K;
  const tapeSize = tProb + K;
  const scratchTape = new Float64Array(tapeSize);
  const gates = new Float64Array(G);
  const head = new Float64Array(3 * m + 1);
  const key = new Float64Array(mm);
  const query = new Float64Array(mm);
  const out = new Float64Array(H);
  const z = new Float64Array(K);
  const dy = new Float64Array(K);
  const dout = new Float64Array(H);
  const dh = new Float64Array(H);
  const dc = new Float64Array(H);
  const drHat = new Float64Array(m);
  const dq = new Float64Array(mm);
  const dRead = new Float64Array(2 * m);
  const dkey = new Float64Array(mm);
  const dWrite = new Float64Array(3 * m + 1);
  const dz = new Float64Array(G);
  const dhPrev = new Float64Array(H);
  const de = new Float64Array(K);
  const prevOf = (t: number): number => (t > 0 ? traj.labels[t - 1] : -1);

  return {
    carrySize: cM + size,
    tapeSize,
    paramCount: L.size,
    forward(t, carry, tapeOrNull) {
      const tape = tapeOrNull ?? scratchTape;
      const label = traj.labels[t];
      carryErrorOut(carry, H, K, tape, tEPrev);
      lstmInputSum(gates, p, rows, traj.inputs, t * A, carry, 2 * H, prevOf(t));
      addRows(gates, p, hRows, carry, 0, H, G);
      lstmCell(gates, H, carry, 0, carry, H, tape, 0);
      for (let k = 0; k < H; k++) tape[tH + k] = carry[k];
      // Write.
      affine(head, p, L.writeW.offset, L.writeB.offset, carry, 0, H, 3 * m + 1);
      for (let j = 0; j < 3 * m; j++) tape[tAct + j] = Math.tanh(head[j]);
      const beta = (tape[tAct + 3 * m] = sigmoid(head[3 * m]));
      outer(key, tape, tAct, tape, tAct + m, m);
      if (tapeOrNull) for (let q = 0; q < size; q++) tape[tMPrev + q] = carry[cM + q];
      tape[tDiv] = memoryWrite(carry, cM, m, key, tape, tAct + 2 * m, beta, tape, tD);
      if (tapeOrNull) for (let q = 0; q < size; q++) tape[tMNew + q] = carry[cM + q];
      // Read.
      affine(head, p, L.readW.offset, L.readB.offset, carry, 0, H, 2 * m);
      for (let j = 0; j < 2 * m; j++) tape[tRead + j] = Math.tanh(head[j]);
      outer(query, tape, tRead, tape, tRead + m, m);
      tape[tInv] = memoryRead(carry, cM, m, query, FW_MEMORY_LN_EPS, tape, tRHat);
      // out = h + r̂ Wp + bp; z = out Wo + bo.
      affine(out, p, L.readProjW.offset, L.readProjB.offset, tape, tRHat, m, H);
      for (let j = 0; j < H; j++) tape[tOut + j] = out[j] += carry[j];
      affine(z, p, L.readoutW.offset, L.readoutB.offset, out, 0, H, K);
      const r = headForward(z, K, B, label, tape, tY, tape, tProb);
      carryErrorIn(carry, H, K, tape, tProb, label);
      return r;
    },
    backward(t, tape, dCarry, dp, w) {
      const label = traj.labels[t];
      carryAdjointIn(dCarry, dh, dc);
      headReverse(tape, tProb, label, dCarry, 2 * H, w, dy, K);
      boundReverse(dy, tape, tY, B, K);
      dout.fill(0);
      affineReverse(dy, p, dp, L.readoutW.offset, L.readoutB.offset, tape, tOut, H, K, dout);
      for (let j = 0; j < H; j++) dh[j] += dout[j];
      drHat.fill(0);
      affineReverse(dout, p, dp, L.readProjW.offset, L.readProjB.offset, tape, tRHat, m, H, drHat);
      // Read: dM' gains dr ⊗ q (in the carry's M slot), then the read head.
      outer(query, tape, tRead, tape, tRead + m, m);
      memoryReadReverse(drHat, tape, tRHat, tape[tInv], tMNew, m, query, dCarry, cM, dq);
      outerReverse(dq, tape, tRead, tape, tRead + m, m, dRead, 0, dRead, m);
      for (let j = 0; j < 2 * m; j++) dRead[j] *= 1 - tape[tRead + j] * tape[tRead + j];
      affineReverse(dRead, p, dp, L.readW.offset, L.readB.offset, tape, tH, H, 2 * m, dh);
      // Write: the cap and the delta rule, then the write head.
      outer(key, tape, tAct, tape, tAct + m, m);
      dkey.fill(0);
      dWrite.fill(0);
      const beta = tape[tAct + 3 * m];
      const dBeta = memoryWriteReverse(
        dCarry,
        cM,
        tape,
        tMPrev,
        tMNew,
        tape[tDiv],
        m,
        key,
        tape,
        tAct + 2 * m,
        beta,
        dkey,
        dWrite,
        2 * m,
      );
      outerReverse(dkey, tape, tAct, tape, tAct + m, m, dWrite, 0, dWrite, m);
      for (let j = 0; j < 3 * m; j++) dWrite[j] *= 1 - tape[tAct + j] * tape[tAct + j];
      dWrite[3 * m] = dBeta * beta * (1 - beta);
      affineReverse(dWrite, p, dp, L.writeW.offset, L.writeB.offset, tape, tH, H, 3 * m + 1, dh);
      // LSTM.
      lstmTickReverse(tape, 0, H, dh, dc, dz, p, dp, hRows, dhPrev);
      de.fill(0);
      lstmInputReverse(dz, p, dp, rows, traj.inputs, t * A, tape, tEPrev, prevOf(t), de, 0);
      carryAdjointOut(dCarry, dhPrev, dc, de);
    },
  };
}

/**
 * The FWMemory's mean online cross-entropy over one stream (from the zero state, as at a
 * trajectory's start) and its gradient with respect to `params` (the layout of fwMemoryLayout).
 */
export function fwMemoryTrajectoryGradient(
  shape: LearnedShape,
  spec: FwMemorySpec,
  params: ArrayLike<number>,
  traj: LearnedTrajectory,
  opts: UnrollOptions = {},
): LearnedGradient {
  checkUnrollInputs('fw-memory', shape, fwMemoryLayout(shape, spec).size, params, traj);
  return unrollGradient(fwMemoryKernel(shape, spec, Float64Array.from(params), traj), traj.steps, opts);
}
