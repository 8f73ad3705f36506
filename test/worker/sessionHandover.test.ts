// Opening fast: a session opened on the CPU reference while its "GPU" engine is being made (here a
// second CPU engine, released by the test) moves onto it exactly where it is, playing or paused, and
// says so (info, infoRevision); a session replaced first never takes it; one that cannot be made or
// fails while replaying leaves the session on the CPU with the reason. An older open gives way at once.
import { describe, expect, it } from 'vitest';
import { ReferenceEngine } from '../../src/model/referenceEngine';
import type { BlockResult, EngineSpec, RunOptions, StreamBlock } from '../../src/model/engine';
import { chooseEngine, chooseSessionEngine, type EngineChoice } from '../../src/worker/shared/engineChoice';
import { HANDOVER_PENDING } from '../../src/worker/session/openSession';
import type { SessionApi } from '../../src/worker/session/sessionApi';
import type { GpuEngines } from '../../src/worker/shared/sharedGpu';
import { cpuApi, openData, settings, tinyLearnerDoc, until } from './helpers';

/** A CPU engine that says it is WebGPU, logs its blocks and may fail its n-th one. */
class FakeGpu extends ReferenceEngine {
  readonly blocks: number[] = [];
  disposed = false;
  failAt = -1;

  constructor(spec: EngineSpec) {
    super(spec);
    Object.defineProperties(this, { backend: { value: 'webgpu' }, description: { value: 'WebGPU: fake adapter' } });
  }

  override async run(block: StreamBlock, opts?: RunOptions): Promise<BlockResult> {
    if (this.blocks.length === this.failAt) throw new Error('the fake GPU failed');
    this.blocks.push(block.steps);
    return super.run(block, opts);
  }

  override dispose(): void {
    this.disposed = true;
    super.dispose();
  }
}

/** GPU engines made on release(): ready() is false until then; `made` lists them; each fails its block `failAt` (-1: never). */
function gatedGpu(failAt = -1) {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const made: FakeGpu[] = [];
  let open = false;
  const gpu: GpuEngines = {
    ready: () => open,
    async make(spec: EngineSpec) {
      await gate;
      open = true;
      const e = new FakeGpu(spec);
      e.failAt = failAt;
      made.push(e);
      return e;
    },
  };
  return { gpu, made, release, makeEngine: (spec: EngineSpec) => chooseSessionEngine(spec, gpu) };
}

const frameOf = async (a: SessionApi) => {
  const f = await a.frame();
  if (!f) throw new Error('nothing is open');
  return f;
};

describe('chooseSessionEngine', () => {
  it('no GPU: the CPU reference with the reason; a GPU not ready: the CPU now and the GPU engine as its upgrade; ready: WebGPU at once', async () => {
    const spec = {
      config: JSON.parse(JSON.stringify(tinyLearnerDoc().config)),
      inputSize: 49,
      numClasses: 10,
      runs: 3,
    };
    const none = await chooseSessionEngine(spec, null);
    expect([none.engine.backend, none.upgrade]).toEqual(['reference', undefined]);
    const g = gatedGpu();
    const first = await g.makeEngine(spec);
    expect([first.engine.backend, first.fallback, first.upgrade instanceof Promise]).toEqual(['reference', null, true]);
    g.release();
    const later = (await first.upgrade) as EngineChoice;
    expect([later.engine.backend, later.fallback]).toEqual(['webgpu', null]);
    const second = await g.makeEngine(spec);
    expect([second.engine.backend, second.upgrade]).toEqual(['webgpu', undefined]);
  });
});

describe('handover from the CPU reference onto a GPU engine (fake GPU on the CPU, built-in MNIST 7x7, 3 runs, tiny learner)', () => {
  it('paused after 37 examples: moves when released, bit for bit as a session that ran there from the start; info and infoRevision change', async () => {
    const g = gatedGpu();
    const a = cpuApi({ makeEngine: g.makeEngine });
    const r = await a.open(settings, tinyLearnerDoc());
    expect(r.ok && [r.info.backend, r.info.fallback, r.info.handover]).toEqual(['reference', null, HANDOVER_PENDING]);
    await a.step(37);
    const before = await frameOf(a);
    g.release();
    await until(async () => (await frameOf(a)).infoRevision !== before.infoRevision);
    expect(a.info()).toMatchObject({
      backend: 'webgpu',
      description: 'WebGPU: fake adapter',
      fallback: null,
      handover: null,
    });
    const gpu = g.made[0];
    expect(gpu.blocks.reduce((n, b) => n + b, 0)).toBe(37); // the replay
    expect(gpu.blocks[0]).toBe(1); // a new pacer: the first block is one example
    await a.step(23);
    expect(gpu.blocks.reduce((n, b) => n + b, 0)).toBe(60);
    // The same session on the fake GPU from the start (it is ready now: opened there at once).
    const b = cpuApi({ makeEngine: g.makeEngine });
    const direct = await b.open(settings, tinyLearnerDoc());
    expect(direct.ok && [direct.info.backend, direct.info.handover]).toEqual(['webgpu', null]);
    await b.step(60);
    const [fa, fb] = [await frameOf(a), await frameOf(b)];
    expect(fa.examplesSeen).toBe(60);
    expect(Array.from(fa.recentProbabilities)).toEqual(Array.from(fb.recentProbabilities));
    expect(a.curves()?.learners.vsml.mean).toEqual(b.curves()?.learners.vsml.mean);
    expect(a.curves()?.learners.sgd.mean).toEqual(b.curves()?.learners.sgd.mean);
  });

  it('while playing: it replays, takes over and plays on; the CPU engine is disposed', async () => {
    const g = gatedGpu();
    const a = cpuApi({ makeEngine: g.makeEngine });
    await a.open(settings, tinyLearnerDoc());
    a.play(Infinity);
    await until(async () => (await frameOf(a)).examplesSeen >= 30);
    g.release();
    await until(() => a.info()?.backend === 'webgpu');
    const at = (await frameOf(a)).examplesSeen;
    await until(async () => (await frameOf(a)).examplesSeen >= at + 30);
    const f = await frameOf(a);
    expect(f.playing).toBe(true);
    expect(f.notice).toBeNull();
    await a.pause();
    const seen = (await frameOf(a)).examplesSeen;
    const fresh = cpuApi();
    await fresh.open(settings, tinyLearnerDoc());
    await fresh.step(seen);
    // Both engines compute on the CPU here, so the curves agree bit for bit across the move.
    expect(a.curves()?.learners.vsml.mean).toEqual(fresh.curves()?.learners.vsml.mean);
  });

  it('a session replaced before its GPU engine is ready never takes it: the engine is disposed', async () => {
    const g = gatedGpu();
    let opens = 0;
    const a = cpuApi({ makeEngine: (spec) => (opens++ === 0 ? g.makeEngine(spec) : chooseEngine(spec, null)) });
    await a.open(settings, tinyLearnerDoc());
    await a.open({ ...settings, runs: 2 }, tinyLearnerDoc());
    g.release();
    await until(() => g.made.length === 1 && g.made[0].disposed);
    expect(a.info()).toMatchObject({ backend: 'reference', runs: 2 });
  });

  it('a GPU engine that cannot be made leaves the session on the CPU with the reason (handover null, infoRevision changed)', async () => {
    const failing: GpuEngines = {
      ready: () => false,
      make: async () => Promise.reject(new Error('requestDevice failed: no memory')),
    };
    const a = cpuApi({ makeEngine: (spec) => chooseSessionEngine(spec, failing) });
    const r = await a.open(settings, tinyLearnerDoc());
    expect(r.ok && [r.info.backend, r.info.fallback, r.info.handover]).toEqual(['reference', null, HANDOVER_PENDING]);
    await until(() => a.info()?.handover === null);
    expect(a.info()).toMatchObject({
      backend: 'reference',
      fallback: 'WebGPU could not run this session: requestDevice failed: no memory',
    });
    expect((await frameOf(a)).infoRevision).toBe(2); // 1: opened, 2: the GPU could not be made
    await a.step(5);
    expect((await frameOf(a)).examplesSeen).toBe(5);
  });

  it('a GPU engine that cannot be made moves the session onto the faster CPU engine, where it is, with the reason', async () => {
    const failing: GpuEngines = {
      ready: () => false,
      make: async () => Promise.reject(new Error('no WebGPU adapter')),
    };
    const fast: ReferenceEngine[] = [];
    const makeFast = async (spec: EngineSpec) => {
      const e = new ReferenceEngine(spec);
      Object.defineProperties(e, { backend: { value: 'cpu' }, description: { value: 'fast CPU engine (fake)' } });
      fast.push(e);
      return e;
    };
    const a = cpuApi({ makeEngine: (spec) => chooseSessionEngine(spec, failing, makeFast) });
    await a.open(settings, tinyLearnerDoc());
    await a.step(4);
    const before = await frameOf(a);
    await until(() => a.info()?.handover === null);
    expect(a.info()).toMatchObject({
      backend: 'cpu',
      description: 'fast CPU engine (fake)',
      fallback: 'WebGPU could not run this session: no WebGPU adapter',
    });
    expect(fast.length).toBe(1);
    await a.step(3);
    const after = await frameOf(a);
    expect([before.examplesSeen, after.examplesSeen]).toEqual([4, 7]);
  });

  it('a replay block that fails leaves the session on the CPU, where it goes on, and says why', async () => {
    const g = gatedGpu(1);
    const a = cpuApi({ makeEngine: g.makeEngine });
    await a.open(settings, tinyLearnerDoc());
    await a.step(10);
    g.release();
    await until(() => a.info()?.handover === null);
    expect(a.info()).toMatchObject({
      backend: 'reference',
      fallback: 'WebGPU could not run this session: the fake GPU failed',
    });
    expect(g.made[0].disposed).toBe(true);
    await a.step(5);
    expect((await frameOf(a)).examplesSeen).toBe(15);
  });
});

describe('the newest open wins', () => {
  it('an open still opening when a later one begins answers at once that it was replaced; what it opened is disposed', async () => {
    let releaseData!: () => void;
    const held = new Promise<void>((r) => (releaseData = r));
    const engines: ReferenceEngine[] = [];
    const a = cpuApi({
      openData: async (dataset, split, seed, files) => {
        if (seed === 1) await held;
        return openData(dataset, split, seed, files);
      },
      makeEngine: (spec) => chooseEngine(spec, null).then((c) => (engines.push(c.engine as ReferenceEngine), c)),
    });
    const older = a.open({ ...settings, seed: 1 }, tinyLearnerDoc());
    const newer = await a.open({ ...settings, seed: 2 }, tinyLearnerDoc());
    expect(newer.ok).toBe(true);
    expect(await older).toEqual({ ok: false, message: 'open: a later open or restart replaced this one' });
    releaseData();
    await until(() => engines.length === 2);
    expect((await a.curves())?.seed).toBe(2);
    await a.step(3);
    expect((await frameOf(a)).examplesSeen).toBe(3);
  });

  it('the playing session starts no block while an open is in progress, and plays on when that open is refused', async () => {
    let releaseData!: () => void;
    const held = new Promise<void>((r) => (releaseData = r));
    const a = cpuApi({
      openData: async (dataset, split, seed, files) => {
        if (seed === 1) await held;
        return openData(dataset, split, seed, files);
      },
    });
    await a.open(settings, tinyLearnerDoc());
    a.play(Infinity);
    await until(async () => (await frameOf(a)).examplesSeen >= 10);
    const refused = a.open({ ...settings, seed: 1, classes: [3, 99] }, tinyLearnerDoc());
    const at = (await frameOf(a)).examplesSeen; // the block in flight has finished
    await new Promise((r) => setTimeout(r, 50));
    const still = await frameOf(a);
    expect([still.examplesSeen, still.playing]).toEqual([at, true]);
    releaseData();
    expect((await refused).ok).toBe(false);
    await until(async () => (await frameOf(a)).examplesSeen > at);
  });
});
