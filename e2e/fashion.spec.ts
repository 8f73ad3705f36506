// MNIST to Fashion-MNIST with no files (production build, SwiftShader WebGPU): the preset link runs
// the 2,000 built-in Fashion-MNIST test images served from the build's data/ folder, names the task
// fashion-mnist/test and keeps learning; nothing asks the user for files. The full IDX pair from disk
// still replaces it: one file waits for its partner, both run.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { examplesSeen, waitForExamples } from './fixtures/studio';

test('MNIST to Fashion-MNIST: /?data=fashion-mnist runs the built-in subset with no files', async ({ page }, info) => {
  const start = Date.now();
  await page.goto('/?data=fashion-mnist');
  await expect(page.getByTestId('preset-mnist-to-fashion')).toHaveClass(/active/);
  await expect(page.getByText('fashion-mnist/test', { exact: true })).toBeVisible({ timeout: 60_000 });
  const first = await waitForExamples(page, 1);
  console.log(`first example after ${((Date.now() - start) / 1000).toFixed(1)} s (${first} seen)`);
  await expect(page.getByTestId('output-probabilities')).toContainText('Ankle boot');
  await expect(page.getByTestId('notice')).toHaveCount(0);
  await expect(page.getByTestId('error-message')).toHaveCount(0);
  // Still learning: the count climbs past where it was.
  const seen = await examplesSeen(page);
  await waitForExamples(page, seen + 5);
  await page.screenshot({ path: info.outputPath('fashion-builtin.png'), fullPage: true });
});

const T10K = resolve(import.meta.dirname, '../../shared/data/fashion-mnist');

test('MNIST to Fashion-MNIST: the full IDX pair loaded from disk replaces the built-in subset (images waits for labels)', async ({
  page,
}) => {
  test.skip(!existsSync(T10K), `${T10K} is absent (CI has it)`);
  await page.goto('/?data=fashion-mnist');
  await waitForExamples(page, 1);
  await page.getByTestId('data-file-images').setInputFiles(resolve(T10K, 't10k-images-idx3-ubyte.gz'));
  await expect(page.getByTestId('notice')).toContainText('load its labels file');
  await page.getByTestId('data-file-labels').setInputFiles(resolve(T10K, 't10k-labels-idx1-ubyte.gz'));
  await expect(page.getByTestId('notice')).toHaveCount(0, { timeout: 60_000 });
  await expect(page.locator('#data-panel').getByText('t10k-labels-idx1-ubyte.gz')).toBeVisible();
  await expect(page.getByTestId('error-message')).toHaveCount(0);
  const seen = await waitForExamples(page, 1);
  await waitForExamples(page, seen + 5);
  await expect(page.getByTestId('output-probabilities')).toContainText('Ankle boot');
});
