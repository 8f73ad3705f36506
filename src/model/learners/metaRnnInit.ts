// The Meta RNN's initial parameters as haiku draws them by default (official models.py:270-271:
// hk.LSTM and hk.Linear with no initialisers given): every weight matrix ~ TruncatedNormal(std =
// 1/sqrt(fan_in)) cut at 2 std (effective std about 0.88/sqrt(fan_in)), every bias 0. fan_in is
// A+2K+H for the LSTM (its Linear sees concat[input, h]) and H for the readout.
// Draw order: one Rng(seed), lstmW then readoutW, each in storage order (see metaRnnSpec.ts). The
// numbers are ours (haiku's PRNG is not reproduced); the distribution is haiku's.
import type { LearnedShape } from './learned';
import { Rng } from '../rng';
import { META_RNN_DEFAULTS, metaRnnLayout, type MetaRnnSpec } from './metaRnnSpec';

export function initMetaRnn(shape: LearnedShape, seed: number, spec: MetaRnnSpec = META_RNN_DEFAULTS): Float32Array {
  const layout = metaRnnLayout(shape, spec);
  const out = new Float32Array(layout.size);
  const rng = new Rng(seed);
  for (const w of [layout.lstmW, layout.readoutW]) {
    const std = 1 / Math.sqrt(w.rows);
    for (let k = 0; k < w.rows * w.cols; k++) out[w.offset + k] = rng.truncNormal(std);
  }
  // lstmB and readoutB stay 0.
  return out;
}
