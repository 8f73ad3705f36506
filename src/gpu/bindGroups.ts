// Bind groups of one shard for every kernel and layer, built from the kernel descriptors.
import { KERNELS, WH16_BYTES, wh16Offset, type BindingName, type KernelName, type KernelTuning } from './kernels';
import type { PipelineCache } from './pipelines';
import type { ShardBuffers } from './shardBuffers';
import { DIMS_BYTES, STEP_BYTES } from './dims';

/** Buffers shared by all shards: V_M and the current block. */
export interface SharedBuffers {
  readonly gateW: GPUBuffer;
  readonly msgW: GPUBuffer;
  readonly inputs: GPUBuffer;
  readonly labels: GPUBuffer;
  readonly streamOfRun: GPUBuffer;
  readonly steps: GPUBuffer;
  readonly outputs: GPUBuffer;
  readonly loss: GPUBuffer;
  readonly correct: GPUBuffer;
}

export interface LayerGroups {
  /** Absent for a fused layer 0 (grid_fused_n16 makes its own gate inputs). */
  readonly gateInputs: GPUBindGroup | null;
  /** Of the grid kernel in use (grid_tick, grid_tick_n16, or grid_fused_n16 for a fused layer 0). */
  readonly gridTick: GPUBindGroup;
  /** Absent for a fused layer 0 of a one-layer net (readout_error makes the message from h). */
  readonly reduceFwd: GPUBindGroup | null;
  /** Absent for layer 0, whose backward message is not used. */
  readonly reduceBwd: GPUBindGroup | null;
}

export interface ShardGroups {
  /** Absent when layer 0 is fused (grid_fused_n16 reads the inputs itself). */
  readonly injectInput: GPUBindGroup | null;
  readonly layers: readonly LayerGroups[];
  readonly readoutError: GPUBindGroup;
}

export function makeBindGroup<K extends KernelName>(
  device: GPUDevice,
  pipelines: PipelineCache,
  name: K,
  res: Record<BindingName<K>, GPUBufferBinding>,
): GPUBindGroup {
  const entries = KERNELS[name].bindings.map((b, i) => ({ binding: i, resource: res[b.name as BindingName<K>] }));
  return device.createBindGroup({ label: name, layout: pipelines.layout(name), entries });
}

/** Which grid kernels the groups are for, and M (it places W_h in the packed gate matrix). */
export interface GroupOptions extends Pick<KernelTuning, 'grid' | 'fuseLayer0'> {
  readonly messageSize: number;
}

export function makeShardGroups(
  device: GPUDevice,
  pipelines: PipelineCache,
  sh: ShardBuffers,
  g: SharedBuffers,
  opts: GroupOptions,
): ShardGroups {
  const L = sh.layers.length;
  const dims = (l: number): GPUBufferBinding => ({
    buffer: sh.dims,
    offset: sh.layers[l].dimsOffset,
    size: DIMS_BYTES,
  });
  const step: GPUBufferBinding = { buffer: g.steps, offset: 0, size: STEP_BYTES };
  const buf = (buffer: GPUBuffer): GPUBufferBinding => ({ buffer });
  // The shared V_M's W_h (run 0's rows); per-run pipelines read gateW instead (kernels.ts).
  const wh: GPUBufferBinding = { buffer: g.gateW, offset: wh16Offset(opts.messageSize), size: WH16_BYTES };
  const fused = opts.fuseLayer0;
  const gridGroup = (l: number, lb: ShardBuffers['layers'][number]): GPUBindGroup =>
    l === 0 && fused
      ? makeBindGroup(device, pipelines, 'grid_fused_n16', {
          dims: dims(l),
          step,
          wh,
          gateW: buf(g.gateW),
          inputs: buf(g.inputs),
          streamOfRun: buf(g.streamOfRun),
          bwdIn: buf(lb.bwdIn),
          h: buf(lb.h),
          c: buf(lb.c),
        })
      : opts.grid === 'grid_tick_n16'
        ? makeBindGroup(device, pipelines, 'grid_tick_n16', {
            dims: dims(l),
            wh,
            gateW: buf(g.gateW),
            U: buf(lb.U),
            V: buf(lb.V),
            h: buf(lb.h),
            c: buf(lb.c),
          })
        : makeBindGroup(device, pipelines, 'grid_tick', {
            dims: dims(l),
            gateW: buf(g.gateW),
            U: buf(lb.U),
            V: buf(lb.V),
            h: buf(lb.h),
            c: buf(lb.c),
          });
  const layers = sh.layers.map((lb, l) => ({
    gateInputs:
      l === 0 && fused
        ? null
        : makeBindGroup(device, pipelines, 'gate_inputs', {
            dims: dims(l),
            gateW: buf(g.gateW),
            fwdIn: buf(lb.fwdIn),
            bwdIn: buf(lb.bwdIn),
            U: buf(lb.U),
            V: buf(lb.V),
          }),
    gridTick: gridGroup(l, lb),
    reduceFwd:
      l === 0 && fused && L === 1
        ? null
        : makeBindGroup(device, pipelines, 'reduce_fwd', {
            dims: dims(l),
            msgW: buf(g.msgW),
            h: buf(lb.h),
            out: buf(l + 1 < L ? sh.layers[l + 1].fwdIn : sh.fwdTop),
          }),
    reduceBwd:
      l === 0
        ? null
        : makeBindGroup(device, pipelines, 'reduce_bwd', {
            dims: dims(l),
            msgW: buf(g.msgW),
            h: buf(lb.h),
            out: buf(sh.layers[l - 1].bwdIn),
          }),
  }));
  return {
    injectInput: fused
      ? null
      : makeBindGroup(device, pipelines, 'inject_input', {
          dims: dims(0),
          step,
          inputs: buf(g.inputs),
          streamOfRun: buf(g.streamOfRun),
          fwdIn: buf(sh.layers[0].fwdIn),
        }),
    layers,
    readoutError: makeBindGroup(device, pipelines, 'readout_error', {
      dims: dims(L - 1),
      step,
      labels: buf(g.labels),
      streamOfRun: buf(g.streamOfRun),
      // A fused one-layer net: layer 0's h (readout_error's FROM_STATE).
      fwdTop: buf(fused && L === 1 ? sh.layers[0].h : sh.fwdTop),
      outputs: buf(g.outputs),
      loss: buf(g.loss),
      correct: buf(g.correct),
      bwdTop: buf(sh.layers[L - 1].bwdIn),
      msgW: buf(g.msgW),
    }),
  };
}
