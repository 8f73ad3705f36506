// Fast association (the paper's Fig. 9) in the production build on SwiftShader WebGPU: the association
// stream with fresh episodes and 2 runs, paused at an exact count N; the strip marks showings and
// episodes; the table's first- and second-showing accuracies of VSML and every baseline equal
// `vsml evaluate --stream association --fresh` on the same data (built-in MNIST test), seed 22, 2
// runs and N steps, number for number. The table is screenshot for the record.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type Page } from '@playwright/test';
import { examplesSeen, waitForExamples } from './fixtures/studio';

const ROOT = resolve(import.meta.dirname, '..');
const LEARNERS = ['vsml', 'sgd', 'adam', 'sgd-deep', 'adam-deep'] as const;
const RUNS = 2;

interface Showing {
  readonly mean: number;
  readonly std: number | null;
  readonly count: number;
}

/** One cell of the table: its exact numbers (null: no such showing yet). */
async function cell(page: Page, learner: string, kind: 'first' | 'second'): Promise<Showing | null> {
  const td = page.getByTestId(`showing-${learner}-${kind}`);
  const count = Number(await td.getAttribute('data-count'));
  if (count === 0) return null;
  const std = await td.getAttribute('data-std');
  return {
    mean: Number(await td.getAttribute('data-mean')),
    std: std === '' || std === null ? null : Number(std),
    count,
  };
}

/** `vsml evaluate` of one learner on the page's stream, in its own process; the file's association field. */
async function evaluate(
  learner: string,
  steps: number,
  dir: string,
): Promise<{ first: Showing | null; second: Showing | null; line: string }> {
  const out = join(dir, `${learner}.json`);
  const file = learner === 'vsml' ? 'public/learners/vsml-mnist.learner.json' : learner;
  const args = [
    '--import',
    'tsx',
    'src/cli/vsml.ts',
    'evaluate',
    '--learner',
    file,
    '--dataset',
    'mnist',
    '--stream',
    'association',
    '--fresh',
    '--steps',
    String(steps),
    '--runs',
    String(RUNS),
    '--seed',
    '22',
    '--out',
    out,
  ];
  const { stdout } = await promisify(execFile)(process.execPath, args, { cwd: ROOT, timeout: 600_000 });
  const doc = JSON.parse(await readFile(out, 'utf8'));
  return {
    first: doc.association.first,
    second: doc.association.second,
    line: stdout
      .split('\n')
      .filter((l) => l.includes('showings'))
      .join(' | '),
  };
}

test('fast association: the table of first and second showings equals vsml evaluate on the same stream and seeds', async ({
  page,
}, info) => {
  test.setTimeout(900_000);
  await page.goto(`/?stream=association&fresh=1&S=${RUNS}`);
  await expect(page.getByTestId('stream')).toHaveValue('association');
  await expect(page.getByTestId('association-order')).toHaveValue('apart');
  await expect(page.getByTestId('association-fresh')).toBeChecked();

  // Past the first episode (20 steps) and into the third, then pause at an exact count.
  await waitForExamples(page, 45);
  await page.getByTestId('play-pause').click();
  await expect(page.getByTestId('examples-seen')).toHaveAttribute('data-playing', 'false');
  const N = await examplesSeen(page);
  console.log(
    `paused after ${N} examples (${RUNS} runs, backend: ${await page.getByTestId('backend-badge').textContent()})`,
  );

  // The frame of that count: every learner's showings add up to N per run.
  const table = page.getByTestId('association-table');
  for (const learner of LEARNERS) {
    await expect
      .poll(
        async () =>
          ((await cell(page, learner, 'first'))?.count ?? 0) + ((await cell(page, learner, 'second'))?.count ?? 0),
        { timeout: 60_000 },
      )
      .toBe(RUNS * N);
  }
  await expect(page.getByTestId('strip-marks')).toHaveCount(1);
  await expect(page.getByTestId('strip-marks-legend')).toContainText('second showing');
  await expect(page.getByTestId('introspection-strip-summary')).toContainText(
    /first showings \d+ of \d+ right, second showings \d+ of \d+ right/,
  );
  await expect(page.getByTestId('association-verdict')).toContainText('of second showings right.');
  await table.scrollIntoViewIfNeeded();
  await table.screenshot({ path: info.outputPath('association-table.png') });
  await page.screenshot({ path: info.outputPath('association-page.png'), fullPage: true });

  const dir = await mkdtemp(join(tmpdir(), 'vsml-e2e-association-'));
  const cli = await Promise.all(LEARNERS.map((l) => evaluate(l, N, dir)));
  for (const [i, learner] of LEARNERS.entries()) {
    const page1 = await cell(page, learner, 'first');
    const page2 = await cell(page, learner, 'second');
    console.log(
      `${learner}: page first ${JSON.stringify(page1)} second ${JSON.stringify(page2)}; vsml evaluate: ${cli[i].line}`,
    );
    expect(page1, `${learner}, first showings`).toEqual(cli[i].first);
    expect(page2, `${learner}, second showings`).toEqual(cli[i].second);
  }
  console.log(`verdict: ${await page.getByTestId('association-verdict').textContent()}`);
});
