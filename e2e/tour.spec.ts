// The studio explains itself (production build, SwiftShader WebGPU): the guided tour opens on a first
// visit and not on the second (same browser context, reload), walks its eight steps (a screenshot of
// each: tour-N.png; on screen at 390 px too), and reopens from "Tour"; every live chart has an "i" whose popover says what it
// shows, stays inside the viewport (1440 px, 360 px, presentation mode at 1024 × 768) and closes on
// Escape with the focus back on its button; the About VSML page renders the diagram, the paper link and
// the model cards under the app's Content-Security-Policy. axe-core finds nothing serious or critical
// with the tour open, with a popover open, and on the About page.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { CONTENT_SECURITY_POLICY } from '../scripts/contentSecurityPolicy';
import { watchCsp } from './fixtures/csp';
import { waitForExamples } from './fixtures/studio';

/** Each live chart's "i" (data-testid info-<id>) and a phrase its popover must say. */
const INFOS = [
  { id: 'example', says: 'The square marks the true class' },
  { id: 'accuracy', says: 'Guessing at random scores 1 ÷ the number of classes' },
  { id: 'strip', says: 'circle on square is a right guess' },
  { id: 'heatmap', says: 'These states play the part of the weights' },
] as const;

const TOUR_STEPS = [
  'welcome',
  'sub-rnn',
  'state',
  'messages',
  'no-gradient',
  'meta-training',
  'watch',
  'more',
] as const;

/** axe-core's serious and critical violations on the page as it is (all of them logged). */
async function seriousViolations(page: Page, where: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  console.log(`axe on ${where}: ${result.violations.length} violations, ${result.passes.length} rules passed`);
  for (const v of result.violations)
    console.log(`  ${v.id} (${v.impact}): ${v.help}; ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

/** Where the element lies outside the viewport, '' when wholly inside. */
function outsideViewport(page: Page, testId: string): Promise<string> {
  return page.getByTestId(testId).evaluate((el) => {
    const r = el.getBoundingClientRect();
    const inside =
      r.left >= 0 && r.top >= 0 && r.right <= document.documentElement.clientWidth && r.bottom <= innerHeight;
    return inside
      ? ''
      : `${Math.round(r.left)},${Math.round(r.top)} to ${Math.round(r.right)},${Math.round(r.bottom)} in ${document.documentElement.clientWidth}×${innerHeight}`;
  });
}

test.describe('first visit', () => {
  // A browser that has never seen the studio (playwright.config.ts marks the tour seen for every other test).
  test.use({ storageState: { cookies: [], origins: [] } });

  test('the tour opens on a first visit, walks its eight steps, and not on the second; Tour reopens it', async ({
    page,
  }, info) => {
    await page.goto('/?S=2');
    const tour = page.getByTestId('tour');
    await expect(tour).toBeVisible();
    await expect(page.getByTestId('tour-count')).toHaveText(`Tour: step 1 of ${TOUR_STEPS.length}`);
    await expect(tour.getByRole('heading')).toBeFocused();
    await waitForExamples(page, 1);
    for (const [k, id] of TOUR_STEPS.entries()) {
      await expect(tour).toHaveAttribute('data-step', id);
      await expect(page.getByTestId('tour-count')).toHaveText(`Tour: step ${k + 1} of ${TOUR_STEPS.length}`);
      // The ring is around the step's target once it is laid out, and the dialog inside the viewport.
      await expect(page.getByTestId('tour-highlight')).toHaveAttribute('data-step', id);
      await expect.poll(() => outsideViewport(page, 'tour')).toBe('');
      await expect(tour.getByRole('heading')).toBeFocused();
      console.log(`tour step ${k + 1}: ${await tour.getByRole('heading').textContent()}`);
      if (k === 1) expect(await seriousViolations(page, 'the studio with the tour open')).toEqual([]);
      await page.screenshot({ path: info.outputPath(`tour-${k + 1}.png`) });
      if (k < TOUR_STEPS.length - 1) await page.getByTestId('tour-next').click();
    }
    await expect(tour.getByRole('link', { name: 'About VSML' })).toHaveAttribute('href', 'about.html');
    // ← goes back a step from the dialog; Done closes and hands the focus to the Tour button.
    await page.keyboard.press('ArrowLeft');
    await expect(tour).toHaveAttribute('data-step', 'watch');
    await page.getByTestId('tour-next').click();
    await page.getByTestId('tour-done').click();
    await expect(tour).toHaveCount(0);
    await expect(page.getByTestId('tour-open')).toBeFocused();
    expect(await page.evaluate(() => localStorage.getItem('vsml-studio-tour-seen'))).toBe('1');

    await page.reload();
    await waitForExamples(page, 1);
    await expect(page.getByTestId('play-pause')).toBeVisible();
    await expect(tour).toHaveCount(0);

    await page.getByTestId('tour-open').click();
    await expect(page.getByTestId('tour-count')).toHaveText(`Tour: step 1 of ${TOUR_STEPS.length}`);
    await page.keyboard.press('Escape');
    await expect(tour).toHaveCount(0);
    await expect(page.getByTestId('tour-open')).toBeFocused();
  });

  test('a shared presentation link opens straight onto the views: no tour over a lecture', async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto('/?present=1&S=2');
    await waitForExamples(page, 1);
    await expect(page.locator('.studio.present')).toHaveCount(1);
    await expect(page.getByTestId('tour')).toHaveCount(0);
    // It still fits a projector when opened by hand.
    await page.getByTestId('tour-open').click();
    await expect(page.getByTestId('tour')).toBeVisible();
    await expect.poll(() => outsideViewport(page, 'tour')).toBe('');
    await page.getByTestId('tour-skip').click();
    await expect(page.getByTestId('tour')).toHaveCount(0);
    await expect(page.locator('.studio.present')).toHaveCount(1);
  });

  test('at 390 px every step of the tour stays on screen', async ({ page }, info) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/?S=2');
    await waitForExamples(page, 1);
    const tour = page.getByTestId('tour');
    for (const [k, id] of TOUR_STEPS.entries()) {
      await expect(tour).toHaveAttribute('data-step', id);
      await expect(page.getByTestId('tour-highlight')).toHaveAttribute('data-step', id);
      await expect.poll(() => outsideViewport(page, 'tour')).toBe('');
      if (k === 3) await page.screenshot({ path: info.outputPath('tour-390.png') });
      if (k < TOUR_STEPS.length - 1) await page.getByTestId('tour-next').click();
    }
    await page.getByTestId('tour-done').click();
    await expect(tour).toHaveCount(0);
  });
});

test('every live chart has an "i": its popover says what it shows, fits the viewport, and Escape closes it', async ({
  page,
}, info) => {
  await page.goto('/?S=2');
  await waitForExamples(page, 3);
  await expect(page.getByTestId('tour')).toHaveCount(0);
  for (const { id, says } of INFOS) {
    const button = page.getByTestId(`info-${id}`);
    const popover = page.getByTestId(`info-${id}-popover`);
    await button.scrollIntoViewIfNeeded();
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await button.click();
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    await expect(popover).toBeVisible();
    await expect(popover).toHaveAttribute('role', 'dialog');
    await expect(popover).toContainText(says);
    await expect(popover).toContainText('What it shows');
    await expect(popover).toBeFocused();
    await expect.poll(() => outsideViewport(page, `info-${id}-popover`)).toBe('');
    console.log(`info ${id}: ${(await popover.locator('dd').first().textContent())?.slice(0, 90)}…`);
    if (id === 'accuracy') {
      await page.screenshot({ path: info.outputPath('info-accuracy.png') });
      expect(await seriousViolations(page, 'the studio with a popover open')).toEqual([]);
    }
    await page.keyboard.press('Escape');
    await expect(popover).toBeHidden();
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await expect(button).toBeFocused();
  }
  // A click elsewhere closes it too.
  await page.getByTestId('info-strip').click();
  await expect(page.getByTestId('info-strip-popover')).toBeVisible();
  await page.locator('h1').click();
  await expect(page.getByTestId('info-strip-popover')).toBeHidden();
});

test('at 360 px and in presentation mode the popovers stay on screen; Escape in a popover keeps presentation mode', async ({
  page,
}, info) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/?S=2');
  await waitForExamples(page, 1);
  for (const id of ['heatmap', 'accuracy'] as const) {
    await page.getByTestId(`info-${id}`).scrollIntoViewIfNeeded();
    await page.getByTestId(`info-${id}`).click();
    await expect.poll(() => outsideViewport(page, `info-${id}-popover`)).toBe('');
    await page.screenshot({ path: info.outputPath(`info-${id}-360.png`) });
    await page.keyboard.press('Escape');
    await expect(page.getByTestId(`info-${id}-popover`)).toBeHidden();
  }
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto('/?present=1&S=2');
  await waitForExamples(page, 1);
  for (const id of ['example', 'accuracy', 'strip', 'heatmap'] as const) {
    await page.getByTestId(`info-${id}`).click();
    await expect.poll(() => outsideViewport(page, `info-${id}-popover`)).toBe('');
    if (id === 'heatmap') await page.screenshot({ path: info.outputPath('info-heatmap-present.png') });
    await page.keyboard.press('Escape');
    await expect(page.getByTestId(`info-${id}-popover`)).toBeHidden();
  }
  await expect(page.locator('.studio.present')).toHaveCount(1);
});

test('the About VSML page: the diagram, the paper and the code, the model cards, and the way back, under the CSP', async ({
  page,
  request,
}, info) => {
  const violations = await watchCsp(page);
  expect((await request.get('/about.html')).headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  await page.goto('/?S=1');
  await expect(page.getByTestId('about-link')).toHaveAttribute('href', 'about.html');
  await page.getByTestId('about-link').click();
  await expect(page).toHaveURL(/\/about\.html$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('About VSML');
  await expect(page.getByTestId('paper-link')).toHaveAttribute('href', 'https://arxiv.org/abs/2012.14905');
  await expect(page.getByTestId('paper-link')).toHaveText('Meta Learning Backpropagation And Improving It');
  await expect(page.getByRole('link', { name: 'github.com/louiskirsch/vsml-neurips2021' })).toHaveAttribute(
    'href',
    'https://github.com/louiskirsch/vsml-neurips2021',
  );
  await expect(page.getByTestId('vsml-diagram')).toBeVisible();
  await expect(page.getByRole('img', { name: 'An ordinary layer beside the same layer in VSML' })).toBeVisible();
  await page.screenshot({ path: info.outputPath('about.png'), fullPage: true });
  expect(await seriousViolations(page, 'the About page')).toEqual([]);

  await page.getByTestId('about-learner-vsml-mnist').getByTestId('model-card-link').click();
  const card = page.getByTestId('model-card');
  await expect(card.getByRole('heading', { level: 2 }).first()).toHaveText(
    'vsml-mnist.learner.json: the default VSML learner',
  );
  await card.getByTestId('model-card-close').click();
  await expect(card).toHaveCount(0);
  await page.getByTestId('about-learner-vsml-clone-sgd').getByTestId('model-card-link').click();
  await expect(card.getByRole('heading', { level: 2 }).first()).toHaveText(
    'vsml-clone-sgd.learner.json: VSML cloned from online SGD',
  );
  await page.keyboard.press('Escape');
  await expect(card).toHaveCount(0);

  await page.getByTestId('about-back').click();
  await expect(page.getByTestId('play-pause')).toBeVisible();
  expect(violations).toEqual([]);
});
