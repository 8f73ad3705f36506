// Predict first (the classroom quiz) against the production build on SwiftShader WebGPU, one run:
// turned on from the toolbar it pauses the session and asks about one example at a time, with VSML's
// prediction and probabilities hidden until the viewer answers (a button or a digit key); the reveal
// names VSML's prediction, the caption then shows the same, and the score after each answer is the one
// the reveals add up to. Then "will it be right?", and presentation mode. Screenshots to test-results/.
import { expect, test, type Page } from '@playwright/test';
import { waitForExamples } from './fixtures/studio';

interface Reveal {
  readonly example: number;
  readonly predicted: number;
  readonly label: number;
}

/** Waits for the reveal of `example` and reads it: "Example 12: VSML predicted 7, label 7, right. …". */
async function reveal(page: Page, example: number): Promise<Reveal> {
  const el = page.getByTestId('quiz-reveal');
  await expect(el).toContainText(`Example ${example}: VSML predicted `);
  const m = /Example (\d+): VSML predicted (\d+), label (\d+)/.exec((await el.textContent()) ?? '');
  if (!m) throw new Error(`no reveal in "${await el.textContent()}"`);
  return { example: Number(m[1]), predicted: Number(m[2]), label: Number(m[3]) };
}

/** The open question's example number, once it can be answered (the session stopped on it). */
async function openQuestion(page: Page): Promise<number> {
  const q = page.getByTestId('quiz-question');
  await expect(q).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
  return Number(await q.getAttribute('data-example'));
}

test('predict first: the quiz pauses, hides the prediction until the answer, and keeps both scores', async ({
  page,
}, info) => {
  await page.goto('/?S=1');
  await waitForExamples(page, 3);
  await page.getByTestId('quiz-toggle').click();
  await expect(page.getByTestId('quiz-toggle')).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/[?&]quiz=class/);
  await expect(page.getByTestId('play-pause')).toHaveText(/Play/);

  const guesses: { readonly how: 'click' | 'key'; readonly cls: number }[] = [
    { how: 'click', cls: 3 },
    { how: 'key', cls: 7 },
    { how: 'click', cls: 1 },
  ];
  let matched = 0;
  let right = 0;
  for (const [i, g] of guesses.entries()) {
    const example = await openQuestion(page);
    // Asked: the picture shows, VSML's probabilities and accuracy do not.
    await expect(page.getByTestId('input-image')).toBeVisible();
    await expect(page.getByTestId('output-probabilities')).toBeHidden();
    await expect(page.getByTestId('accuracy-chart')).toBeHidden();
    await expect(page.getByTestId('quiz-answer-0')).toBeEnabled();
    if (i === 0) await page.screenshot({ path: info.outputPath('quiz-question.png'), fullPage: true });
    if (g.how === 'key') await page.keyboard.press(String(g.cls));
    else await page.getByTestId(`quiz-answer-${g.cls}`).click();

    const r = await reveal(page, example);
    matched += r.predicted === g.cls ? 1 : 0;
    right += r.predicted === r.label ? 1 : 0;
    const score = `You matched VSML's prediction ${matched} of ${i + 1} · VSML was right ${right} of ${i + 1}`;
    await expect(page.getByTestId('quiz-score')).toHaveText(score);
    // Revealed: the engine's prediction, as the caption and the bars show it, is the one the reveal named.
    await expect(page.getByTestId('output-probabilities')).toBeVisible();
    await expect(page.locator('.example figcaption')).toContainText(`predicted ${r.predicted}`);
    const bars = await page
      .getByTestId('output-probabilities')
      .locator('[data-p]')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-p'))));
    expect(bars.indexOf(Math.max(...bars))).toBe(r.predicted);
    console.log(
      `example ${r.example}: guessed ${g.cls} (${g.how}), VSML predicted ${r.predicted}, label ${r.label} -> ${score}`,
    );
    if (i === 0) await page.screenshot({ path: info.outputPath('quiz-revealed.png'), fullPage: true });
    await page.getByTestId('quiz-next').click();
    await expect.poll(() => openQuestion(page)).toBe(example + 1);
  }

  // "Will it be right?": a new score, one answer.
  await page.getByTestId('quiz-mode').selectOption('right');
  await expect(page).toHaveURL(/[?&]quiz=right/);
  await expect(page.getByTestId('quiz-score')).toHaveText('You called it 0 of 0 · VSML was right 0 of 0');
  const example = await openQuestion(page);
  await page.getByTestId('quiz-answer-right').click();
  const r = await reveal(page, example);
  const ok = r.predicted === r.label ? 1 : 0;
  await expect(page.getByTestId('quiz-score')).toHaveText(`You called it ${ok} of 1 · VSML was right ${ok} of 1`);
  console.log(`example ${r.example}: said "right", VSML predicted ${r.predicted}, label ${r.label}`);

  // Presentation mode keeps the quiz bar, the question and the answers on screen.
  await page.getByTestId('quiz-next').click();
  await page.getByTestId('presentation').click();
  await expect(page.getByTestId('quiz')).toBeVisible();
  await expect(page.getByTestId('quiz-answer-wrong')).toBeInViewport();
  await expect(page.getByTestId('input-image')).toBeInViewport();
  await page.screenshot({ path: info.outputPath('quiz-presentation.png') });

  // Off: the prediction shows again.
  await page.getByTestId('quiz-toggle').click();
  await expect(page.getByTestId('quiz')).toHaveCount(0);
  await expect(page.getByTestId('output-probabilities')).toBeVisible();
});
