// Threads for the fast CPU engine in Node: worker_threads, each instantiating the engine's module on
// its one shared memory and answering call messages (threadPool.ts). The thread's program is the
// plain-JavaScript script below, not a TypeScript file booted through tsx's loader: two such threads
// started in 60 ms against 330 ms through tsx (2-core development machine), and it runs the same from a build. It
// mirrors wasmThread.worker.ts
// (the browser's) and threadsContract.ts's `wasmImports`; test/cpu/threadsNode.test.ts checks that an
// abort reads the same in a thread as in this one.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { startPool, threadCount, threadLink, type FromThread, type ThreadLink, type ToThread } from './threadPool';
import type { ThreadsFactory, WasmProgram, WasmThreads } from './threadsContract';

const LABEL = 'fast CPU engine threads';

const THREAD_SCRIPT = `
const { parentPort } = require('node:worker_threads');
let instance = null;
const text = (e) => (e instanceof Error ? e.message : String(e));
parentPort.on('message', (m) => {
  try {
    if (m.type === 'init') {
      const imports = { env: { memory: m.memory, abort: (_m, _f, line, column) => { throw new Error('fast CPU engine: wasm abort at line ' + line + ':' + column); } } };
      instance = new WebAssembly.Instance(m.module, imports);
    } else {
      const f = instance === null ? undefined : instance.exports[m.name];
      if (typeof f !== 'function') throw new Error('fast CPU engine: the module exports no function ' + m.name);
      f(...m.args);
    }
    parentPort.postMessage({ type: 'done' });
  } catch (e) {
    parentPort.postMessage({ type: 'error', message: text(e) });
  }
});
`;

/** VSML_THREADS when set, else the cores available. */
export function defaultNodeThreads(): number {
  const env = process.env.VSML_THREADS;
  return env === undefined || env === '' ? availableParallelism() : threadCount(Number(env), 'VSML_THREADS');
}

function startThread(k: number): ThreadLink {
  const worker = new Worker(THREAD_SCRIPT, { eval: true, name: `vsml-cpu-${k}` });
  worker.unref();
  const port = {
    post: (m: ToThread) => worker.postMessage(m),
    terminate: () => void worker.terminate(),
    busy: (b: boolean) => (b ? worker.ref() : worker.unref()),
  };
  return threadLink(k, LABEL, port, (answer, die) => {
    worker.on('message', (a: FromThread) => answer(a));
    worker.on('error', (e) => die(`failed: ${e.message}`));
    worker.on('messageerror', (e) => die(`could not read a message: ${e.message}`));
    worker.on('exit', (code) => die(`exited (code ${code})`));
  });
}

/**
 * `threads` worker threads running `program` (its memory must be shared when threads > 1). An idle
 * thread does not keep the process alive; `dispose` terminates them.
 */
export const nodeThreads: ThreadsFactory = async (program: WasmProgram, threads: number): Promise<WasmThreads> => {
  const n = threadCount(threads, LABEL);
  return startPool(
    program,
    Array.from({ length: n }, (_, k) => startThread(k)),
    LABEL,
  );
};
