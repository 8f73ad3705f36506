// Between the reference's layouts and the fast CPU engine's padded, interleaved ones (see
// wasm/vsml_cpu.ts): V_M packed with gate column (G, j) at (j >> 2) * 16 + G * 4 + (j & 3) and every
// state dimension padded from N to Np (a multiple of 4) with zeros; states [a][b][Np].
import type { VsmlConfig } from '../model/config';
import { paramLayout, type VmParams } from '../model/layout';
import type { PackedParams } from './layout';

/** Packed column of gate G (0..3 in the order i, g, f, o) and state dim j. */
export const packedColumn = (G: number, j: number): number => (j >> 2) * 16 + G * 4 + (j & 3);

/** Write V_M into `out` (packed.floats long; zero where padded). */
export function packParams(cfg: VsmlConfig, Np: number, packed: PackedParams, src: VmParams, out: Float32Array): void {
  const N = cfg.stateSize;
  const M = cfg.messageSize;
  const L = paramLayout(cfg);
  const G = 4 * Np;
  out.fill(0);
  const row = (srcRow: number, dst: number): void => {
    for (let gate = 0; gate < 4; gate++) {
      for (let j = 0; j < N; j++)
        out[dst + packedColumn(gate, j)] = src[L.lstmW.offset + srcRow * 4 * N + gate * N + j];
    }
  };
  for (let m = 0; m < M; m++) row(m, packed.wu + m * G);
  for (let m = 0; m < M; m++) row(M + m, packed.wv + m * G);
  for (let k = 0; k < N; k++) row(2 * M + k, packed.wh + k * G);
  for (let gate = 0; gate < 4; gate++) {
    for (let j = 0; j < N; j++) out[packed.bias + packedColumn(gate, j)] = src[L.lstmB.offset + gate * N + j];
  }
  for (let j = 0; j < N; j++) {
    for (let m = 0; m < M; m++) {
      out[packed.wf + j * M + m] = src[L.fwdW.offset + j * M + m];
      out[packed.wb + j * M + m] = src[L.bwdW.offset + j * M + m];
    }
  }
  for (let m = 0; m < M; m++) {
    out[packed.bf + m] = src[L.fwdB.offset + m];
    out[packed.bb + m] = src[L.bwdB.offset + m];
  }
}

/** [cells][N] -> [cells][Np] (padding zero). */
export function padState(src: Float32Array, N: number, Np: number, out: Float32Array): void {
  if (N === Np) {
    out.set(src);
    return;
  }
  const cells = src.length / N;
  out.fill(0);
  for (let cell = 0; cell < cells; cell++) out.set(src.subarray(cell * N, (cell + 1) * N), cell * Np);
}

/** [cells][Np] -> [cells][N]. */
export function unpadState(src: Float32Array, N: number, Np: number): Float32Array {
  if (N === Np) return new Float32Array(src);
  const cells = src.length / Np;
  const out = new Float32Array(cells * N);
  for (let cell = 0; cell < cells; cell++) out.set(src.subarray(cell * Np, cell * Np + N), cell * N);
  return out;
}
