// One TS descriptor per kernel: its bind-group layout (binding i = bindings[i], mirroring the
// `@binding(i)` declarations of shaders/<name>.wgsl) and its `override` constants.
import type { VsmlConfig } from '../model/config';
import type { ShaderName } from './shaders';

/**
 * uniform: a static uniform (the layer's Dims); step: the per-example uniform, bound with a dynamic
 * offset; perRun: a uniform bound with a per-run dynamic offset (grid_tick_n16's W_h and run
 * selector); read: read-only storage; write: read-write storage.
 */
export type BindingKind = 'uniform' | 'step' | 'perRun' | 'read' | 'write';

export interface BindingDesc<Name extends string = string> {
  readonly name: Name;
  readonly kind: BindingKind;
}

export interface KernelDesc<Name extends string = string> {
  readonly shader: ShaderName;
  readonly bindings: readonly BindingDesc<Name>[];
}

const kernel = <const Name extends string>(shader: ShaderName, bindings: readonly BindingDesc<Name>[]): KernelDesc<Name> => ({
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
    { name: 'wh', kind: 'perRun' },
    { name: 'sel', kind: 'perRun' },
    { name: 'U', kind: 'read' },
    { name: 'V', kind: 'read' },
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
}

/** The kernels an engine with this tuning runs (one of the two grid kernels). */
export function kernelsFor(tuning: KernelTuning): KernelName[] {
  const unused: GridKernel = tuning.grid === 'grid_tick' ? 'grid_tick_n16' : 'grid_tick';
  return (Object.keys(KERNELS) as KernelName[]).filter((n) => n !== unused);
}

/** Bytes of grid_tick_n16's W_h binding: 16 rows of 16 vec4. */
export const WH16_BYTES = 16 * 16 * 16;

/** Byte offset of W_h (rows 2M..2M+15) in one set of the packed gate matrix when N = 16. */
export const wh16Offset = (M: number): number => 2 * M * 16 * 16;

export type Overrides = Record<string, number>;

/** The `override` constants of each kernel for a config. */
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
      return { M, MICRO_TICKS: cfg.microTicks, WG: tuning.wg };
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
      };
    case 'gather_input':
    case 'projection_matrix':
    case 'project_input':
      return { WG: tuning.wg };
  }
}

export function bindGroupLayoutEntries(desc: KernelDesc): GPUBindGroupLayoutEntry[] {
  const type = (kind: BindingKind): GPUBufferBindingLayout => {
    switch (kind) {
      case 'uniform':
        return { type: 'uniform' };
      case 'step':
      case 'perRun':
        return { type: 'uniform', hasDynamicOffset: true };
      case 'read':
        return { type: 'read-only-storage' };
      case 'write':
        return { type: 'storage' };
    }
  };
  return desc.bindings.map((b, i) => ({ binding: i, visibility: GPUShaderStage.COMPUTE, buffer: type(b.kind) }));
}
