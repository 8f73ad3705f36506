// Threads for the fast CPU engine in a browser: module Workers (wasmThread.worker.ts) spawned from the
// session's or trainer's Worker, each sent the module and the shared memory. Shared memory needs a
// cross-origin isolated page (COOP same-origin + COEP require-corp, docs/DEPLOY.md); `threadsBlocker`
// says why threads cannot run where they cannot, and the engine then runs in one thread.
import { startPool, threadCount, threadLink, type FromThread, type ThreadLink, type ToThread } from './threadPool';
import type { ThreadsFactory, WasmProgram, WasmThreads } from './threadsContract';

const LABEL = 'fast CPU engine threads';

/** The most threads the browser path starts (hardwareConcurrency may be large; each thread is a Worker). */
export const BROWSER_MAX_THREADS = 8;

/** What threadsBrowser needs of a Worker (a real one, or a fake in tests). */
export interface WorkerLike {
  postMessage(message: ToThread): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<FromThread>) => void) | null;
  onerror: ((e: Event) => void) | null;
  onmessageerror: ((e: MessageEvent) => void) | null;
}

/** Why threads cannot run here (a sentence for the engine description), or null when they can. */
export function threadsBlocker(scope: { crossOriginIsolated?: boolean } = globalThis): string | null {
  if (typeof SharedArrayBuffer === 'undefined' || scope.crossOriginIsolated !== true)
    return 'the page is not cross-origin isolated';
  if (typeof Worker === 'undefined') return 'Workers cannot start Workers here';
  return null;
}

/** navigator.hardwareConcurrency, at most BROWSER_MAX_THREADS (1 where unknown). */
export function defaultBrowserThreads(n: number | undefined = globalThis.navigator?.hardwareConcurrency): number {
  return n !== undefined && Number.isInteger(n) && n > 0 ? Math.min(n, BROWSER_MAX_THREADS) : 1;
}

function link(worker: WorkerLike, k: number): ThreadLink {
  return threadLink(
    k,
    LABEL,
    { post: (m) => worker.postMessage(m), terminate: () => worker.terminate() },
    (answer, die) => {
      worker.onmessage = (e) => answer(e.data);
      worker.onerror = (e) =>
        die(`failed: ${(e as ErrorEvent).message || 'the Worker could not start (its script did not load)'}`);
      worker.onmessageerror = () => die('could not read a message');
    },
  );
}

/** A ThreadsFactory over Workers from `spawn` (thread k). */
export function workerThreads(spawn: (k: number) => WorkerLike): ThreadsFactory {
  return async (program: WasmProgram, threads: number): Promise<WasmThreads> => {
    const n = threadCount(threads, LABEL);
    return startPool(
      program,
      Array.from({ length: n }, (_, k) => link(spawn(k), k)),
      LABEL,
    );
  };
}

/** Module Workers running wasmThread.worker.ts (Vite bundles it as its own chunk). */
export const browserThreads: ThreadsFactory = workerThreads(
  (k) =>
    new Worker(new URL('./wasmThread.worker.ts', import.meta.url), {
      type: 'module',
      name: `vsml-cpu-${k}`,
    }) as unknown as WorkerLike,
);
