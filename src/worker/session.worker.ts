// The studio's Web Worker: the session API on WebGPU (falling back to the CPU reference, saying why;
// recreated on the CPU or a new device when the GPU device is lost), data from the built-in asset or
// the user's files, exposed with Comlink; frames and exported curves are transferred.
import * as Comlink from 'comlink';
import { createGpuEngine } from '../gpu/gpuEngine';
import { loadShadersVite } from '../gpu/shadersVite';
import { chooseEngine } from './engineChoice';
import { createSessionApi } from './sessionApi';
import { openSessionData } from './sessionData';
import { transferringApi } from './sessionExpose';

const gpu = 'gpu' in navigator && navigator.gpu ? navigator.gpu : null;

const api = createSessionApi({
  makeEngine: (spec) => chooseEngine(spec, gpu ? (s) => createGpuEngine(s, { gpu, shaders: loadShadersVite() }) : null),
  openData: (dataset, split, seed, files) => openSessionData(dataset, split, seed, files),
});

Comlink.expose(transferringApi(api));
