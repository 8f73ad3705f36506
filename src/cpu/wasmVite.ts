// Browser (Vite): the fast CPU engine's compiled kernel, fetched from the build's asset URL and
// compiled while it streams. Relaxed SIMD where the browser validates it; shared memory (threads)
// only where the page is cross-origin isolated.
import plainUrl from './build/vsml_cpu.wasm?url';
import sharedUrl from './build/vsml_cpu.shared.wasm?url';
import relaxedUrl from './build/vsml_cpu.relaxed.wasm?url';
import relaxedSharedUrl from './build/vsml_cpu.relaxed.shared.wasm?url';
import { pickVariant, type WasmVariant } from './wasmVariants';

const URLS: Record<string, string> = {
  'false,false': plainUrl,
  'false,true': sharedUrl,
  'true,false': relaxedUrl,
  'true,true': relaxedSharedUrl,
};

export async function loadWasmVite(variant: Partial<WasmVariant> = {}): Promise<WebAssembly.Module> {
  const best = pickVariant();
  const v: WasmVariant = { relaxed: variant.relaxed ?? best.relaxed, shared: variant.shared ?? best.shared };
  const url = URLS[`${v.relaxed},${v.shared}`];
  const response = await fetch(url);
  if (!response.ok) throw new Error(`fast CPU engine: fetching ${url} failed: HTTP ${response.status}`);
  if (
    typeof WebAssembly.compileStreaming === 'function' &&
    response.headers.get('Content-Type')?.startsWith('application/wasm')
  ) {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}
