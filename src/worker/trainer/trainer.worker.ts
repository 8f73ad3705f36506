// The trainer page's Web Worker: the trainer API (trainerApi.ts) on WebGPU, all engines on one
// device (the fast CPU engine only where WebGPU is absent, saying why; cpuChoice.ts), the built-in MNIST fetched and
// the user's files passed in, autosaves in IndexedDB (opened on first use; where it is refused, each
// autosave fails with that reason in the frame's notice), exposed with Comlink; frames transferred.
import * as Comlink from 'comlink';
import { createBrowserCpuEngine } from '../../cpu/browser';
import { openDataset } from '../../data/open';
import { loadShadersVite } from '../../gpu/shadersVite';
import { deferredStore, openIdbStore } from '../storage/keyValueStore';
import { createTrainerApi } from './trainerApi';
import { chooseTrainerEngine } from './trainerEngine';
import { fastCpu } from '../shared/cpuChoice';
import { sharedGpu } from '../shared/sharedGpu';
import { transferringTrainerApi } from './trainerExpose';

const gpu = 'gpu' in navigator && navigator.gpu ? navigator.gpu : null;
const makeGpu = gpu ? sharedGpu(gpu, loadShadersVite()).make : null;

const makeCpu = fastCpu((spec) => createBrowserCpuEngine(spec));

const api = createTrainerApi({
  makeEngine: (spec) => chooseTrainerEngine(spec, makeGpu, makeCpu),
  openData: (dataset, request) => openDataset(dataset, request),
  store: deferredStore(() => openIdbStore()),
});

Comlink.expose(transferringTrainerApi(api));
