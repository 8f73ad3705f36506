// The session API as Comlink exposes it: frames and exported curves go out with their typed arrays
// transferred, not copied. Shared by the browser worker (session.worker.ts) and the Node test over a
// MessageChannel.
import * as Comlink from 'comlink';
import type { AccuracyExport, Frame, PeekReply, SessionApi } from './contract';
import type { Explanation } from '../../model/explainTypes';

/** Every buffer a frame holds (each array is the frame's own, so handing them over loses nothing). */
export function frameBuffers(f: Frame): ArrayBuffer[] {
  const arrays: ArrayBufferView[] = [f.input, f.probabilities, f.recentProbabilities, f.recentLabels, f.recentMarks];
  for (const c of Object.values(f.accuracy)) arrays.push(c.x, c.mean, c.std);
  if (f.heatmap) arrays.push(f.heatmap.values);
  return arrays.map((a) => a.buffer as ArrayBuffer);
}

/** Every buffer of an export (each curve is a fresh copy). */
export function curvesBuffers(c: AccuracyExport): ArrayBuffer[] {
  return Object.values(c.learners).flatMap((l) => [l.mean.buffer as ArrayBuffer, l.std.buffer as ArrayBuffer]);
}

/** Every buffer of an explanation (each array is its own; a set, since a buffer may be listed once only). */
export function explanationBuffers(e: Explanation): ArrayBuffer[] {
  const arrays: ArrayBufferView[] = [e.input, e.messages, e.y, e.probabilities, e.error, ...e.nextBwdIn];
  for (const l of [...e.layers, ...(e.reverseTick ?? [])])
    arrays.push(
      l.fwdIn,
      l.bwdIn,
      l.before.h,
      l.before.c,
      ...l.ticks.flatMap((t) => [t.h, t.c]),
      l.gates,
      l.fwdOut,
      l.bwdOut,
    );
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}

const predictionBuffers = (r: PeekReply): ArrayBuffer[] =>
  r.ok ? [...new Set([r.input.buffer as ArrayBuffer, r.probabilities.buffer as ArrayBuffer])] : [];

export function transferringApi(api: SessionApi): SessionApi {
  return {
    open: (settings, doc, files, learned) => api.open(settings, doc, files, learned),
    restart: (seed) => api.restart(seed),
    play: (examplesPerSecond) => api.play(examplesPerSecond),
    pause: () => api.pause(),
    step: (steps) => api.step(steps),
    setView: (view) => api.setView(view),
    setStrip: (learner) => api.setStrip(learner),
    async frame() {
      const f = await api.frame();
      return f ? Comlink.transfer(f, frameBuffers(f)) : null;
    },
    curves() {
      const c = api.curves();
      return c ? Comlink.transfer(c, curvesBuffers(c)) : null;
    },
    info: () => api.info(),
    async explainNext() {
      const r = await api.explainNext();
      return r.ok ? Comlink.transfer(r, explanationBuffers(r.explanation)) : r;
    },
    peek: async (drawing) => {
      const r = await api.peek(drawing);
      return Comlink.transfer(r, predictionBuffers(r));
    },
    teach: async (drawing, label) => {
      const r = await api.teach(drawing, label);
      return Comlink.transfer(r, predictionBuffers(r));
    },
    reproduce: () => api.reproduce(),
    trainedLearner: () => api.trainedLearner(),
  };
}
