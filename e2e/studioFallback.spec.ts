// The studio in the same Chromium without any WebGPU flag: the session runs on the fast CPU engine
// (WebAssembly SIMD, on Worker threads: the preview server makes the page cross-origin isolated) in
// the worker, and a banner says so and why.
import { expect, test } from '@playwright/test';
import { CHROMIUM_NO_WEBGPU_ARGS } from '../playwright.config';
import { installFrameTimer, readFrameTimes } from './fixtures/frameTimer';
import { waitForExamples } from './fixtures/studio';

test.use({ launchOptions: { executablePath: '/usr/bin/chromium', args: CHROMIUM_NO_WEBGPU_ARGS } });

test('runs the same session on the CPU engine in the worker and says so', async ({ page }, info) => {
  await installFrameTimer(page);
  await page.goto('/?S=2');
  await expect(page.getByTestId('fallback-banner')).toContainText('fast CPU engine');
  await expect(page.getByTestId('backend-badge')).toHaveText(
    /^fast CPU engine \(WebAssembly SIMD[^,]*, \d+ threads?\)$/,
  );
  console.log(`engine: ${await page.getByTestId('backend-badge').textContent()}`);
  await waitForExamples(page, 30);
  const sum = Number(await page.getByTestId('output-probabilities').getAttribute('data-sum'));
  expect(Math.abs(sum - 1)).toBeLessThanOrEqual(1e-3);
  // Reported, not gated: on a loaded machine a short task can take over 50 ms.
  const times = await readFrameTimes(page, 5000);
  console.log(`main thread while running on the CPU engine: ${JSON.stringify(times)}`);
  info.annotations.push({ type: 'frame times on the CPU engine', description: JSON.stringify(times) });
  console.log(`fallback: ${await page.getByTestId('fallback-banner').textContent()}`);
  await page.screenshot({ path: info.outputPath('studio-cpu-fallback.png'), fullPage: true });
});
