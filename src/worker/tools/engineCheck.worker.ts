// Worker side of the engine check page: the fast CPU engine and the WebGPU engine (acquired in this
// worker), each against the CPU reference (engineCheck.ts). An engine that cannot run here (no WebGPU,
// no WebAssembly SIMD) is reported with the reason; the other is still checked.
import * as Comlink from 'comlink';
import { createBrowserCpuEngine } from '../../cpu/browser';
import { simdBlocker } from '../../cpu/simd';
import { createGpuEngine } from '../../gpu/gpuEngine';
import { loadShadersVite } from '../../gpu/shadersVite';
import type { EngineCheckApi } from './contract';
import { engineCheck } from './engineCheck';
import { errorMessage } from '../../model/result';

const api: EngineCheckApi = {
  async run(seed) {
    try {
      const report = await engineCheck(
        [
          {
            label: 'fast CPU engine',
            make: (spec) => {
              const why = simdBlocker();
              return why === null ? createBrowserCpuEngine(spec) : Promise.reject(new Error(why));
            },
          },
          {
            label: 'WebGPU',
            make: (spec) =>
              'gpu' in navigator && navigator.gpu
                ? createGpuEngine(spec, { gpu: navigator.gpu, shaders: loadShadersVite() })
                : Promise.reject(
                    new Error('WebGPU is not available in this browser (navigator.gpu is missing in the worker).'),
                  ),
          },
        ],
        seed,
      );
      return { ok: true, report };
    } catch (e) {
      return { ok: false, message: errorMessage(e) };
    }
  },
};

Comlink.expose(api);
