// Which engine a session gets: WebGPU when the environment has it and the grid fits, else the CPU
// reference, with the reason in words for the banner ("WebGPU is not available in this browser", or
// the GPU engine's own one-line error, e.g. a limit and by how much). A GPU engine also says when its
// device is lost (`lost`), so the session can be recreated; our own dispose ("destroyed") is not a loss.
import { CpuEngine } from '../model/cpuEngine';
import type { EngineSpec, VsmlEngine } from '../model/engine';

/** An engine that may lose its device (GpuEngine.lost resolves with the reason and the message). */
export interface LosableEngine extends VsmlEngine {
  readonly lost?: Promise<{ readonly reason: string; readonly message: string }>;
}

export interface EngineChoice {
  readonly engine: VsmlEngine;
  /** Why the CPU reference runs instead of WebGPU; null when WebGPU runs. */
  readonly fallback: string | null;
  /** Resolves with a sentence when the GPU device is lost ("the GPU device was lost (reason): message"); never for the CPU reference or our own dispose. */
  readonly lost?: Promise<string>;
}

/** The device-loss sentence of a GPU engine's `lost`; a promise that never resolves for "destroyed" (our dispose). */
export function lostMessage(lost: Promise<{ readonly reason: string; readonly message: string }>): Promise<string> {
  return lost.then((info) =>
    info.reason === 'destroyed'
      ? new Promise<string>(() => {})
      : `the GPU device was lost (${info.reason})${info.message ? `: ${info.message}` : ''}`,
  );
}

/** `makeGpu` null: no WebGPU here. A GPU engine that cannot be made falls back to the CPU, saying why. */
export async function chooseEngine(spec: EngineSpec, makeGpu: ((spec: EngineSpec) => Promise<LosableEngine>) | null): Promise<EngineChoice> {
  if (!makeGpu) return { engine: new CpuEngine(spec), fallback: 'WebGPU is not available in this browser (navigator.gpu is missing)' };
  let engine: LosableEngine;
  try {
    engine = await makeGpu(spec);
  } catch (e) {
    return { engine: new CpuEngine(spec), fallback: `WebGPU could not run this session: ${e instanceof Error ? e.message : String(e)}` };
  }
  return engine.lost ? { engine, fallback: null, lost: lostMessage(engine.lost) } : { engine, fallback: null };
}
