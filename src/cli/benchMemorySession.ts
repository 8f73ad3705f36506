// The studio half of `npm run bench -- --memory`: the real session API (src/worker/session/sessionApi.ts, the
// same `transferringApi` the Web Worker exposes) over Comlink on a MessageChannel in this process,
// driven as the studio page drives it: open with a shipped learner, a heatmap view set, play as fast
// as possible, one frame pulled at a time (~60 per second). Every `every` examples the loop pauses,
// forces a GC and reads the memory, then plays on, until `examples` examples have been seen.
import { setTimeout as sleep } from 'node:timers/promises';
import { openDataset } from '../data/open';
import { loadBuiltinMnistNode } from '../data/node/builtinMnist';
import { createGpuEngine } from '../gpu/gpuEngine';
import { loadShadersNode } from '../gpu/shadersNode';
import type { BackendName } from '../model/engine';
import { chooseEngine } from '../worker/shared/engineChoice';
import {
  createSessionApi,
  type SessionApi,
  type SessionDeps,
  type SessionInfo,
  type SessionSettings,
} from '../worker/session/sessionApi';
import { transferringApi } from '../worker/session/sessionExpose';
import { inProcessWorker } from './inProcessWorker';
import { sampleMemory } from './memorySampler';
import type { MemorySample } from './memoryTrend';
import { nodeGpu } from './nodeGpu';

export interface SessionMemoryOptions {
  readonly backend: BackendName;
  readonly settings: SessionSettings;
  readonly learnerDoc: unknown;
  /** Examples to play in all. */
  readonly examples: number;
  /** Examples between samples. */
  readonly every: number;
  /** Milliseconds between frame requests (the page: one per animation frame). */
  readonly frameMs?: number;
  readonly onSample?: (s: MemorySample) => void;
}

export interface SessionMemoryResult {
  readonly info: SessionInfo;
  /**
   * The first at example 0 (opened, nothing played), then one per `every` examples (at the example count the pause
   * landed on).
   */
  readonly samples: MemorySample[];
  /** Frames pulled while playing. */
  readonly frames: number;
}

/** The worker's deps in Node: the built-in MNIST from disk; WebGPU through Dawn, or the CPU reference. */
function nodeSessionDeps(backend: BackendName): SessionDeps {
  const makeGpu =
    backend === 'webgpu'
      ? (spec: Parameters<typeof createGpuEngine>[0]) =>
          createGpuEngine(spec, { gpu: nodeGpu(), shaders: loadShadersNode() })
      : null;
  return {
    makeEngine: (spec) => chooseEngine(spec, makeGpu),
    openData: (dataset, split, seed, files) =>
      openDataset(dataset, { split, seed, files, builtin: loadBuiltinMnistNode }),
  };
}

export async function benchSessionMemory(o: SessionMemoryOptions): Promise<SessionMemoryResult> {
  const worker = inProcessWorker<SessionApi>(transferringApi(createSessionApi(nodeSessionDeps(o.backend))));
  const api = worker.remote;
  try {
    const opened = await api.open(o.settings, o.learnerDoc);
    if (!opened.ok) throw new Error(`session: ${opened.message}`);
    await api.setView({ layer: 0, vector: 'c', j: 0 });
    const samples: MemorySample[] = [];
    const record = async (at: number): Promise<void> => {
      const s = await sampleMemory(at);
      samples.push(s);
      o.onSample?.(s);
    };
    await record(0);
    let frames = 0;
    let seen = 0;
    while (seen < o.examples) {
      const target = Math.min(o.examples, (Math.floor(seen / o.every) + 1) * o.every);
      await api.play(Infinity);
      for (;;) {
        const f = await api.frame();
        frames++;
        if (f?.notice) throw new Error(`session: ${f.notice}`);
        if ((f?.examplesSeen ?? 0) >= target) break;
        await sleep(o.frameMs ?? 16);
      }
      await api.pause();
      seen = (await api.frame())?.examplesSeen ?? 0;
      await record(seen);
    }
    return { info: opened.info, samples, frames };
  } finally {
    worker.close();
  }
}
