// The trainer API as Comlink exposes it: frames go out with their typed arrays transferred, not
// copied (every array of a frame is its own). Shared by the browser worker (trainer.worker.ts) and the
// Node test over a MessageChannel.
import * as Comlink from 'comlink';
import type { TrainerApi, TrainerFrame } from './trainerApi';

/** Every buffer a frame holds. */
export function trainerFrameBuffers(f: TrainerFrame): ArrayBuffer[] {
  const arrays: ArrayBufferView[] = [f.losses, f.lossesSmoothed, f.rejectedSteps, f.populationLosses];
  for (const e of f.evaluations) for (const r of Object.values(e.results)) arrays.push(r.curve);
  return arrays.map((a) => a.buffer as ArrayBuffer);
}

export function transferringTrainerApi(api: TrainerApi): TrainerApi {
  return {
    presets: () => api.presets(),
    check: (doc) => api.check(doc),
    start: (doc, files) => api.start(doc, files),
    resume: (doc, files) => api.resume(doc, files),
    pause: () => api.pause(),
    play: () => api.play(),
    stop: () => api.stop(),
    async frame() {
      const f = await api.frame();
      return f ? Comlink.transfer(f, trainerFrameBuffers(f)) : null;
    },
    exportCheckpoint: () => api.exportCheckpoint(),
    exportLearner: () => api.exportLearner(),
    savedRun: () => api.savedRun(),
    discardSaved: () => api.discardSaved(),
    handoffLearner: () => api.handoffLearner(),
  };
}
