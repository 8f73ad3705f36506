// "Explain this step" against the production build on SwiftShader WebGPU: the studio steps a few
// examples, the view plays the next one of run 0 in its seven stages (a screenshot of each), a cell is
// picked, the reproduce files are downloaded, and `vsml trace --explain` (the CLI's CPU reference, run
// here) computes the same example: the page's gates and states of that cell equal the file's within 1e-4.
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { expect, test, type Download, type Page } from '@playwright/test';
import { waitForExamples } from './fixtures/studio';

const ROOT = resolve(import.meta.dirname, '..');
const STAGE_IDS = ['input', 'forward', 'grid', 'output', 'error', 'backward', 'change'];

/** The exact value a table cell of the picked cell carries. */
const cellValue = async (page: Page, id: string): Promise<number> =>
  Number(await page.getByTestId(`explain-cell-${id}`).getAttribute('data-value'));

test('explain this step walks one example of run 0 through all stages, and its numbers equal vsml trace --explain', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto('/?S=1&base=');
  // Explain on WebGPU: the numbers come from run 0's state read back from the GPU engine (the session
  // starts on the CPU engine and moves onto WebGPU once its kernels are compiled).
  await expect(page.getByTestId('backend-badge')).toContainText('WebGPU', { timeout: 150_000 });
  await waitForExamples(page, 1);
  await page.getByTestId('play-pause').click();
  const seen = page.getByTestId('examples-seen');
  await expect(seen).toHaveAttribute('data-playing', 'false');
  // A fresh session on WebGPU from example 0 (the kernels are compiled now), paused, then three steps:
  // the explained example is the fourth, so WebGPU and the CLI's CPU run differ by a few float32 steps only.
  const session = Number(await seen.getAttribute('data-session'));
  await page.getByTestId('restart-same').click();
  await expect(seen).toHaveAttribute('data-session', String(session + 1));
  await expect(seen).toHaveText('0');
  for (let k = 1; k <= 3; k++) {
    await page.getByTestId('step').click();
    await expect(seen).toHaveText(String(k));
  }
  await expect(page.getByTestId('backend-badge')).toContainText('WebGPU');

  await page.getByTestId('explain-open').click();
  const view = page.getByTestId('explain-view');
  await expect(view).toBeVisible();
  await expect(view).toHaveAttribute('data-busy', 'false');
  await expect(view).toHaveAttribute('data-example', '3');
  const example = Number(await view.getAttribute('data-example'));
  console.log(
    `explaining example ${example} (0-based) of run 0; ${await page.getByTestId('explain-example').textContent()}`,
  );
  await expect(page.locator('#views')).toBeHidden();
  console.log(`agreement: ${await page.getByTestId('explain-agreement').textContent()}`);

  for (let k = 0; k < STAGE_IDS.length; k++) {
    await expect(view).toHaveAttribute('data-stage', STAGE_IDS[k]);
    await expect(page.getByTestId('explain-stage-title')).toContainText(`${k + 1} / 7`);
    await expect(page.getByTestId('explain-equations')).not.toBeEmpty();
    if (STAGE_IDS[k] === 'grid') {
      await page.getByTestId('explain-cell-a').fill('350');
      await page.getByTestId('explain-cell-b').fill('3');
      await expect(page.getByTestId('explain-cell')).toHaveAttribute('data-a', '350');
      await expect(page.getByTestId('explain-cell')).toHaveAttribute('data-b', '3');
    }
    await page.screenshot({ path: testInfo.outputPath(`explain-stage-${k + 1}.png`), fullPage: true });
    // The keyboard (→) from the heading, the Next button once a field has the focus (it keeps its arrows).
    if (k === 0) await page.keyboard.press('ArrowRight');
    else if (k < STAGE_IDS.length - 1) await page.getByTestId('explain-next').click();
  }
  await page.getByTestId('explain-back').click();
  await expect(view).toHaveAttribute('data-stage', 'backward');
  await page.getByTestId('explain-stage-3').click();
  await expect(view).toHaveAttribute('data-stage', 'grid');

  // Hovering the grid's heatmap reads that cell's numbers; axe finds nothing serious on the view.
  const grid = await page.getByTestId('explain-grid-map').boundingBox();
  expect(grid).not.toBeNull();
  await page.mouse.move((grid?.x ?? 0) + 30, (grid?.y ?? 0) + 30);
  await expect(page.getByTestId('explain-grid-readout')).toHaveText(
    /^cell \(\d+, 0\): c0 −?\d+\.\d{5} → −?\d+\.\d{5} \(Δ −?\d+\.\d{5}\)$/,
  );
  console.log(`hover: ${await page.getByTestId('explain-grid-readout').textContent()}`);
  const axe = await new AxeBuilder({ page }).include('[data-testid="explain-view"]').analyze();
  for (const v of axe.violations)
    console.log(`  axe ${v.id} (${v.impact}): ${v.help}; ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  console.log(`axe on the explain view: ${axe.violations.length} violations, ${axe.passes.length} rules passed`);
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  const N = 16;
  const T = 2;
  const page_ = { cBefore: [] as number[], cAfter: [] as number[], hAfter: [] as number[], gates: [] as number[][] };
  for (let j = 0; j < N; j++) {
    page_.cBefore.push(await cellValue(page, `c-before-${j}`));
    page_.cAfter.push(await cellValue(page, `t${T - 1}-c-${j}`));
    page_.hAfter.push(await cellValue(page, `t${T - 1}-h-${j}`));
    for (let t = 0; t < T; t++)
      page_.gates.push(await Promise.all(['i', 'f', 'o', 'g'].map((g) => cellValue(page, `t${t}-${g}-${j}`))));
  }

  // Download to reproduce: two files, and the command the page shows, run here (paths into this test's folder).
  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await page.getByTestId('explain-download').click();
  await expect.poll(() => downloads.length).toBe(2);
  await expect(page.getByTestId('explain-download-status')).toContainText(
    `Saved explain-stream.json (${example + 1} examples) and explain-state.json.`,
  );
  for (const d of downloads) await d.saveAs(testInfo.outputPath(d.suggestedFilename()));
  const command = (await page.getByTestId('explain-command').textContent()) ?? '';
  console.log(`the page's command: ${command}`);
  expect(command).toContain(`--explain ${example} --explain-out explain-${example}.json --cell 0,350,3`);
  const args = command.replace(/^npm run vsml -- /, '').split(' ');
  for (const flag of ['--stream', '--state', '--explain-out', '--out'])
    args[args.indexOf(flag) + 1] = testInfo.outputPath(args[args.indexOf(flag) + 1]);
  console.log(
    execFileSync('npx', ['tsx', 'src/cli/vsml.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 }).trim(),
  );
  const file = JSON.parse(await readFile(testInfo.outputPath(`explain-${example}.json`), 'utf8'));
  expect(file.format).toBe('vsml-explanation');
  expect(file.example).toBe(example);
  const cell = file.layers[0].cells[0];
  expect([cell.a, cell.b]).toEqual([350, 3]);
  const cli = {
    cBefore: cell.before.c as number[],
    cAfter: cell.ticks[T - 1].c as number[],
    hAfter: cell.ticks[T - 1].h as number[],
    gates: Array.from({ length: N }, (_, j) =>
      Array.from({ length: T }, (_, t) => ['i', 'f', 'o', 'g'].map((g) => cell.ticks[t][g][j] as number)),
    ).flat(),
  };
  let worst = 0;
  const compare = (name: string, a: number[], b: number[]) => {
    expect(a).toHaveLength(b.length);
    let d = 0;
    for (let k = 0; k < a.length; k++) d = Math.max(d, Math.abs(a[k] - b[k]));
    console.log(
      `cell (350, 3) ${name}: page ${a
        .slice(0, 3)
        .map((v) => v.toFixed(6))
        .join(', ')} … vs vsml trace ${b
        .slice(0, 3)
        .map((v) => v.toFixed(6))
        .join(', ')} …; largest |difference| ${d.toExponential(2)}`,
    );
    worst = Math.max(worst, d);
  };
  compare('c before', page_.cBefore, cli.cBefore);
  compare('c after', page_.cAfter, cli.cAfter);
  compare('h after', page_.hAfter, cli.hAfter);
  compare('gates i, f, o, g', page_.gates.flat(), cli.gates.flat());
  expect(worst).toBeLessThanOrEqual(1e-4);
  expect(file.predicted).toBe(Number(await view.getAttribute('data-predicted')));

  // The next example, then back to the live views: the session has taken exactly the examples explained.
  await page.getByTestId('explain-stage-7').click();
  await page.getByTestId('explain-next').click();
  await expect(view).toHaveAttribute('data-example', String(example + 1));
  await expect(view).toHaveAttribute('data-stage', 'input');
  // Presentation mode (a projector): the view fills the page under the toolbar and its buttons stay on screen.
  await page.getByTestId('presentation').click();
  await expect(page.locator('html')).toHaveClass(/present/);
  await expect(page.getByTestId('explain-next')).toBeInViewport();
  await page.getByTestId('explain-stage-4').click();
  await page.screenshot({ path: testInfo.outputPath('explain-present.png') });
  await page.getByTestId('presentation').click();
  await expect(page.locator('html')).not.toHaveClass(/present/);
  await page.getByTestId('explain-stage-1').click();

  // Slow motion: at 1.5 s per stage it moves on by itself; back to "my own pace" it stays.
  await page.getByTestId('explain-pace').selectOption('1.5');
  await expect(view).toHaveAttribute('data-stage', 'forward');
  await page.getByTestId('explain-pace').selectOption('0');
  const held = await view.getAttribute('data-stage');
  await page.waitForTimeout(2000);
  await expect(view).toHaveAttribute('data-stage', held ?? '');
  await page.getByTestId('explain-close').click();
  await expect(view).toHaveCount(0);
  await expect(page.locator('#views')).toBeVisible();
  await expect(page.getByTestId('examples-seen')).toHaveText(String(example + 2));
  await expect(page.getByTestId('explain-open')).toBeFocused();
});

test('explain this step on a learner with a hidden layer: a layer picker, and layer 2’s cell equals vsml trace --explain --cell 1,5,7', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  // The shipped V_M with one hidden layer of 16 (V_M is shared, so any grid takes it), on 14 x 14 digits.
  const learner = JSON.parse(await readFile(resolve(ROOT, 'public/learners/vsml-mnist.learner.json'), 'utf8'));
  learner.config.hiddenSizes = [16];
  const learnerText = JSON.stringify(learner);
  await writeFile(testInfo.outputPath('deep.learner.json'), learnerText);
  await page.goto('/?S=1&base=&resize=14&speed=4');
  await waitForExamples(page, 1);
  const seen = page.getByTestId('examples-seen');
  const session = Number(await seen.getAttribute('data-session'));
  await page
    .getByTestId('learner-file')
    .setInputFiles({ name: 'deep.learner.json', mimeType: 'application/json', buffer: Buffer.from(learnerText) });
  await expect(seen).toHaveAttribute('data-session', String(session + 1));
  await waitForExamples(page, 2);
  await page.getByTestId('play-pause').click();
  await expect(seen).toHaveAttribute('data-playing', 'false');

  await page.getByTestId('explain-open').click();
  const view = page.getByTestId('explain-view');
  await expect(view).toHaveAttribute('data-busy', 'false');
  await expect.poll(async () => Number(await view.getAttribute('data-example'))).toBeGreaterThanOrEqual(2);
  const example = Number(await view.getAttribute('data-example'));
  const layer = page.getByTestId('explain-layer');
  await expect(layer.locator('option')).toHaveText(['1: 196 × 16', '2: 16 × 10']);
  await page.getByTestId('explain-stage-6').click();
  await expect(page.getByTestId('explain-caption')).toContainText('row b of layer 2');
  await layer.selectOption('1');
  await expect(page.getByTestId('explain-caption')).toContainText('reads eb in the first dimension');
  await page.getByTestId('explain-stage-3').click();
  await expect(page.getByTestId('explain-grid-map')).toHaveAttribute('data-rows', '16');
  await expect(page.getByTestId('explain-grid-map')).toHaveAttribute('data-cols', '10');
  await page.getByTestId('explain-cell-a').fill('5');
  await page.getByTestId('explain-cell-b').fill('7');
  await expect(page.getByTestId('explain-cell')).toHaveAttribute('data-layer', '1');
  await expect(page.getByTestId('explain-cell')).toHaveAttribute('data-a', '5');
  await expect(page.getByTestId('explain-cell')).toHaveAttribute('data-b', '7');
  await page.screenshot({ path: testInfo.outputPath('explain-deep-layer2.png'), fullPage: true });

  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await page.getByTestId('explain-download').click();
  await expect.poll(() => downloads.length).toBe(2);
  for (const d of downloads) await d.saveAs(testInfo.outputPath(d.suggestedFilename()));
  const command = (await page.getByTestId('explain-command').textContent()) ?? '';
  expect(command).toContain(`--learner deep.learner.json`);
  expect(command).toContain(`--explain ${example} --explain-out explain-${example}.json --cell 1,5,7`);
  const args = command.replace(/^npm run vsml -- /, '').split(' ');
  for (const flag of ['--learner', '--stream', '--state', '--explain-out', '--out'])
    args[args.indexOf(flag) + 1] = testInfo.outputPath(args[args.indexOf(flag) + 1]);
  console.log(
    execFileSync('npx', ['tsx', 'src/cli/vsml.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 }).trim(),
  );
  const cell = JSON.parse(await readFile(testInfo.outputPath(`explain-${example}.json`), 'utf8')).layers[1].cells[0];
  expect([cell.a, cell.b]).toEqual([5, 7]);
  let worst = 0;
  for (let j = 0; j < 16; j++) {
    worst = Math.max(worst, Math.abs((await cellValue(page, `c-before-${j}`)) - cell.before.c[j]));
    for (let t = 0; t < 2; t++) {
      for (const g of ['i', 'f', 'o', 'g', 'c', 'h'])
        worst = Math.max(worst, Math.abs((await cellValue(page, `t${t}-${g}-${j}`)) - cell.ticks[t][g][j]));
    }
  }
  console.log(
    `layer 2, cell (5, 7) of example ${example} on ${await page.getByTestId('backend-badge').textContent()}: page vs vsml trace, largest |difference| over c before, gates, c′ and h′: ${worst.toExponential(2)}`,
  );
  expect(worst).toBeLessThanOrEqual(1e-4);
});
