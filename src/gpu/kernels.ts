// One TS descriptor per kernel: its bind-group layout (binding i = bindings[i], mirroring the
// `@binding(i)` declarations of shaders/<name>.wgsl) and its `override` constants.
import type { VsmlConfig } from '../model/config';
import type { ShaderName } from './shaders';

/**
 * uniform: a static uniform (the layer's Dims); step: the per-example uniform, bound with a dynamic
 * offset; read: read-only storage; write: read-write storage.
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
} as const satisfies Record<ShaderName, KernelDesc>;

export type KernelName = keyof typeof KERNELS;
export type BindingName<K extends KernelName> = (typeof KERNELS)[K]['bindings'][number]['name'];

/** Workgroup sizes and variants, chosen from the device limits (see plan.ts). */
export interface KernelTuning {
  /** Threads per workgroup of the one-thread-per-item kernels and of grid_tick. */
  readonly wg: number;
  /** Threads per workgroup of reduce_fwd (a power of two, >= M). */
  readonly reduceWg: number;
  /** grid_tick keeps W_h in workgroup memory (16 N^2 bytes). */
  readonly whShared: boolean;
}

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
