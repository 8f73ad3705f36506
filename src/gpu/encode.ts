// Command encoding of a block: for every example t, for every shard, the kernels in the order of
// the reference's tickNetwork. One compute pass; t reaches the kernels through the dynamic offset
// of the Step uniform, so the whole block is one command buffer with no CPU round trip.
import type { ShardGroups } from './bindGroups';
import { foldWorkgroups } from './fold';
import type { KernelName, KernelTuning } from './kernels';
import { gateRowVec4s } from './packParams';
import type { ShardBuffers } from './shardBuffers';

/** The pipelines of the kernels in use (kernelsFor(tuning): one of the two grid kernels). */
export type Pipelines = Partial<Record<KernelName, GPUComputePipeline>>;

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
  /** Dynamic offsets: 'step' for the Step uniform of example t, or fixed ones. */
  readonly offsets: 'step' | readonly number[];
  readonly size: [number, number, number];
}

function pipeline(p: Pipelines, name: KernelName): GPUComputePipeline {
  const pl = p[name];
  if (!pl) throw new Error(`encode: no pipeline for ${name}`);
  return pl;
}

/**
 * The dispatches of one example for one shard, in order (t-independent). `gateStride`: vec4s of the
 * packed gate matrix per run, 0 when one V_M is shared (then grid_tick_n16 covers all runs at once).
 */
export function shardDispatches(ctx: EncodeContext, sh: ShardBuffers, groups: ShardGroups, gateStride: number): Dispatch[] {
  const { pipelines: p, tuning, maxPerDim } = ctx;
  const R = sh.shard.runs;
  const E = gateRowVec4s(ctx.stateSize);
  const items = (n: number) => foldWorkgroups(Math.ceil(n / tuning.wg), maxPerDim);
  const groupsOf = (n: number) => foldWorkgroups(n, maxPerDim);
  const out: Dispatch[] = [];
  const A0 = sh.layers[0].shape.A;
  out.push({ pipeline: pipeline(p, 'inject_input'), group: groups.injectInput, offsets: 'step', size: items(R * A0) });
  sh.layers.forEach(({ shape: { A, B } }, l) => {
    const g = groups.layers[l];
    const aBlocks = Math.ceil(A / tuning.wg);
    out.push({ pipeline: pipeline(p, 'gate_inputs'), group: g.gateInputs, offsets: [], size: items(R * (A + B) * E) });
    if (tuning.grid === 'grid_tick_n16') {
      // Dynamic offsets [wh, sel]: W_h of run (runBase + i), and sel.run = i.
      const grid = pipeline(p, 'grid_tick_n16');
      if (gateStride === 0) out.push({ pipeline: grid, group: g.gridTick, offsets: [0, 0], size: groupsOf(aBlocks * B * R) });
      else
        for (let i = 0; i < R; i++) {
          const offsets = [(sh.shard.runBase + i) * gateStride * 16, i * sh.dimsStride];
          out.push({ pipeline: grid, group: g.gridTick, offsets, size: groupsOf(aBlocks * B) });
        }
    } else out.push({ pipeline: pipeline(p, 'grid_tick'), group: g.gridTick, offsets: [], size: groupsOf(aBlocks * B * R) });
    out.push({ pipeline: pipeline(p, 'reduce_fwd'), group: g.reduceFwd, offsets: [], size: groupsOf(B * R) });
    if (g.reduceBwd) out.push({ pipeline: pipeline(p, 'reduce_bwd'), group: g.reduceBwd, offsets: [], size: items(R * A) });
  });
  out.push({ pipeline: pipeline(p, 'readout_error'), group: groups.readoutError, offsets: 'step', size: items(R) });
  return out;
}

export function encodeSteps(pass: GPUComputePassEncoder, ctx: EncodeContext, perShard: readonly Dispatch[][], steps: number): void {
  for (let t = 0; t < steps; t++) {
    const step = [t * ctx.stepStride];
    for (const dispatches of perShard) {
      for (const d of dispatches) {
        pass.setPipeline(d.pipeline);
        pass.setBindGroup(0, d.group, d.offsets === 'step' ? step : d.offsets);
        pass.dispatchWorkgroups(d.size[0], d.size[1], d.size[2]);
      }
    }
  }
}
