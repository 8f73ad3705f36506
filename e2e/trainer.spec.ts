// The meta-trainer page (trainer.html) against the production build, on Chromium's SwiftShader WebGPU:
// the quick demo trains live in the worker (loss, evaluations, population, progress), pauses, survives
// a reload through the IndexedDB autosave, exports a learner and a checkpoint, resumes an imported
// checkpoint, and opens the trained learner in the studio. Bad input is refused where it is typed or
// in the error banner. Screenshots of each screen go to test-results/.
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { probeAdapter } from './fixtures/adapter';
import { waitForExamples } from './fixtures/studio';
import { TrainerPage } from './fixtures/trainer';

const SHARED = resolve(import.meta.dirname, '../../shared/data');

test.describe('the trainer on WebGPU', () => {
  test('the quick demo trains live, resumes after a reload, exports, and opens in the studio', async ({
    page,
  }, info) => {
    test.setTimeout(420_000);
    const adapter = await (async () => {
      await page.goto('/trainer.html');
      return probeAdapter(page);
    })();
    console.log(`adapter: ${JSON.stringify(adapter.info)}`);
    expect(adapter.available).toBe(true);

    const trainer = new TrainerPage(page);
    await trainer.goto();
    await expect(page.getByTestId('trainer-preset')).toHaveValue('quick-demo');
    await expect(page.getByTestId('resume-offer')).toHaveCount(0);
    console.log(`quick demo: ${await trainer.checked()}`);
    const json = JSON.parse(await page.getByTestId('config-json').inputValue());
    expect(json).toMatchObject({
      format: 'vsml-meta-config',
      pairs: 16,
      trajectoryLength: 30,
      init: 'public/learners/vsml-clone-sgd.learner.json',
    });

    // A refused value is named beside its field and Start waits; a good one clears it.
    await trainer.setField('pairs', '0');
    await expect(page.getByTestId('field-error-pairs')).toContainText('pairs: must be an integer in [1, 65536], got 0');
    await expect(page.getByTestId('start')).toBeDisabled();
    await page.screenshot({ path: info.outputPath('trainer-field-error.png'), fullPage: true });
    await trainer.setField('pairs', '16');
    await expect(page.getByTestId('field-error-pairs')).toHaveCount(0);

    // Small evaluations (SwiftShader), saved every step; the JSON follows the form.
    await trainer.setField('evaluation.runs', '2');
    await trainer.setField('evaluation.steps', '20');
    await trainer.setField('checkpointEvery', '1');
    await trainer.setField('steps', '40');
    await expect
      .poll(async () => JSON.parse(await page.getByTestId('config-json').inputValue()).evaluation.runs)
      .toBe(2);
    await trainer.checked();

    await page.getByTestId('start').click();
    await expect(page.getByTestId('backend-badge')).toContainText(/WebGPU/i);
    console.log(`backend: ${await page.getByTestId('backend-badge').textContent()}`);
    await expect(page.getByTestId('run-state')).toHaveText('training');
    await expect(page.getByTestId('wake-lock')).toHaveAttribute('data-state', /held|unsupported|refused/);
    console.log(`wake lock: ${await page.getByTestId('wake-lock').getAttribute('data-state')}`);
    await trainer.waitForStep(3);
    await expect.poll(() => trainer.lossPoints()).toBeGreaterThanOrEqual(3);
    await expect(page.getByTestId('population-histogram')).toHaveAttribute('data-count', '32');
    await expect(page.getByTestId('eval-chart')).toHaveAttribute('data-points', '1'); // step 0
    await expect(page.getByTestId('steps-per-second')).not.toHaveText('—');
    await expect(page.getByTestId('eta')).toHaveText(/^\d+[smhd]/);
    console.log(
      `live: ${await page.getByTestId('steps-per-second').textContent()} steps/s, ETA ${await page.getByTestId('eta').textContent()}`,
    );
    // Hover the loss chart: the nearest step's loss and average.
    const box = await page.getByTestId('loss-chart').locator('svg').boundingBox();
    await page.mouse.move((box?.x ?? 0) + 70, (box?.y ?? 0) + 100);
    await expect(page.getByTestId('loss-tooltip')).toContainText(/step \d+/);
    await page.screenshot({ path: info.outputPath('trainer-running.png'), fullPage: true });

    const paused = await trainer.pause();
    expect(paused).toBeGreaterThanOrEqual(3);
    await expect(page.getByTestId('loss-chart')).toHaveAttribute('data-points', String(paused));
    await page.waitForTimeout(1500); // a window in which a step would land if pause did not hold
    expect(await trainer.step()).toBe(paused); // paused means paused
    await page.screenshot({ path: info.outputPath('trainer-paused.png'), fullPage: true });

    // Reload: the autosave (IndexedDB) is offered and the run continues from its step, history and all.
    await page.reload();
    const offer = page.getByTestId('resume-offer');
    await expect(offer).toBeVisible();
    await expect(offer).toHaveAttribute('data-step', String(paused));
    await expect(offer).toContainText(`from step ${paused} of 40`);
    await page.screenshot({ path: info.outputPath('trainer-resume-offer.png'), fullPage: true });
    // Every frame from the click on: until the first frame the page shows step 0 (no run yet); the
    // resumed run's first frame is the paused step, never a restart, and every frame after it has the
    // loss of every step so far (the saved history came back).
    await trainer.recordProgress();
    await page.getByTestId('resume-saved').click();
    await expect(offer).toHaveCount(0);
    const resumed = await trainer.waitForStep(paused + 1);
    const shown = await trainer.recordedProgress();
    console.log(`resumed at step ${paused}, now ${resumed}; frames shown: ${JSON.stringify(shown)}`);
    const frames = shown.slice(shown.findIndex((f) => f.step !== 0));
    expect(frames[0].step).toBe(paused);
    expect(frames.every((f, i) => f.points === f.step && (i === 0 || f.step >= frames[i - 1].step))).toBe(true);
    await expect(page.getByText('which carries no history')).toHaveCount(0); // the autosave brought the losses back
    const again = await trainer.pause();

    // The learner and the checkpoint as files.
    const learner = await trainer.downloadJson('export-learner');
    expect(learner.doc.format).toBe('vsml-learner');
    expect(learner.name).toBe(`quick-demo-modified-step-${again}.learner.json`);
    const checkpoint = await trainer.downloadJson('export-checkpoint');
    expect(checkpoint.doc.format).toBe('vsml-checkpoint');
    expect(checkpoint.doc.step).toBe(again);

    // Importing the checkpoint resumes from it (no history in the file: earlier losses unknown).
    await page.getByTestId('import-checkpoint').setInputFiles({
      name: checkpoint.name,
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(checkpoint.doc)),
    });
    await trainer.waitForStep(again + 1);
    await expect(page.getByTestId('loss-chart')).toHaveAttribute('data-points', /\d+/);
    await expect(page.getByText('which carries no history')).toContainText(`steps 1–${again} are not known`);
    const imported = await trainer.pause();
    console.log(`imported checkpoint at step ${again}, paused at ${imported}`);
    await page.screenshot({ path: info.outputPath('trainer-imported-checkpoint.png'), fullPage: true });

    // Open in studio while the run trains: the page asks first, naming what is kept (the paused run's
    // checkpoint) and the task the studio opens; "Keep training" leaves the run going.
    await page.getByTestId('pause-resume').click();
    await expect(page.getByTestId('run-state')).toHaveText('training');
    await page.getByTestId('open-in-studio').click();
    const ask = page.getByTestId('leave-training');
    await expect(ask).toBeVisible();
    await expect(page.getByTestId('leave-training-text')).toContainText('Training is running (step');
    await expect(page.getByTestId('leave-training-text')).toContainText('pauses it');
    await expect(page.getByTestId('leave-training-text')).toContainText('mnist 7×7, classes 0, 1, 2');
    await expect(page.getByTestId('leave-cancel')).toBeFocused();
    console.log(`asked: ${await page.getByTestId('leave-training-text').textContent()}`);
    await page.screenshot({ path: info.outputPath('trainer-leave-dialog.png') });
    await page.getByTestId('leave-cancel').click();
    await expect(ask).toHaveCount(0);
    await expect(page.getByTestId('run-state')).toHaveText('training');
    const before = await trainer.step();
    await trainer.waitForStep(before + 1); // still training

    // Open in studio: the run pauses (its checkpoint saved), and the studio runs the handed-off learner
    // on the task it trained on (quick-demo: 7x7 MNIST, classes 0, 1, 2).
    await page.getByTestId('open-in-studio').click();
    await page.getByTestId('leave-confirm').click();
    await expect(page).toHaveURL(/\/\?learner=trained&resize=7&cls=0,1,2$/);
    await expect(page.getByTestId('learner')).toHaveValue('trained');
    await expect(page.getByTestId('resize')).toHaveValue('7');
    await expect(page.getByTestId('classes')).toHaveValue('0,1,2');
    await waitForExamples(page, 5);
    const seen = Number(await page.getByTestId('examples-seen').textContent());
    await waitForExamples(page, seen + 5);
    await expect(page.getByTestId('error-message')).toHaveCount(0);
    await page.screenshot({ path: info.outputPath('studio-trained-learner.png'), fullPage: true });
    // Back on the trainer page, the paused run is offered for resuming.
    await page.goto('/trainer.html');
    await expect(page.getByTestId('resume-offer')).toBeVisible();
    const kept = Number(await page.getByTestId('resume-offer').getAttribute('data-step'));
    expect(kept).toBeGreaterThan(before);
    console.log(`kept: the run paused at step ${kept} (was at ${before} when first asked)`);
  });

  test('bad input (a grid over the memory limit, files that are no checkpoint, refused list entries), then IDX files from disk', async ({
    page,
  }, info) => {
    const trainer = new TrainerPage(page);
    await trainer.goto();
    // A grid no GPU buffer holds, typed into the JSON: 48x48 inputs into a hidden layer of 4,096
    // sub-RNNs with N = 64 is a 2,304 x 4,096 x 64 state buffer of 2.25 GiB for one run. Its 32 runs
    // are over the page's memory limit too, so check() refuses it beside the JSON before Start
    // (the GPU engine's own limit message is tested in test/worker/trainerApi.test.ts).
    const doc = JSON.parse(await page.getByTestId('config-json').inputValue());
    doc.model.stateSize = 64;
    doc.model.hiddenSizes = [4096];
    doc.tasks.resize = [48];
    doc.tasks.project = [false];
    doc.init = null; // the shipped learner is for the default model
    await page.getByText('config JSON (vsml-meta-config)').click();
    await page.getByTestId('config-json').fill(JSON.stringify(doc, null, 2));
    await expect(page.getByTestId('field-tasks.resize')).toHaveValue('48'); // the form follows the JSON
    const refusal = page.getByTestId('field-error-json');
    await expect(refusal).toHaveAttribute('data-field', 'model.hiddenSizes');
    await expect(refusal).toContainText('state h and c needs');
    await expect(refusal).toContainText('cells x 128 floats x 4 bytes');
    await expect(page.getByTestId('start')).toBeDisabled();
    console.log(`check refused: ${await refusal.textContent()}`);
    await expect(page.getByTestId('run-state')).toHaveText('not started');
    await page.screenshot({ path: info.outputPath('trainer-start-refused.png'), fullPage: true });

    await page
      .getByTestId('import-checkpoint')
      .setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not json') });
    await expect(page.getByTestId('error-message')).toContainText('notes.txt: not a JSON file');
    await page.getByTestId('import-checkpoint').setInputFiles({
      name: 'learner.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format":"vsml-learner","version":1}'),
    });
    await expect(page.getByTestId('error-message')).toContainText('learner.json: checkpoint:');

    await page.getByTestId('trainer-preset').selectOption('quick-demo');
    await trainer.setField('tasks.resize', '7, 0');
    await expect(page.getByTestId('field-error-tasks.resize')).toContainText('tasks.resize[1]');
    await expect(page.getByTestId('field-error-tasks.resize')).toHaveAttribute('data-field', 'tasks.resize[1]');
    await trainer.setField('tasks.classes', '0,1,12');
    await trainer.setField('tasks.resize', '7');
    await expect(page.getByTestId('field-error-tasks.classes')).toContainText('class 12 is not in [0, 10) for mnist');
    await expect(page.getByTestId('start')).toBeDisabled();
    await page.screenshot({ path: info.outputPath('trainer-bad-input.png'), fullPage: true });

    // Reset, then a held-out dataset from IDX files on disk (Fashion-MNIST test, 7x7, classes 0-2):
    // named as missing until both files are chosen; the run evaluates on both datasets; Stop.
    await page.getByTestId('reset-config').click();
    await expect(page.getByTestId('field-tasks.classes')).toHaveValue('0,1,2');
    await page.getByTestId('add-eval-dataset').click();
    await page.getByTestId('eval-dataset-1').selectOption('fashion-mnist');
    await expect(page.getByTestId('field-error-evaluation.datasets')).toContainText(
      'evaluation.datasets[1].dataset.files',
    );
    await page
      .getByTestId('eval-dataset-1-file-images')
      .setInputFiles(resolve(SHARED, 'fashion-mnist/t10k-images-idx3-ubyte.gz'));
    await page
      .getByTestId('eval-dataset-1-file-labels')
      .setInputFiles(resolve(SHARED, 'fashion-mnist/t10k-labels-idx1-ubyte.gz'));
    await page.getByTestId('eval-resize-1').fill('7');
    await page.getByTestId('eval-classes-1').fill('0,1,2');
    await trainer.setField('evaluation.runs', '2');
    await trainer.setField('evaluation.steps', '20');
    console.log(`with Fashion-MNIST held out: ${await trainer.checked()}`);
    await expect(page.getByTestId('field-error-evaluation.datasets')).toHaveCount(0);
    await page.getByTestId('start').click();
    await expect(page.getByTestId('eval-chart')).toHaveAttribute('data-series', '2');
    await expect(page.getByTestId('eval-chart')).toContainText('fashion-mnist/test 7x7 classes 0.1.2');
    await expect(page.getByTestId('eval-chart')).toHaveAttribute('data-points', '1', { timeout: 60_000 });
    await trainer.waitForStep(1);
    await page.getByTestId('stop').click();
    await expect(page.getByTestId('run-state')).toHaveText('stopped', { timeout: 60_000 });
    await expect(page.getByTestId('resume-offer')).toBeVisible();
    await page.screenshot({ path: info.outputPath('trainer-idx-evaluation-stopped.png'), fullPage: true });
  });
});
