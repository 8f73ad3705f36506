// Shared fixtures of the fast CPU engine's tests: the compiled kernel (plain SIMD, shared memory,
// so every runtime runs it), engines made on it, and the seeded problems they are compared on.
import { createCpuEngine, type CpuEngine, type CpuEngineOptions } from '../../src/cpu/cpuEngine';
import { loadWasmNode } from '../../src/cpu/wasmNode';
import type { VsmlConfig } from '../../src/model/config';
import type { EngineSpec, StreamBlock } from '../../src/model/engine';
import type { VmParams } from '../../src/model/layout';
import { ReferenceEngine } from '../../src/model/referenceEngine';
import type { RunState } from '../../src/model/state';
import { config, randomBlock, randomParams, randomStates } from '../helpers/random';

let module: Promise<WebAssembly.Module> | null = null;
export const kernel = (): Promise<WebAssembly.Module> => (module ??= loadWasmNode({ relaxed: false, shared: true }));

export async function cpuEngine(spec: EngineSpec, opts: Partial<CpuEngineOptions> = {}): Promise<CpuEngine> {
  return createCpuEngine(spec, { module: await kernel(), ...opts });
}

export interface Problem {
  readonly spec: EngineSpec;
  readonly params: readonly VmParams[];
  readonly states: readonly RunState[];
  readonly block: StreamBlock;
}

export interface ProblemCase {
  readonly seed: number;
  readonly cfg: Partial<VsmlConfig>;
  readonly A: number;
  readonly K: number;
  readonly S: number;
  /** One V_M per run (else one shared). */
  readonly perRun: boolean;
  readonly streams: number;
  readonly streamOfRun?: readonly number[];
  readonly steps: number;
}

export function problem(c: ProblemCase): Problem {
  const cfg = config(c.cfg);
  const spec = { config: cfg, inputSize: c.A, numClasses: c.K, runs: c.S };
  const params = c.perRun
    ? Array.from({ length: c.S }, (_, s) => randomParams(cfg, c.seed * 100 + s))
    : [randomParams(cfg, c.seed)];
  const states = randomStates(spec, c.seed);
  let block = randomBlock(spec, c.steps, c.streams, c.seed);
  if (c.streamOfRun) block = { ...block, streamOfRun: Uint32Array.from(c.streamOfRun) };
  return { spec, params, states, block };
}

export function referenceOf(p: Problem): ReferenceEngine {
  const e = new ReferenceEngine(p.spec);
  e.setParams(p.params);
  e.setState(p.states);
  return e;
}

export async function cpuOf(p: Problem, opts: Partial<CpuEngineOptions> = {}): Promise<CpuEngine> {
  const e = await cpuEngine(p.spec, opts);
  e.setParams(p.params);
  e.setState(p.states);
  return e;
}

/** Examples t0..t1-1 of every stream of a block. */
export function stepsOf(block: StreamBlock, A: number, t0: number, t1: number): StreamBlock {
  const T = block.steps;
  const Q = block.labels.length / T;
  const inputs = new Float32Array(Q * (t1 - t0) * A);
  const labels = new Int32Array(Q * (t1 - t0));
  for (let q = 0; q < Q; q++) {
    inputs.set(block.inputs.subarray((q * T + t0) * A, (q * T + t1) * A), q * (t1 - t0) * A);
    labels.set(block.labels.subarray(q * T + t0, q * T + t1), q * (t1 - t0));
  }
  return { inputs, labels, steps: t1 - t0, streamOfRun: block.streamOfRun };
}
