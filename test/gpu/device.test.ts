// Device acquisition, adapter description, limit errors, and device loss.
import { describe, expect, it } from 'vitest';
import { nodeGpu } from '../../src/cli/nodeGpu';
import { acquireDevice, describeAdapter, summarizeAdapter } from '../../src/gpu/device';
import { createGpuEngine, tryCreateGpuEngine } from '../../src/gpu/gpuEngine';
import { loadShadersNode } from '../../src/gpu/shadersNode';
import { config, randomBlock, randomParams, randomStates } from '../helpers/random';
import { testDevice } from './fixture';

describe('acquireDevice', () => {
  it('finds an adapter and requests its real limits (more than the 128 MiB default binding)', async () => {
    const d = await testDevice();
    console.info(
      `adapter: ${describeAdapter(d.info)}; maxStorageBufferBindingSize ${d.limits.maxStorageBufferBindingSize}`,
    );
    expect(d.limits.maxStorageBufferBindingSize).toBe(d.adapter.limits.maxStorageBufferBindingSize);
    expect(d.limits.maxBufferSize).toBe(d.adapter.limits.maxBufferSize);
    expect(d.limits.maxComputeWorkgroupStorageSize).toBe(d.adapter.limits.maxComputeWorkgroupStorageSize);
  });

  it('without navigator.gpu: the error value says WebGPU is not available', async () => {
    const r = await acquireDevice(undefined);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error).toMatchObject({ code: 'no-webgpu', message: expect.stringMatching(/WebGPU is not available/) });
  });

  it('with no adapter: the error value says so', async () => {
    const gpu = { requestAdapter: async () => null } as unknown as GPU;
    const r = await acquireDevice(gpu);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('no-adapter');
  });
});

describe('describeAdapter', () => {
  it('names vendor, architecture, device and description, and marks SwiftShader as software', () => {
    const info = {
      vendor: 'google',
      architecture: 'swiftshader',
      device: 'swiftshader-device-subzero-',
      description: 'SwiftShader driver 5.0.0',
    };
    expect(describeAdapter(summarizeAdapter(info as GPUAdapterInfo))).toBe(
      'google swiftshader swiftshader-device-subzero- (SwiftShader driver 5.0.0) (software/fallback adapter)',
    );
  });

  it('marks a fallback adapter, and not a hardware one', () => {
    const hw = { vendor: 'nvidia', architecture: 'hopper', device: '', description: '' };
    expect(describeAdapter(summarizeAdapter(hw as GPUAdapterInfo))).toBe('nvidia hopper');
    const fb = { ...hw, isFallbackAdapter: true };
    expect(describeAdapter(summarizeAdapter(fb as unknown as GPUAdapterInfo))).toBe(
      'nvidia hopper (software/fallback adapter)',
    );
  });

  it('the engine description names the adapter', async () => {
    const spec = { config: config(), inputSize: 2, numClasses: 2, runs: 1 };
    const e = await createGpuEngine(spec, { gpu: nodeGpu(), shaders: loadShadersNode(), device: await testDevice() });
    try {
      expect(e.backend).toBe('webgpu');
      expect(e.description).toBe(`WebGPU: ${describeAdapter(e.adapterInfo)}`);
    } finally {
      e.dispose();
    }
  });
});

describe('createGpuEngine over the adapter limits', () => {
  it('a grid whose state of one run exceeds the binding limit fails naming the limit and by how much', async () => {
    const d = await testDevice();
    const spec = { config: config({ hiddenSizes: [4096] }), inputSize: 20000, numClasses: 10, runs: 1 };
    const r = await tryCreateGpuEngine(spec, { gpu: nodeGpu(), shaders: loadShadersNode(), device: d });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const limit = Math.min(d.limits.maxStorageBufferBindingSize, d.limits.maxBufferSize);
    const bytes = 20000 * 4096 * 16 * 4;
    const pct = ((bytes / limit - 1) * 100).toFixed(1);
    console.info(r.error.message);
    expect(r.error.code).toBe('limit');
    expect(r.error.message).toContain(
      `state buffer (h or c) of layer 0 (20000x4096x16) for 1 run needs 5000.0 MiB but max`,
    );
    expect(r.error.message).toContain(`(${pct}% over) on ${describeAdapter(d.info)}`);
  });

  it('a missing kernel source fails naming the file', async () => {
    const spec = { config: config(), inputSize: 2, numClasses: 2, runs: 1 };
    const { grid_tick: _, ...partial } = loadShadersNode();
    await expect(
      createGpuEngine(spec, { gpu: nodeGpu(), shaders: partial as never, device: await testDevice() }),
    ).rejects.toThrow('shaders: no source for grid_tick.wgsl');
  });

  it('unsupported options fail before any GPU work', async () => {
    const spec = { config: { ...config(), layerNorm: true }, inputSize: 2, numClasses: 2, runs: 1 };
    await expect(
      createGpuEngine(spec, { gpu: nodeGpu(), shaders: loadShadersNode(), device: await testDevice() }),
    ).rejects.toThrow('config.layerNorm: is not supported by the WebGPU engine');
  });
});

describe('device loss', () => {
  it('a destroyed device resolves engine.lost, calls onLost once, and later calls fail naming the loss', async () => {
    const r = await acquireDevice(nodeGpu());
    if (!r.ok) throw new Error(r.error.message);
    const cfg = config();
    const spec = { config: cfg, inputSize: 3, numClasses: 2, runs: 1 };
    const seen: string[] = [];
    const e = await createGpuEngine(spec, {
      gpu: nodeGpu(),
      shaders: loadShadersNode(),
      device: r.value,
      onLost: (i) => seen.push(i.reason),
    });
    e.setParams([randomParams(cfg, 1)]);
    e.setState(randomStates(spec, 1));
    r.value.device.destroy();
    const info = await e.lost;
    expect(info.reason).toBe('destroyed');
    expect(seen).toEqual(['destroyed']);
    await expect(e.run(randomBlock(spec, 2, 1, 1))).rejects.toThrow(/GPU device was lost \(destroyed\)/);
    e.dispose();
  });

  it('dispose of an engine that owns its device resolves lost without calling onLost', async () => {
    const seen: string[] = [];
    const spec = { config: config(), inputSize: 3, numClasses: 2, runs: 1 };
    const e = await createGpuEngine(spec, {
      gpu: nodeGpu(),
      shaders: loadShadersNode(),
      onLost: (i) => seen.push(i.reason),
    });
    e.dispose();
    expect((await e.lost).reason).toBe('destroyed');
    expect(seen).toEqual([]);
  });
});
