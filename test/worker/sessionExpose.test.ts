// The API over Comlink (an in-process MessageChannel): frames and exported curves arrive with their
// buffers transferred, the sender keeping none; every method is reachable.
import * as Comlink from 'comlink';
import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { curvesBuffers, frameBuffers, transferringApi } from '../../src/worker/session/sessionExpose';
import type { AccuracyExport, Frame, SessionApi } from '../../src/worker/session/sessionApi';
import { cpuApi, settings, tinyLearnerDoc } from './helpers';

// @ts-expect-error -- comlink ships node-adapter.d.ts beside the .mjs, but exports no subpath types for it
const { default: nodeEndpoint } = (await import('comlink/dist/esm/node-adapter.mjs')) as {
  default: (p: unknown) => Comlink.Endpoint;
};

describe('transferringApi over Comlink (in-process MessageChannel)', () => {
  it('hands frames (with heatmap) and curves over with their buffers transferred: the same numbers arrive, the sender keeps none', async () => {
    const inner = cpuApi();
    const sent: ArrayBuffer[] = [];
    const spy: SessionApi = {
      ...inner,
      frame: async () => {
        const f = await inner.frame();
        if (f) sent.push(...frameBuffers(f));
        return f;
      },
      curves: () => {
        const c = inner.curves();
        if (c) sent.push(...curvesBuffers(c));
        return c;
      },
    };
    const { port1, port2 } = new MessageChannel();
    Comlink.expose(transferringApi(spy), nodeEndpoint(port1));
    const remote = Comlink.wrap<SessionApi>(nodeEndpoint(port2));
    expect((await remote.open(settings, tinyLearnerDoc())).ok).toBe(true);
    expect((await remote.info())?.taskName).toBe('mnist/test [7x7]');
    await remote.setView({ layer: 1, vector: 'h', j: 1 });
    await remote.step(6);
    const f = (await remote.frame()) as Frame;
    expect(f.examplesSeen).toBe(6);
    expect(Array.from(f.accuracy.vsml.x)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(f.heatmap?.values).toHaveLength(30);
    expect(Math.abs(Array.from(f.probabilities).reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-6);
    expect(sent).toHaveLength(5 + 2 * 3 + 1); // input, probabilities, recent x 3 (probabilities, labels, marks); x, mean, std of vsml and sgd; heatmap
    const c = (await remote.curves()) as AccuracyExport;
    expect(c.learners.sgd.mean).toHaveLength(6);
    expect(sent).toHaveLength(12 + 4);
    expect(sent.every((b) => b.byteLength === 0)).toBe(true); // detached: transferred, not copied
    await remote.play(Infinity);
    await remote.pause();
    expect((await remote.frame())?.playing).toBe(false);
    expect((await remote.restart(3)).ok).toBe(true);
    port1.close();
    port2.close();
  });
});
