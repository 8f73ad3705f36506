// Vitest global setup: builds the fast CPU engine's kernel (src/cpu/build/*.wasm) when it is missing
// or older than wasm/ and scripts/build-wasm.mjs, once before any test file runs.
import { buildWasm } from '../../scripts/build-wasm.mjs';

export default async function setup(): Promise<void> {
  if (await buildWasm({ ifStale: true })) console.info('fast CPU engine: kernel rebuilt into src/cpu/build/');
}
