// The studio's page shape in the production build (SwiftShader WebGPU): presentation mode fits the four
// live views into 1024×768 and 1920×1080 with no scrolling and large text; no sideways overflow from
// 360 px up (the settings in a drawer); the skip link and play / pause lead the Tab order; Space on a
// focused button presses it; "?" lists the shortcuts; "p" enters presentation mode; a dataset that
// needs files shows what to load in place of the views; a refused setting is named beside its control.
// Screenshots go to test-results (their paths are printed).
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { waitForExamples } from './fixtures/studio';

/** The four live views, by their cards' accessible names, and the chart inside each. */
const VIEWS = [
  { card: 'current example', chart: 'output-probabilities' },
  { card: 'cumulative accuracy', chart: 'accuracy-chart' },
  { card: 'introspection', chart: 'introspection-strip' },
  { card: 'state heatmap', chart: 'state-heatmap-figure' },
] as const;

async function screenshot(page: Page, info: TestInfo, name: string): Promise<void> {
  const path = info.outputPath(name);
  await page.screenshot({ path });
  console.log(`screenshot: ${path}`);
}

/** The page is laid out and its charts drawn at this size: a few examples seen, then two animation frames. */
async function settle(page: Page, examples: number): Promise<void> {
  await waitForExamples(page, examples);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

for (const [width, height] of [
  [1024, 768],
  [1920, 1080],
] as const) {
  test(`presentation mode at ${width}×${height}: the four views on screen, no scrolling, ticks ≥ 16 px, body ≥ 20 px`, async ({
    page,
  }, info) => {
    await page.setViewportSize({ width, height });
    await page.goto('/?present=1&S=2');
    await expect(page.locator('.studio.present')).toHaveCount(1);
    await settle(page, 5);
    for (const v of VIEWS) await expect(page.getByTestId(v.chart)).toBeVisible();
    // Sizes follow the cells (ResizeObserver): poll until every chart lies inside its card and every card inside the viewport.
    await expect
      .poll(
        () =>
          page.evaluate((views) => {
            const out: string[] = [];
            for (const v of views) {
              const card = document.querySelector(`section[aria-label="${v.card}"]`)?.getBoundingClientRect();
              const chart = document.querySelector(`[data-testid="${v.chart}"]`)?.getBoundingClientRect();
              if (!card || !chart) {
                out.push(`${v.card}: missing`);
                continue;
              }
              if (card.left < 0 || card.top < 0 || card.right > innerWidth || card.bottom > innerHeight)
                out.push(
                  `${v.card}: card ${Math.round(card.right)}×${Math.round(card.bottom)} outside ${innerWidth}×${innerHeight}`,
                );
              if (
                chart.left < card.left - 1 ||
                chart.top < card.top - 1 ||
                chart.right > card.right + 1 ||
                chart.bottom > card.bottom + 1
              )
                out.push(
                  `${v.card}: chart ${Math.round(chart.width)}×${Math.round(chart.height)} at ${Math.round(chart.left)},${Math.round(chart.top)} outside its card ${Math.round(card.width)}×${Math.round(card.height)} at ${Math.round(card.left)},${Math.round(card.top)}`,
                );
            }
            return out;
          }, VIEWS),
        { timeout: 30_000 },
      )
      .toEqual([]);
    const measures = await page.evaluate(() => ({
      scrollHeight: document.scrollingElement?.scrollHeight ?? 0,
      scrollWidth: document.documentElement.scrollWidth,
      innerHeight,
      innerWidth,
      body: parseFloat(getComputedStyle(document.body).fontSize),
      tick: parseFloat(
        getComputedStyle(document.querySelector('[data-testid="accuracy-chart"] .tick text') as Element).fontSize,
      ),
    }));
    console.log(`presentation ${width}×${height}: ${JSON.stringify(measures)}`);
    expect(measures.scrollHeight).toBeLessThanOrEqual(measures.innerHeight);
    expect(measures.scrollWidth).toBeLessThanOrEqual(measures.innerWidth);
    expect(measures.body).toBeGreaterThanOrEqual(20);
    expect(measures.tick).toBeGreaterThanOrEqual(16);
    // The controls are behind the toolbar: the settings drawer is closed, play / pause, step and exit are there.
    await expect(page.locator('#settings')).toBeHidden();
    for (const id of ['play-pause', 'step', 'restart-same', 'presentation', 'settings-toggle'])
      await expect(page.getByTestId(id)).toBeVisible();
    await expect(page.getByTestId('presentation')).toHaveText(/Exit presentation/);
    await screenshot(page, info, `presentation-${width}x${height}.png`);
    const axe = await new AxeBuilder({ page }).analyze();
    console.log(
      `axe in presentation mode ${width}×${height}: ${axe.violations.map((v) => `${v.id} (${v.impact})`).join(', ') || 'no violations'}`,
    );
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual(
      [],
    );
  });
}

test('the studio at 1440×900', async ({ page }, info) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/?S=2');
  await settle(page, 5);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
  expect(await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize))).toBeGreaterThanOrEqual(15);
  await expect(page.locator('#settings')).toBeVisible();
  await expect(page.getByTestId('settings-toggle')).toBeHidden();
  await screenshot(page, info, 'studio-1440x900.png');
});

for (const width of [360, 390]) {
  test(`no sideways overflow at ${width} px; the settings open in a drawer and Escape closes it`, async ({
    page,
  }, info) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('/?S=2');
    await settle(page, 5);
    const overflow = () => page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth }));
    await expect.poll(async () => (await overflow()).scrollWidth, { timeout: 30_000 }).toBeLessThanOrEqual(width);
    console.log(`at ${width} px: ${JSON.stringify(await overflow())}`);
    await screenshot(page, info, `studio-${width}.png`);

    await expect(page.locator('#settings')).toBeHidden();
    const toggle = page.getByTestId('settings-toggle');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await toggle.click();
    const drawer = page.getByRole('region', { name: 'settings' });
    await expect(drawer).toBeVisible();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByTestId('settings-close')).toBeFocused();
    await expect(page.getByTestId('runs')).toBeVisible();
    expect((await overflow()).scrollWidth).toBeLessThanOrEqual(width);
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
    await expect(toggle).toBeFocused();
  });
}

test.describe('keyboard', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/?S=2');
    await expect(page.getByTestId('play-pause')).toBeEnabled();
    await waitForExamples(page, 1);
  });

  test('the skip link is the first Tab stop, play / pause the second; the skip link moves focus to the views', async ({
    page,
  }) => {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('skip-link')).toBeFocused();
    await expect(page.getByTestId('skip-link')).toHaveText('Skip to the live views');
    await expect(page.getByTestId('skip-link')).toBeInViewport();
    const ring = await page.getByTestId('skip-link').evaluate((el) => parseFloat(getComputedStyle(el).outlineWidth));
    expect(ring).toBeGreaterThanOrEqual(3);
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('play-pause')).toBeFocused();
    const playRing = await page
      .getByTestId('play-pause')
      .evaluate((el) => `${getComputedStyle(el).outlineStyle} ${parseFloat(getComputedStyle(el).outlineWidth)}`);
    expect(playRing).toBe('solid 3');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await expect(page.locator('#views')).toBeFocused();
  });

  test('Space on a focused "New seeds" presses it (the seed changes, a new session runs) and does not toggle play', async ({
    page,
  }) => {
    await expect(page.getByTestId('play-pause')).toHaveText(/Pause/);
    const seed = await page.getByTestId('seed').textContent();
    const session = Number(await page.getByTestId('examples-seen').getAttribute('data-session'));
    await page.getByTestId('new-seeds').focus();
    await page.keyboard.press(' ');
    await expect(page.getByTestId('seed')).not.toHaveText(seed ?? '');
    await expect
      .poll(async () => Number(await page.getByTestId('examples-seen').getAttribute('data-session')))
      .toBeGreaterThan(session);
    await expect(page.getByTestId('play-pause')).toHaveText(/Pause/);
    await expect(page.getByTestId('new-seeds')).toBeFocused();
    expect(new URL(page.url()).searchParams.get('seed')).toBe(
      (await page.getByTestId('seed').textContent())?.replace('seed ', ''),
    );
  });

  test('Space with no control focused toggles play; ArrowRight in the classes field or on the accuracy chart is theirs, not a step', async ({
    page,
  }) => {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press(' ');
    await expect(page.getByTestId('play-pause')).toHaveText(/Play/);
    await expect(page.getByTestId('examples-seen')).toHaveAttribute('data-playing', 'false');
    const seen = Number(await page.getByTestId('examples-seen').textContent());
    await page.getByTestId('classes').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press(' ');
    await expect(page.getByTestId('classes')).toHaveValue(' ');
    await expect(page.getByTestId('play-pause')).toHaveText(/Play/);
    expect(Number(await page.getByTestId('examples-seen').textContent())).toBe(seen);
    await page.getByTestId('classes').fill('');
    // The accuracy chart takes → for its hover readout (it cancels the key), so the session does not step.
    await page.getByTestId('accuracy-chart').locator('svg[role="img"]').focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('accuracy-chart')).toContainText(/example \d+/);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => Number(await page.getByTestId('examples-seen').textContent())).toBe(seen + 1);
  });

  test('"?" opens the shortcuts dialog, Escape closes it and the focus goes back', async ({ page }) => {
    await page.getByTestId('step').focus();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('presentation mode');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('step')).toBeFocused();
    await expect(page.locator('.studio.present')).toHaveCount(0);
  });

  test('"p" enters presentation mode (present=1 in the URL) and the exit button leaves it', async ({ page }) => {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('p');
    await expect(page.locator('.studio.present')).toHaveCount(1);
    await expect.poll(() => new URL(page.url()).searchParams.get('present')).toBe('1');
    await page.getByTestId('presentation').click();
    await expect(page.locator('.studio.present')).toHaveCount(0);
    await expect.poll(() => new URL(page.url()).searchParams.get('present')).toBeNull();
  });
});

test('Escape leaves presentation mode opened from a link (present=1, no fullscreen without a click)', async ({
  page,
}) => {
  await page.goto('/?present=1&S=2');
  await expect(page.getByTestId('play-pause')).toBeEnabled();
  await expect(page.locator('.studio.present')).toHaveCount(1);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Escape');
  await expect(page.locator('.studio.present')).toHaveCount(0);
  await expect.poll(() => new URL(page.url()).searchParams.get('present')).toBeNull();
  expect(await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize))).toBe(15);
});

test('a dataset that needs files shows what to load in place of the views, never the old charts', async ({ page }) => {
  await page.goto('/?S=2');
  await waitForExamples(page, 1);
  await page.getByTestId('dataset').selectOption('emnist-letters');
  const card = page.getByTestId('files-needed');
  await expect(card).toBeVisible();
  await expect(card).toContainText('EMNIST letters (IDX files) needs files from your disk');
  await expect(card).toContainText('images and labels files');
  await expect(card.getByRole('button', { name: 'Choose the images file…' })).toBeVisible();
  await expect(page.getByTestId('data-file-images')).toHaveCount(1); // the data panel's input, which the button opens
  for (const v of VIEWS) await expect(page.getByTestId(v.chart)).toHaveCount(0);
  await page.getByTestId('dataset').selectOption('mnist');
  await expect(card).toHaveCount(0);
  await expect(page.getByTestId('accuracy-chart')).toBeVisible();
});

test('a refused class list is named beside the classes field at once, and in the banner', async ({ page }) => {
  await page.goto('/?S=2');
  await waitForExamples(page, 1);
  const session = await page.getByTestId('examples-seen').getAttribute('data-session');
  await page.getByTestId('classes').fill('0,12');
  await page.getByTestId('classes').press('Enter');
  await expect(page.getByTestId('refusal-classes')).toContainText('classes: ');
  await expect(page.getByTestId('refusal-classes')).toContainText('12');
  await expect(page.getByTestId('refusal-classes')).toHaveAttribute('role', 'alert');
  await expect(page.getByTestId('error-message')).toContainText('classes: ');
  await expect(page.getByTestId('examples-seen')).toHaveAttribute('data-session', session ?? '');
  await page.getByTestId('classes').fill('0,1,1');
  await page.getByTestId('classes').press('Enter');
  await expect(page.getByTestId('refusal-classes')).toHaveText('classes: lists a class twice, got "0,1,1"');
});
