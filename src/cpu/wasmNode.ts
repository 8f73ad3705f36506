// Node (CLI, tests, bench): the fast CPU engine's compiled kernel, read from src/cpu/build/
// (npm run build:wasm writes it), the relaxed-SIMD build where this Node validates it.
import { readFile } from 'node:fs/promises';
import { pickVariant, variantFile, type WasmVariant } from './wasmVariants';

export const WASM_BUILD_DIR = new URL('./build/', import.meta.url);

/** Compile one build (default: the best for this runtime, with shared memory). */
export async function loadWasmNode(variant: Partial<WasmVariant> = {}): Promise<WebAssembly.Module> {
  const best = pickVariant({ shared: true });
  const v: WasmVariant = { relaxed: variant.relaxed ?? best.relaxed, shared: variant.shared ?? best.shared };
  const url = new URL(variantFile(v), WASM_BUILD_DIR);
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = new Uint8Array(await readFile(url));
  } catch (e) {
    throw new Error(`fast CPU engine: cannot read ${url.pathname} (run npm run build:wasm): ${(e as Error).message}`);
  }
  return WebAssembly.compile(bytes);
}
