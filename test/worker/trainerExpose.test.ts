// The trainer API over Comlink (an in-process MessageChannel): every method reachable, frames arrive
// with their buffers transferred (the same numbers; the sender keeps none).
import * as Comlink from 'comlink';
import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { TrainerApi, TrainerFrame } from '../../src/worker/trainer/trainerApi';
import { trainerFrameBuffers, transferringTrainerApi } from '../../src/worker/trainer/trainerExpose';
import { tinyConfigDoc } from '../meta/trainerHelpers';
import { cpuTrainerApi } from './trainerHelpers';

// @ts-expect-error -- comlink ships node-adapter.d.ts beside the .mjs, but exports no subpath types for it
const { default: nodeEndpoint } = (await import('comlink/dist/esm/node-adapter.mjs')) as {
  default: (p: unknown) => Comlink.Endpoint;
};

describe('transferringTrainerApi over Comlink (in-process MessageChannel)', () => {
  it("runs a short meta-training remotely; the frame's arrays (curves included) arrive transferred", async () => {
    const inner = cpuTrainerApi().api;
    const sent: ArrayBuffer[] = [];
    let local: TrainerFrame | null = null;
    const spy: TrainerApi = {
      ...inner,
      frame: async () => {
        const f = await inner.frame();
        if (f) {
          local = f;
          sent.push(...trainerFrameBuffers(f));
        }
        return f;
      },
    };
    const { port1, port2 } = new MessageChannel();
    Comlink.expose(transferringTrainerApi(spy), nodeEndpoint(port1));
    const remote = Comlink.wrap<TrainerApi>(nodeEndpoint(port2));
    expect((await remote.presets()).map((p) => p.name)).toEqual([
      'quick-demo',
      'paper-fig6',
      'cold-demo',
      'clone-demo',
      'clone-backprop-demo',
    ]);
    expect((await remote.check(tinyConfigDoc({ pairs: 0 }))).ok).toBe(false);
    expect((await remote.start(tinyConfigDoc({ steps: 3 }))).ok).toBe(true);
    let f: TrainerFrame | null = null;
    for (let i = 0; i < 2000 && f?.state !== 'done'; i++) {
      f = await remote.frame();
      await new Promise((r) => setTimeout(r, 5));
    }
    const done = f as TrainerFrame;
    expect(done.state).toBe('done');
    expect(done.losses).toBeInstanceOf(Float64Array);
    expect(done.losses).toHaveLength(3);
    expect(done.evaluations.map((e) => e.step)).toEqual([0, 3]);
    expect(Object.values(done.evaluations[1].results)[0].curve).toHaveLength(10);
    // The last frame sent: 4 arrays and 2 curves, all handed over (detached here).
    const last = trainerFrameBuffers(local as unknown as TrainerFrame);
    expect(last).toHaveLength(6);
    expect(last.every((b) => b.byteLength === 0)).toBe(true);
    expect(sent.every((b) => b.byteLength === 0)).toBe(true);
    expect(typeof (await remote.exportCheckpoint())).toBe('string');
    expect(await remote.savedRun()).toMatchObject({ step: 3, totalSteps: 3 });
    await remote.pause();
    remote.play();
    await remote.stop();
    expect(await remote.handoffLearner()).toBe(true);
    expect(typeof (await remote.exportLearner())).toBe('string');
    await remote.discardSaved();
    expect(await remote.savedRun()).toBeNull();
    expect((await remote.resume()).ok).toBe(false);
    port2.close();
  });
});
