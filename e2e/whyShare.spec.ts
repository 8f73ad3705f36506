// "Why share variables?" (paper §4.4): the preset runs VSML and the shipped Meta RNN, both meta-trained
// on MNIST, on the built-in Fashion-MNIST subset; the chart shows the Meta RNN's line beside VSML's
// (no baselines), the strip can show the Meta RNN's probabilities, and a file of the wrong kind given
// as a learned learner is refused by file and field while the session goes on. axe-core on the page
// with the two lines (no serious or critical violation).
import AxeBuilder from '@axe-core/playwright';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { examplesSeen, waitForExamples } from './fixtures/studio';

test('Why share variables?: VSML and the Meta RNN on Fashion-MNIST, two lines, the strip of either, a wrong file refused', async ({
  page,
}, info) => {
  const start = Date.now();
  await page.goto('/');
  await waitForExamples(page, 1);
  await page.getByTestId('preset-why-share').click();
  await expect(page.getByTestId('preset-why-share')).toHaveClass(/active/);
  await expect(page).toHaveURL(/learned=meta-rnn-mnist/);
  await expect(page.getByTestId('preset-watch')).toContainText("Watch the Meta RNN's line beside VSML's");
  await expect(page.getByText('fashion-mnist/test', { exact: true })).toBeVisible();
  const chart = page.getByTestId('accuracy-chart');
  // The new session's lines: VSML's and the Meta RNN's, nothing else, once examples arrive.
  await expect(chart.locator('[data-direct-label="meta-rnn-mnist"]')).toHaveText('Meta RNN', { timeout: 120_000 });
  await expect(chart.locator('[data-direct-label]')).toHaveText(['VSML', 'Meta RNN']);
  console.log(`two lines after ${((Date.now() - start) / 1000).toFixed(1)} s (${await examplesSeen(page)} examples)`);
  const seen = await examplesSeen(page);
  await waitForExamples(page, seen + 3);
  await expect(page.getByTestId('accuracy-chart-summary')).toHaveText(/^VSML [01]\.\d\d after \d+ examples?/);

  // The strip shows the Meta RNN's probabilities when chosen.
  await page.getByTestId('strip-learner').selectOption('meta-rnn-mnist');
  await expect(page.locator('section[aria-label="introspection"] h2')).toHaveText(
    /^Output probabilities of Meta RNN over the last \d+ examples$/,
  );
  await expect(page.getByTestId('introspection-strip-summary')).toHaveText(
    /^Last (\d+ examples|example): \d+ correct$/,
  );

  const axe = await new AxeBuilder({ page }).analyze();
  for (const v of axe.violations)
    console.log(`  ${v.id} (${v.impact}): ${v.help}; ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  console.log(`axe on why-share: ${axe.violations.length} violations, ${axe.passes.length} rules passed`);
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  // A VSML learner given as a learned learner: refused by file and field, beside the panel; the session goes on.
  const vsmlFile = resolve(import.meta.dirname, '../public/learners/vsml-mnist.learner.json');
  if (await page.getByTestId('settings-toggle').isVisible()) await page.getByTestId('settings-toggle').click();
  await page.getByTestId('learned-file').setInputFiles(vsmlFile);
  await expect(page.getByTestId('refusal-learned')).toHaveText(
    /^learned: vsml-mnist\.learner\.json: format: expected one of "vsml-meta-rnn", .* got "vsml-learner" \(a VSML learner\)$/,
  );
  const after = await examplesSeen(page);
  await waitForExamples(page, after + 3);
  await expect(chart.locator('[data-direct-label]')).toHaveText(['VSML', 'Meta RNN']);
  await page.screenshot({ path: info.outputPath('why-share.png'), fullPage: true });
  console.log(`why-share spec body took ${((Date.now() - start) / 1000).toFixed(1)} s`);
});
