// The benchmark in a Web Worker (the page path): the CPU reference and the WebGPU engine side by side.
import * as Comlink from 'comlink';
import { ReferenceEngine } from '../model/referenceEngine';
import type { VsmlEngine } from '../model/engine';
import { createGpuEngine } from '../gpu/gpuEngine';
import { loadShadersVite } from '../gpu/shadersVite';
import { benchEngine, mnistSpec, type BenchRow } from './bench';

export interface BenchRequest {
  readonly runs: readonly number[];
  readonly backends: readonly ('cpu' | 'webgpu')[];
  readonly minSeconds: number;
  readonly blockSize: number;
}

export type BenchReply = { readonly ok: true; readonly rows: BenchRow[] } | { readonly ok: false; readonly message: string };

export interface BenchWorkerApi {
  run(req: BenchRequest): Promise<BenchReply>;
}

const api: BenchWorkerApi = {
  async run(req) {
    const rows: BenchRow[] = [];
    try {
      for (const backend of req.backends) {
        for (const S of req.runs) {
          const spec = mnistSpec(S);
          const engine: VsmlEngine =
            backend === 'cpu' ? new ReferenceEngine(spec) : await createGpuEngine(spec, { gpu: navigator.gpu, shaders: loadShadersVite() });
          try {
            const blockSize = backend === 'cpu' ? 1 : req.blockSize;
            rows.push(await benchEngine(engine, 'chromium', { minSeconds: req.minSeconds, blockSize, seed: 22 }));
          } finally {
            engine.dispose();
          }
        }
      }
      return { ok: true, rows };
    } catch (e) {
      return { ok: false, message: e instanceof Error ? e.message : String(e) };
    }
  },
};

Comlink.expose(api);
