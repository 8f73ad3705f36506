// nodeThreads: worker_threads that instantiate one module on one shared memory and run one export
// each per call; errors come back as the call's rejection with the thread's message; dispose (or
// idling) lets the process exit. Uses the hand-assembled module of threadsFixture.ts.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { wasmImports, type WasmThreads } from '../../src/cpu/threadsContract';
import { defaultNodeThreads, nodeThreads } from '../../src/cpu/threadsNode';
import { fixtureProgram } from './threadsFixture';

let open: WasmThreads[] = [];
const start = async (threads: number) => {
  const program = fixtureProgram();
  const t = await nodeThreads(program, threads);
  open.push(t);
  return { program, t, ints: () => new Int32Array(program.memory.buffer) };
};
afterEach(() => {
  for (const t of open) t.dispose();
  open = [];
});

describe('nodeThreads', () => {
  it('runs calls[k] on thread k, all on the one shared memory', async () => {
    const { t, ints } = await start(3);
    expect(t.size).toBe(3);
    await t.call([
      { name: 'fill', args: [0, 3, 100] },
      { name: 'fill', args: [12, 2, 200] },
      { name: 'fill', args: [20, 1, 300] },
    ]);
    expect(Array.from(ints().subarray(0, 7))).toEqual([100, 101, 102, 200, 201, 300, 0]);
    // Fewer calls than threads, and again on the same threads.
    await t.call([{ name: 'fill', args: [0, 2, 7] }]);
    expect(Array.from(ints().subarray(0, 4))).toEqual([7, 8, 102, 200]);
  });

  it("rejects a call with the thread's own message, after every thread has answered", async () => {
    const { t, ints } = await start(2);
    await expect(
      t.call([
        { name: 'fill', args: [0, 4, 1] },
        { name: 'fail', args: [42] },
      ]),
    ).rejects.toThrow('fast CPU engine: wasm abort at line 42:7');
    expect(Array.from(ints().subarray(0, 4))).toEqual([1, 2, 3, 4]);
    await expect(t.call([{ name: 'nope', args: [] }])).rejects.toThrow(
      'fast CPU engine: the module exports no function nope',
    );
    // The threads still work after an error.
    await t.call([
      { name: 'fill', args: [0, 1, 9] },
      { name: 'fill', args: [4, 1, 9] },
    ]);
    expect(Array.from(ints().subarray(0, 2))).toEqual([9, 9]);
  });

  it('gives the same abort message in a thread as wasmImports gives in this one', async () => {
    const { program, t } = await start(1);
    const here = new WebAssembly.Instance(program.module, wasmImports(program.memory)).exports.fail as (
      line: number,
    ) => void;
    let inThread = '';
    try {
      here(5);
    } catch (e) {
      inThread = (e as Error).message;
    }
    await expect(t.call([{ name: 'fail', args: [5] }])).rejects.toThrow(inThread);
  });

  it('refuses more calls than threads, and calls after dispose, naming why', async () => {
    const { t } = await start(2);
    const fill = { name: 'fill', args: [0, 1, 1] };
    await expect(t.call([fill, fill, fill])).rejects.toThrow('fast CPU engine threads: 3 calls for 2 threads');
    t.dispose();
    await expect(t.call([fill])).rejects.toThrow('fast CPU engine threads: the threads were disposed');
  });

  it('rejects a thread count that is not a positive integer, naming it', async () => {
    await expect(nodeThreads(fixtureProgram(), 0)).rejects.toThrow(
      'fast CPU engine threads: threads must be a positive integer, got 0',
    );
  });

  it('defaultNodeThreads reads VSML_THREADS and rejects a bad one', () => {
    const old = process.env.VSML_THREADS;
    try {
      process.env.VSML_THREADS = '3';
      expect(defaultNodeThreads()).toBe(3);
      process.env.VSML_THREADS = 'two';
      expect(() => defaultNodeThreads()).toThrow('VSML_THREADS: threads must be a positive integer, got NaN');
    } finally {
      if (old === undefined) delete process.env.VSML_THREADS;
      else process.env.VSML_THREADS = old;
    }
  });

  it.each(['dispose', 'idle'])('lets the process exit after its calls (%s)', (mode) => {
    const script = fileURLToPath(new URL('./fixtures/threadsExit.ts', import.meta.url));
    const out = execFileSync(process.execPath, ['--import', 'tsx', script, mode], {
      timeout: 30_000,
      encoding: 'utf8',
    });
    expect(out.trim()).toBe('10 11 20 21');
  });
});
