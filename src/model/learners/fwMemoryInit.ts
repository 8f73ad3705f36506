// The FWMemory learner's initial parameters as haiku draws them by default (official
// models.py:560-564: hk.LSTM and four hk.Linear with no initialisers given): every weight matrix ~
// TruncatedNormal(std = 1/sqrt(fan_in)) cut at 2 std (effective std about 0.88/sqrt(fan_in)), every
// bias 0. fan_in is the block's rows: A+2K+H for the LSTM (its Linear sees concat[input, h]), H for
// the write head, read head and readout, m for the read projection.
// Draw order: one Rng(seed), the weight blocks in layout order, each in storage order (see
// fwMemorySpec.ts). The numbers are ours (haiku's PRNG is not reproduced); the distribution is haiku's.
import { Rng } from '../rng';
import type { LearnedShape } from './learned';
import { FW_MEMORY_DEFAULTS, fwMemoryLayout, type FwMemorySpec } from './fwMemorySpec';

export function initFwMemory(shape: LearnedShape, seed: number, spec: FwMemorySpec = FW_MEMORY_DEFAULTS): Float32Array {
  const L = fwMemoryLayout(shape, spec);
  const out = new Float32Array(L.size);
  const rng = new Rng(seed);
  for (const w of [L.lstmW, L.writeW, L.readW, L.readProjW, L.readoutW]) {
    const std = 1 / Math.sqrt(w.rows);
    for (let k = 0; k < w.rows * w.cols; k++) out[w.offset + k] = rng.truncNormal(std);
  }
  // The biases stay 0.
  return out;
}
