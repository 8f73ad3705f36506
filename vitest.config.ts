import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The fast CPU engine's WebAssembly kernel, built when missing or stale.
    globalSetup: ['test/cpu/buildWasm.globalSetup.ts'],
    // WebGPU tests share one SwiftShader device per file; two cores here.
    fileParallelism: true,
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
