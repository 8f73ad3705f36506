// The session API as Comlink exposes it: frames and exported curves go out with their typed arrays
// transferred, not copied. Shared by the browser worker (session.worker.ts) and the Node test over a
// MessageChannel.
import * as Comlink from 'comlink';
import type { Frame } from './session';
import type { AccuracyExport, SessionApi } from './sessionApi';

/** Every buffer a frame holds (each array is the frame's own, so handing them over loses nothing). */
export function frameBuffers(f: Frame): ArrayBuffer[] {
  const arrays: ArrayBufferView[] = [f.input, f.probabilities, f.recentProbabilities, f.recentLabels];
  for (const c of Object.values(f.accuracy)) arrays.push(c.x, c.mean, c.std);
  if (f.heatmap) arrays.push(f.heatmap.values);
  return arrays.map((a) => a.buffer as ArrayBuffer);
}

/** Every buffer of an export (each curve is a fresh copy). */
export function curvesBuffers(c: AccuracyExport): ArrayBuffer[] {
  return Object.values(c.learners).flatMap((l) => [l.mean.buffer as ArrayBuffer, l.std.buffer as ArrayBuffer]);
}

export function transferringApi(api: SessionApi): SessionApi {
  return {
    open: (settings, doc, files) => api.open(settings, doc, files),
    restart: (seed) => api.restart(seed),
    play: (examplesPerSecond) => api.play(examplesPerSecond),
    pause: () => api.pause(),
    step: (steps) => api.step(steps),
    setView: (view) => api.setView(view),
    async frame() {
      const f = await api.frame();
      return f ? Comlink.transfer(f, frameBuffers(f)) : null;
    },
    curves() {
      const c = api.curves();
      return c ? Comlink.transfer(c, curvesBuffers(c)) : null;
    },
    info: () => api.info(),
  };
}
