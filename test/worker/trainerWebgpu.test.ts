// The trainer API on the WebGPU engine (Dawn in Node; SwiftShader where no GPU driver is set up), as
// the worker wires it (sharedGpu): the same meta-training as the CPU reference up to float
// rounding, and a config over the adapter's limits refused with the engine's own message.
import { describe, expect, it } from 'vitest';
import { nodeGpu } from '../../src/cli/nodeGpu';
import { loadShadersNode } from '../../src/gpu/shadersNode';
import type { MemoryLimit } from '../../src/model/resources';
import type { TrainerApi } from '../../src/worker/trainer/trainerApi';
import { chooseTrainerEngine } from '../../src/worker/trainer/trainerEngine';
import { sharedGpu } from '../../src/worker/shared/sharedGpu';
import { tinyConfigDoc } from '../meta/trainerHelpers';
import { cpuTrainerApi, finished, untilFrame } from './trainerHelpers';

const makeGpu = sharedGpu(nodeGpu(), loadShadersNode()).make;
/** The page's memory limit, or one no grid here reaches (so that the GPU engine's own limit is what refuses). */
const gpuApi = (memoryLimit?: MemoryLimit): TrainerApi =>
  cpuTrainerApi({
    deps: { makeEngine: (spec) => chooseTrainerEngine(spec, makeGpu), ...(memoryLimit ? { memoryLimit } : {}) },
  }).api;
const NO_MEMORY_LIMIT: MemoryLimit = { bytes: 2 ** 50, source: 'this test', raise: '' };
const EVAL = 'mnist/test 7x7 classes 0.1.2';

describe('trainer API on WebGPU', () => {
  it('tiny task, 2 steps: backend webgpu, no fallback; meta-losses within 1e-5 of the CPU reference, the same held-out accuracy', async () => {
    const doc = tinyConfigDoc({
      steps: 2,
      evaluation: { every: 2, steps: 10, runs: 2, datasets: [{ dataset: 'mnist', resize: 7, classes: [0, 1, 2] }] },
    });
    const gpu = gpuApi();
    const reply = await gpu.start(doc);
    if (!reply.ok) throw new Error(reply.message);
    expect(reply.info.backend).toBe('webgpu');
    expect(reply.info.fallback).toBeNull();
    expect(reply.info.description).toMatch(/^WebGPU: /);
    const g = await untilFrame(gpu, finished);
    const cpu = cpuTrainerApi().api;
    await cpu.start(doc);
    const c = await untilFrame(cpu, finished);
    expect(g.losses).toHaveLength(2);
    for (let i = 0; i < 2; i++) expect(Math.abs(g.losses[i] - c.losses[i])).toBeLessThan(1e-5);
    expect(g.evaluations.map((e) => [e.step, e.results[EVAL].accuracy])).toEqual(
      c.evaluations.map((e) => [e.step, e.results[EVAL].accuracy]),
    );
    expect(g.lastSavedStep).toBe(2);
  });

  it("a grid over the adapter's buffer limit is refused with the engine's message (the limit and by how much), not run on the CPU", async () => {
    // Under the page's memory limit this grid is refused first, by the estimate (test/worker/resources.test.ts).
    const api = gpuApi(NO_MEMORY_LIMIT);
    const r = await api.start(tinyConfigDoc({ model: { stateSize: 32, hiddenSizes: [4096, 4096] } }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    console.info(r.message);
    expect(r.message).toMatch(
      /^grid: state buffer \(h or c\) of layer 1 \(4096x4096x32\) for 1 run needs 2048\.0 MiB but max\w+ is [\d.]+ MiB \([\d.]+% over\) on .+/,
    );
    expect(await api.frame()).toBeNull();
  });
});
