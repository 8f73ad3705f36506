// A tiny hand-assembled WebAssembly module for the thread tests, shaped like the fast CPU engine's:
// it imports a shared `env.memory` (one page) and AssemblyScript's `env.abort`, allocates nothing,
// and exports `fill(offset, count, value)` (writes the i32s value, value + 1, ... at offset) and
// `fail(line)` (calls abort(0, 0, line, 7)). Built here so the thread tests do not need the engine.
import type { WasmProgram } from '../../src/cpu/threadsContract';

const I32 = 0x7f;
const str = (s: string): number[] => [s.length, ...[...s].map((c) => c.charCodeAt(0))];
const sized = (bytes: number[]): number[] => {
  if (bytes.length > 127) throw new Error('threadsFixture: a section over 127 bytes needs a longer size');
  return [bytes.length, ...bytes];
};
const section = (id: number, bytes: number[]): number[] => [id, ...sized(bytes)];
const funcType = (params: number): number[] => [0x60, params, ...Array<number>(params).fill(I32), 0];

// prettier-ignore
const fillBody = [
  1, 1, I32, // one i32 local: i (index 3)
  0x02, 0x40, 0x03, 0x40, // block, loop
  0x20, 3, 0x20, 1, 0x4f, 0x0d, 1, // if i >= count: break
  0x20, 0, 0x20, 3, 0x41, 2, 0x74, 0x6a, // offset + (i << 2)
  0x20, 2, 0x20, 3, 0x6a, // value + i
  0x36, 2, 0, // i32.store
  0x20, 3, 0x41, 1, 0x6a, 0x21, 3, // i += 1
  0x0c, 0, 0x0b, 0x0b, 0x0b, // continue; end loop, block, function
];
const failBody = [0, 0x41, 0, 0x41, 0, 0x20, 0, 0x41, 7, 0x10, 0, 0x0b];

export const FIXTURE_BYTES = new Uint8Array([
  0x00,
  0x61,
  0x73,
  0x6d,
  1,
  0,
  0,
  0,
  ...section(1, [3, ...funcType(4), ...funcType(3), ...funcType(1)]),
  ...section(2, [2, ...str('env'), ...str('memory'), 2, 3, 1, 1, ...str('env'), ...str('abort'), 0, 0]),
  ...section(3, [2, 1, 2]),
  ...section(7, [2, ...str('fill'), 0, 1, ...str('fail'), 0, 2]),
  ...section(10, [2, ...sized(fillBody), ...sized(failBody)]),
]);

/** The fixture module on a fresh shared memory of one page. */
export function fixtureProgram(): WasmProgram {
  return {
    module: new WebAssembly.Module(FIXTURE_BYTES),
    memory: new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true }),
  };
}
