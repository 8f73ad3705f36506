// Requests too large for the browser are refused at once, before the worker builds anything
// (issue 10, defect 5): the studio's in-range link ?S=256&resize=100 (6.1 GiB of VSML state), a
// learner file with hiddenSizes 4096 x 4, and in the trainer a config with hiddenSizes [4096] on
// MNIST, refused beside its field by check(). Each message names the setting or field, the product
// that makes it large and the limit (a quarter of navigator.deviceMemory, else 2 GiB). A refusal
// needs no training, so this is quick; every read after an action polls.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { waitForExamples } from './fixtures/studio';
import { TrainerPage } from './fixtures/trainer';

const MNIST_LEARNER = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../public/learners/vsml-mnist.learner.json'), 'utf8'),
);
/** "over the 2.0 GiB limit (a quarter of this device's 8.0 GiB)" or the 2 GiB fallback: the browser's own. */
const LIMIT =
  /over the [\d.]+ GiB limit \((a quarter of this device's [\d.]+ GiB|2\.0 GiB: the browser does not tell its memory)\) by [\d.]+ GiB/;

test.describe('memory limits in the browser', () => {
  test('the studio refuses ?S=256&resize=100 naming S and resize, and a learner of 4096 x 4 hidden layers naming config.hiddenSizes', async ({
    page,
  }) => {
    await page.goto('/?S=256&resize=100');
    const banner = page.getByTestId('error-message');
    await expect(banner).toContainText(
      'S and resize: VSML state h and c needs 2 copies x 256 runs x 100000 cells x 32 floats x 4 bytes = 6.1 GiB',
    );
    await expect(banner).toHaveText(LIMIT);
    console.log(`refused: ${await banner.textContent()}`);

    await page.goto('/?S=2');
    await waitForExamples(page, 3);
    const deep = { ...MNIST_LEARNER, config: { ...MNIST_LEARNER.config, hiddenSizes: [4096, 4096, 4096, 4096] } };
    await page.getByTestId('learner-file').setInputFiles({
      name: 'deep.learner.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(deep)),
    });
    await expect(banner).toContainText(
      'config.hiddenSizes: VSML state h and c needs 2 copies x 2 runs x 53583872 cells x 32 floats x 4 bytes = 25.6 GiB',
    );
    console.log(`refused: ${await banner.textContent()}`);
    // The running session goes on.
    await waitForExamples(page, 6);
  });

  test('the trainer refuses hiddenSizes [4096] on MNIST beside model.hiddenSizes before Start', async ({ page }) => {
    const trainer = new TrainerPage(page);
    await trainer.goto();
    const doc = JSON.parse(await page.getByTestId('config-json').inputValue());
    doc.model.hiddenSizes = [4096];
    doc.tasks.resize = [null];
    doc.init = null; // the shipped learner is for the default model
    await page.getByText('config JSON (vsml-meta-config)').click();
    await page.getByTestId('config-json').fill(JSON.stringify(doc, null, 2));
    const error = page.getByTestId('field-error-json');
    await expect(error).toHaveAttribute('data-field', 'model.hiddenSizes');
    await expect(error).toContainText('model.hiddenSizes: ');
    await expect(error).toContainText('cells x 32 floats x 4 bytes');
    await expect(error).toHaveText(LIMIT);
    await expect(page.getByTestId('start')).toBeDisabled();
    console.log(`refused: ${await error.textContent()}`);
  });
});
