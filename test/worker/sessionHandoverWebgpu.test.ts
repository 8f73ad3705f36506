// Opening fast on real WebGPU (Dawn on SwiftShader, see test/gpu/fixture.ts): the worker's shared
// device (sharedGpu.ts) with its pipelines not compiled yet opens the session on the CPU reference and
// moves it onto WebGPU (held here until 20 examples were seen); from then on it computes exactly what
// a session on WebGPU from the start computes, and the first 20 agree within the engines' tolerance
// (1e-4, test/gpu/gpuEngine.cpu.test.ts). A later open on the same device opens on WebGPU at once.
import { describe, expect, it } from 'vitest';
import { nodeGpu } from '../../src/cli/nodeGpu';
import { loadShadersNode } from '../../src/gpu/shadersNode';
import type { EngineSpec } from '../../src/model/engine';
import { chooseSessionEngine } from '../../src/worker/shared/engineChoice';
import { HANDOVER_PENDING } from '../../src/worker/session/openSession';
import { sharedGpu, type GpuEngines } from '../../src/worker/shared/sharedGpu';
import { maxAbsDiff } from '../helpers/random';
import { cpuApi, settings, tinyLearnerDoc, until } from './helpers';

const TOL = 1e-4;
const K = 10;

describe('handover onto WebGPU (Dawn/SwiftShader, built-in MNIST 7x7, 3 runs, tiny learner)', () => {
  it('CPU first for 20 examples, then WebGPU: the 30 after the move are bit for bit those of a session on WebGPU from the start', async () => {
    const shared = sharedGpu(nodeGpu(), loadShadersNode());
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const held: GpuEngines = {
      ready: (spec) => shared.ready(spec),
      make: async (spec: EngineSpec) => {
        await gate;
        return shared.make(spec);
      },
    };
    const a = cpuApi({ makeEngine: (spec) => chooseSessionEngine(spec, held) });
    const r = await a.open(settings, tinyLearnerDoc());
    expect(r.ok && [r.info.backend, r.info.handover]).toEqual(['reference', HANDOVER_PENDING]);
    await a.step(20);
    const revision = (await a.frame())?.infoRevision;
    release();
    await until(() => a.info()?.backend === 'webgpu', 120_000);
    expect(a.info()).toMatchObject({ fallback: null, handover: null });
    expect(a.info()?.description).toMatch(/^WebGPU: /);
    expect((await a.frame())?.infoRevision).not.toBe(revision);
    await a.step(30);

    const b = cpuApi({ makeEngine: (spec) => chooseSessionEngine(spec, shared) });
    const direct = await b.open(settings, tinyLearnerDoc());
    expect(direct.ok && [direct.info.backend, direct.info.handover]).toEqual(['webgpu', null]);
    await b.step(50);

    const [fa, fb] = [await a.frame(), await b.frame()];
    if (!fa || !fb) throw new Error('nothing is open');
    expect([fa.examplesSeen, fb.examplesSeen]).toEqual([50, 50]);
    const onCpu = maxAbsDiff(fa.recentProbabilities.subarray(0, 20 * K), fb.recentProbabilities.subarray(0, 20 * K));
    console.log(`examples 1-20 (CPU vs WebGPU): max |p diff| = ${onCpu.toExponential(2)}`);
    expect(onCpu).toBeLessThanOrEqual(TOL);
    expect(Array.from(fa.recentProbabilities.subarray(20 * K))).toEqual(
      Array.from(fb.recentProbabilities.subarray(20 * K)),
    );
    expect(a.curves()?.learners.vsml.mean).toEqual(b.curves()?.learners.vsml.mean);
  }, 180_000);
});
