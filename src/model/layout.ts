// V_M layout: every shared parameter of the sub-RNN in one flat Float32Array.
//   lstm.w [2M+N][4N]  rows: fwd msg 0..M-1, bwd msg M..2M-1, h 2M..2M+N-1; cols: gates i, g, f, o (N each)
//   lstm.b [4N]
//   fwd.w  [N][M], fwd.b [M]   forward messenger  (h -> message to the next layer)
//   bwd.w  [N][M], bwd.b [M]   backward messenger (h -> message to the previous layer)
import type { VsmlConfig } from './config';

declare const vmBrand: unique symbol;
/** All of V_M, flat, in the order of `ParamLayout`. */
export type VmParams = Float32Array & { readonly [vmBrand]: true };

export interface Block {
  readonly offset: number;
  readonly rows: number;
  readonly cols: number;
}

export interface ParamLayout {
  readonly lstmW: Block;
  readonly lstmB: Block;
  readonly fwdW: Block;
  readonly fwdB: Block;
  readonly bwdW: Block;
  readonly bwdB: Block;
  readonly size: number;
}

/** Gate order inside the 4N columns of lstm.w. */
export const GATE = { i: 0, g: 1, f: 2, o: 3 } as const;
/** The official hard-coded gate shifts: f = sigmoid(z_f + 5), i = sigmoid(z_i - 5). */
export const FORGET_SHIFT = 5;
export const INPUT_SHIFT = -5;

export function paramLayout(cfg: Pick<VsmlConfig, 'stateSize' | 'messageSize'>): ParamLayout {
  const N = cfg.stateSize;
  const M = cfg.messageSize;
  let offset = 0;
  const take = (rows: number, cols: number): Block => {
    const b = { offset, rows, cols };
    offset += rows * cols;
    return b;
  };
  const lstmW = take(2 * M + N, 4 * N);
  const lstmB = take(1, 4 * N);
  const fwdW = take(N, M);
  const fwdB = take(1, M);
  const bwdW = take(N, M);
  const bwdB = take(1, M);
  return { lstmW, lstmB, fwdW, fwdB, bwdW, bwdB, size: offset };
}

export const asVmParams = (a: Float32Array): VmParams => a as VmParams;

/** A view of one block as a (rows*cols) Float32Array. */
export const blockView = (p: Float32Array, b: Block): Float32Array => p.subarray(b.offset, b.offset + b.rows * b.cols);
