// Shared fixtures of the WebGPU tests: one Dawn device per test file (SwiftShader when no GPU
// driver is set up, see src/cli/nodeGpu.ts), engines on it, and the CPU engine to compare with.
// No adapter is a failure, not a skip: the suite must not pass on nothing.
import { nodeGpu } from '../../src/cli/nodeGpu';
import { acquireDevice, type GpuDevice } from '../../src/gpu/device';
import { createGpuEngine, type GpuEngine, type GpuEngineOptions } from '../../src/gpu/gpuEngine';
import type { ShaderSources } from '../../src/gpu/shaders';
import { loadShadersNode } from '../../src/gpu/shadersNode';
import { ReferenceEngine } from '../../src/model/referenceEngine';
import type { BlockResult, EngineSpec, StreamBlock } from '../../src/model/engine';
import type { VmParams } from '../../src/model/layout';
import type { RunState } from '../../src/model/state';
import { maxAbsDiff } from '../helpers/random';

let device: Promise<GpuDevice> | null = null;
let shaders: ShaderSources | null = null;

export function testDevice(): Promise<GpuDevice> {
  device ??= acquireDevice(nodeGpu()).then((r) => {
    if (!r.ok) throw new Error(`the WebGPU tests need an adapter: ${r.error.message}`);
    return r.value;
  });
  return device;
}

export async function gpuEngine(spec: EngineSpec, opts: Partial<GpuEngineOptions> = {}): Promise<GpuEngine> {
  shaders ??= loadShadersNode();
  return createGpuEngine(spec, { gpu: nodeGpu(), shaders, device: await testDevice(), ...opts });
}

export interface Setup {
  readonly params: readonly VmParams[];
  readonly states: readonly RunState[];
}

export function referenceEngine(spec: EngineSpec, s: Setup): ReferenceEngine {
  const e = new ReferenceEngine(spec);
  e.setParams(s.params);
  e.setState(s.states);
  return e;
}

export interface Diff {
  readonly outputs: number;
  readonly loss: number;
  /** Examples where correct differs. */
  readonly correct: number;
}

export function diff(g: BlockResult, c: BlockResult): Diff {
  return {
    outputs: g.outputs && c.outputs ? maxAbsDiff(g.outputs, c.outputs) : NaN,
    loss: maxAbsDiff(g.loss, c.loss),
    correct: g.correct.reduce((n, v, i) => n + (v === c.correct[i] ? 0 : 1), 0),
  };
}

/** Spread of the outputs over the block: a test whose outputs do not move proves little. */
export function outputSpread(r: BlockResult): number {
  const y = r.outputs as Float32Array;
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of y) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  return hi - lo;
}

/** A block with an explicit stream map. */
export const withStreams = (b: StreamBlock, streamOfRun: number[]): StreamBlock => ({
  ...b,
  streamOfRun: Uint32Array.from(streamOfRun),
});
