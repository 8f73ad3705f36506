import { beforeEach, describe, expect, it } from 'vitest';
import { fileStem, STUDIO_TRAINED_URL, TrainerController } from '../../../src/ui/trainer/trainerController';
import { createTrainerStore, type TrainerStore } from '../../../src/ui/trainer/trainerStore';
import { FakeEnv, FakeTrainer, flush, frameOf, INFO, PRESETS } from './fakeTrainer';

const file = (name: string, text: string, size = new TextEncoder().encode(text).length) => ({
  name,
  size,
  text: async () => text,
  arrayBuffer: async () => new TextEncoder().encode(text).buffer as ArrayBuffer,
});

let worker: FakeTrainer;
let env: FakeEnv;
let store: TrainerStore;
let controller: TrainerController;

async function started(): Promise<void> {
  await controller.init();
  env.fireTimers();
  await flush();
  await controller.start();
}

beforeEach(() => {
  worker = new FakeTrainer();
  env = new FakeEnv();
  store = createTrainerStore();
  controller = new TrainerController(worker.api, store, env, 300);
});

describe('TrainerController.init', () => {
  it("puts the quick demo's config in the form and offers the saved run", async () => {
    worker.saved = { step: 12, totalSteps: 300, savedAt: '2025-03-01T12:00:00Z', configName: 'quick-demo' };
    await controller.init();
    const s = store.getState();
    expect(s.presets).toBe(PRESETS);
    expect(s.presetName).toBe('quick-demo');
    expect(s.doc).toEqual(PRESETS[1].config);
    expect(s.saved).toEqual(worker.saved);
    expect(s.check).toEqual({ state: 'checking' });
  });
});

describe('TrainerController checks the config', () => {
  it('once per pause in typing (debounced), with the latest document', async () => {
    await controller.init();
    store.getState().editField('pairs', 4);
    store.getState().editField('pairs', 6);
    expect(env.pendingTimers).toBe(1);
    expect(worker.named('check')).toHaveLength(0);
    env.fireTimers();
    await flush();
    expect(worker.named('check')).toHaveLength(1);
    expect((worker.named('check')[0].args[0] as { pairs: number }).pairs).toBe(6);
    expect(store.getState().check).toEqual({ state: 'ok', summary: 'ES, 8 pairs' });
  });

  it('places a refusal at its form field, or at the JSON when no field edits it', async () => {
    worker.checkReply = async () => ({
      ok: false,
      field: 'tasks.classes[0][1]',
      message: 'tasks.classes[0][1]: class 12 is not in [0, 10) for mnist',
    });
    await controller.init();
    env.fireTimers();
    await flush();
    expect(store.getState().check).toEqual({
      state: 'bad',
      field: 'tasks.classes[0][1]',
      message: 'tasks.classes[0][1]: class 12 is not in [0, 10) for mnist',
      formField: 'tasks.classes',
    });
    worker.checkReply = async () => ({
      ok: false,
      field: 'model.stateSize',
      message: 'model.stateSize: must be an integer in [1, 64], got 0',
    });
    await controller.checkNow();
    expect(store.getState().check).toMatchObject({ state: 'bad', formField: null });
  });

  it('drops the reply to an older document', async () => {
    await controller.init();
    let answerFirst: (r: { ok: true; summary: string }) => void = () => {};
    worker.checkReply = () => new Promise((res) => (answerFirst = res));
    const first = controller.checkNow();
    worker.checkReply = async () => ({ ok: true, summary: 'second' });
    await controller.checkNow();
    answerFirst({ ok: true, summary: 'first' });
    await first;
    expect(store.getState().check).toEqual({ state: 'ok', summary: 'second' });
  });

  it('names a file the config uses that was not loaded from disk, then accepts it once loaded', async () => {
    await controller.init();
    store.getState().editField('tasks.datasets', [{ name: 'fashion-mnist', files: { images: 'i.gz' } }]);
    env.fireTimers();
    await flush();
    expect(store.getState().check).toEqual({
      state: 'bad',
      field: 'tasks.datasets[0].files.images',
      message: 'tasks.datasets[0].files.images: "i.gz" is not loaded; choose it from your disk',
      formField: 'tasks.datasets',
    });
    await controller.loadDataFile('tasks.datasets[0]', 'images', file('i.gz', 'bytes'));
    expect(store.getState().loadedFiles).toEqual(['i.gz']);
    env.fireTimers();
    await flush();
    expect(store.getState().check.state).toBe('ok');
    await controller.start();
    const [, files] = worker.named('start')[0].args as [unknown, { name: string; bytes: Uint8Array }[]];
    expect(files.map((f) => [f.name, new TextDecoder().decode(f.bytes)])).toEqual([['i.gz', 'bytes']]);
  });

  it("fetches a learner the app ships that init names (the quick demo's), instead of asking for it; an unknown one is asked for", async () => {
    env.assets.set('learners/vsml-clone-sgd.learner.json', new TextEncoder().encode('{"format":"vsml-learner"}'));
    await controller.init();
    store.getState().editField('init', 'public/learners/vsml-clone-sgd.learner.json');
    env.fireTimers();
    await flush();
    expect(env.fetched).toEqual(['learners/vsml-clone-sgd.learner.json']);
    expect(store.getState().check.state).toBe('ok');
    expect(store.getState().loadedFiles).toEqual(['public/learners/vsml-clone-sgd.learner.json']);
    await controller.start();
    const [, files] = worker.named('start')[0].args as [unknown, { name: string; bytes: Uint8Array }[]];
    expect(files.map((f) => [f.name, new TextDecoder().decode(f.bytes)])).toEqual([
      ['public/learners/vsml-clone-sgd.learner.json', '{"format":"vsml-learner"}'],
    ]);

    store.getState().editField('init', 'learners/vsml-gone.learner.json');
    env.fireTimers();
    await flush();
    expect(store.getState().check).toMatchObject({
      state: 'bad',
      message: 'init: "learners/vsml-gone.learner.json" is not loaded; choose it from your disk',
    });
  });
});

describe('TrainerController runs', () => {
  it('start sends the document; a refusal goes to the error banner and nothing runs', async () => {
    worker.startReply = {
      ok: false,
      message: 'the GPU allows 128 MiB per buffer; this config needs 301 MiB (2.4x the limit): lower pairs',
    };
    await started();
    expect(worker.named('start')).toHaveLength(1);
    expect(store.getState().error).toBe(
      'the GPU allows 128 MiB per buffer; this config needs 301 MiB (2.4x the limit): lower pairs',
    );
    expect(store.getState().info).toBeNull();
    expect(env.lock).toEqual([]);
  });

  it('start holds the wake lock; pause releases it, resume takes it again; a finished run releases it', async () => {
    await started();
    expect(store.getState().info?.configName).toBe('quick-demo');
    expect(env.lock).toEqual([true]);
    env.tick();
    worker.answerFrame(frameOf({ step: 1 }));
    await flush();
    await controller.pauseResume();
    expect(worker.named('pause')).toHaveLength(1);
    expect(env.lock).toEqual([true, false]);
    env.tick();
    worker.answerFrame(frameOf({ step: 1, state: 'paused' }));
    await flush();
    await controller.pauseResume();
    expect(worker.named('play')).toHaveLength(1);
    expect(env.lock).toEqual([true, false, true]);
    env.tick();
    worker.answerFrame(frameOf({ step: 300, state: 'done' }));
    await flush();
    expect(env.lock).toEqual([true, false, true, false]);
  });

  it('stop asks the worker, releases the lock and offers the saved run; nothing to stop does nothing', async () => {
    await controller.stop();
    expect(worker.named('stop')).toHaveLength(0);
    await started();
    env.tick();
    worker.answerFrame(frameOf({ step: 2 }));
    await flush();
    worker.saved = { step: 2, totalSteps: 300, savedAt: '2025-03-01T12:00:00Z', configName: 'quick-demo' };
    await controller.stop();
    expect(worker.named('stop')).toHaveLength(1);
    expect(env.lock).toEqual([true, false]);
    expect(store.getState().saved).toEqual(worker.saved);
  });
});

describe('TrainerController pulls frames', () => {
  it('with one frame() in flight and at most one per animation frame, only while running or after an action', async () => {
    await controller.init();
    env.tick();
    env.tick();
    expect(worker.named('frame')).toHaveLength(0); // nothing runs yet
    await controller.start();
    env.tick();
    env.tick();
    env.tick();
    expect(worker.named('frame')).toHaveLength(1);
    const f1 = frameOf({ step: 1 });
    worker.answerFrame(f1);
    await flush();
    expect(store.getState().frame).toBe(f1);
    env.tick();
    env.tick();
    env.tick();
    expect(worker.named('frame')).toHaveLength(2); // running, but one is still on its way
    worker.answerFrame(frameOf({ step: 1 })); // the same content: the store keeps the old frame
    await flush();
    expect(store.getState().frame).toBe(f1);
    env.tick();
    worker.answerFrame(frameOf({ step: 2, state: 'done' }));
    await flush();
    env.tick();
    env.tick();
    expect(worker.named('frame')).toHaveLength(3); // done: no more pulling
  });

  it('shows a new notice from the worker once, even after it was dismissed', async () => {
    await started();
    env.tick();
    worker.answerFrame(frameOf({ step: 1, notice: 'GPU device lost; continuing on the CPU' }));
    await flush();
    expect(store.getState().notice).toBe('GPU device lost; continuing on the CPU');
    store.getState().set({ notice: null });
    env.tick();
    worker.answerFrame(frameOf({ step: 2, notice: 'GPU device lost; continuing on the CPU' }));
    await flush();
    expect(store.getState().notice).toBeNull();
  });
});

describe('TrainerController checkpoints and learners', () => {
  it("resumes the saved run with every loaded file, drops the offer and shows the run's config in the form", async () => {
    worker.saved = { step: 3, totalSteps: 300, savedAt: '2025-03-01T12:00:00Z', configName: 'quick-demo (modified)' };
    worker.startReply = { ok: true, info: { ...INFO, configName: 'quick-demo (modified)' } };
    worker.exportText = JSON.stringify({
      format: 'vsml-checkpoint',
      version: 1,
      config: { format: 'vsml-meta-config', version: 1, pairs: 4 },
      step: 3,
    });
    await controller.init();
    store.getState().selectPreset('paper-fig6');
    const revision = store.getState().docRevision;
    await controller.resumeSaved();
    expect(worker.named('resume')[0].args).toEqual([undefined, []]);
    expect(store.getState().saved).toBeNull();
    expect(env.lock).toEqual([true]);
    expect(store.getState().doc).toEqual({ format: 'vsml-meta-config', version: 1, pairs: 4 });
    expect(store.getState().presetName).toBe('quick-demo');
    expect(store.getState().docRevision).toBe(revision + 1);
  });

  it('discards the saved run', async () => {
    worker.saved = { step: 3, totalSteps: 300, savedAt: '2025-03-01T12:00:00Z', configName: 'quick-demo' };
    await controller.init();
    await controller.discardSaved();
    expect(worker.named('discardSaved')).toHaveLength(1);
    expect(store.getState().saved).toBeNull();
  });

  it('imports a checkpoint: JSON.parse then resume(doc); a file that is not JSON is named', async () => {
    await controller.init();
    await controller.importCheckpoint(file('bad.json', '{"format": '));
    expect(store.getState().error).toMatch(/^bad\.json: not a JSON file \(/);
    expect(worker.named('resume')).toHaveLength(0);
    worker.startReply = { ok: false, message: 'checkpoint: optimizer.m[3]: must be a finite number, got null' };
    const before = store.getState().doc;
    await controller.importCheckpoint(file('run.checkpoint.json', '{"format":"vsml-checkpoint"}'));
    expect(worker.named('resume')[0].args[0]).toEqual({ format: 'vsml-checkpoint' });
    expect(store.getState().error).toBe(
      'run.checkpoint.json: checkpoint: optimizer.m[3]: must be a finite number, got null',
    );
    expect(store.getState().doc).toBe(before);
    worker.startReply = { ok: true, info: INFO };
    await controller.importCheckpoint(
      file('good.checkpoint.json', '{"format":"vsml-checkpoint","config":{"pairs":2}}'),
    );
    expect(store.getState().error).toBeNull();
    expect(store.getState().doc).toEqual({ pairs: 2 });
  });

  it('exports the checkpoint and the learner as files named after the run and step', async () => {
    await started();
    env.tick();
    worker.answerFrame(frameOf({ step: 3 }));
    await flush();
    await controller.exportLearner();
    await controller.exportCheckpoint();
    expect(env.downloads.map((d) => d.filename)).toEqual([
      'quick-demo-step-3.learner.json',
      'quick-demo-step-3.checkpoint.json',
    ]);
    expect(await env.downloads[0].blob.text()).toBe('{"format":"vsml-learner"}');
    expect(env.downloads[0].blob.type).toBe('application/json');
    worker.exportText = null;
    await controller.exportLearner();
    expect(env.downloads).toHaveLength(2);
    expect(store.getState().notice).toBe('No learner to export yet: start or resume a run first.');
  });

  it('opens the studio on the handed-off learner, or says there is none', async () => {
    await controller.openInStudio();
    expect(env.navigations).toEqual([STUDIO_TRAINED_URL]);
    expect(STUDIO_TRAINED_URL).toBe('./?learner=trained');
    worker.handoff = false;
    await controller.openInStudio();
    expect(env.navigations).toHaveLength(1);
    expect(store.getState().error).toBe('No learner to open yet: start or resume a run first.');
  });

  it('opens the studio on the task the run trains on, pausing a running run first (its checkpoint saved) before the handover', async () => {
    await started();
    env.tick();
    worker.answerFrame(frameOf({ step: 4, state: 'running' }));
    await flush();
    await controller.openInStudio();
    const order = worker.calls.map((c) => c.name).filter((n) => n === 'pause' || n === 'handoffLearner');
    expect(order).toEqual(['pause', 'handoffLearner']);
    expect(env.navigations).toEqual(['./?learner=trained&resize=7&cls=0,1,2']);
  });

  it('a paused run is handed over as it is, without another pause', async () => {
    await started();
    env.tick();
    worker.answerFrame(frameOf({ step: 4, state: 'paused' }));
    await flush();
    await controller.openInStudio();
    expect(worker.named('pause')).toHaveLength(0);
    expect(env.navigations).toEqual(['./?learner=trained&resize=7&cls=0,1,2']);
  });

  it("a learner from disk becomes the config's init and is sent with start", async () => {
    await controller.init();
    await controller.loadInitLearner(file('mine.learner.json', '{}'));
    expect(store.getState().doc.init).toBe('mine.learner.json');
    env.fireTimers();
    await flush();
    await controller.start();
    const [, files] = worker.named('start')[0].args as [unknown, { name: string }[]];
    expect(files.map((f) => f.name)).toEqual(['mine.learner.json']);
    controller.clearInitLearner();
    expect(store.getState().doc.init).toBeNull();
  });
});

describe('fileStem', () => {
  it('reduces a config name to [a-z0-9-]', () => {
    expect(fileStem('quick-demo')).toBe('quick-demo');
    expect(fileStem('quick-demo (modified)')).toBe('quick-demo-modified');
    expect(fileStem('***')).toBe('vsml');
  });
});

describe('TrainerController after a failed run', () => {
  it('offers the saved run at once (no reload): the frame that says "failed" brings savedRun() into the store', async () => {
    await started();
    env.tick();
    worker.answerFrame(frameOf({ step: 3 }));
    await flush();
    expect(store.getState().saved).toBeNull();
    worker.saved = { step: 3, totalSteps: 300, savedAt: '2030-01-02T03:04:05.000Z', configName: 'quick-demo' };
    env.tick();
    worker.answerFrame(
      frameOf({
        step: 3,
        state: 'failed',
        lastSavedStep: 3,
        notice: 'step 4 failed: the engine stopped; saved at step 3: resume to continue',
      }),
    );
    await flush();
    expect(store.getState().saved).toEqual(worker.saved);
    expect(store.getState().notice).toBe('step 4 failed: the engine stopped; saved at step 3: resume to continue');
    expect(worker.named('savedRun')).toHaveLength(2);
    env.tick();
    expect(worker.pendingFrames).toHaveLength(0); // a failed run is not pulled again
  });
});

describe('TrainerController files from disk', () => {
  it('refuses a checkpoint or learner over 64 MiB and a data file over 256 MiB without reading them, and a checkpoint nested 5,000 deep', async () => {
    await controller.init();
    await controller.importCheckpoint(file('huge.checkpoint.json', '{}', 600 * 2 ** 20));
    expect(store.getState().error).toBe(
      'huge.checkpoint.json: file is 600 MiB, over the 64 MiB limit for a checkpoint file',
    );
    await controller.loadInitLearner(file('huge.learner.json', '{}', 65 * 2 ** 20));
    expect(store.getState().error).toBe('huge.learner.json: file is 65 MiB, over the 64 MiB limit for a learner file');
    await controller.loadDataFile('tasks.datasets[0]', 'images', file('images.gz', 'x', 300 * 2 ** 20));
    expect(store.getState().error).toBe('images.gz: file is 300 MiB, over the 256 MiB limit for a data file');
    await controller.importCheckpoint(file('deep.checkpoint.json', '['.repeat(5000) + ']'.repeat(5000)));
    expect(store.getState().error).toBe('deep.checkpoint.json: not a checkpoint: nested deeper than 64 levels');
    expect(worker.named('resume')).toHaveLength(0);
    expect(store.getState().loadedFiles).toEqual([]);
  });
});
