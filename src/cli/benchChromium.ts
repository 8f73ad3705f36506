// Headless Debian Chromium for `npm run bench`: starts a Vite dev server and bench.html?drive=1 (WebGPU
// flags of playwright.config.ts), and returns one participant per page backend whose engine lives in
// the page's bench worker, so the Node driver interleaves them with the Node engines and numpy.
import { chromium, type Browser, type Page } from '@playwright/test';
import { createServer, type ViteDevServer } from 'vite';
import { CHROMIUM_WEBGPU_ARGS } from '../../playwright.config';
import type { BenchCase } from '../worker/tools/bench';
import { remoteParticipant, type BenchEngineApi, type PageBackend } from '../worker/tools/benchParticipant';
import type { BenchParticipant } from '../worker/tools/benchSchedule';

export interface ChromiumBench {
  participants(backends: readonly PageBackend[], blockSize: number): BenchParticipant[];
  close(): Promise<void>;
}

/** The page's worker API, called through page.evaluate. */
function pageApi(page: Page): BenchEngineApi {
  return {
    prepare: (backend, c: BenchCase, blockSize) =>
      page.evaluate(([b, cc, bs]) => (window.vsmlBenchControl as unknown as BenchEngineApi).prepare(b, cc, bs), [
        backend,
        c,
        blockSize,
      ] as const),
    measure: (backend, s) =>
      page.evaluate(([b, ss]) => (window.vsmlBenchControl as unknown as BenchEngineApi).measure(b, ss), [
        backend,
        s,
      ] as const),
    release: (backend) =>
      page.evaluate((b) => (window.vsmlBenchControl as unknown as BenchEngineApi).release(b), backend),
  };
}

export async function openChromiumBench(log: (line: string) => void): Promise<ChromiumBench> {
  // 'bundle' loads vite.config.ts through esbuild, as `vite` does, not through the tsx loader.
  const server: ViteDevServer = await createServer({
    configLoader: 'bundle',
    logLevel: 'warn',
    server: { host: '127.0.0.1', port: 0 },
  });
  let browser: Browser | null = null;
  try {
    await server.listen();
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error('bench: the Vite server did not start');
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_WEBGPU_ARGS });
    const page = await browser.newPage();
    page.on('console', (m) => log(`chromium: ${m.text()}`));
    await page.goto(`${url}bench.html?drive=1`);
    await page.waitForFunction(() => window.vsmlBenchControl !== undefined, undefined, { timeout: 120_000 });
    const api = pageApi(page);
    const b = browser;
    return {
      participants: (backends, blockSize) => backends.map((x) => remoteParticipant('chromium', x, api, blockSize)),
      close: async () => {
        await b.close();
        await server.close();
      },
    };
  } catch (e) {
    await browser?.close();
    await server.close();
    throw e;
  }
}
