// Runs bench.html in headless Debian Chromium (WebGPU flags of playwright.config.ts) against a Vite
// dev server, and returns the rows the page measured.
import { chromium } from '@playwright/test';
import { createServer } from 'vite';
import { CHROMIUM_WEBGPU_ARGS } from '../../playwright.config';
import type { BenchRow } from '../worker/bench';

export async function chromiumBench(o: { runs: number[]; minSeconds: number; block: number }): Promise<BenchRow[]> {
  // 'bundle' loads vite.config.ts through esbuild, as `vite` does, not through the tsx loader.
  const server = await createServer({ configLoader: 'bundle', logLevel: 'warn', server: { host: '127.0.0.1', port: 0 } });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('bench: the Vite server did not start');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_WEBGPU_ARGS });
  try {
    const page = await browser.newPage();
    page.on('console', (m) => console.error(`chromium: ${m.text()}`));
    const q = `runs=${o.runs.join(',')}&minSeconds=${o.minSeconds}&blockSize=${o.block}`;
    await page.goto(`${url}bench.html?${q}`);
    const handle = await page.waitForFunction(() => window.vsmlBench, undefined, { timeout: 0, polling: 500 });
    const reply = (await handle.jsonValue())!;
    if (!reply.ok) throw new Error(`bench in chromium failed: ${reply.message}`);
    for (const r of reply.rows) console.error(`chromium ${r.backend} S=${r.runs}: ${r.cellTicksPerSecond.toExponential(3)} cell-ticks/s`);
    return reply.rows;
  } finally {
    await browser.close();
    await server.close();
  }
}
