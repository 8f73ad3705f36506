// The bad-input corpus (test/corpus/cases.ts) in the studio: every learner-file and data-file row with
// a `studio` line goes into the page's file inputs, one after another on one open page, and the error
// banner must name the file and the field while the session keeps counting; then each bad link, whose
// banner must name every bad key. Runs in Chromium without WebGPU (the CPU engine in the worker):
// reading files and links needs no GPU, and it is quicker on SwiftShader machines.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { CHROMIUM_NO_WEBGPU_ARGS } from '../playwright.config';
import { FILE_CASES, URL_CASES, type FileCase } from '../test/corpus/cases';
import { generateCorpus, type GeneratedName } from '../test/corpus/generate';
import { CORPUS_FILES } from '../test/corpus/invoke';
import { examplesSeen, waitForExamples } from './fixtures/studio';

test.use({ launchOptions: { executablePath: '/usr/bin/chromium', args: CHROMIUM_NO_WEBGPU_ARGS } });

let dir: string;
let gen: Record<GeneratedName, string>;
test.beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vsml-corpus-e2e-'));
  gen = await generateCorpus(dir);
});
test.afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The file a row names, as a path (generated, or committed under test/corpus/files). */
const pathOf = (c: FileCase): string =>
  c.input.startsWith('gen:') ? gen[c.input.slice(4) as GeneratedName] : join(CORPUS_FILES, c.input);

const studioRows = (slot: 'learner' | 'images' | 'labels'): FileCase[] =>
  FILE_CASES.filter(
    (c) => c.studio !== undefined && c.slots[0] === slot && c.input !== 'missing' && c.input !== 'directory',
  );

/**
 * Feed a row's file to a file input; the error banner must show its line (after dismissing the last
 * one). A refused data file puts the settings back to the running session's, so a data row first
 * chooses Fashion-MNIST again (its files already given are kept).
 */
async function feed(page: Page, input: string, c: FileCase): Promise<void> {
  const banner = page.getByTestId('error-message');
  if ((await banner.count()) > 0) await banner.getByRole('button', { name: 'dismiss' }).click();
  await expect(banner).toHaveCount(0);
  if (input !== 'learner-file') await page.getByTestId('dataset').selectOption('fashion-mnist');
  const path = pathOf(c);
  await page.getByTestId(input).setInputFiles(path);
  await expect
    .soft(banner, c.id)
    .toContainText((c.studio as string).replace('{name}', basename(path)), { timeout: 20_000 });
}

test('the studio refuses every corpus learner and data file, naming it and the field, and keeps running', async ({
  page,
}) => {
  await page.goto('/?S=1&base=');
  await waitForExamples(page, 3);
  const learners = studioRows('learner');
  for (const c of learners) await feed(page, 'learner-file', c);
  await expect(page.getByTestId('learner')).toHaveValue('vsml-mnist');
  const afterLearners = await examplesSeen(page);
  await waitForExamples(page, afterLearners + 3);

  // Fashion-MNIST runs its built-in subset; a good labels file makes it wait for images; then each bad images file.
  await page.getByTestId('dataset').selectOption('fashion-mnist');
  await expect(page.getByText('Task: fashion-mnist')).toBeVisible();
  await page.getByTestId('data-file-labels').setInputFiles(gen['labels.idx']);
  await expect(page.getByTestId('notice')).toContainText('load its images file');
  const images = studioRows('images');
  for (const c of images) await feed(page, 'data-file-images', c);
  // Then the good images (the session opens on the good pair) and each bad labels file.
  await page.getByTestId('dataset').selectOption('fashion-mnist');
  const seen = page.getByTestId('examples-seen');
  const session = Number(await seen.getAttribute('data-session'));
  await page.getByTestId('data-file-images').setInputFiles(gen['images.idx']);
  // The pair's session is in (its install clears the last refusal's banner) before the labels rows.
  await expect.poll(async () => Number(await seen.getAttribute('data-session'))).toBeGreaterThan(session);
  await expect(page.getByTestId('error-message')).toHaveCount(0);
  const labels = studioRows('labels');
  for (const c of labels) await feed(page, 'data-file-labels', c);
  const afterData = await examplesSeen(page);
  await waitForExamples(page, afterData + 3);
  console.log(
    `corpus in the studio: ${learners.length} learner files, ${images.length} images files, ${labels.length} labels files refused; the session kept counting`,
  );
});

test('a link with bad keys names each one in its banner', async ({ page }) => {
  for (const c of URL_CASES) {
    await page.goto(`/?${c.query}`);
    const banner = page.getByTestId('url-error');
    for (const named of c.named) await expect(banner, c.id).toContainText(named);
  }
  console.log(
    `corpus links in the studio: ${URL_CASES.length} links, ${URL_CASES.reduce((n, c) => n + c.named.length, 0)} bad keys named`,
  );
});
