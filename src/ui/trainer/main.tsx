// The trainer page: starts the trainer worker, wires the controller to the page (animation frames,
// timers, downloads, navigation, the screen wake lock), mounts the UI and asks the worker for the
// presets and a saved run.
import * as Comlink from 'comlink';
import { createRoot } from 'react-dom/client';
import { downloadBlob } from '../charts/export';
import '../studio.css';
import './trainer.css';
import { TrainerContext } from './context';
import type { TrainerApi } from '../../worker/trainer/contract';
import { TrainerApp } from './TrainerApp';
import { TrainerController, type TrainerPort } from './trainerController';
import { trainerStore } from './trainerStore';
import { ScreenWakeLock, type WakeLockPort } from './wakeLock';

const worker = new Worker(new URL('../../worker/trainer/trainer.worker.ts', import.meta.url), { type: 'module' });
const api: TrainerPort = Comlink.wrap<TrainerApi>(worker);
const wakeLock = new ScreenWakeLock(
  'wakeLock' in navigator ? (navigator.wakeLock as unknown as WakeLockPort) : undefined,
  document,
  (state, message) =>
    trainerStore.getState().set({ wakeLock: state === 'refused' ? { state, message: message ?? '' } : { state } }),
);
const controller = new TrainerController(api, trainerStore, {
  requestFrame: (cb) => requestAnimationFrame(cb),
  setTimer: (cb, ms) => setTimeout(cb, ms),
  clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  download: downloadBlob,
  navigate: (url) => location.assign(url),
  wakeLock: (on) => wakeLock.want(on),
  async fetchAsset(path) {
    const res = await fetch(`${import.meta.env.BASE_URL}${path}`);
    return res.ok ? new Uint8Array(await res.arrayBuffer()) : null;
  },
});
createRoot(document.getElementById('root')!).render(
  <TrainerContext.Provider value={controller}>
    <TrainerApp />
  </TrainerContext.Provider>,
);
void controller.init();
