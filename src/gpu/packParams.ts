// V_M in the GPU's layout. The gate matrix becomes vec4 rows: row r, column j holds the four gates
// (i, g, f, o) of column j, so one thread computes all of a column's gates; the bias is one more
// row. The messengers (W_f, b_f, W_b, b_b) keep V_M's layout.
import type { VsmlConfig } from '../model/config';
import { paramLayout, type VmParams } from '../model/layout';

export interface PackedParams {
  /** [sets][2M + N + 1][N] vec4: rows fwd msg, bwd msg, h, then the bias. */
  readonly gate: Float32Array;
  /** [sets][N*M + M + N*M + M]: W_f, b_f, W_b, b_b. */
  readonly msg: Float32Array;
  /** vec4s per set in `gate`. */
  readonly gateStride: number;
  /** f32s per set in `msg`. */
  readonly msgStride: number;
  readonly sets: number;
}

export const gateRows = (cfg: Pick<VsmlConfig, 'stateSize' | 'messageSize'>): number =>
  2 * cfg.messageSize + cfg.stateSize + 1;

export function packParams(cfg: VsmlConfig, params: readonly VmParams[]): PackedParams {
  const N = cfg.stateSize;
  const L = paramLayout(cfg);
  const rows = gateRows(cfg);
  const gateStride = rows * N;
  const msgStride = L.size - L.fwdW.offset;
  const gate = new Float32Array(params.length * gateStride * 4);
  const msg = new Float32Array(params.length * msgStride);
  params.forEach((p, set) => {
    const base = set * gateStride * 4;
    for (let r = 0; r < rows; r++) {
      // rows 0..2M+N-1 are lstm.w's rows; the bias row follows them directly in V_M.
      const src = L.lstmW.offset + r * 4 * N;
      for (let j = 0; j < N; j++)
        for (let g = 0; g < 4; g++) gate[base + (r * N + j) * 4 + g] = p[src + g * N + j];
    }
    msg.set(p.subarray(L.fwdW.offset, L.size), set * msgStride);
  });
  return { gate, msg, gateStride, msgStride, sets: params.length };
}
