// Cross-origin isolation for the fast CPU engine's threads (docs/DEPLOY.md): the preview server sends
// COOP same-origin and COEP require-corp with every page and script, the pages are isolated (the
// fast engine's thread Worker loads), and the engine check page checks the fast CPU engine, on
// threads, against the reference. e2e/studioFallback.spec.ts shows the studio on it without WebGPU.
import { expect, test } from '@playwright/test';

const HEADERS = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };

test('every page and script comes with COOP and COEP, and the page is cross-origin isolated', async ({
  page,
  request,
}) => {
  for (const path of ['/', '/trainer.html', '/check.html', '/bench.html', '/about.html']) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(200);
    expect(res.headers(), path).toMatchObject(HEADERS);
  }
  const scripts: string[] = [];
  page.on('response', (r) => {
    if (/\.(js|wasm)$/.test(r.url())) scripts.push(r.url());
  });
  // The engine check page starts the fast CPU engine on threads (the studio does where WebGPU is absent).
  await page.goto('/check.html');
  await expect(page.getByTestId('engine-check')).toHaveAttribute('data-cpu-max-abs-diff', /.+/, { timeout: 120_000 });
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  expect(scripts.some((u) => /wasmThread\.worker-[\w-]+\.js$/.test(u))).toBe(true);
  expect(scripts.some((u) => /vsml_cpu[\w.-]*\.wasm$/.test(u))).toBe(true);
  console.log(`scripts and kernels loaded: ${scripts.map((u) => u.replace(/^.*\//, '')).join(', ')}`);
  for (const url of scripts) expect((await request.get(url)).headers(), url).toMatchObject(HEADERS);
});

test('the engine check page checks the fast CPU engine against the reference', async ({ page }) => {
  await page.goto('/check.html');
  const check = page.getByTestId('engine-check');
  await expect(check).toHaveAttribute('data-cpu-max-abs-diff', /.+/, { timeout: 120_000 });
  const diff = Number(await check.getAttribute('data-cpu-max-abs-diff'));
  console.log(`engine check: ${(await check.textContent())?.replace(/\s+/g, ' ')}`);
  expect(diff).toBeLessThanOrEqual(1e-4);
  await expect(check).toContainText(/fast CPU engine \(WebAssembly SIMD[^,]*, \d+ threads\)/);
});
