// Engines by backend name. The WebGPU engine and its Node bindings are loaded only when asked for
// (dynamic import), so the CPU path needs neither the `webgpu` package nor the GPU sources.
import { CpuEngine } from '../model/cpuEngine';
import type { BackendName, EngineSpec, VsmlEngine } from '../model/engine';

export const BACKENDS: readonly BackendName[] = ['cpu', 'webgpu'];

/** The GPU modules' exports this factory relies on (src/gpu/gpuEngine.ts, src/cli/nodeGpu.ts, src/gpu/shadersNode.ts). */
interface GpuEngineModule {
  createGpuEngine(spec: EngineSpec, deps: { gpu: unknown; shaders: unknown }): VsmlEngine | Promise<VsmlEngine>;
}
interface NodeGpuModule {
  nodeGpu(): unknown;
}
interface ShadersNodeModule {
  loadShadersNode(): unknown;
}

/** Thrown when a backend cannot be set up; the message is one line for people. */
export class BackendUnavailable extends Error {}

async function load<T>(specifier: string, name: string, exportName: keyof T): Promise<T> {
  let mod: Record<string, unknown>;
  try {
    // A computed specifier: the GPU modules may be absent from this checkout, and the CPU path must build without them.
    mod = (await import(/* @vite-ignore */ specifier)) as Record<string, unknown>;
  } catch (e) {
    throw new BackendUnavailable(`cannot load ${name}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
  if (typeof mod[exportName as string] !== 'function') throw new BackendUnavailable(`${name} does not export ${String(exportName)}()`);
  return mod as T;
}

async function createWebGpuEngine(spec: EngineSpec): Promise<VsmlEngine> {
  const [{ createGpuEngine }, { nodeGpu }, { loadShadersNode }] = await Promise.all([
    load<GpuEngineModule>('../gpu/gpuEngine', 'src/gpu/gpuEngine.ts', 'createGpuEngine'),
    load<NodeGpuModule>('./nodeGpu', 'src/cli/nodeGpu.ts', 'nodeGpu'),
    load<ShadersNodeModule>('../gpu/shadersNode', 'src/gpu/shadersNode.ts', 'loadShadersNode'),
  ]);
  const [gpu, shaders] = await Promise.all([nodeGpu(), loadShadersNode()]);
  return createGpuEngine(spec, { gpu, shaders });
}

/** An engine for `spec` on `backend`. Throws BackendUnavailable (or the engine's own error) on failure. */
export async function createEngine(backend: BackendName, spec: EngineSpec): Promise<VsmlEngine> {
  return backend === 'cpu' ? new CpuEngine(spec) : createWebGpuEngine(spec);
}
