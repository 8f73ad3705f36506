// The studio against the production build, on Chromium's SwiftShader WebGPU: it opens learning, the
// views are live and consistent, presets are links, bad files are refused without stopping the run,
// and without WebGPU the CPU engine runs and says so. Screenshots of each screen go to test-results/.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { installFrameTimer, longTaskObserverWorks, readFrameTimes } from './fixtures/frameTimer';
import { canvasColours, examplesSeen, waitForExamples } from './fixtures/studio';

const SHARED = resolve(import.meta.dirname, '../../shared/data');

/** The bytes of the file a click on the button downloads. */
async function download(page: Page, button: string | Locator): Promise<Buffer> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    (typeof button === 'string' ? page.getByTestId(button) : button).click(),
  ]);
  const path = await file.path();
  return readFile(path);
}

test.describe('the studio on WebGPU', () => {
  test('opens on the default learner learning MNIST, live: chart, probabilities, heatmap, throughput', async ({
    page,
  }, info) => {
    await installFrameTimer(page);
    await page.goto('/');
    const badge = page.getByTestId('backend-badge');
    // The session starts on the CPU engine and moves onto WebGPU once its pipelines are compiled
    // (SwiftShader compiles slowly on a loaded machine).
    await expect(badge).toContainText('WebGPU', { timeout: 150_000 });
    await expect(badge).toContainText(/SwiftShader|Google|Vulkan|NVIDIA|software/i);
    console.log(`backend badge: ${await badge.textContent()}`);
    await expect(page.getByTestId('fallback-banner')).toHaveCount(0);

    const seen = await waitForExamples(page, 30);
    const chart = page.getByTestId('accuracy-chart');
    await expect.poll(async () => Number(await chart.getAttribute('data-points'))).toBeGreaterThanOrEqual(30);
    const sum = Number(await page.getByTestId('output-probabilities').getAttribute('data-sum'));
    expect(Math.abs(sum - 1)).toBeLessThanOrEqual(1e-3);
    const bars = await page
      .getByTestId('output-probabilities')
      .locator('[data-p]')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-p'))));
    expect(bars).toHaveLength(10);
    expect(Math.abs(bars.reduce((a, b) => a + b, 0) - 1)).toBeLessThanOrEqual(1e-3);
    await page.locator('section[aria-label="state heatmap"]').scrollIntoViewIfNeeded(); // read back only while on screen
    await expect.poll(() => canvasColours(page, 'state-heatmap')).toBeGreaterThan(20);
    await expect.poll(() => canvasColours(page, 'input-image')).toBeGreaterThan(2);
    // Hover reads (a, b, value) off the heatmap, live.
    const heat = await page.getByTestId('state-heatmap').boundingBox();
    expect(heat).not.toBeNull();
    await page.mouse.move((heat?.x ?? 0) + 40, (heat?.y ?? 0) + 40);
    await expect(page.getByTestId('state-heatmap-figure')).toContainText(/a \d+ \(y \d+, x \d+\) · b 0 · value -?\d/);
    await expect(page.getByTestId('introspection-strip')).toBeVisible();
    await expect(page.getByTestId('speed')).toContainText('examples/s');
    console.log(`after ${seen} examples: ${await page.getByTestId('speed').textContent()}`);
    await page.screenshot({ path: info.outputPath('studio-running.png'), fullPage: true });

    // Frame times while the worker runs flat out, over 5 s: reported, not gated (a loaded machine
    // makes long tasks of short ones); the probe itself must work.
    const times = await readFrameTimes(page, 5000);
    console.log(`main thread while running: ${JSON.stringify(times)}`);
    info.annotations.push({ type: 'frame times while running', description: JSON.stringify(times) });
    expect(await longTaskObserverWorks(page)).toBe(true);

    // Pause stops it; one step advances by exactly one. The count is read once the worker's loop
    // says it has stopped (the block in flight ended and its frame arrived).
    await page.getByTestId('play-pause').click();
    await expect(page.getByTestId('play-pause')).toContainText('Play');
    const seenNow = page.getByTestId('examples-seen');
    await expect(seenNow).toHaveAttribute('data-playing', 'false');
    const paused = await examplesSeen(page);
    console.log(`main thread while paused: ${JSON.stringify(await readFrameTimes(page, 3000))}`);
    expect(await examplesSeen(page)).toBe(paused); // paused means paused (3 s later)
    await page.getByTestId('step').click();
    await expect.poll(() => examplesSeen(page)).toBe(paused + 1);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => examplesSeen(page)).toBe(paused + 2);

    // The curves as CSV (one row per example) and the accuracy chart as PNG and SVG.
    const csv = await download(page, 'export-csv');
    const rows = csv.toString('utf8').trim().split('\n');
    expect(rows[0]).toBe(
      'examples,vsml_mean,vsml_std,sgd_mean,sgd_std,adam_mean,adam_std,sgd-deep_mean,sgd-deep_std,adam-deep_mean,adam-deep_std',
    );
    expect(rows).toHaveLength(paused + 3);
    const json = JSON.parse((await download(page, 'export-json')).toString('utf8'));
    expect(json.format).toBe('vsml-accuracy');
    const png = await download(page, chart.getByRole('button', { name: 'PNG' }));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    const svg = (await download(page, chart.getByRole('button', { name: 'SVG' }))).toString('utf8');
    expect(svg).toContain('<svg');
  });

  test('a preset link reproduces its settings; a click on another preset puts its settings in the URL', async ({
    page,
  }, info) => {
    await page.goto('/?cls=0,1,2,3,4');
    await expect(page.getByTestId('preset-five-classes')).toHaveClass(/active/);
    await expect(page.getByTestId('classes')).toHaveValue('0,1,2,3,4');
    await waitForExamples(page, 5);
    await expect(page.getByTestId('output-probabilities').locator('[data-p]')).toHaveCount(5);
    await expect(page.getByTestId('preset-expect')).toContainText('What to expect: A close race: 0.85 for VSML');
    await page.screenshot({ path: info.outputPath('preset-five-classes.png'), fullPage: true });

    await page.getByTestId('preset-shuffled-pixels').click();
    await expect(page).toHaveURL(/\?shuffle=1$/);
    await expect(page.getByTestId('shuffle')).toBeChecked();
    await expect(page.getByTestId('classes')).toHaveValue('');
    await expect(page.getByTestId('output-probabilities').locator('[data-p]')).toHaveCount(10, { timeout: 120_000 });

    await page.getByTestId('preset-sum-sign').click();
    await expect(page).toHaveURL(/\?data=sum-sign$/);
    await expect(page.getByTestId('output-probabilities').locator('[data-p]')).toHaveCount(2, { timeout: 120_000 });
    // Where VSML loses, the page says so plainly (in the warning colour), not as a showcase.
    await expect(page.getByTestId('preset-expect')).toContainText('What to expect: VSML loses here.');
    await expect(page.getByTestId('preset-expect')).toHaveClass(/behind/);
    await page.screenshot({ path: info.outputPath('preset-sum-sign.png'), fullPage: true });

    await page.getByTestId('preset-fast-association').click();
    await expect(page).toHaveURL(/\?stream=association&fresh=1&speed=4$/);
    await expect(page.getByTestId('stream')).toHaveValue('association');
    await page.reload();
    await expect(page.getByTestId('preset-fast-association')).toHaveClass(/active/);
    await expect(page.getByTestId('stream')).toHaveValue('association');
    await waitForExamples(page, 8);
    await page.screenshot({ path: info.outputPath('preset-fast-association.png'), fullPage: true });
  });

  test('a bad learner file shows its message and the run goes on; a bad data file is named and taken out, the good one stays', async ({
    page,
  }, info) => {
    await page.goto('/');
    await waitForExamples(page, 3);
    const learner = JSON.parse(
      await readFile(resolve(import.meta.dirname, '../public/learners/vsml-mnist.learner.json'), 'utf8'),
    );
    learner.params.fwd.b[2] = 'NaN';
    await page.getByTestId('learner-file').setInputFiles({
      name: 'nan.learner.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(learner)),
    });
    await expect(page.getByTestId('error-message')).toContainText('nan.learner.json');
    await expect(page.getByTestId('error-message')).toContainText('params.fwd.b[2]');
    const before = await examplesSeen(page);
    await waitForExamples(page, before + 3);
    await expect(page.getByTestId('learner')).toHaveValue('vsml-mnist');
    await page.screenshot({ path: info.outputPath('bad-learner.png'), fullPage: true });

    const short = JSON.parse(
      await readFile(resolve(import.meta.dirname, '../public/learners/vsml-mnist.learner.json'), 'utf8'),
    );
    short.params.fwd.b = short.params.fwd.b.slice(1);
    await page.getByTestId('learner-file').setInputFiles({
      name: 'short.learner.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(short)),
    });
    await expect(page.getByTestId('error-message')).toContainText('short.learner.json');
    await expect(page.getByTestId('error-message')).toContainText('params.fwd.b');
    await page
      .getByTestId('learner-file')
      .setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not json') });
    await expect(page.getByTestId('error-message')).toContainText('notes.txt: not a JSON file');

    await page.getByTestId('dataset').selectOption('fashion-mnist');
    await expect(page.getByTestId('output-probabilities')).toContainText('Ankle boot'); // the built-in subset runs
    await page
      .getByTestId('data-file-images')
      .setInputFiles({ name: 'images.gz', mimeType: 'application/gzip', buffer: Buffer.from('garbage') });
    await page
      .getByTestId('data-file-labels')
      .setInputFiles(resolve(SHARED, 'fashion-mnist/t10k-labels-idx1-ubyte.gz'));
    await expect(page.getByTestId('error-message')).toContainText('images.gz');
    // The bad images file is out, the good labels stay, and the page asks for images in place of the views.
    await expect(page.getByTestId('files-needed')).toContainText('images');
    await expect(page.getByTestId('notice')).toContainText('load its images file');
    await page
      .getByTestId('data-file-images')
      .setInputFiles(resolve(SHARED, 'fashion-mnist/t10k-images-idx3-ubyte.gz'));
    await expect(page.getByTestId('files-needed')).toHaveCount(0);
    await waitForExamples(page, 3);
    await expect(page.getByTestId('output-probabilities')).toContainText('Ankle boot');
    await page.screenshot({ path: info.outputPath('bad-data-file.png'), fullPage: true });
  });
});
