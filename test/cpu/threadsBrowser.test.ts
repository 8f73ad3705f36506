// threadsBrowser over fake Workers (a MessageChannel whose far port runs serveWasmThread, the code of
// wasmThread.worker.ts): calls run on the shared memory, a thread's error rejects the call with its
// message, a Worker that fails to start rejects the start; threadsBlocker and the default count.
import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import {
  threadsBlocker,
  workerThreads,
  defaultBrowserThreads,
  BROWSER_MAX_THREADS,
  type WorkerLike,
} from '../../src/cpu/threadsBrowser';
import { serveWasmThread } from '../../src/cpu/threadServe';
import type { FromThread } from '../../src/cpu/threadPool';
import { fixtureProgram } from './threadsFixture';

/** A Worker whose thread is serveWasmThread on the other end of a MessageChannel (same Node thread). */
function fakeWorker(): WorkerLike & { terminated: boolean } {
  const { port1, port2 } = new MessageChannel();
  const serve = serveWasmThread((a) => port2.postMessage(a));
  port2.on('message', serve);
  const w = {
    terminated: false,
    onmessage: null as ((e: MessageEvent<FromThread>) => void) | null,
    onerror: null as ((e: Event) => void) | null,
    onmessageerror: null as ((e: MessageEvent) => void) | null,
    postMessage: (m: unknown) => port1.postMessage(m),
    terminate: () => {
      w.terminated = true;
      port1.close();
    },
  };
  port1.on('message', (data: FromThread) => w.onmessage?.({ data } as MessageEvent<FromThread>));
  return w;
}

describe('workerThreads', () => {
  it("runs calls[k] on thread k on the shared memory, and a thread's error rejects with its message", async () => {
    const program = fixtureProgram();
    const workers: ReturnType<typeof fakeWorker>[] = [];
    const t = await workerThreads(() => {
      const w = fakeWorker();
      workers.push(w);
      return w;
    })(program, 2);
    await t.call([
      { name: 'fill', args: [0, 2, 5] },
      { name: 'fill', args: [8, 1, 9] },
    ]);
    expect(Array.from(new Int32Array(program.memory.buffer, 0, 4))).toEqual([5, 6, 9, 0]);
    await expect(
      t.call([
        { name: 'fill', args: [0, 1, 1] },
        { name: 'fail', args: [3] },
      ]),
    ).rejects.toThrow('fast CPU engine: wasm abort at line 3:7');
    t.dispose();
    expect(workers.map((w) => w.terminated)).toEqual([true, true]);
  });

  it('rejects the start when a Worker fails to load, naming the thread', async () => {
    const broken = (): WorkerLike => {
      const w: WorkerLike = {
        onmessage: null,
        onerror: null,
        onmessageerror: null,
        postMessage: () => queueMicrotask(() => w.onerror?.({ message: '' } as unknown as Event)),
        terminate: () => {},
      };
      return w;
    };
    await expect(workerThreads(broken)(fixtureProgram(), 2)).rejects.toThrow(
      'fast CPU engine threads: thread 0 failed: the Worker could not start (its script did not load)',
    );
  });
});

describe('threadsBlocker', () => {
  it('says the page is not cross-origin isolated unless it is', () => {
    expect(threadsBlocker({ crossOriginIsolated: false })).toBe('the page is not cross-origin isolated');
    expect(threadsBlocker({})).toBe('the page is not cross-origin isolated');
  });
});

describe('defaultBrowserThreads', () => {
  it('is hardwareConcurrency capped at BROWSER_MAX_THREADS, 1 where unknown', () => {
    expect([2, 8, 64].map((n) => defaultBrowserThreads(n))).toEqual([2, 8, BROWSER_MAX_THREADS]);
    expect([undefined, 0].map((n) => defaultBrowserThreads(n))).toEqual([1, 1]);
  });
});
