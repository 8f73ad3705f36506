import { execFileSync } from 'node:child_process';
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

/**
 * A port nothing holds now, asked of the OS (listen on 0). Found once, in the runner's process, and
 * passed to its workers through the environment (they load this file again).
 */
function freePort(): number {
  const script = "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})";
  return Number(execFileSync(process.execPath, ['-e', script]).toString().trim());
}

/** VSML_E2E_PORT: the preview server's port (default: a free one); VSML_E2E_DIST: the build it serves. */
const port = Number((process.env.VSML_E2E_PORT ||= String(freePort())));
const dist = process.env.VSML_E2E_DIST ?? 'dist';
const origin = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: 'e2e',
  timeout: 180_000,
  expect: { timeout: 60_000 },
  workers: 1,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: origin,
    screenshot: 'on',
    launchOptions: { executablePath: '/usr/bin/chromium', args: CHROMIUM_WEBGPU_ARGS },
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort --outDir ${dist}`,
    url: origin,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
