// The main-thread side of the fast CPU engine's threads, whatever runs them (Node worker_threads or
// browser Workers): the messages a thread understands and answers, starting each thread on the
// program, and one call per thread awaited together. The thread side is wasmThread.worker.ts
// (browser) and the script in threadsNode.ts (Node); both answer the same messages.
import { errorMessage } from '../model/result';
import type { WasmCall, WasmProgram, WasmThreads } from './threadsContract';

/** To a thread: instantiate the module on the shared memory, or call one of its exports. */
export type ToThread =
  | { readonly type: 'init'; readonly module: WebAssembly.Module; readonly memory: WebAssembly.Memory }
  | { readonly type: 'call'; readonly name: string; readonly args: readonly number[] };

/** From a thread: the answer to its last message (init or call). */
export type FromThread = { readonly type: 'done' } | { readonly type: 'error'; readonly message: string };

/** One thread as the pool sees it: a way to send, and to stop it. Answers come through `ThreadLink.answer`. */
export interface ThreadPort {
  post(message: ToThread): void;
  terminate(): void;
  /** Node: keep the process alive while a call is in flight, not while the thread idles. */
  busy?(busy: boolean): void;
}

/** What a runtime adapter gives the pool for each thread it starts. */
export interface ThreadLink {
  readonly port: ThreadPort;
  /** Called by the adapter with each message of the thread, or with an error when the thread itself fails or exits. */
  onAnswer(handler: (answer: FromThread) => void): void;
}

/**
 * The ThreadLink of thread k over a runtime's worker; `wire` hooks the worker's events to `answer`
 * and `die`. The first `die(why)` answers one error naming the thread; after it, or after terminate,
 * a post throws.
 */
export function threadLink(
  k: number,
  label: string,
  worker: ThreadPort,
  wire: (answer: (a: FromThread) => void, die: (why: string) => void) => void,
): ThreadLink {
  let dead: string | null = null;
  let handler: (a: FromThread) => void = () => {};
  const die = (why: string) => {
    if (dead !== null) return;
    dead = why;
    handler({ type: 'error', message: `${label}: thread ${k} ${why}` });
  };
  wire((a) => handler(a), die);
  return {
    port: {
      post: (m) => {
        if (dead !== null) throw new Error(`thread ${k} ${dead}`);
        worker.post(m);
      },
      terminate: () => {
        dead ??= 'was terminated';
        worker.terminate();
      },
      ...(worker.busy ? { busy: worker.busy } : {}),
    },
    onAnswer: (h) => {
      handler = h;
    },
  };
}

/**
 * Threads on `links` (one per thread), each started on `program`. Resolves when every thread has
 * instantiated the module; rejects with the first thread's error (after terminating all of them).
 */
export async function startPool(
  program: WasmProgram,
  links: readonly ThreadLink[],
  label: string,
): Promise<WasmThreads> {
  const pending: (((a: FromThread) => void) | null)[] = links.map(() => null);
  links.forEach((l, k) =>
    l.onAnswer((a) => {
      const settle = pending[k];
      pending[k] = null;
      l.port.busy?.(false);
      settle?.(a);
    }),
  );
  let disposed = false;
  const ask = (k: number, m: ToThread): Promise<FromThread> =>
    new Promise((resolve) => {
      if (disposed) return resolve({ type: 'error', message: `${label}: the threads were disposed` });
      if (pending[k])
        return resolve({ type: 'error', message: `${label}: thread ${k} is still busy with an earlier call` });
      pending[k] = resolve;
      links[k].port.busy?.(true);
      try {
        links[k].port.post(m);
      } catch (e) {
        pending[k] = null;
        links[k].port.busy?.(false);
        resolve({ type: 'error', message: `${label}: could not send to thread ${k}: ${errorMessage(e)}` });
      }
    });
  // Every call is awaited before the first error is thrown, so no thread still writes the memory.
  const all = async (messages: readonly ToThread[]): Promise<void> => {
    const answers = await Promise.all(messages.map((m, k) => ask(k, m)));
    const bad = answers.find((a) => a.type === 'error');
    if (bad && bad.type === 'error') throw new Error(bad.message);
  };
  const dispose = () => {
    if (disposed) return;
    disposed = true;
    for (const [k, l] of links.entries()) {
      const settle = pending[k];
      pending[k] = null;
      l.port.busy?.(false);
      l.port.terminate();
      settle?.({ type: 'error', message: `${label}: the threads were disposed during a call` });
    }
  };
  try {
    await all(links.map(() => ({ type: 'init', module: program.module, memory: program.memory })));
  } catch (e) {
    dispose();
    throw e;
  }
  return {
    size: links.length,
    call(calls: readonly WasmCall[]): Promise<void> {
      if (calls.length > links.length)
        return Promise.reject(new Error(`${label}: ${calls.length} calls for ${links.length} threads`));
      return all(calls.map((c) => ({ type: 'call', name: c.name, args: [...c.args] })));
    },
    dispose,
  };
}

/** The thread count asked for, as a whole number in [1, cap]; `field` names where it came from in the message. */
export function threadCount(value: number, field: string, cap = Infinity): number {
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${field}: threads must be a positive integer, got ${value}`);
  return Math.min(value, cap);
}
