// Which engine a session gets: WebGPU when the environment has it and the grid fits, else the CPU
// engine (`makeCpu`: in the studio the fast CPU engine, cpuChoice.ts, which itself falls back to the
// reference where WebAssembly SIMD is missing), with the reason in words for the banner ("WebGPU is not
// available in this browser", or the GPU engine's own one-line error, e.g. a limit and by how much). A
// GPU engine also says when its device is lost (`lost`), so the session can be recreated; our own
// dispose ("destroyed") is not a loss.
// A studio session opens fast (chooseSessionEngine): on WebGPU at once when the worker's shared
// device has this grid's pipelines compiled, else on the CPU reference at once with the GPU engine
// still being made (`upgrade`), which the session moves onto when it is ready (sessionHandover.ts).
import { specShapes, type EngineSpec, type VsmlEngine } from '../../model/engine';
import { flopModel } from '../../model/flops';
import { referenceCpu, type CpuMaker } from './cpuChoice';
import { errorMessage } from '../../model/result';

/** An engine that may lose its device (GpuEngine.lost resolves with the reason and the message). */
export interface LosableEngine extends VsmlEngine {
  readonly lost?: Promise<{ readonly reason: string; readonly message: string }>;
}

/** The GPU engines of one shared device (sharedGpu.ts). */
export interface GpuEngines {
  /** Whether make(spec) would only allocate buffers: the device is up and this grid's pipelines are compiled. */
  ready(spec: EngineSpec): boolean;
  /**
   * A GPU engine for `spec` (the device is acquired first when there is none); failures are thrown (GpuEngineError).
   */
  make(spec: EngineSpec): Promise<LosableEngine>;
}

export interface EngineChoice {
  readonly engine: VsmlEngine;
  /** Why the CPU engine runs instead of WebGPU; null when WebGPU runs. */
  readonly fallback: string | null;
  /**
   * Resolves with a sentence when the GPU device is lost ("the GPU device was lost (reason): message"); never for a CPU
   * engine or our own dispose.
   */
  readonly lost?: Promise<string>;
  /**
   * Only with a CPU engine as `engine`: the GPU engine for the same spec still being made. The
   * session runs on `engine` meanwhile and moves onto it when it resolves (or keeps the CPU engine,
   * with its `fallback`, when it resolves to a CPU engine, which is then only disposed).
   */
  readonly upgrade?: Promise<EngineChoice>;
}

export const NO_WEBGPU = 'WebGPU is not available in this browser (navigator.gpu is missing)';

/**
 * The most work per example (runs x cells x ticks per example x microTicks x stateSize^2) a session
 * starts with on the CPU reference while WebGPU gets ready: that of the default studio grid (MNIST
 * 784 x 10, S = 8, one tick, the shipped learner's N = 16 and 2 micro ticks), whose one example takes
 * 0.4-4 s on one core of the 2-core development machine (idle to loaded). A larger grid waits for the
 * GPU instead, since one CPU example would hold the worker for longer than the pipelines take to
 * compile.
 */
export const CPU_FIRST_MAX_WORK = 8 * 784 * 10 * 2 * 16 * 16;

/**
 * Work per example of `spec` on the CPU reference, in the units of CPU_FIRST_MAX_WORK: twice with backwardPass (its
 * reverse tick: flops.ts ticksPerExample).
 */
export function cpuWork(spec: EngineSpec): number {
  const { cells, ticksPerExample } = flopModel(spec.config, specShapes(spec));
  const { microTicks, stateSize } = spec.config;
  return spec.runs * cells * ticksPerExample * microTicks * stateSize * stateSize;
}

/** The device-loss sentence of a GPU engine's `lost`; a promise that never resolves for "destroyed" (our dispose). */
export function lostMessage(lost: Promise<{ readonly reason: string; readonly message: string }>): Promise<string> {
  return lost.then((info) =>
    info.reason === 'destroyed'
      ? new Promise<string>(() => {})
      : `the GPU device was lost (${info.reason})${info.message ? `: ${info.message}` : ''}`,
  );
}

/** `makeGpu` null: no WebGPU here. A GPU engine that cannot be made falls back to `makeCpu`'s engine, saying why. */
export async function chooseEngine(
  spec: EngineSpec,
  makeGpu: ((spec: EngineSpec) => Promise<LosableEngine>) | null,
  makeCpu: CpuMaker = referenceCpu,
): Promise<EngineChoice> {
  if (!makeGpu) return { engine: await makeCpu(spec), fallback: NO_WEBGPU };
  let engine: LosableEngine;
  try {
    engine = await makeGpu(spec);
  } catch (e) {
    return { engine: await makeCpu(spec), fallback: `WebGPU could not run this session: ${errorMessage(e)}` };
  }
  return engine.lost ? { engine, fallback: null, lost: lostMessage(engine.lost) } : { engine, fallback: null };
}

/**
 * A studio session's engine, chosen so it starts at once: WebGPU when `gpu` has this grid ready (its
 * pipelines compiled) or the grid is too large for the CPU (CPU_FIRST_MAX_WORK: then it waits for the
 * compile); else `makeFirst`'s engine now, with the GPU engine as its `upgrade`. `makeCpu` is the
 * engine where WebGPU is absent or cannot run the grid.
 *
 * `makeFirst` is the reference, not the fast CPU engine, on purpose: the handover replays on the GPU
 * every example seen before it (handover.ts), and on a software adapter the GPU is slower than the
 * fast CPU engine. Measured in headless Chromium on SwiftShader (2-core machine, load 8-10): the
 * default studio grid saw 49 examples on the reference before the move and was on WebGPU at 118 s;
 * on the fast CPU engine (2 threads, ~7 examples/s) it saw 849 and was still replaying them at 304 s.
 * When the GPU engine cannot be made (no adapter, a limit), the upgrade resolves to `makeCpu`'s
 * engine with the reason, and the session moves onto that one instead (sessionApi.ts): the fast CPU
 * engine's threads start only then.
 */
export async function chooseSessionEngine(
  spec: EngineSpec,
  gpu: GpuEngines | null,
  makeCpu: CpuMaker = referenceCpu,
  makeFirst: CpuMaker = referenceCpu,
): Promise<EngineChoice> {
  if (!gpu) return chooseEngine(spec, null, makeCpu);
  const make = (s: EngineSpec) => gpu.make(s);
  if (gpu.ready(spec) || cpuWork(spec) > CPU_FIRST_MAX_WORK) return chooseEngine(spec, make, makeCpu);
  return { engine: await makeFirst(spec), fallback: null, upgrade: chooseEngine(spec, make, makeCpu) };
}
