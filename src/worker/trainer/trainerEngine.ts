// Engines for meta-training in the worker: WebGPU, or the CPU engine (`makeCpu`: in the trainer the fast
// CPU engine, cpuChoice.ts) only where WebGPU is absent (no navigator.gpu, no adapter, no device
// granted), with the reason. Unlike a studio session
// (engineChoice.ts), a grid over the GPU's limits or out of GPU memory is no reason to train on the
// CPU for hours instead: the GPU engine's own error (it names the limit and by how much) is thrown,
// and the trainer refuses to start with it.
//
// All engines of the trainer share one device (sharedGpu.ts, as the studio's sessions do), acquired on
// first use and again after a loss, so the pipelines compile once per device.
import { GpuEngineError } from '../../gpu/errors';
import type { EngineSpec } from '../../model/engine';
import { referenceCpu, type CpuMaker } from '../shared/cpuChoice';
import { lostMessage, type EngineChoice, type LosableEngine } from '../shared/engineChoice';

/** GpuEngineError codes that mean "no WebGPU here", as opposed to "this run does not fit". */
const ABSENT_CODES: readonly string[] = ['no-webgpu', 'no-adapter', 'device'];

export const NO_WEBGPU = 'WebGPU is not available in this browser (navigator.gpu is missing)';

/** `makeGpu` null: no WebGPU here. Falls back to the CPU only when WebGPU is absent; any other GPU error is thrown. */
export async function chooseTrainerEngine(
  spec: EngineSpec,
  makeGpu: ((spec: EngineSpec) => Promise<LosableEngine>) | null,
  makeCpu: CpuMaker = referenceCpu,
): Promise<EngineChoice> {
  if (!makeGpu) return { engine: await makeCpu(spec), fallback: NO_WEBGPU };
  let engine: LosableEngine;
  try {
    engine = await makeGpu(spec);
  } catch (e) {
    if (e instanceof GpuEngineError && ABSENT_CODES.includes(e.error.code)) {
      return { engine: await makeCpu(spec), fallback: `WebGPU is not available: ${e.error.message}` };
    }
    throw e;
  }
  return engine.lost ? { engine, fallback: null, lost: lostMessage(engine.lost) } : { engine, fallback: null };
}
