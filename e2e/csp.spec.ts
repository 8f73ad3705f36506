// The Content-Security-Policy: the preview server sends it with every page and asset, and the studio
// (running, exporting its charts) and the trainer (loading, starting a run) break none of it.
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { CONTENT_SECURITY_POLICY } from '../scripts/contentSecurityPolicy';
import { watchCsp } from './fixtures/csp';
import { waitForExamples } from './fixtures/studio';
import { TrainerPage } from './fixtures/trainer';

test('every page and asset comes with the Content-Security-Policy', async ({ page, request }) => {
  console.log(`Content-Security-Policy: ${CONTENT_SECURITY_POLICY}`);
  for (const path of ['/', '/trainer.html', '/check.html', '/bench.html', '/learners/vsml-mnist.learner.json']) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(200);
    expect(res.headers()['content-security-policy'], path).toBe(CONTENT_SECURITY_POLICY);
  }
  // The scripts the pages load, workers included.
  const scripts: string[] = [];
  page.on('response', (r) => {
    if (r.url().endsWith('.js')) scripts.push(r.url());
  });
  await page.goto('/');
  await waitForExamples(page, 1);
  expect(scripts.some((u) => /session\.worker-[\w-]+\.js$/.test(u))).toBe(true);
  for (const url of scripts)
    expect((await request.get(url)).headers()['content-security-policy'], url).toBe(CONTENT_SECURITY_POLICY);
});

test('the studio runs and exports, and the trainer starts a run, with no CSP violation', async ({ page }) => {
  const violations = await watchCsp(page);
  await page.goto('/?S=2');
  await waitForExamples(page, 5);
  const chart = page.getByTestId('accuracy-chart');
  const [png] = await Promise.all([page.waitForEvent('download'), chart.getByRole('button', { name: 'PNG' }).click()]);
  expect(png.suggestedFilename()).toMatch(/\.png$/);
  // The SVG still carries the computed styles, written through the CSSOM.
  const [svg] = await Promise.all([page.waitForEvent('download'), chart.getByRole('button', { name: 'SVG' }).click()]);
  expect(await readFile(await svg.path(), 'utf8')).toMatch(/<text [^>]*style="[^"]*font-family: [^"]+"/);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  expect(csv.suggestedFilename()).toMatch(/\.csv$/);

  const trainer = new TrainerPage(page);
  await trainer.goto();
  await trainer.setField('evaluation.runs', '2');
  await trainer.setField('evaluation.steps', '20');
  await trainer.checked();
  await page.getByTestId('start').click();
  await trainer.waitForStep(1);
  await trainer.pause();
  console.log(`CSP violations: ${JSON.stringify(violations)}`);
  expect(violations).toEqual([]);
  // The watch itself works: an inline script, which the policy forbids, is reported.
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'void 0';
    document.body.append(s);
  });
  await expect.poll(() => violations.length).toBe(1);
  expect(violations[0]).toContain('script-src-elem blocked inline');
});
