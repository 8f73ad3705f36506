// Engines by backend name: 'cpu' the fast CPU engine (WebAssembly SIMD on VSML_THREADS worker threads,
// src/cpu/node.ts; the default), 'reference' the TypeScript CPU reference (the ground truth), 'webgpu'
// the WebGPU engine. The fast engine and the WebGPU engine with its Node bindings (Dawn via the `webgpu`
// package) are loaded only when asked for (dynamic import), so the reference never loads either.
import { ReferenceEngine } from '../model/referenceEngine';
import type { BackendName, EngineSpec, VsmlEngine } from '../model/engine';

export const BACKENDS: readonly BackendName[] = ['cpu', 'reference', 'webgpu'];

/** The --backend help line of a command: `engine` says what the engine is for. */
export const backendHelp = (engine: string): string =>
  `${engine}: cpu the fast CPU engine (WebAssembly SIMD, VSML_THREADS threads; default), reference the TypeScript CPU reference, webgpu`;

async function createWebGpuEngine(spec: EngineSpec): Promise<VsmlEngine> {
  const [{ createGpuEngine }, { nodeGpu }, { loadShadersNode }] = await Promise.all([
    import('../gpu/gpuEngine'),
    import('./nodeGpu'),
    import('../gpu/shadersNode'),
  ]);
  return createGpuEngine(spec, { gpu: nodeGpu(), shaders: loadShadersNode() });
}

async function createFastCpuEngine(spec: EngineSpec): Promise<VsmlEngine> {
  const { createNodeCpuEngine } = await import('../cpu/node');
  return createNodeCpuEngine(spec);
}

/**
 * An engine for `spec` on `backend`. Throws when the backend cannot be set up (no WebGPU adapter,
 * a grid over the device's limits, the fast engine's kernel not built); the message is one line for people.
 */
export async function createEngine(backend: BackendName, spec: EngineSpec): Promise<VsmlEngine> {
  switch (backend) {
    case 'reference':
      return new ReferenceEngine(spec);
    case 'cpu':
      return createFastCpuEngine(spec);
    case 'webgpu':
      return createWebGpuEngine(spec);
  }
}
