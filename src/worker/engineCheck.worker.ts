// Worker side of the start page: acquire WebGPU in the worker and run the engine self-check.
import * as Comlink from 'comlink';
import { createGpuEngine } from '../gpu/gpuEngine';
import { loadShadersVite } from '../gpu/shadersVite';
import { engineCheck, type EngineCheckReport } from './engineCheck';

export type EngineCheckReply =
  | { readonly ok: true; readonly report: EngineCheckReport }
  | { readonly ok: false; readonly message: string };

export interface EngineCheckApi {
  run(seed: number): Promise<EngineCheckReply>;
}

const api: EngineCheckApi = {
  async run(seed) {
    try {
      if (!('gpu' in navigator) || !navigator.gpu) {
        return { ok: false, message: 'WebGPU is not available in this browser (navigator.gpu is missing in the worker).' };
      }
      const report = await engineCheck((spec) => createGpuEngine(spec, { gpu: navigator.gpu, shaders: loadShadersVite() }), seed);
      return { ok: true, report };
    } catch (e) {
      return { ok: false, message: e instanceof Error ? e.message : String(e) };
    }
  },
};

Comlink.expose(api);
