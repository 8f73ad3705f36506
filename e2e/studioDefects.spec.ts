// Issue 10's studio and trainer defects, each shown fixed in the production build (SwiftShader WebGPU):
// links with bad keys name each one and run the rest; a link value the worker refuses is named by its
// key and replaced by its default; a learner file nested 5,000 deep or over 64 MiB is refused naming
// the file, and later changes still open; a data file picked while an open is in flight is checked;
// the trainer names an autosave record that is not text instead of "nothing saved to resume".
// Every read after an action polls for the state.
import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { examplesSeen, waitForExamples } from './fixtures/studio';

const SHARED = resolve(import.meta.dirname, '../../shared/data');
/** A class name of the Sum Sign task (src/data/classNames.ts). */
const SUM_SIGN_CLASS = 'sum >= 0';

/** Put a File made in the page (so no bytes cross the wire) into the file input `testId`. */
async function pickMadeFile(page: Page, testId: string, name: string, bytes: number): Promise<void> {
  await page.getByTestId(testId).evaluate(
    (input, { name, bytes }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(bytes)], name));
      (input as HTMLInputElement).files = dt.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    { name, bytes },
  );
}

/** The studio keeps counting: more examples than now, soon. */
async function stillRuns(page: Page): Promise<void> {
  await waitForExamples(page, (await examplesSeen(page)) + 2);
}

test.describe('studio defects of issue 10', () => {
  test('a link: each bad key named and the rest used; ?learner=nope runs the default learner; ?resize=512 named by resize', async ({
    page,
  }) => {
    await page.goto('/?learner=nope&S=2&zoom=3&speed=0');
    const urlError = page.getByTestId('url-error');
    await expect(urlError).toContainText(
      'learner: unknown learner "nope" (known: vsml-mnist, vsml-clone-sgd, trained)',
    );
    await expect(urlError).toContainText('zoom: unknown setting');
    await expect(urlError).toContainText('speed: must be an integer in [1, 100000], got "0"');
    await expect(urlError).toContainText('their defaults are used');
    await expect(page.getByTestId('runs')).toHaveValue('2');
    await expect(page.getByTestId('learner')).toHaveValue('vsml-mnist');
    await waitForExamples(page, 3);
    await expect(page.getByTestId('error-message')).toHaveCount(0);

    await page.goto('/?resize=512&S=2');
    await expect(page.getByTestId('url-error')).toContainText('resize: ');
    await expect(page.getByTestId('url-error')).toContainText('its default is used');
    await waitForExamples(page, 3);
    await expect.poll(() => new URL(page.url()).searchParams.get('resize')).toBeNull();
    await expect.poll(() => new URL(page.url()).searchParams.get('S')).toBe('2');
    await expect(page.getByTestId('resize')).toHaveValue('none');
  });

  test('learner files nested 5,000 deep or over 64 MiB are refused naming the file; the session goes on and later changes open', async ({
    page,
  }) => {
    await page.goto('/?S=2');
    await waitForExamples(page, 3);
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    await page
      .getByTestId('learner-file')
      .setInputFiles({ name: 'deep.learner.json', mimeType: 'application/json', buffer: Buffer.from(deep) });
    await expect(page.getByTestId('error-message')).toHaveText(
      /^deep\.learner\.json: not a learner: nested deeper than 64 levels/,
    );
    await stillRuns(page);

    await pickMadeFile(page, 'learner-file', 'huge.learner.json', 65 * 2 ** 20);
    await expect(page.getByTestId('error-message')).toHaveText(
      /^huge\.learner\.json: file is 65 MiB, over the 64 MiB limit for a learner file/,
    );
    await stillRuns(page);

    // The open queue still works: S and the dataset change what runs, and the URL says so.
    await page.getByTestId('runs').selectOption('4');
    await expect.poll(() => new URL(page.url()).searchParams.get('S')).toBe('4');
    await page.getByTestId('dataset').selectOption('sum-sign');
    await expect.poll(() => new URL(page.url()).searchParams.get('data')).toBe('sum-sign');
    await expect(page.getByTestId('output-probabilities')).toContainText(SUM_SIGN_CLASS);
    await stillRuns(page);
    await expect(page.getByTestId('learner')).toHaveValue('vsml-mnist');
  });

  test('a data file picked while an open is in flight is checked: a bad one is named, the good set runs', async ({
    page,
  }) => {
    await page.goto('/?data=fashion-mnist&S=2');
    await expect(page.getByText('Task: fashion-mnist')).toBeVisible(); // the built-in subset runs until the pair is loaded
    await page
      .getByTestId('data-file-labels')
      .setInputFiles(resolve(SHARED, 'fashion-mnist/t10k-labels-idx1-ubyte.gz'));
    await page
      .getByTestId('data-file-images')
      .setInputFiles(resolve(SHARED, 'fashion-mnist/t10k-images-idx3-ubyte.gz'));
    // Picked right away, while the worker opens the first complete set.
    await page
      .getByTestId('data-file-labels')
      .setInputFiles({ name: 'bad-labels.gz', mimeType: 'application/gzip', buffer: Buffer.from('garbage') });
    await expect(page.getByTestId('error-message')).toContainText('bad-labels.gz');
    await waitForExamples(page, 3);
    await expect(page.getByTestId('output-probabilities')).toContainText('Ankle boot');
    await stillRuns(page);

    await pickMadeFile(page, 'data-file-images', 'huge-images.gz', 257 * 2 ** 20);
    await expect(page.getByTestId('error-message')).toHaveText(
      /^huge-images\.gz: file is 257 MiB, over the 256 MiB limit for a data file/,
    );
    await stillRuns(page);
  });
});

test.describe('trainer defects of issue 10', () => {
  test("an autosave record that is an object is named, in resume's refusal and in the offer, and can be discarded", async ({
    page,
  }) => {
    await page.goto('/trainer.html');
    await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open('vsml-studio');
        r.onupgradeneeded = () => r.result.createObjectStore('kv');
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      const tx = db.transaction('kv', 'readwrite');
      tx.objectStore('kv').put({ format: 'vsml-trainer-autosave', version: 1 }, 'trainer-autosave');
      tx.objectStore('kv').put(
        JSON.stringify({ step: 3, totalSteps: 60, savedAt: new Date().toISOString(), configName: 'quick-demo' }),
        'trainer-autosave-meta',
      );
      await new Promise((res) => (tx.oncomplete = res));
      db.close();
    });
    await page.reload();
    await expect(page.getByTestId('resume-offer')).toHaveAttribute('data-step', '3');
    await page.getByTestId('resume-saved').click();
    await expect(page.getByTestId('error-message')).toContainText(
      'autosave: "trainer-autosave" holds an object, not the text this app saves there; discard it to start afresh',
    );

    await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((res) => {
        const r = indexedDB.open('vsml-studio');
        r.onsuccess = () => res(r.result);
      });
      const tx = db.transaction('kv', 'readwrite');
      tx.objectStore('kv').delete('trainer-autosave-meta');
      await new Promise((res) => (tx.oncomplete = res));
      db.close();
    });
    await page.reload();
    await expect(page.getByTestId('saved-unreadable')).toContainText(
      '"trainer-autosave" holds an object, not the text this app saves there',
    );
    await page.getByTestId('discard-saved').click();
    await expect(page.getByTestId('saved-unreadable')).toHaveCount(0);
    await page.reload();
    await expect(page.getByTestId('trainer-preset')).toHaveValue('quick-demo');
    await expect(page.getByTestId('saved-unreadable')).toHaveCount(0);
    await expect(page.getByTestId('resume-offer')).toHaveCount(0);
  });
});
