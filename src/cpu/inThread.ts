// The fast CPU engine's kernel run in this thread: a WasmThreads of size 1 (no workers, no
// SharedArrayBuffer needed). Calls run one after another.
import { wasmImports, type ThreadsFactory, type WasmCall, type WasmThreads } from './threadsContract';

type Exports = Record<string, (...args: number[]) => unknown>;

export const inThread: ThreadsFactory = async (program): Promise<WasmThreads> => {
  const instance = await WebAssembly.instantiate(program.module, wasmImports(program.memory));
  const exports = instance.exports as unknown as Exports;
  let disposed = false;
  return {
    size: 1,
    async call(calls: readonly WasmCall[]): Promise<void> {
      if (disposed) throw new Error('fast CPU engine: threads disposed');
      for (const c of calls) {
        const f = exports[c.name];
        if (typeof f !== 'function') throw new Error(`fast CPU engine: the module exports no function ${c.name}`);
        f(...c.args);
      }
    },
    dispose(): void {
      disposed = true;
    },
  };
};
