// Engines for the trainer: the CPU reference only where WebGPU is absent; every other GPU error is
// passed on (a limit refuses the run); the shared device is acquired once and again after a failure.
import { describe, expect, it } from 'vitest';
import { GpuEngineError } from '../../src/gpu/errors';
import { loadShadersNode } from '../../src/gpu/shadersNode';
import { ReferenceEngine } from '../../src/model/referenceEngine';
import { parseConfig } from '../../src/model/config';
import type { EngineSpec } from '../../src/model/engine';
import { sharedGpu } from '../../src/worker/shared/sharedGpu';
import { chooseTrainerEngine, NO_WEBGPU } from '../../src/worker/trainer/trainerEngine';

const cfg = parseConfig({});
if (!cfg.ok) throw new Error(cfg.error.message);
const spec: EngineSpec = { config: cfg.value, inputSize: 4, numClasses: 2, runs: 2 };
const gpuError = (code: string, message: string) => new GpuEngineError({ code, field: 'gpu', message });

describe('chooseTrainerEngine', () => {
  it('no WebGPU at all: the CPU reference, saying navigator.gpu is missing', async () => {
    const c = await chooseTrainerEngine(spec, null);
    expect(c.engine).toBeInstanceOf(ReferenceEngine);
    expect(c.fallback).toBe(NO_WEBGPU);
  });

  it("no adapter, no device, no WebGPU: the CPU reference with the GPU's reason", async () => {
    for (const code of ['no-webgpu', 'no-adapter', 'device']) {
      const c = await chooseTrainerEngine(spec, async () => {
        throw gpuError(code, `${code} happened`);
      });
      expect(c.engine).toBeInstanceOf(ReferenceEngine);
      expect(c.fallback).toBe(`WebGPU is not available: ${code} happened`);
    }
  });

  it('a limit, out of memory or any other failure is thrown as it is (no fallback)', async () => {
    for (const e of [
      gpuError('limit', 'grid too big'),
      gpuError('out-of-memory', 'oom'),
      new Error('shader compile failed'),
    ]) {
      await expect(
        chooseTrainerEngine(spec, async () => {
          throw e;
        }),
      ).rejects.toBe(e);
    }
  });

  it('a GPU engine that can lose its device: the loss as a sentence (our own dispose never)', async () => {
    let lose: (i: { reason: string; message: string }) => void = () => {};
    const engine = Object.assign(new ReferenceEngine(spec), {
      lost: new Promise<{ reason: string; message: string }>((r) => (lose = r)),
    });
    const c = await chooseTrainerEngine(spec, async () => engine);
    expect([c.engine, c.fallback]).toEqual([engine, null]);
    lose({ reason: 'unknown', message: 'driver reset' });
    expect(await c.lost).toBe('the GPU device was lost (unknown): driver reset');
  });
});

describe("sharedGpu (the trainer's device)", () => {
  it('without an adapter throws GpuEngineError no-adapter (so the trainer falls back), and asks again on the next engine', async () => {
    let asked = 0;
    const gpu = { requestAdapter: async () => (asked++, null) } as unknown as GPU;
    const { make } = sharedGpu(gpu, loadShadersNode());
    const c = await chooseTrainerEngine(spec, make);
    expect(c.fallback).toBe(
      'WebGPU is not available: no WebGPU adapter: the browser or driver offers none (is hardware acceleration off?)',
    );
    await expect(make(spec)).rejects.toMatchObject({ error: { code: 'no-adapter' } });
    expect(asked).toBe(2);
  });
});
