// What the fast CPU engine needs from threads, whatever runs them (this thread, Node worker_threads,
// browser Workers): a compiled WebAssembly module and the one memory every thread shares, and a way
// to call one exported function per thread and wait for all of them. Types and the import object only.

/**
 * One call of an exported function: `instance.exports[name](...args)`. Arguments are plain numbers (byte offsets,
 * counts).
 */
export interface WasmCall {
  readonly name: string;
  readonly args: readonly number[];
}

/** A compiled module and the memory it imports (`env.memory`; shared when more than one thread uses it). */
export interface WasmProgram {
  readonly module: WebAssembly.Module;
  readonly memory: WebAssembly.Memory;
}

export interface WasmThreads {
  /** Threads that compute at once (1: the calls run in this thread). */
  readonly size: number;
  /**
   * calls[k] runs on thread k (calls.length <= size); resolves when every call has returned, rejects with the first
   * error.
   */
  call(calls: readonly WasmCall[]): Promise<void>;
  dispose(): void;
}

/** Starts `threads` threads running `program` (or fewer, down to 1, where threads are not available). */
export type ThreadsFactory = (program: WasmProgram, threads: number) => Promise<WasmThreads>;

/** The import object of the engine's module: its memory, and AssemblyScript's abort as a thrown error. */
export const wasmImports = (memory: WebAssembly.Memory) => ({
  env: {
    memory,
    abort: (_message: number, _file: number, line: number, column: number): never => {
      throw new Error(`fast CPU engine: wasm abort at line ${line}:${column}`);
    },
  },
});
