// The thread side of the fast CPU engine's threads in a browser Worker (wasmThread.worker.ts): on
// 'init', instantiate the module on the shared memory with `wasmImports`; on 'call', run the export;
// answer each message with done or the error's message (threadPool.ts's protocol). Kept apart from
// the worker file so it can be tested over a MessageChannel in Node.
import { errorMessage } from '../model/result';
import type { FromThread, ToThread } from './threadPool';
import { wasmImports } from './threadsContract';

/** A message handler for one thread; `post` sends its answers back. */
export function serveWasmThread(post: (answer: FromThread) => void): (message: ToThread) => void {
  let instance: WebAssembly.Instance | null = null;
  return (m) => {
    try {
      if (m.type === 'init') {
        instance = new WebAssembly.Instance(m.module, wasmImports(m.memory));
      } else {
        const f = instance?.exports[m.name];
        if (typeof f !== 'function') throw new Error(`fast CPU engine: the module exports no function ${m.name}`);
        (f as (...args: number[]) => unknown)(...m.args);
      }
      post({ type: 'done' });
    } catch (e) {
      post({ type: 'error', message: errorMessage(e) });
    }
  };
}
