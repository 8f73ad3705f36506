// The trainer half of `npm run bench -- --memory`: the real trainer API (src/worker/trainer/trainerApi.ts, the
// same `transferringTrainerApi` the trainer page's Web Worker exposes, a memory store in place of
// IndexedDB) over Comlink on a MessageChannel in this process, driven as the page drives it: start a
// config, pull one frame at a time while it trains. Every `every` steps the run is paused (which
// autosaves, as on the page), a GC forced and the memory read, then it plays on to the last step.
import { setTimeout as sleep } from 'node:timers/promises';
import { openDataset } from '../data/open';
import { loadBuiltinMnistNode } from '../data/node/builtinMnist';
import type { FileInput } from '../data/types';
import { loadShadersNode } from '../gpu/shadersNode';
import type { BackendName } from '../model/engine';
import { createMemoryStore } from '../worker/storage/keyValueStore';
import { createTrainerApi, type TrainerApi, type TrainerFrame, type TrainerInfo } from '../worker/trainer/trainerApi';
import { chooseTrainerEngine } from '../worker/trainer/trainerEngine';
import { sharedGpu } from '../worker/shared/sharedGpu';
import { transferringTrainerApi } from '../worker/trainer/trainerExpose';
import { inProcessWorker } from './inProcessWorker';
import { sampleMemory } from './memorySampler';
import type { MemorySample } from './memoryTrend';
import { nodeGpu } from './nodeGpu';

export interface TrainerMemoryOptions {
  readonly backend: BackendName;
  /** A vsml-meta-config document; its `steps` is the length of the run. */
  readonly configDoc: unknown;
  /** Files the config names (an init learner, dataset files). */
  readonly files: readonly FileInput[];
  /** Steps between samples. */
  readonly every: number;
  /** Milliseconds between frame requests. */
  readonly frameMs?: number;
  readonly onSample?: (s: MemorySample) => void;
}

export interface TrainerMemoryResult {
  readonly info: TrainerInfo;
  /** The first at step 0 (started and paused at once), then one per `every` steps and at the last. */
  readonly samples: MemorySample[];
  readonly last: TrainerFrame;
}

export async function benchTrainerMemory(o: TrainerMemoryOptions): Promise<TrainerMemoryResult> {
  const makeGpu = o.backend === 'webgpu' ? sharedGpu(nodeGpu(), loadShadersNode()).make : null;
  const api = createTrainerApi({
    makeEngine: (spec) => chooseTrainerEngine(spec, makeGpu),
    openData: (dataset, request) => openDataset(dataset, { ...request, builtin: loadBuiltinMnistNode }),
    store: createMemoryStore(),
  });
  const worker = inProcessWorker<TrainerApi>(transferringTrainerApi(api));
  const remote = worker.remote;
  try {
    const started = await remote.start(o.configDoc, o.files);
    if (!started.ok) throw new Error(`trainer: ${started.message}`);
    const total = started.info.totalSteps;
    const samples: MemorySample[] = [];
    const record = async (at: number): Promise<void> => {
      const s = await sampleMemory(at);
      samples.push(s);
      o.onSample?.(s);
    };
    await remote.pause();
    let frame = await remote.frame();
    await record(frame?.step ?? 0);
    while (frame && frame.state !== 'done') {
      if (frame.state === 'failed') throw new Error(`trainer: ${frame.notice}`);
      const target = Math.min(total, (Math.floor(frame.step / o.every) + 1) * o.every);
      await remote.play();
      for (;;) {
        frame = await remote.frame();
        if (!frame || frame.step >= target || frame.state === 'done' || frame.state === 'failed') break;
        await sleep(o.frameMs ?? 16);
      }
      await remote.pause();
      frame = await remote.frame();
      if (frame?.state === 'failed') throw new Error(`trainer: ${frame.notice}`);
      await record(frame?.step ?? 0);
    }
    if (!frame) throw new Error('trainer: no run');
    return { info: started.info, samples, last: frame };
  } finally {
    await remote.stop();
    worker.close();
  }
}
