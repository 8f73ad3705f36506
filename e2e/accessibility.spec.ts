// axe-core on the studio (once examples arrive, then with the heatmap on screen) and on the trainer
// page: no violation of impact serious or critical; each violation is printed (id, impact, targets)
// and the full counts are logged for the notes. The charts' text summaries follow the data.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { TrainerPage } from './fixtures/trainer';
import { waitForExamples } from './fixtures/studio';

/** Run axe on the page as it is; log the counts and every violation; return the serious and critical ones. */
async function axe(page: Page, where: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  const byImpact: Record<string, number> = {};
  for (const v of result.violations) byImpact[v.impact ?? 'unknown'] = (byImpact[v.impact ?? 'unknown'] ?? 0) + 1;
  console.log(
    `axe on ${where}: ${result.violations.length} violations ${JSON.stringify(byImpact)}, ${result.passes.length} rules passed, ` +
      `${result.incomplete.length} incomplete, ${result.inapplicable.length} inapplicable`,
  );
  for (const v of result.violations) {
    console.log(`  ${v.id} (${v.impact}): ${v.help}; ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  }
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

test.describe('accessibility', () => {
  test('the studio: no serious or critical axe violation running and with the heatmap on screen; the accuracy summary follows the examples', async ({
    page,
  }, info) => {
    await page.goto('/');
    await waitForExamples(page, 5);
    const summary = page.getByTestId('accuracy-chart-summary');
    await expect(summary).toHaveText(/^VSML 0\.\d\d after \d+ examples?(; best baseline \S+ \d\.\d\d)?$/);
    const first = await summary.textContent();
    console.log(`accuracy summary: ${first}`);
    await expect.poll(() => summary.textContent(), { timeout: 120_000 }).not.toBe(first);
    console.log(`accuracy summary later: ${await summary.textContent()}`);
    const image = page.getByTestId('accuracy-chart').locator('svg[role="img"]');
    await expect(image).toHaveAttribute('aria-label', /^Cumulative accuracy of VSML/);
    // The keyboard reaches the hover: End shows the newest example's values, Escape hides them.
    await image.focus();
    await page.keyboard.press('End');
    await expect(page.getByTestId('accuracy-chart')).toContainText(/example \d+■ VSML: \d\.\d{3}/);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('accuracy-chart')).not.toContainText(/example \d+■ VSML/);
    await expect(page.getByTestId('output-probabilities-summary')).toHaveText(
      /^Predicted \S+ \(p \d\.\d\d\); true label \S+: (correct|wrong)$/,
    );
    await expect(page.getByTestId('introspection-strip-summary')).toHaveText(
      /^Last (\d+ examples|example): \d+ correct$/,
    );

    expect(await axe(page, 'the studio, running')).toEqual([]);

    await page.locator('section[aria-label="state heatmap"]').scrollIntoViewIfNeeded();
    await expect(page.getByTestId('state-heatmap-summary')).toHaveText(/: values from −?\d+\.\d\d to −?\d+\.\d\d$/);
    console.log(`heatmap summary: ${await page.getByTestId('state-heatmap-summary').textContent()}`);
    await page.screenshot({ path: info.outputPath('studio-accessibility.png'), fullPage: true });
    expect(await axe(page, 'the studio, heatmap on screen')).toEqual([]);
  });

  test('the trainer page: no serious or critical axe violation', async ({ page }, info) => {
    const trainer = new TrainerPage(page);
    await trainer.goto();
    await page.screenshot({ path: info.outputPath('trainer-accessibility.png'), fullPage: true });
    expect(await axe(page, 'the trainer page')).toEqual([]);
  });
});
