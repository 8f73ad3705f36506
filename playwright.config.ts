import { defineConfig } from '@playwright/test';

/** Debian's chromium with WebGPU on SwiftShader (a CPU Vulkan). Never a downloaded browser. */
export const CHROMIUM_WEBGPU_ARGS = [
  '--enable-unsafe-webgpu',
  '--enable-features=Vulkan',
  '--use-angle=swiftshader',
  '--use-webgpu-adapter=swiftshader',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/** The same browser with none of the WebGPU flags: the studio must fall back to its CPU engine. */
export const CHROMIUM_NO_WEBGPU_ARGS = CHROMIUM_WEBGPU_ARGS.filter((a) => !/webgpu|Vulkan|angle/i.test(a));

export default defineConfig({
  testDir: 'e2e',
  timeout: 180_000,
  expect: { timeout: 60_000 },
  workers: 1,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: 'http://127.0.0.1:4173',
    screenshot: 'on',
    launchOptions: { executablePath: '/usr/bin/chromium', args: CHROMIUM_WEBGPU_ARGS },
  },
  webServer: {
    command: 'npx vite preview --host 127.0.0.1 --port 4173 --strictPort',
    url: 'http://127.0.0.1:4173',
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
