// Command encoding of a block: for every example t, for every shard, the kernels in the order of
// the reference's tickNetwork. One compute pass; t reaches the kernels through the dynamic offset
// of the Step uniform, so the whole block is one command buffer with no CPU round trip.
import type { ShardGroups } from './bindGroups';
import { foldWorkgroups } from './fold';
import type { KernelName, KernelTuning } from './kernels';
import { gateRowVec4s } from './packParams';
import type { ShardBuffers } from './shardBuffers';

export type Pipelines = Record<KernelName, GPUComputePipeline>;

export interface EncodeContext {
  readonly pipelines: Pipelines;
  readonly tuning: KernelTuning;
  readonly maxPerDim: number;
  readonly stepStride: number;
  /** N, the LSTM state size. */
  readonly stateSize: number;
}

interface Dispatch {
  readonly pipeline: GPUComputePipeline;
  readonly group: GPUBindGroup;
  readonly usesStep: boolean;
  readonly size: [number, number, number];
}

/** The dispatches of one example for one shard, in order (t-independent). */
export function shardDispatches(ctx: EncodeContext, sh: ShardBuffers, groups: ShardGroups): Dispatch[] {
  const { pipelines: p, tuning, maxPerDim } = ctx;
  const R = sh.shard.runs;
  const E = gateRowVec4s(ctx.stateSize);
  const items = (n: number) => foldWorkgroups(Math.ceil(n / tuning.wg), maxPerDim);
  const groupsOf = (n: number) => foldWorkgroups(n, maxPerDim);
  const out: Dispatch[] = [];
  const A0 = sh.layers[0].shape.A;
  out.push({ pipeline: p.inject_input, group: groups.injectInput, usesStep: true, size: items(R * A0) });
  sh.layers.forEach(({ shape: { A, B } }, l) => {
    const g = groups.layers[l];
    out.push({ pipeline: p.gate_inputs, group: g.gateInputs, usesStep: false, size: items(R * (A + B) * E) });
    out.push({ pipeline: p.grid_tick, group: g.gridTick, usesStep: false, size: groupsOf(Math.ceil(A / tuning.wg) * B * R) });
    out.push({ pipeline: p.reduce_fwd, group: g.reduceFwd, usesStep: false, size: groupsOf(B * R) });
    if (g.reduceBwd) out.push({ pipeline: p.reduce_bwd, group: g.reduceBwd, usesStep: false, size: items(R * A) });
  });
  out.push({ pipeline: p.readout_error, group: groups.readoutError, usesStep: true, size: items(R) });
  return out;
}

export function encodeSteps(pass: GPUComputePassEncoder, ctx: EncodeContext, perShard: readonly Dispatch[][], steps: number): void {
  for (let t = 0; t < steps; t++) {
    const offsets = [t * ctx.stepStride];
    for (const dispatches of perShard) {
      for (const d of dispatches) {
        pass.setPipeline(d.pipeline);
        if (d.usesStep) pass.setBindGroup(0, d.group, offsets);
        else pass.setBindGroup(0, d.group);
        pass.dispatchWorkgroups(d.size[0], d.size[1], d.size[2]);
      }
    }
  }
}
