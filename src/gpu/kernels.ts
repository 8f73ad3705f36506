// One TS descriptor per kernel: its bind-group layout (binding i = bindings[i], mirroring the
// `@binding(i)` declarations of shaders/<name>.wgsl) and its `override` constants.
import type { VsmlConfig } from '../model/config';
import type { ShaderName } from './shaders';

/**
 * uniform: a static uniform (the layer's Dims, the shared W_h); step: the per-example uniform, bound
 * with a dynamic offset; read: read-only storage; write: read-write storage.
 */
export type BindingKind = 'uniform' | 'step' | 'read' | 'write';

export interface BindingDesc<Name extends string = string> {
  readonly name: Name;
  readonly kind: BindingKind;
}

export interface KernelDesc<Name extends string = string> {
  readonly shader: ShaderName;
  readonly bindings: readonly BindingDesc<Name>[];
}

const kernel = <const Name extends string>(
  shader: ShaderName,
  bindings: readonly BindingDesc<Name>[],
): KernelDesc<Name> => ({
  shader,
  bindings,
});

export const KERNELS = {
  inject_input: kernel('inject_input', [
    { name: 'dims', kind: 'uniform' },
    { name: 'step', kind: 'step' },
    { name: 'inputs', kind: 'read' },
    { name: 'streamOfRun', kind: 'read' },
    { name: 'fwdIn', kind: 'write' },
  ]),
  gate_inputs: kernel('gate_inputs', [
    { name: 'dims', kind: 'uniform' },
    { name: 'gateW', kind: 'read' },
    { name: 'fwdIn', kind: 'read' },
    { name: 'bwdIn', kind: 'read' },
    { name: 'U', kind: 'write' },
    { name: 'V', kind: 'write' },
  ]),
  grid_tick: kernel('grid_tick', [
    { name: 'dims', kind: 'uniform' },
    { name: 'gateW', kind: 'read' },
    { name: 'U', kind: 'read' },
    { name: 'V', kind: 'read' },
    { name: 'h', kind: 'write' },
    { name: 'c', kind: 'write' },
  ]),
  grid_tick_n16: kernel('grid_tick_n16', [
    { name: 'dims', kind: 'uniform' },
    { name: 'wh', kind: 'uniform' },
    { name: 'gateW', kind: 'read' },
    { name: 'U', kind: 'read' },
    { name: 'V', kind: 'read' },
    { name: 'h', kind: 'write' },
    { name: 'c', kind: 'write' },
  ]),
  grid_fused_n16: kernel('grid_fused_n16', [
    { name: 'dims', kind: 'uniform' },
    { name: 'step', kind: 'step' },
    { name: 'wh', kind: 'uniform' },
    { name: 'gateW', kind: 'read' },
    { name: 'inputs', kind: 'read' },
    { name: 'streamOfRun', kind: 'read' },
    { name: 'bwdIn', kind: 'read' },
    { name: 'h', kind: 'write' },
    { name: 'c', kind: 'write' },
  ]),
  reduce_fwd: kernel('reduce_fwd', [
    { name: 'dims', kind: 'uniform' },
    { name: 'msgW', kind: 'read' },
    { name: 'h', kind: 'read' },
    { name: 'out', kind: 'write' },
  ]),
  reduce_bwd: kernel('reduce_bwd', [
    { name: 'dims', kind: 'uniform' },
    { name: 'msgW', kind: 'read' },
    { name: 'h', kind: 'read' },
    { name: 'out', kind: 'write' },
  ]),
  readout_error: kernel('readout_error', [
    { name: 'dims', kind: 'uniform' },
    { name: 'step', kind: 'step' },
    { name: 'labels', kind: 'read' },
    { name: 'streamOfRun', kind: 'read' },
    { name: 'fwdTop', kind: 'read' },
    { name: 'outputs', kind: 'write' },
    { name: 'loss', kind: 'write' },
    { name: 'correct', kind: 'write' },
    { name: 'bwdTop', kind: 'write' },
    { name: 'msgW', kind: 'read' },
  ]),
  // resident data (src/gpu/resident.ts, H4): run before a chunk's steps, not per example
  gather_input: kernel('gather_input', [
    { name: 'g', kind: 'uniform' },
    { name: 'palette', kind: 'uniform' },
    { name: 'lists', kind: 'read' },
    { name: 'data', kind: 'read' },
    { name: 'labelsIn', kind: 'read' },
    { name: 'inputs', kind: 'write' },
    { name: 'staging', kind: 'write' },
    { name: 'labels', kind: 'write' },
  ]),
  projection_matrix: kernel('projection_matrix', [
    { name: 'g', kind: 'uniform' },
    { name: 'lists', kind: 'read' },
    { name: 'P', kind: 'write' },
  ]),
  project_input: kernel('project_input', [
    { name: 'g', kind: 'uniform' },
    { name: 'lists', kind: 'read' },
    { name: 'staging', kind: 'read' },
    { name: 'P', kind: 'read' },
    { name: 'inputs', kind: 'write' },
  ]),
  // the Meta RNN baseline (src/gpu/metaRnnGpu.ts): one example of every run, its own constants (metaRnnOverrides)
  meta_rnn_step: kernel('meta_rnn_step', [
    { name: 'dims', kind: 'uniform' },
    { name: 'step', kind: 'step' },
    { name: 'params', kind: 'read' },
    { name: 'inputs', kind: 'read' },
    { name: 'labels', kind: 'read' },
    { name: 'streamOfRun', kind: 'read' },
    { name: 'state', kind: 'write' },
    { name: 'outputs', kind: 'write' },
    { name: 'loss', kind: 'write' },
    { name: 'correct', kind: 'write' },
  ]),
} as const satisfies Record<ShaderName, KernelDesc>;

export type KernelName = keyof typeof KERNELS;
/** The two grid kernels: the general one and the one specialised for N = 16. */
export type GridKernel = 'grid_tick' | 'grid_tick_n16';
export type BindingName<K extends KernelName> = (typeof KERNELS)[K]['bindings'][number]['name'];

/** Workgroup sizes and variants, chosen from the device limits (see plan.ts). */
export interface KernelTuning {
  /** Threads per workgroup of the one-thread-per-item kernels and of grid_tick. */
  readonly wg: number;
  /** Threads per workgroup of reduce_fwd: max(N, M). */
  readonly reduceWg: number;
  /** grid_tick keeps W_h in workgroup memory (16 N^2 bytes). */
  readonly whShared: boolean;
  /** The grid kernel: grid_tick_n16 when N = 16, else grid_tick. */
  readonly grid: GridKernel;
  /** Layer 0 in grid_fused_n16 (its gate inputs and micro-ticks in one dispatch): with grid_tick_n16. */
  readonly fuseLayer0: boolean;
}

/**
 * A pipeline: a kernel with the override constants of one use. `:own` reads W_h from the run's rows
 * of the gate matrix (one V_M per run, WH_STORAGE).
 */
export type PipelineName = KernelName | 'grid_tick_n16:own' | 'grid_fused_n16:own';

/** The kernel of a pipeline. */
export const kernelOf = (p: PipelineName): KernelName => p.split(':')[0] as KernelName;

/** The grid pipelines of one layer: with one shared V_M, and with one V_M per run. */
export function gridPipeline(tuning: KernelTuning, layer: number, ownParams: boolean): PipelineName {
  if (tuning.grid === 'grid_tick') return 'grid_tick';
  const k = layer === 0 && tuning.fuseLayer0 ? 'grid_fused_n16' : 'grid_tick_n16';
  return ownParams ? `${k}:own` : k;
}

/** The resident-data kernels (resident.ts), which every engine may run. */
export const RESIDENT_KERNELS = [
  'gather_input',
  'projection_matrix',
  'project_input',
] as const satisfies readonly KernelName[];

/**
 * The pipelines an engine with this tuning runs, for a net of `layers` layers and `runs` runs (one V_M
 * per run is possible only when runs > 1): its grid kernels, the kernels layer 0 needs (inject_input
 * and gate_inputs only when it is not fused), and the resident-data kernels.
 */
export function pipelinesFor(tuning: KernelTuning, layers: number, runs: number): PipelineName[] {
  const out = new Set<PipelineName>();
  for (let l = 0; l < layers; l++) {
    out.add(gridPipeline(tuning, l, false));
    if (runs > 1) out.add(gridPipeline(tuning, l, true));
    if (l === 0 && tuning.fuseLayer0) {
      if (layers > 1) out.add('reduce_fwd');
    } else {
      if (l === 0) out.add('inject_input');
      out.add('gate_inputs');
      out.add('reduce_fwd');
    }
    if (l > 0) out.add('reduce_bwd');
  }
  out.add('readout_error');
  for (const k of RESIDENT_KERNELS) out.add(k);
  return [...out];
}

/** Bytes of the shared W_h binding of grid_tick_n16 and grid_fused_n16: 16 rows of 16 vec4. */
export const WH16_BYTES = 16 * 16 * 16;

/** Byte offset of W_h (rows 2M..2M+15) in one set of the packed gate matrix when N = 16. */
export const wh16Offset = (M: number): number => 2 * M * 16 * 16;

export type Overrides = Record<string, number>;

/**
 * Backward-input dimensions of layer 0 that can be non-zero: a one-layer net's are the error
 * injection's [e_b, label_b if feedLabel, 0, ...]; under a hidden layer all M.
 */
export const layer0BwdDims = (cfg: VsmlConfig): number =>
  cfg.hiddenSizes.length > 0 ? cfg.messageSize : Math.min(cfg.messageSize, cfg.feedLabel ? 2 : 1);

/** readout_error makes the message from layer 0's h (a fused one-layer net: no reduce_fwd runs). */
export const readoutFromState = (cfg: VsmlConfig, tuning: KernelTuning): boolean =>
  tuning.fuseLayer0 && cfg.hiddenSizes.length === 0;

/** The `override` constants of a pipeline for a config. */
export function pipelineOverrides(p: PipelineName, cfg: VsmlConfig, tuning: KernelTuning): Overrides {
  const base = kernelOverrides(kernelOf(p), cfg, tuning);
  return p.endsWith(':own') ? { ...base, WH_STORAGE: 1 } : base;
}

/** The `override` constants of each kernel for a config (a pipeline's variant adds to them: pipelineOverrides). */
export function kernelOverrides(name: KernelName, cfg: VsmlConfig, tuning: KernelTuning): Overrides {
  const N = cfg.stateSize;
  const M = cfg.messageSize;
  switch (name) {
    case 'inject_input':
      return { M, WG: tuning.wg };
    case 'gate_inputs':
      return { N, M, WG: tuning.wg };
    case 'grid_tick':
      return { N, M, MICRO_TICKS: cfg.microTicks, WG: tuning.wg, WH_SHARED: tuning.whShared ? 1 : 0 };
    case 'grid_tick_n16':
      return { M, MICRO_TICKS: cfg.microTicks, WG: tuning.wg, WH_STORAGE: 0 };
    case 'grid_fused_n16':
      return { M, MICRO_TICKS: cfg.microTicks, WG: tuning.wg, WH_STORAGE: 0, BWD_DIMS: layer0BwdDims(cfg) };
    case 'reduce_fwd':
      return { N, M, WG: tuning.reduceWg };
    case 'reduce_bwd':
      return { N, M, WG: tuning.wg };
    case 'readout_error':
      return {
        M,
        OUTPUT_INDEX: cfg.outputIndex,
        TANH_BOUND: cfg.tanhBound,
        FEED_LABEL: cfg.feedLabel ? 1 : 0,
        WG: tuning.wg,
        N,
        // A one-layer net whose layer 0 is fused: the readout makes its message from h.
        FROM_STATE: readoutFromState(cfg, tuning) ? 1 : 0,
      };
    case 'gather_input':
    case 'projection_matrix':
    case 'project_input':
      return { WG: tuning.wg };
    case 'meta_rnn_step':
      throw new Error('meta_rnn_step: its constants come from metaRnnOverrides (metaRnnGpu.ts), not a VSML config');
  }
}

export function bindGroupLayoutEntries(desc: KernelDesc): GPUBindGroupLayoutEntry[] {
  const type = (kind: BindingKind): GPUBufferBindingLayout => {
    switch (kind) {
      case 'uniform':
        return { type: 'uniform' };
      case 'step':
        return { type: 'uniform', hasDynamicOffset: true };
      case 'read':
        return { type: 'read-only-storage' };
      case 'write':
        return { type: 'storage' };
    }
  };
  return desc.bindings.map((b, i) => ({ binding: i, visibility: GPUShaderStage.COMPUTE, buffer: type(b.kind) }));
}
