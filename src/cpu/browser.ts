// The fast CPU engine in a browser Worker (the studio's session, the trainer, the engine check): the
// kernel fetched and compiled once per Worker (loadWasmVite: relaxed SIMD where validated, the
// shared-memory build where the page is cross-origin isolated), on nested module Workers
// (threadsBrowser.ts), navigator.hardwareConcurrency of them (at most 8); in one thread where the
// page is not cross-origin isolated, which the description says.
import type { EngineSpec } from '../model/engine';
import { createCpuEngine, type CpuEngine } from './cpuEngine';
import { browserThreads, defaultBrowserThreads, threadsBlocker } from './threadsBrowser';
import { loadWasmVite } from './wasmVite';

let compiled: Promise<WebAssembly.Module> | null = null;

/** The kernel, compiled on first use; a failed fetch or compile is not kept, so the next call tries again. */
function kernel(): Promise<WebAssembly.Module> {
  compiled ??= loadWasmVite().catch((e: unknown) => {
    compiled = null;
    throw e;
  });
  return compiled;
}

export interface BrowserCpuOptions {
  /** Threads (default: navigator.hardwareConcurrency, at most 8). */
  readonly threads?: number;
}

export async function createBrowserCpuEngine(spec: EngineSpec, opts: BrowserCpuOptions = {}): Promise<CpuEngine> {
  const blocker = threadsBlocker();
  const module = await kernel();
  if (blocker !== null) return createCpuEngine(spec, { module, threads: 1, threadsNote: blocker });
  return createCpuEngine(spec, {
    module,
    threads: opts.threads ?? defaultBrowserThreads(),
    threadsFactory: browserThreads,
  });
}
