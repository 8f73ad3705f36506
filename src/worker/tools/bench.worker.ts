// The benchmark in a Web Worker (the page path): the TS reference, the fast CPU engine (WebAssembly
// SIMD, threads when the page is cross-origin isolated) and the WebGPU engine, each prepared for a case
// and measured in segments on command, so that the Node driver can interleave them with other engines
// by rounds; or the bench page's own interleaved run of them, here in the worker (pageBench.ts).
import * as Comlink from 'comlink';
import { ReferenceEngine } from '../../model/referenceEngine';
import type { VsmlEngine } from '../../model/engine';
import { createGpuEngine } from '../../gpu/gpuEngine';
import { loadShadersVite } from '../../gpu/shadersVite';
import { createBrowserCpuEngine } from '../../cpu/browser';
import { mnistSpec, prepareMeasure, type BenchCase, type Measurer } from './bench';
import { errorMessage } from '../../model/result';
import type { BenchReply, BenchWorkerApi, PageBackend } from './contract';
import { runPageBench } from './pageBench';

const live = new Map<PageBackend, { engine: VsmlEngine; measure: Measurer }>();

const failed = (e: unknown): BenchReply<never> => ({ ok: false, message: errorMessage(e) });

async function createEngine(backend: PageBackend, c: BenchCase): Promise<VsmlEngine> {
  const spec = mnistSpec(c.runs);
  if (backend === 'reference') return new ReferenceEngine(spec);
  if (backend === 'webgpu') return createGpuEngine(spec, { gpu: navigator.gpu, shaders: loadShadersVite() });
  return createBrowserCpuEngine(spec);
}

const api: BenchWorkerApi = {
  async prepare(backend, c, blockSize) {
    live.get(backend)?.engine.dispose();
    live.delete(backend);
    try {
      const engine = await createEngine(backend, c);
      try {
        live.set(backend, { engine, measure: await prepareMeasure(engine, c.vm, blockSize, 22) });
      } catch (e) {
        engine.dispose();
        throw e;
      }
      return { ok: true, value: engine.description };
    } catch (e) {
      return failed(e);
    }
  },
  async measure(backend, minSeconds) {
    const x = live.get(backend);
    if (!x) return { ok: false, message: `${backend} is not prepared` };
    try {
      return { ok: true, value: await x.measure(minSeconds) };
    } catch (e) {
      return failed(e);
    }
  },
  async release(backend) {
    live.get(backend)?.engine.dispose();
    live.delete(backend);
    return { ok: true, value: true };
  },
  async runPage(request, progress) {
    try {
      return { ok: true, value: await runPageBench(request, api, progress) };
    } catch (e) {
      return failed(e);
    }
  },
};

Comlink.expose(api);
