// Initialisation of V_M and of a run's state, as the official implementation does it.
import { randomCellDims, type VsmlConfig } from './config';
import { asVmParams, paramLayout, type Block, type VmParams } from './layout';
import type { Rng } from './rng';
import { asABJ, type LayerShape, type RunState } from './state';

/**
 * V_M init: lstm.w ~ truncnormal(std 1/sqrt(2M+N)); fwd.w, bwd.w ~ truncnormal(std 1/sqrt(N)); biases 0.
 * Draw order: lstm.w, fwd.w, bwd.w, each row-major.
 */
export function initParams(cfg: VsmlConfig, rng: Rng): VmParams {
  const layout = paramLayout(cfg);
  const p = new Float32Array(layout.size);
  const fill = (b: Block, std: number) => {
    for (let k = 0; k < b.rows * b.cols; k++) p[b.offset + k] = rng.truncNormal(std);
  };
  fill(layout.lstmW, 1 / Math.sqrt(layout.lstmW.rows));
  fill(layout.fwdW, 1 / Math.sqrt(cfg.stateSize));
  fill(layout.bwdW, 1 / Math.sqrt(cfg.stateSize));
  return asVmParams(p);
}

/**
 * A run's initial state: h = 0; c[a][b][j] ~ truncnormal(std 1/sqrt(A_l)) for j < floor(p*N), else 0.
 * Layers in order, each drawn in [a][b][j] order.
 */
export function initRunState(cfg: VsmlConfig, shapes: readonly LayerShape[], rng: Rng): RunState {
  const N = cfg.stateSize;
  const nRand = randomCellDims(cfg);
  return shapes.map(({ A, B }) => {
    const h = new Float32Array(A * B * N);
    const c = new Float32Array(A * B * N);
    const std = 1 / Math.sqrt(A);
    for (let cell = 0; cell < A * B; cell++) for (let j = 0; j < nRand; j++) c[cell * N + j] = rng.truncNormal(std);
    return { h: asABJ(h), c: asABJ(c) };
  });
}

/** Initial states of S runs from one seed: run s uses the sub-stream `s` of `seed`. */
export function initRunStates(cfg: VsmlConfig, shapes: readonly LayerShape[], rng: Rng, runs: number): RunState[] {
  return Array.from({ length: runs }, (_, s) => initRunState(cfg, shapes, rng.fork(s)));
}
