// A lost GPU device: the session is recreated from example 0 on a fresh engine (here the CPU, with the
// fallback reason in the new info), the frame's notice says so, and it keeps playing if it was.
import { describe, expect, it } from 'vitest';
import { ReferenceEngine } from '../../src/model/referenceEngine';
import type { EngineSpec } from '../../src/model/engine';
import { chooseEngine, type EngineChoice } from '../../src/worker/shared/engineChoice';
import { cpuApi, NO_GPU, settings, tinyLearnerDoc, until } from './helpers';

interface LostInfo {
  reason: string;
  message: string;
}

/** The first engine made is a "GPU" (a CPU engine with a lost promise the test resolves); later ones, no GPU. */
function losingGpu() {
  let lose!: (info: LostInfo) => void;
  const lost = new Promise<LostInfo>((r) => (lose = r));
  const made: ReferenceEngine[] = [];
  const disposed: ReferenceEngine[] = [];
  const makeEngine = (spec: EngineSpec): Promise<EngineChoice> => {
    if (made.length > 0) return chooseEngine(spec, null).then((c) => (made.push(c.engine as ReferenceEngine), c));
    return chooseEngine(spec, async (s) => {
      const e = Object.assign(new ReferenceEngine(s), { lost, description: 'WebGPU: fake adapter' });
      const dispose = e.dispose.bind(e);
      e.dispose = () => (disposed.push(e), dispose());
      made.push(e);
      return e;
    });
  };
  return { lose, made, disposed, makeEngine };
}

const RECREATED = `The GPU device was lost (unknown): the driver reset. The session was recreated from example 0 on CPU reference (TypeScript, single thread) (${NO_GPU}).`;

describe('device loss (fake GPU engine on the CPU, built-in MNIST 7x7, 3 runs, tiny learner)', () => {
  it('while playing: recreated from example 0 on the CPU with the reason in info(), the notice says so, and it plays on', async () => {
    const gpu = losingGpu();
    const a = cpuApi({ makeEngine: gpu.makeEngine });
    const r = await a.open({ ...settings, baselines: ['adam'] }, tinyLearnerDoc());
    expect(r.ok && [r.info.description, r.info.fallback]).toEqual(['WebGPU: fake adapter', null]);
    a.play(Infinity);
    await until(async () => ((await a.frame())?.examplesSeen ?? 0) >= 20);
    gpu.lose({ reason: 'unknown', message: 'the driver reset' });
    await until(async () => (await a.frame())?.notice !== null);
    const f = await a.frame();
    expect(f?.notice).toBe(RECREATED);
    expect(f?.playing).toBe(true);
    expect(a.info()).toMatchObject({ backend: 'reference', fallback: NO_GPU, taskName: 'mnist/test [7x7]', runs: 3 });
    expect(gpu.made).toHaveLength(2);
    expect(gpu.disposed).toEqual([gpu.made[0]]);
    await a.pause();
    // From example 0 with the same seed: the curves are those of a fresh session stepped as far.
    const got = a.curves();
    const fresh = cpuApi();
    await fresh.open({ ...settings, baselines: ['adam'] }, tinyLearnerDoc());
    await fresh.step(got?.examples ?? 1);
    expect(got?.learners.vsml.mean).toEqual(fresh.curves()?.learners.vsml.mean);
    expect(got?.learners.adam.mean).toEqual(fresh.curves()?.learners.adam.mean);
  });

  it('while paused: recreated and still paused; the notice goes with the next open', async () => {
    const gpu = losingGpu();
    const a = cpuApi({ makeEngine: gpu.makeEngine });
    await a.open(settings, tinyLearnerDoc());
    await a.step(7);
    gpu.lose({ reason: 'unknown', message: 'the driver reset' });
    await until(() => gpu.made.length === 2 && a.info()?.fallback === NO_GPU);
    const f = await a.frame();
    expect([f?.examplesSeen, f?.playing, f?.notice]).toEqual([0, false, RECREATED]);
    await a.open(settings, tinyLearnerDoc());
    expect((await a.frame())?.notice).toBeNull();
  });

  it('ignores the loss of a session that was replaced, and "destroyed" (our own dispose)', async () => {
    const gpu = losingGpu();
    const a = cpuApi({ makeEngine: gpu.makeEngine });
    await a.open(settings, tinyLearnerDoc());
    await a.open({ ...settings, runs: 2 }, tinyLearnerDoc());
    gpu.lose({ reason: 'unknown', message: 'late' });
    await new Promise((r) => setTimeout(r, 20));
    expect(gpu.made).toHaveLength(2);
    expect((await a.frame())?.notice).toBeNull();

    const own = losingGpu();
    const b = cpuApi({ makeEngine: own.makeEngine });
    await b.open(settings, tinyLearnerDoc());
    own.lose({ reason: 'destroyed', message: '' });
    await new Promise((r) => setTimeout(r, 20));
    expect(own.made).toHaveLength(1);
    expect((await b.frame())?.notice).toBeNull();
  });
});
