// The model card in the page: "model card" opens the learner's card rendered from Markdown in a modal
// dialog (a table, × and ± as themselves, no Markdown markers left), every link leads somewhere (an
// http(s) page, a file the app serves, or another card, which opens in place), Escape closes it and
// the focus goes back to the button; axe-core finds no serious or critical violation in the dialog; no
// Content-Security-Policy violation on the way.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { watchCsp } from './fixtures/csp';

/** Every link of the open card: its href attribute, target, rel and the card it opens. */
function linksOf(dialog: Locator) {
  return dialog.locator('a').evaluateAll((as) =>
    as.map((a) => ({
      href: a.getAttribute('href') ?? '',
      url: (a as HTMLAnchorElement).href,
      target: a.getAttribute('target'),
      rel: a.getAttribute('rel'),
      card: (a as HTMLElement).dataset.card ?? null,
    })),
  );
}

/**
 * The card's rendered prose shows no Markdown syntax: no table rules, heading hashes, emphasis stars,
 * link brackets or fences (code blocks left out: a shell comment there is a real "# ").
 */
async function expectRendered(dialog: Locator) {
  expect(await dialog.locator('pre').count()).toBeGreaterThan(0);
  const text = await dialog.evaluate((d) => {
    const copy = d.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('pre').forEach((pre) => pre.remove());
    return copy.textContent ?? '';
  });
  for (const marker of ['| ---', '|---', '## ', '# ', '**', '](', '```']) expect(text, marker).not.toContain(marker);
  expect(text).not.toContain('Ã');
}

async function expectLinksLive(page: Page, dialog: Locator) {
  const links = await linksOf(dialog);
  expect(links.length).toBeGreaterThan(0);
  const origin = new URL(page.url()).origin;
  for (const l of links) {
    if (l.card !== null) {
      expect(l.target, l.href).toBeNull();
      continue;
    }
    expect(l.url, l.href).toMatch(/^https?:\/\//);
    expect([l.target, l.rel], l.href).toEqual(['_blank', 'noreferrer']);
    // A file of the app itself must be served (a dead relative link would 404 here).
    if (l.url.startsWith(origin)) expect((await page.request.get(l.url)).status(), l.href).toBe(200);
  }
  return links;
}

test('model card: rendered in a dialog, UTF-8, links live, Escape closes and gives the focus back', async ({
  page,
}) => {
  const violations = await watchCsp(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/?S=1');
  const opener = page.getByRole('button', { name: 'model card', exact: true });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'vsml-mnist.learner.json: the default VSML learner' });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('table').first()).toBeVisible();
  console.log(`tables in the card: ${await dialog.locator('table').count()}`);
  await expect(dialog).toContainText('MNIST train resized to 5×5');
  await expect(dialog).toContainText('0.5659 ± 0.0359');
  await expectRendered(dialog);
  // Repository files the app does not serve are named as code, not linked.
  await expect(dialog.locator('code.model-card-path', { hasText: 'docs/META_TRAINING.md' }).first()).toBeVisible();
  const links = await expectLinksLive(page, dialog);
  console.log(`links: ${links.map((l) => l.card ?? l.href).join(', ')}`);
  expect(links.map((l) => l.href)).toEqual([
    '/learners/vsml-clone-sgd.learner.json',
    'https://arxiv.org/abs/2012.14905',
  ]);
  await page.screenshot({ path: test.info().outputPath('model-card-1440.png') });
  // axe-core on the open dialog: no serious or critical violation.
  const axe = await new AxeBuilder({ page }).include('.model-card-dialog').analyze();
  console.log(
    `axe on the open card: ${axe.passes.length} rules passed, violations: ${axe.violations.map((v) => `${v.id} (${v.impact}, ${v.nodes.length})`).join(', ') || 'none'}`,
  );
  expect(
    axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`),
  ).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(opener).toBeFocused();
  expect(violations).toEqual([]);
});

test('model card: a link to another card opens that card in the same dialog, on a 390 px screen', async ({ page }) => {
  const violations = await watchCsp(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/?S=1&learner=vsml-clone-sgd');
  await page.getByTestId('settings-toggle').click(); // on a narrow screen the learner panel is in the settings drawer
  const opener = page.getByRole('button', { name: 'model card', exact: true });
  await opener.click();
  const clone = page.getByRole('dialog', { name: 'vsml-clone-sgd.learner.json: VSML cloned from online SGD' });
  await expect(clone).toBeVisible();
  await expectRendered(clone);
  const links = await expectLinksLive(page, clone);
  expect(links.filter((l) => l.card !== null).map((l) => l.card)).toEqual(['vsml-mnist']);
  await clone.getByRole('link', { name: 'vsml-mnist.md' }).click();
  const mnist = page.getByRole('dialog', { name: 'vsml-mnist.learner.json: the default VSML learner' });
  await expect(mnist).toBeVisible();
  await expect(
    mnist.getByRole('heading', { level: 2, name: 'vsml-mnist.learner.json: the default VSML learner' }),
  ).toBeFocused();
  await expect(mnist).toContainText('0.5659 ± 0.0359');
  // The dialog fits the narrow screen; its wide tables and code scroll inside their own boxes.
  const box = await mnist.boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
  const body = mnist.locator('.model-card-body');
  expect(await body.evaluate((b) => b.scrollWidth - b.clientWidth)).toBe(0);
  await page.screenshot({ path: test.info().outputPath('model-card-390.png') });
  await mnist.getByRole('button', { name: 'close' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(opener).toBeFocused();
  expect(violations).toEqual([]);
});
