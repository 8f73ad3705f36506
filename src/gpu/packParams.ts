// V_M in the GPU's layout. The gate matrix is regrouped by column quads: row r holds Q = ceil(N/4)
// quads, quad q is 4 vec4s (gates i, g, f, o of columns 4q..4q+3), so E = 4Q vec4s per row; columns
// past N are zero. Rows: M fwd-message rows, M bwd-message rows, E h rows (rows past N zero), then
// the bias. The messengers (W_f, b_f, W_b, b_b) keep V_M's layout.
import type { VsmlConfig } from '../model/config';
import { paramLayout, type VmParams } from '../model/layout';

export interface PackedParams {
  /** [sets][2M + E + 1][E] vec4: rows fwd msg, bwd msg, h (padded to E), then the bias. */
  readonly gate: Float32Array;
  /** [sets][N*M + M + N*M + M]: W_f, b_f, W_b, b_b. */
  readonly msg: Float32Array;
  /** vec4s per set in `gate`. */
  readonly gateStride: number;
  /** f32s per set in `msg`. */
  readonly msgStride: number;
  readonly sets: number;
}

/** E: vec4s per gate-matrix row = 4 * ceil(N / 4). */
export const gateRowVec4s = (N: number): number => 4 * Math.ceil(N / 4);

export const gateRows = (cfg: Pick<VsmlConfig, 'stateSize' | 'messageSize'>): number =>
  2 * cfg.messageSize + gateRowVec4s(cfg.stateSize) + 1;

/** Index in floats of gate `g` of column j, row r, in one set of the packed matrix. */
export const gateIndex = (E: number, r: number, j: number, g: number): number =>
  (r * E + 4 * (j >> 2) + g) * 4 + (j & 3);

export function packParams(cfg: VsmlConfig, params: readonly VmParams[]): PackedParams {
  const N = cfg.stateSize;
  const M = cfg.messageSize;
  const E = gateRowVec4s(N);
  const L = paramLayout(cfg);
  const rows = gateRows(cfg);
  const gateStride = rows * E;
  const msgStride = L.size - L.fwdW.offset;
  const gate = new Float32Array(params.length * gateStride * 4);
  const msg = new Float32Array(params.length * msgStride);
  params.forEach((p, set) => {
    const base = set * gateStride * 4;
    // lstm.w rows 0..2M+N-1, then lstm.b (it follows lstm.w directly in V_M); h rows N..E-1 stay 0.
    for (let src = 0; src < 2 * M + N + 1; src++) {
      const r = src < 2 * M + N ? src : rows - 1;
      const from = L.lstmW.offset + src * 4 * N;
      for (let j = 0; j < N; j++) for (let g = 0; g < 4; g++) gate[base + gateIndex(E, r, j, g)] = p[from + g * N + j];
    }
    msg.set(p.subarray(L.fwdW.offset, L.size), set * msgStride);
  });
  return { gate, msg, gateStride, msgStride, sets: params.length };
}
