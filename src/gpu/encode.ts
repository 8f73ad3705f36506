// Command encoding of a block: for every example t, for every shard, the kernels in the order of
// the reference's tickNetwork. One compute pass; t reaches the kernels through the dynamic offset
// of the Step uniform, so the whole block is one command buffer with no CPU round trip.
import type { ShardGroups } from './bindGroups';
import { foldWorkgroups } from './fold';
import { gridPipeline, type KernelTuning, type PipelineName } from './kernels';
import { gateRowVec4s } from './packParams';
import type { ShardBuffers } from './shardBuffers';

/** The pipelines in use (pipelinesFor(tuning, layers, runs)). */
export type Pipelines = Partial<Record<PipelineName, GPUComputePipeline>>;

export interface EncodeContext {
  readonly pipelines: Pipelines;
  readonly tuning: KernelTuning;
  readonly maxPerDim: number;
  readonly stepStride: number;
  /** N, the LSTM state size. */
  readonly stateSize: number;
}

export interface Dispatch {
  /** Which pipeline (for counting and tests). */
  readonly name: PipelineName;
  readonly pipeline: GPUComputePipeline;
  readonly group: GPUBindGroup;
  /** Dynamic offsets: 'step' for the Step uniform of example t, or fixed ones. */
  readonly offsets: 'step' | readonly number[];
  readonly size: [number, number, number];
}

function pipeline(p: Pipelines, name: PipelineName): GPUComputePipeline {
  const pl = p[name];
  if (!pl) throw new Error(`encode: no pipeline for ${name}`);
  return pl;
}

function need<T>(x: T | null, what: string): T {
  if (x === null) throw new Error(`encode: no bind group for ${what}`);
  return x;
}

/**
 * The dispatches of one example for one shard, in order (t-independent). `gateStride`: vec4s of the
 * packed gate matrix per run, 0 when one V_M is shared. Every kernel covers all runs of the shard in
 * one dispatch, so their number does not depend on S: with a fused layer 0 (N = 16), a one-layer net
 * takes 2 (grid_fused_n16, readout_error); unfused, 5 (inject_input, gate_inputs, grid, reduce_fwd,
 * readout_error); each further layer adds 4 (gate_inputs, grid, reduce_fwd, reduce_bwd).
 */
export function shardDispatches(
  ctx: EncodeContext,
  sh: ShardBuffers,
  groups: ShardGroups,
  gateStride: number,
): Dispatch[] {
  const { pipelines: p, tuning, maxPerDim } = ctx;
  const R = sh.shard.runs;
  const E = gateRowVec4s(ctx.stateSize);
  const items = (n: number) => foldWorkgroups(Math.ceil(n / tuning.wg), maxPerDim);
  const groupsOf = (n: number) => foldWorkgroups(n, maxPerDim);
  const out: Dispatch[] = [];
  const add = (name: PipelineName, group: GPUBindGroup, offsets: Dispatch['offsets'], size: Dispatch['size']) =>
    out.push({ name, pipeline: pipeline(p, name), group, offsets, size });
  const fused = tuning.fuseLayer0;
  const own = gateStride !== 0;
  const L = sh.layers.length;
  if (!fused) add('inject_input', need(groups.injectInput, 'inject_input'), 'step', items(R * sh.layers[0].shape.A));
  sh.layers.forEach(({ shape: { A, B } }, l) => {
    const g = groups.layers[l];
    const aBlocks = Math.ceil(A / tuning.wg);
    const grid = gridPipeline(tuning, l, own);
    if (l === 0 && fused) {
      add(grid, g.gridTick, 'step', groupsOf(aBlocks * B * R));
      if (L > 1) add('reduce_fwd', need(g.reduceFwd, 'reduce_fwd'), [], groupsOf(B * R));
      return;
    }
    add('gate_inputs', need(g.gateInputs, 'gate_inputs'), [], items(R * (A + B) * E));
    add(grid, g.gridTick, [], groupsOf(aBlocks * B * R));
    add('reduce_fwd', need(g.reduceFwd, 'reduce_fwd'), [], groupsOf(B * R));
    if (g.reduceBwd) add('reduce_bwd', g.reduceBwd, [], items(R * A));
  });
  // With a fused one-layer net the readout makes the message from h: one workgroup per run.
  add('readout_error', groups.readoutError, 'step', fused && L === 1 ? groupsOf(R) : items(R));
  return out;
}

export function encodeSteps(
  pass: GPUComputePassEncoder,
  ctx: EncodeContext,
  perShard: readonly Dispatch[][],
  steps: number,
): void {
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
