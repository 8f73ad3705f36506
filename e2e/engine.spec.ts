import { expect, test } from '@playwright/test';
import { probeAdapter } from './fixtures/adapter';

test('a WebGPU adapter exists (the suite cannot pass on nothing)', async ({ page }) => {
  await page.goto('/bench.html?runs=1&backends=cpu&minSeconds=0');
  const probe = await probeAdapter(page);
  console.log('WebGPU adapter:', JSON.stringify(probe.info));
  expect(probe.available).toBe(true);
});

test('the engine check page runs the WGSL engine in a worker and matches the CPU reference', async ({ page }, info) => {
  await page.goto('/check.html');
  const check = page.getByTestId('engine-check');
  await expect(check).toHaveAttribute('data-max-abs-diff', /.+/, { timeout: 120_000 });
  const diff = Number(await check.getAttribute('data-max-abs-diff'));
  console.log(`engine check max |WebGPU - CPU| = ${diff}`);
  expect(diff).toBeLessThanOrEqual(1e-4);
  await expect(page.getByTestId('backend-badge')).toContainText(/SwiftShader|Google|Vulkan|NVIDIA|software/i);
  await page.screenshot({ path: info.outputPath('check-page.png'), fullPage: true });
});

test('the benchmark page measures the three engines in the worker, side by side, with the cost model', async ({
  page,
}, info) => {
  await page.goto('/bench.html?runs=1&minSeconds=0&blockSize=2');
  const out = page.getByTestId('bench-output');
  await expect(out).toContainText('executed FLOP per cell-tick', { timeout: 150_000 });
  await expect(out).toContainText(/S=1 shared V_M +chromium cpu +\d+\/\d+ +[\d.]+e\+\d+ .* [\d.]+x \(/);
  await expect(out).toContainText(/S=1 shared V_M +chromium webgpu +\d+\/\d+ +[\d.]+e\+\d+/);
  await expect(out).toContainText('reference-equation model (src/model/flops.ts');
  console.log(await out.textContent());
  await page.screenshot({ path: info.outputPath('bench-page.png'), fullPage: true });
});
