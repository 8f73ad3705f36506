// The CPU engine of the studio and the trainer: the fast CPU engine (WebAssembly SIMD, src/cpu/browser.ts;
// threads where the page is cross-origin isolated), or the TypeScript reference where it cannot run,
// saying why in its description ("CPU reference (TypeScript, single thread: WebAssembly SIMD is not
// available in this browser)"). The reference is also what Node tests and the GPU upgrade's throwaway
// fallback use (`referenceCpu`).
import type { EngineSpec, VsmlEngine } from '../../model/engine';
import { ReferenceEngine } from '../../model/referenceEngine';
import { simdBlocker } from '../../cpu/simd';
import { errorMessage } from '../../model/result';

/** Makes a CPU engine for a spec. */
export type CpuMaker = (spec: EngineSpec) => Promise<VsmlEngine>;

/** The TypeScript CPU reference. */
export const referenceCpu: CpuMaker = async (spec) => new ReferenceEngine(spec);

/**
 * `makeFast` where it can run, else the reference with the reason: `blocker` says why the fast engine
 * cannot run here (default: no WebAssembly SIMD), and an engine that fails to start says its error.
 */
export function fastCpu(makeFast: CpuMaker, blocker: () => string | null = simdBlocker): CpuMaker {
  return async (spec) => {
    const why = blocker();
    if (why !== null) return new ReferenceEngine(spec, why);
    try {
      return await makeFast(spec);
    } catch (e) {
      return new ReferenceEngine(spec, `the fast CPU engine could not start: ${errorMessage(e)}`);
    }
  };
}
