import { execFileSync } from 'node:child_process';
import { defineConfig } from '@playwright/test';
import { TOUR_SEEN_KEY } from './src/ui/tour/tourMemory';

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
  const script =
    "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})";
  return Number(execFileSync(process.execPath, ['-e', script]).toString().trim());
}

/** What listens on `port` (ss's process column), or null when nothing does; "unknown" without `ss`. */
function portHolder(port: number): string | null {
  const script = `const s=require('net').createServer();s.on('error',()=>process.exit(1));s.listen(${port},'127.0.0.1',()=>s.close())`;
  try {
    execFileSync(process.execPath, ['-e', script], { stdio: 'ignore' });
    return null;
  } catch {
    try {
      const line = execFileSync('ss', ['-Hltnp', `sport = :${port}`])
        .toString()
        .trim();
      return /users:\(\((.*)\)\)/.exec(line)?.[1] ?? (line || 'unknown');
    } catch {
      return 'unknown';
    }
  }
}

/**
 * VSML_E2E_PORT: the preview server's port (default: a free one); VSML_E2E_DIST: the build it serves.
 * A port given that another program holds stops the run here, naming the port and the program (the
 * workers, which load this file again while the server runs, skip the check: VSML_E2E_PORT_CHECKED).
 */
const given = process.env.VSML_E2E_PORT;
const port = Number((process.env.VSML_E2E_PORT ||= String(freePort())));
if (given && process.env.VSML_E2E_PORT_CHECKED !== given) {
  if (!/^[1-9]\d*$/.test(given) || port > 65535)
    throw new Error(`VSML_E2E_PORT: must be a port number in [1, 65535], got "${given}"`);
  const holder = portHolder(port);
  if (holder !== null)
    throw new Error(
      `VSML_E2E_PORT: port ${port} is already in use (by ${holder}); choose another or leave VSML_E2E_PORT unset for a free one`,
    );
}
process.env.VSML_E2E_PORT_CHECKED = String(port);
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
    // Every test opens the studio as a returning visitor: the guided tour (first visit only) stays out
    // of the way. e2e/tour.spec.ts starts from an empty storage state instead.
    storageState: { cookies: [], origins: [{ origin, localStorage: [{ name: TOUR_SEEN_KEY, value: '1' }] }] },
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
