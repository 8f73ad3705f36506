// Which engine a session gets: WebGPU when the environment has it and the grid fits, else the CPU
// reference, with the reason in words for the banner ("WebGPU is not available in this browser", or
// the GPU engine's own one-line error, e.g. a limit and by how much).
import { CpuEngine } from '../model/cpuEngine';
import type { EngineSpec, VsmlEngine } from '../model/engine';

export interface EngineChoice {
  readonly engine: VsmlEngine;
  /** Why the CPU reference runs instead of WebGPU; null when WebGPU runs. */
  readonly fallback: string | null;
}

/** `makeGpu` null: no WebGPU here. A GPU engine that cannot be made falls back to the CPU, saying why. */
export async function chooseEngine(spec: EngineSpec, makeGpu: ((spec: EngineSpec) => Promise<VsmlEngine>) | null): Promise<EngineChoice> {
  if (!makeGpu) return { engine: new CpuEngine(spec), fallback: 'WebGPU is not available in this browser (navigator.gpu is missing)' };
  try {
    return { engine: await makeGpu(spec), fallback: null };
  } catch (e) {
    return { engine: new CpuEngine(spec), fallback: `WebGPU could not run this session: ${e instanceof Error ? e.message : String(e)}` };
  }
}
