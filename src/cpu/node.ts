// The fast CPU engine in Node (CLI, trainer, tests, bench): the kernel read from src/cpu/build/ and
// compiled once per process (loadWasmNode), on worker_threads (threadsNode.ts): VSML_THREADS threads,
// else one per core; 1 runs in this thread.
import type { EngineSpec } from '../model/engine';
import { createCpuEngine, type CpuEngine } from './cpuEngine';
import { defaultNodeThreads, nodeThreads } from './threadsNode';
import { loadWasmNode } from './wasmNode';

let compiled: Promise<WebAssembly.Module> | null = null;

/** The kernel, compiled on first use; a failed compile is not kept, so the next call tries again. */
function kernel(): Promise<WebAssembly.Module> {
  compiled ??= loadWasmNode().catch((e: unknown) => {
    compiled = null;
    throw e;
  });
  return compiled;
}

export interface NodeCpuOptions {
  /** Threads (default: VSML_THREADS, else the cores available). */
  readonly threads?: number;
}

export async function createNodeCpuEngine(spec: EngineSpec, opts: NodeCpuOptions = {}): Promise<CpuEngine> {
  const threads = opts.threads ?? defaultNodeThreads();
  return createCpuEngine(spec, { module: await kernel(), threads, threadsFactory: nodeThreads });
}
