// "Teach it your own symbols" against the production build on SwiftShader WebGPU, one run: a five-point
// star drawn with the mouse (pointer events) on the pad, run 0's prediction for it, class 9 renamed
// "star" and taught with that one drawing, the same star drawn again: the probability of "star" rose
// (the numbers are printed). The taught drawing exports as an IDX pair whose headers and sizes are
// checked, and the keyboard draws too. Screenshots of the pad before and after teaching.
import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { waitForExamples } from './fixtures/studio';

/** The five points of a star, visited in drawing order (every second point), on a circle of radius 0.38 around the pad's centre, as fractions of its side. */
const STAR: readonly (readonly [number, number])[] = [0, 2, 4, 1, 3, 0].map((i) => {
  const a = -Math.PI / 2 + (i * 2 * Math.PI) / 5;
  return [0.5 + 0.38 * Math.cos(a), 0.52 + 0.38 * Math.sin(a)] as const;
});

async function drawStar(page: Page, canvas: Locator): Promise<void> {
  const box = await canvas.boundingBox();
  if (!box) throw new Error('pad-canvas: not on screen');
  const at = ([x, y]: readonly [number, number]) => [box.x + x * box.width, box.y + y * box.height] as const;
  await page.mouse.move(...at(STAR[0]));
  await page.mouse.down();
  for (const p of STAR.slice(1)) await page.mouse.move(...at(p), { steps: 12 });
  await page.mouse.up();
}

/** The probability the bars `id` give class k, as the page holds it. */
const barP = async (page: Page, id: string, k: number): Promise<number> =>
  Number(await page.getByTestId(`pad-bars-${id}`).locator(`[data-class="${k}"]`).getAttribute('data-p'));

async function download(page: Page, testId: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return readFile(await file.path());
}

test('the drawing pad: a star taught as class 9 "star" gets a higher probability when drawn again, and exports as IDX', async ({
  page,
}, testInfo) => {
  await page.addInitScript(() => window.localStorage.setItem('vsml-studio-tour-seen', '1'));
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.goto('/?S=1&base=');
  // Teach only once the session is on WebGPU (it starts on the CPU engine while the kernels compile).
  await expect(page.getByTestId('backend-badge')).toContainText('WebGPU', { timeout: 150_000 });
  await waitForExamples(page, 5);

  await page.getByTestId('pad-toggle').click();
  await expect(page.getByTestId('examples-seen')).toHaveAttribute('data-playing', 'false');
  console.log(
    `pad opened after ${await page.getByTestId('examples-seen').textContent()} examples of run 0 (the session pauses)`,
  );
  const panel = page.getByTestId('pad-panel');
  await expect(panel).toBeVisible();
  await expect(page.getByTestId('pad-toggle')).toHaveAttribute('aria-expanded', 'true');
  // The session pauses while the pad is open.
  await expect(page.getByTestId('examples-seen')).toHaveAttribute('data-playing', 'false');
  await expect(page.getByTestId('pad-ask')).toBeDisabled();

  const canvas = page.getByTestId('pad-canvas');
  await drawStar(page, canvas);
  const inked = await canvas.evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray(0);
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] < 128) n++;
    return n;
  });
  console.log(`star drawn: ${inked} of 784 pad pixels more than half inked`);
  expect(inked).toBeGreaterThan(60);

  await page.getByTestId('pad-ask').click();
  await expect(page.getByTestId('pad-bars-guess')).toBeVisible();
  await expect(page.getByTestId('pad-input')).toHaveAttribute('data-size', '784');
  const first = await barP(page, 'guess', 9);
  const guessed = await page.getByTestId('pad-guess-name').textContent();
  console.log(`first star, before teaching: VSML guesses ${guessed}; p(class 9) = ${first}`);

  await page.getByTestId('pad-class-9').check();
  await page.getByTestId('pad-rename-input').fill('star');
  await page.getByTestId('pad-rename').click();
  await expect(page.getByTestId('pad-teach')).toHaveText('Teach: this is “star”');
  await expect(page.getByTestId('pad-bars-guess').locator('[data-class="9"] .pad-bar-name')).toHaveText('star');
  await page.screenshot({ path: testInfo.outputPath('pad-before.png') });

  await page.getByTestId('pad-teach').click();
  const lesson = page.getByTestId('pad-lesson');
  await expect(lesson).toBeVisible();
  await expect(page.getByTestId('pad-count')).toHaveAttribute('data-count', '1');
  const before = Number(await lesson.getAttribute('data-before'));
  const after = Number(await lesson.getAttribute('data-after'));
  console.log(
    `teaching the first star as "star" (class 9): p(star) before the label ${before}, after learning from it ${after}`,
  );
  console.log(`lesson: ${await page.getByTestId('pad-lesson-text').textContent()}`);
  // teach's "before" is the prediction for the same drawing from the same state as the ask, made by the
  // engine (float32 on WebGPU) where the ask is the CPU reference's from the state read back: equal to float32 rounding.
  expect(Math.abs(before - first)).toBeLessThan(1e-5);
  expect(after).toBeGreaterThan(before);
  await page.screenshot({ path: testInfo.outputPath('pad-after.png') });
  await lesson.screenshot({ path: testInfo.outputPath('pad-lesson.png') });

  await page.getByTestId('pad-draw-again').click();
  await expect(page.getByTestId('pad-ask')).toBeDisabled();
  await drawStar(page, canvas);
  await page.getByTestId('pad-ask').click();
  await expect(page.getByTestId('pad-again')).toBeVisible();
  const again = await barP(page, 'guess', 9);
  console.log(
    `the star drawn again after one lesson: VSML guesses ${await page.getByTestId('pad-guess-name').textContent()}; p(star) = ${again} (was ${first} before teaching)`,
  );
  expect(again).toBeGreaterThan(first);
  await page.screenshot({ path: testInfo.outputPath('pad-again.png') });

  const images = await download(page, 'pad-export-images');
  const labels = await download(page, 'pad-export-labels');
  expect([
    images.readUInt32BE(0),
    images.readUInt32BE(4),
    images.readUInt32BE(8),
    images.readUInt32BE(12),
    images.length,
  ]).toEqual([0x803, 1, 28, 28, 16 + 784]);
  expect([labels.readUInt32BE(0), labels.readUInt32BE(4), labels[8], labels.length]).toEqual([0x801, 1, 9, 9]);
  const ink = images.subarray(16).reduce((n, v) => n + (v > 0 ? 1 : 0), 0);
  console.log(
    `exported: images ${images.length} bytes (1 drawing of 28x28, ${ink} inked pixels), labels ${labels.length} bytes (label 9)`,
  );
  expect(ink).toBeGreaterThan(60);

  // From the keyboard: Space puts the pen down, the arrow keys draw, Space lifts it.
  await page.getByTestId('pad-clear').click();
  await expect(page.getByTestId('pad-ask')).toBeDisabled();
  await canvas.focus();
  await page.keyboard.press('Space');
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('pad-ask')).toBeEnabled();
  await expect(canvas).toHaveAttribute('aria-label', /Pen up at column 20, row 14\./);
  await expect(page.getByTestId('examples-seen')).toHaveAttribute('data-playing', 'false');

  await page.getByTestId('pad-close').click();
  await expect(panel).toHaveCount(0);
});
