// explainNext, peek, teach and reproduce over Comlink (an in-process MessageChannel): the explanation
// and predictions arrive with their buffers transferred (the sender keeps none), the same numbers.
import * as Comlink from 'comlink';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { explanationBuffers, transferringApi } from '../../src/worker/session/sessionExpose';
import type { SessionApi } from '../../src/worker/session/sessionApi';
import { cpuApi, settings, tinyLearnerDoc } from './helpers';

// @ts-expect-error -- comlink ships node-adapter.d.ts beside the .mjs, but exports no subpath types for it
const { default: nodeEndpoint } = (await import('comlink/dist/esm/node-adapter.mjs')) as {
  default: (p: unknown) => Comlink.Endpoint;
};

const drawing = { width: 28, height: 28, pixels: new Uint8ClampedArray(784).map((_, k) => (k % 28 === 14 ? 255 : 0)) };

/** A CPU session behind transferringApi over a MessageChannel; `sent` collects the buffers of every explanation it sends. */
function spiedRemote(): { remote: Comlink.Remote<SessionApi>; sent: ArrayBuffer[]; port2: MessagePort } {
  const inner = cpuApi();
  const sent: ArrayBuffer[] = [];
  const spy: SessionApi = {
    ...inner,
    explainNext: async () => {
      const r = await inner.explainNext();
      if (r.ok) sent.push(...explanationBuffers(r.explanation));
      return r;
    },
  };
  const { port1, port2 } = new MessageChannel();
  Comlink.expose(transferringApi(spy), nodeEndpoint(port1));
  return { remote: Comlink.wrap<SessionApi>(nodeEndpoint(port2)), sent, port2 };
}

describe('transferringApi: explain and the drawing pad over Comlink', () => {
  it('an explanation arrives whole (2 layers, 1 micro-tick) with its buffers transferred; peek, teach and reproduce answer', async () => {
    const { remote, sent, port2 } = spiedRemote();
    expect((await remote.open(settings, tinyLearnerDoc())).ok).toBe(true);
    await remote.step(3);
    const r = await remote.explainNext();
    if (!r.ok) throw new Error(r.message);
    expect([r.explanation.example, r.agreement, r.traceIndex]).toEqual([3, 0, 3]);
    expect(r.explanation.layers[1].gates).toHaveLength(1 * 3 * 10 * 4 * 4);
    // input, messages, y, probabilities, error, nextBwdIn x 2; per layer fwdIn, bwdIn, before h and c, one tick's h and c, gates, fwdOut, bwdOut
    expect(sent).toHaveLength(7 + 2 * 9);
    expect(sent.every((b) => b.byteLength === 0)).toBe(true);
    const peek = await remote.peek(drawing);
    const taught = await remote.teach(drawing, 1);
    expect(peek.ok && taught.ok && Array.from(taught.probabilities)).toEqual(
      peek.ok ? Array.from(peek.probabilities) : null,
    );
    const docs = await remote.reproduce();
    expect(docs.ok && [docs.examples, docs.taught]).toEqual([5, 1]);
    port2.close();
  });

  it('with backwardPass the reverse tick arrives too (2 more layers of 9 buffers, all transferred), with agreement 0', async () => {
    const { remote, sent, port2 } = spiedRemote();
    const doc = tinyLearnerDoc();
    (doc.config as Record<string, unknown>).backwardPass = true;
    expect((await remote.open(settings, doc)).ok).toBe(true);
    await remote.step(3);
    const r = await remote.explainNext();
    if (!r.ok) throw new Error(r.message);
    expect([r.explanation.example, r.agreement, r.explanation.reverseTick?.length]).toEqual([3, 0, 2]);
    expect(r.explanation.reverseTick?.[1].gates).toHaveLength(1 * 3 * 10 * 4 * 4);
    expect(sent).toHaveLength(7 + 4 * 9);
    expect(sent.every((b) => b.byteLength === 0)).toBe(true);
    port2.close();
  });
});
