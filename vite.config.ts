import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// Two pages: the studio (index.html) and the in-browser benchmark (bench.html).
export default defineConfig({
  build: {
    target: 'es2022',
    rollupOptions: {
      input: {
        main: resolve(import.meta.dirname, 'index.html'),
        bench: resolve(import.meta.dirname, 'bench.html'),
      },
    },
  },
  worker: { format: 'es' },
  preview: { port: 4173, strictPort: true },
});
