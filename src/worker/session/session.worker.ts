// The studio's Web Worker: the session API on one shared WebGPU device (sharedGpu.ts: pipelines
// compile once per page), opened at once on the fast CPU engine (cpuChoice.ts: WebAssembly SIMD on
// nested Worker threads; the CPU reference where SIMD is missing) while that device and this grid's
// pipelines get ready and then moved onto WebGPU (engineChoice.ts, handover.ts); the CPU engine
// with the reason when WebGPU is absent or cannot run the grid; recreated on a new device when the
// device is lost. Data from the built-in assets or the user's files; the trainer's hand-off learner
// from IndexedDB; exposed with Comlink, frames and exported curves transferred.
import * as Comlink from 'comlink';
import { createBrowserCpuEngine } from '../../cpu/browser';
import { loadShadersVite } from '../../gpu/shadersVite';
import { fastCpu } from '../shared/cpuChoice';
import { chooseSessionEngine } from '../shared/engineChoice';
import { createSessionApi } from './sessionApi';
import { openSessionData } from './sessionData';
import { transferringApi } from './sessionExpose';
import { sharedGpu } from '../shared/sharedGpu';
import { openIdbStore } from '../storage/keyValueStore';
import { loadHandoffLearner } from '../storage/learnerHandoff';

const gpu = 'gpu' in navigator && navigator.gpu ? sharedGpu(navigator.gpu, loadShadersVite()) : null;

const cpu = fastCpu((spec) => createBrowserCpuEngine(spec));

const api = createSessionApi({
  makeEngine: (spec) => chooseSessionEngine(spec, gpu, cpu),
  openData: (dataset, split, seed, files) => openSessionData(dataset, split, seed, files),
  loadTrainedLearner: async () => loadHandoffLearner(await openIdbStore()),
});

Comlink.expose(transferringApi(api));
