// Engines by backend name. The WebGPU engine and its Node bindings (Dawn via the `webgpu` package)
// are loaded only when asked for (dynamic import), so the CPU path never loads native GPU code.
import { ReferenceEngine } from '../model/referenceEngine';
import type { BackendName, EngineSpec, VsmlEngine } from '../model/engine';

export const BACKENDS: readonly BackendName[] = ['cpu', 'webgpu'];

async function createWebGpuEngine(spec: EngineSpec): Promise<VsmlEngine> {
  const [{ createGpuEngine }, { nodeGpu }, { loadShadersNode }] = await Promise.all([
    import('../gpu/gpuEngine'),
    import('./nodeGpu'),
    import('../gpu/shadersNode'),
  ]);
  return createGpuEngine(spec, { gpu: nodeGpu(), shaders: loadShadersNode() });
}

/**
 * An engine for `spec` on `backend`. Throws when the backend cannot be set up (no WebGPU adapter,
 * a grid over the device's limits); the message is one line for people.
 */
export async function createEngine(backend: BackendName, spec: EngineSpec): Promise<VsmlEngine> {
  return backend === 'cpu' ? new ReferenceEngine(spec) : createWebGpuEngine(spec);
}
