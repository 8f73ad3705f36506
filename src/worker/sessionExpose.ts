// The session API as Comlink exposes it: frames go out with their typed arrays transferred, not
// copied. Shared by the browser worker (session.worker.ts) and the Node test over a MessageChannel.
import * as Comlink from 'comlink';
import type { Frame } from './session';
import type { SessionApi } from './sessionApi';

/** Every buffer a frame holds (each array is the frame's own, so handing them over loses nothing). */
export function frameBuffers(f: Frame): ArrayBuffer[] {
  const arrays: ArrayBufferView[] = [f.input, f.probabilities, f.recentProbabilities, f.recentLabels];
  for (const c of Object.values(f.accuracy)) arrays.push(c.mean, c.std);
  return arrays.map((a) => a.buffer as ArrayBuffer);
}

export function transferringApi(api: SessionApi): SessionApi {
  return {
    open: (settings, doc) => api.open(settings, doc),
    step: (steps) => api.step(steps),
    frame() {
      const f = api.frame();
      return f ? Comlink.transfer(f, frameBuffers(f)) : null;
    },
  };
}
