// The trainer worker's API in Node on the CPU reference with a memory store (tiny task: 7x7 MNIST,
// classes 0-2, +- projection, 4 pairs, T = 12, 6 steps, checkpoint every 2, evaluation every 3):
// validation, presets, the loop against the trainer stepped by hand, pause/autosave/resume bit for bit,
// CLI checkpoints in and out, exports, NaN rejection, engine refusals and fallbacks.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeIdxImages, encodeIdxLabels } from '../../src/model/formats/idx';
import { GpuEngineError } from '../../src/gpu/errors';
import { parseCheckpoint, serialiseCheckpoint } from '../../src/meta/checkpoint';
import { metaConfigToJson, presetConfig } from '../../src/meta/metaConfigParse';
import { parseLearner } from '../../src/model/formats/learner';
import { createMemoryStore } from '../../src/worker/storage/keyValueStore';
import { rawStore } from './rawStore';
import { AUTOSAVE_KEY, AUTOSAVE_META_KEY } from '../../src/worker/trainer/trainerAutosave';
import type { TrainerApi, TrainerFrame } from '../../src/worker/trainer/trainerApi';
import { lostMessage } from '../../src/worker/shared/engineChoice';
import { chooseTrainerEngine } from '../../src/worker/trainer/trainerEngine';
import { tempDir, vsml, writeDoc } from '../cli/helpers';
import { tinyConfigDoc, tinyTrainer, tinyConfig } from '../meta/trainerHelpers';
import { cpuTrainerApi, finished, hookedCpu, untilFrame, type RunHook } from './trainerHelpers';

const EVAL = 'mnist/test 7x7 classes 0.1.2';
/** Rollout engines of the tiny task hold 2P = 8 runs (one batch, one block of T = 12 per step); evaluations 2. */
const ROLLOUT_RUNS = 8;

/** Pause the run of `api` right after the rollouts of step `step` (the pause takes effect after that step). */
const pauseAfter =
  (step: number, api: () => TrainerApi): RunHook =>
  (spec, call) => {
    if (spec.runs === ROLLOUT_RUNS && call === step - 1) void api().pause();
  };

/** An uninterrupted run of the tiny config to the end: its last frame and exported checkpoint. */
async function uninterrupted(doc = tinyConfigDoc()): Promise<{ frame: TrainerFrame; checkpoint: string }> {
  const { api } = cpuTrainerApi();
  expect((await api.start(doc)).ok).toBe(true);
  const frame = await untilFrame(api, finished);
  return { frame, checkpoint: (await api.exportCheckpoint()) as string };
}

describe('presets() and check()', () => {
  it('lists quick-demo first, then paper-fig6, cold-demo, clone-demo and clone-backprop-demo, each the full document of its preset', async () => {
    const { api } = cpuTrainerApi();
    const presets = api.presets();
    expect(presets.map((p) => p.name)).toEqual([
      'quick-demo',
      'paper-fig6',
      'cold-demo',
      'clone-demo',
      'clone-backprop-demo',
    ]);
    for (const p of presets) {
      expect(p.config).toEqual(metaConfigToJson(presetConfig(p.name as 'quick-demo')));
      expect(p.title.length).toBeGreaterThan(0);
      expect(p.blurb.length).toBeGreaterThan(0);
    }
    expect(await api.check(presets[0].config)).toEqual({
      ok: true,
      summary:
        'ES, 16 pairs x T=30, 300 steps, 2 task variants (49 inputs, 3 classes); held-out evaluation every 20 steps on mnist/test 7x7 classes 0.1.2',
    });
    expect(await api.check(presets[2].config)).toEqual({
      ok: true,
      summary:
        'ES, 8 pairs x T=50, 300 steps, 2 task variants (49 inputs, 3 classes); held-out evaluation every 25 steps on mnist/test 7x7 classes 0.1.2',
    });
    expect(await api.check(presets[1].config)).toEqual({
      ok: true,
      summary:
        'ES, 1024 pairs x T=500, 10000 steps, 2 task variants (784 inputs, 10 classes); held-out evaluation every 100 steps on mnist/test',
    });
    expect(await api.check(presets[3].config)).toEqual({
      ok: true,
      summary:
        'gradient, 8 trajectories x T=30, 400 steps, 2 task variants (25 inputs, 10 classes), cloning online SGD (eta 0.5); held-out evaluation every 50 steps on mnist/test 7x7',
    });
  });

  it('names the field of a bad value, with the reason; takes JSON text too', async () => {
    const { api } = cpuTrainerApi();
    expect(await api.check(tinyConfigDoc({ pairs: 0 }))).toEqual({
      ok: false,
      field: 'pairs',
      message: 'pairs: must be an integer in [1, 65536], got 0',
    });
    expect(await api.check(tinyConfigDoc({ sigma: -1 }))).toEqual({
      ok: false,
      field: 'sigma',
      message: 'sigma: must be a number in (0, 10], got -1',
    });
    expect(await api.check(tinyConfigDoc({ tasks: { classes: [[0, 12]] } }))).toEqual({
      ok: false,
      field: 'tasks.classes[0][1]',
      message: 'tasks.classes[0][1]: class 12 is not in [0, 10) for mnist',
    });
    const bad = await api.check('{"format": "vsml-meta-config",');
    expect(bad.ok === false && bad.field).toBe('config');
    expect(await api.check(JSON.stringify(tinyConfigDoc({ steps: 1 })))).toEqual({
      ok: true,
      summary:
        'ES, 4 pairs x T=12, 1 step, 2 task variants (49 inputs, 3 classes); held-out evaluation every 3 steps on mnist/test 7x7 classes 0.1.2',
    });
  });

  it('start refuses a bad config with the same line, and no run exists', async () => {
    const { api } = cpuTrainerApi();
    expect(await api.start(tinyConfigDoc({ pairs: 0 }))).toEqual({
      ok: false,
      message: 'pairs: must be an integer in [1, 65536], got 0',
    });
    expect(await api.frame()).toBeNull();
    expect(await api.exportCheckpoint()).toBeNull();
  });
});

describe('start, pause, autosave', () => {
  it('start -> 3 steps -> pause: the losses and evaluations of the trainer stepped by hand, a checkpoint saved at step 3', async () => {
    let api: TrainerApi | null = null;
    const t = cpuTrainerApi({ hook: pauseAfter(3, () => api as TrainerApi) });
    api = t.api;
    const reply = await api.start(tinyConfigDoc());
    expect(reply).toEqual({
      ok: true,
      info: {
        backend: 'reference',
        description: 'CPU reference (TypeScript, single thread)',
        fallback: 'WebGPU is not available in this browser (navigator.gpu is missing)',
        totalSteps: 6,
        method: 'es',
        pairs: 4,
        configName: 'custom',
        evaluationNames: [EVAL],
        task: { dataset: 'mnist', resize: 7, classes: [0, 1, 2], project: false, otherVariants: 0 },
      },
    });
    const f = await untilFrame(api, (x) => x.state === 'paused');
    // The same steps and evaluations by hand, through the CLI's data provider.
    const ref = await tinyTrainer();
    const e0 = await ref.evaluate();
    const losses: number[] = [];
    for (let s = 0; s < 3; s++) losses.push((await ref.step()).metaLoss as number);
    const e3 = await ref.evaluate();
    expect(f.step).toBe(3);
    expect(f.totalSteps).toBe(6);
    expect(Array.from(f.losses)).toEqual(losses);
    expect(f.rejectedSteps).toEqual(new Int32Array(0));
    expect(f.lastRejection).toBeNull();
    expect(f.populationLosses).toHaveLength(8);
    expect(f.evaluations.map((e) => e.step)).toEqual([0, 3]);
    for (const [i, e] of [e0, e3].entries()) {
      expect(f.evaluations[i].results[EVAL].accuracy).toBe(e[0].atEnd.mean);
      expect(f.evaluations[i].results[EVAL].loss).toBe(e[0].loss);
      expect(Array.from(f.evaluations[i].results[EVAL].curve)).toEqual(Array.from(e[0].curve));
    }
    expect(f.lastSavedStep).toBe(3);
    expect(f.historyFrom).toBe(0);
    expect(f.etaSeconds).toBeNull();
    expect(await api.savedRun()).toEqual({
      step: 3,
      totalSteps: 6,
      savedAt: '2030-01-02T03:04:05.000Z',
      configName: 'custom',
    });
    expect(await api.exportCheckpoint()).toBe(serialiseCheckpoint(ref.checkpoint()));
    ref.dispose();
  });

  it('steps per second over the stretch played, from the clock (each step 0.5 s here)', async () => {
    let api: TrainerApi | null = null;
    const t = cpuTrainerApi({
      hook: (spec, call) => {
        if (spec.runs !== ROLLOUT_RUNS) return;
        t.clock.t += 500;
        if (call === 3) void (api as TrainerApi).pause();
      },
    });
    api = t.api;
    await api.start(tinyConfigDoc());
    const f = await untilFrame(api, (x) => x.state === 'paused');
    expect(f.step).toBe(4);
    expect(f.stepsPerSecond).toBe(2);
  });

  it('a checkpoint every checkpointEvery steps while running: the store holds step 2 while step 3 runs', async () => {
    let saved: string | null = null;
    const store = createMemoryStore();
    const t = cpuTrainerApi({
      store,
      hook: (spec, call) => {
        if (spec.runs === ROLLOUT_RUNS && call === 2) void store.get(AUTOSAVE_META_KEY).then((m) => (saved = m));
      },
    });
    await t.api.start(tinyConfigDoc());
    await untilFrame(t.api, finished);
    expect(JSON.parse(saved as unknown as string)).toEqual({
      step: 2,
      totalSteps: 6,
      savedAt: '2030-01-02T03:04:05.000Z',
      configName: 'custom',
    });
    expect((await t.api.frame())?.lastSavedStep).toBe(6);
  });

  it('a new API on the same store resumes the autosave: losses, evaluations and the final checkpoint equal an uninterrupted run, bit for bit', async () => {
    const store = createMemoryStore();
    let first: TrainerApi | null = null;
    first = cpuTrainerApi({ store, hook: pauseAfter(3, () => first as TrainerApi) }).api;
    await first.start(tinyConfigDoc());
    await untilFrame(first, (x) => x.state === 'paused');
    // A reload: a fresh API (and engines) on the same store.
    const { api } = cpuTrainerApi({ store });
    expect(await api.frame()).toBeNull();
    expect(await api.savedRun()).toEqual({
      step: 3,
      totalSteps: 6,
      savedAt: '2030-01-02T03:04:05.000Z',
      configName: 'custom',
    });
    const reply = await api.resume();
    expect(reply.ok && reply.info.configName).toBe('custom');
    const resumed = await untilFrame(api, finished);
    const whole = await uninterrupted();
    expect(await api.exportCheckpoint()).toBe(whole.checkpoint);
    expect(Array.from(resumed.losses)).toEqual(Array.from(whole.frame.losses));
    expect(resumed.evaluations.map((e) => [e.step, e.results[EVAL].accuracy, e.results[EVAL].loss])).toEqual(
      whole.frame.evaluations.map((e) => [e.step, e.results[EVAL].accuracy, e.results[EVAL].loss]),
    );
    expect(resumed.evaluations.map((e) => e.step)).toEqual([0, 3, 6]);
    expect(resumed.lastSavedStep).toBe(6);
    expect(parseCheckpoint(JSON.parse(whole.checkpoint))).toMatchObject({ ok: true, value: { step: 6, rejected: 0 } });
  });

  it('stop: after the step in flight, saved, engines freed; play does nothing; resume() continues it to the same end', async () => {
    let api: TrainerApi | null = null;
    const t = cpuTrainerApi({
      hook: (spec, call) => {
        if (spec.runs === ROLLOUT_RUNS && call === 1) void (api as TrainerApi).stop();
      },
    });
    api = t.api;
    await api.start(tinyConfigDoc());
    const stopped = await untilFrame(api, (x) => x.state === 'stopped');
    expect([stopped.step, stopped.lastSavedStep]).toEqual([2, 2]);
    api.play();
    await new Promise((r) => setTimeout(r, 50));
    expect((await api.frame())?.state).toBe('stopped');
    expect((await api.resume()).ok).toBe(true);
    await untilFrame(api, finished);
    expect(await api.exportCheckpoint()).toBe((await uninterrupted()).checkpoint);
  });

  it('resume() with nothing saved, or an unreadable autosave, is refused', async () => {
    const { api, store } = cpuTrainerApi();
    expect(await api.resume()).toEqual({ ok: false, message: 'autosave: nothing saved to resume' });
    await store.put(
      AUTOSAVE_KEY,
      '{"format": "vsml-trainer-autosave", "version": 1, "savedAt": "x", "configName": "c", "checkpoint": "{}"}',
    );
    expect(await api.resume()).toEqual({
      ok: false,
      message: 'autosave checkpoint.format: missing (expected "vsml-checkpoint")',
    });
    expect(await api.savedRun()).toEqual({
      unreadable: 'autosave checkpoint.format: missing (expected "vsml-checkpoint")',
    });
    await api.discardSaved();
    expect(await store.get(AUTOSAVE_KEY)).toBeNull();
  });
});

describe('an autosave record another program wrote as an object (IndexedDB holds any value)', () => {
  it('resume() says what the record is, the offer stays (from its meta record) and Discard removes both', async () => {
    const values = new Map<string, unknown>();
    const { api } = cpuTrainerApi({ store: rawStore(values) });
    values.set(AUTOSAVE_KEY, { format: 'vsml-trainer-autosave', version: 1 });
    values.set(
      AUTOSAVE_META_KEY,
      JSON.stringify({ step: 3, totalSteps: 6, savedAt: '2030-01-02T03:04:05.000Z', configName: 'custom' }),
    );
    expect(await api.resume()).toEqual({
      ok: false,
      message:
        'autosave: "trainer-autosave" holds an object, not the text this app saves there; discard it to start afresh',
    });
    expect(await api.savedRun()).toEqual({
      step: 3,
      totalSteps: 6,
      savedAt: '2030-01-02T03:04:05.000Z',
      configName: 'custom',
    });
    values.delete(AUTOSAVE_META_KEY);
    expect(await api.savedRun()).toEqual({
      unreadable: 'autosave: "trainer-autosave" holds an object, not the text this app saves there',
    });
    await api.discardSaved();
    expect([...values.keys()]).toEqual([]);
    expect(await api.savedRun()).toBeNull();
  });
});

describe("checkpoint files: the CLI's in, ours out", () => {
  it("a checkpoint.json of `vsml meta-train --steps 2`, its steps set back to 6 (as --resume --steps 6 would), resumes here and ends where the CLI's own 6 steps end, byte for byte", async () => {
    const dir = await tempDir();
    const config = await writeDoc(dir, 'c.json', tinyConfigDoc());
    expect(
      (
        await vsml(
          'meta-train',
          '--config',
          config,
          '--out',
          join(dir, 'part'),
          '--steps',
          '2',
          '--backend',
          'reference',
        )
      ).code,
    ).toBe(0);
    expect(
      (await vsml('meta-train', '--config', config, '--out', join(dir, 'whole'), '--backend', 'reference')).code,
    ).toBe(0);
    const { api } = cpuTrainerApi();
    const part = JSON.parse(await readFile(join(dir, 'part', 'checkpoint.json'), 'utf8'));
    expect(part).toMatchObject({ step: 2, config: { steps: 2 } });
    part.config.steps = 6;
    const reply = await api.resume(part);
    expect(reply.ok && reply.info.totalSteps).toBe(6);
    const f = await untilFrame(api, finished);
    expect(await api.exportCheckpoint()).toBe(await readFile(join(dir, 'whole', 'checkpoint.json'), 'utf8'));
    expect(await api.exportLearner()).toBe(await readFile(join(dir, 'whole', 'learner.json'), 'utf8'));
    // Steps 1-2 ran in the CLI: no loss known for them here.
    expect(f.historyFrom).toBe(2);
    expect(Array.from(f.losses.subarray(0, 2))).toEqual([NaN, NaN]);
    expect(f.rejectedSteps).toHaveLength(0);
    expect(Array.from(f.losses.subarray(2)).every(Number.isFinite)).toBe(true);
    expect(f.evaluations.map((e) => e.step)).toEqual([3, 6]);
  });

  it("a checkpoint exported here after 2 steps resumes in `vsml meta-train --resume --steps 6` and ends where the CLI's own 6 steps end, byte for byte", async () => {
    const dir = await tempDir();
    const config = await writeDoc(dir, 'c.json', tinyConfigDoc());
    expect(
      (await vsml('meta-train', '--config', config, '--out', join(dir, 'whole'), '--backend', 'reference')).code,
    ).toBe(0);
    const { api } = cpuTrainerApi();
    expect((await api.start(tinyConfigDoc({ steps: 2 }))).ok).toBe(true);
    await untilFrame(api, finished);
    const run = join(dir, 'from-browser');
    await mkdir(run);
    await writeDoc(run, 'checkpoint.json', JSON.parse((await api.exportCheckpoint()) as string));
    const resumed = await vsml('meta-train', '--out', run, '--resume', '--steps', '6', '--backend', 'reference');
    expect(resumed.code).toBe(0);
    expect(await readFile(join(run, 'checkpoint.json'), 'utf8')).toBe(
      await readFile(join(dir, 'whole', 'checkpoint.json'), 'utf8'),
    );
    expect(await readFile(join(run, 'learner.json'), 'utf8')).toBe(
      await readFile(join(dir, 'whole', 'learner.json'), 'utf8'),
    );
  });

  it('exportCheckpoint parses with parseCheckpoint, exportLearner with parseLearner: the same theta', async () => {
    const { api } = cpuTrainerApi();
    await api.start(tinyConfigDoc({ steps: 2 }));
    await untilFrame(api, finished);
    const cp = parseCheckpoint(JSON.parse((await api.exportCheckpoint()) as string));
    const learner = parseLearner(JSON.parse((await api.exportLearner()) as string));
    if (!cp.ok || !learner.ok) throw new Error('does not parse');
    expect(cp.value).toMatchObject({ step: 2, rejected: 0, config: tinyConfig({ steps: 2 }) });
    expect(Array.from(learner.value.params)).toEqual(Array.from(cp.value.learner.params));
  });

  it('a bad checkpoint is refused naming its field', async () => {
    const { api } = cpuTrainerApi();
    expect(await api.resume({ format: 'vsml-checkpoint', version: 1 })).toEqual({
      ok: false,
      message: 'checkpoint: config: missing',
    });
    expect(await api.resume('not json')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^checkpoint: invalid JSON: /),
    });
  });
});

describe('rejected steps', () => {
  it('a NaN fitness in step 2 is shown as rejected, the losses and smoothed losses are NaN there, and the run goes on to the end', async () => {
    // Pair 2's L- (run 5) gets a NaN loss in step 2's block.
    const { api } = cpuTrainerApi({
      hook: (spec, call, r) => spec.runs === ROLLOUT_RUNS && call === 1 && (r.loss[5 * 12 + 3] = Number.NaN),
    });
    await api.start(tinyConfigDoc());
    const f = await untilFrame(api, finished);
    expect(f.step).toBe(6);
    expect(Array.from(f.rejectedSteps)).toEqual([2]);
    expect(f.lastRejection).toBe('step 2 rejected: pair 2: L- is NaN');
    expect(Number.isNaN(f.losses[1])).toBe(true);
    expect(Number.isNaN(f.lossesSmoothed[1])).toBe(true);
    expect([0, 2, 3, 4, 5].every((i) => Number.isFinite(f.losses[i]) && Number.isFinite(f.lossesSmoothed[i]))).toBe(
      true,
    );
    expect(parseCheckpoint(JSON.parse((await api.exportCheckpoint()) as string))).toMatchObject({
      ok: true,
      value: { step: 6, rejected: 1 },
    });
  });
});

describe('engines', () => {
  it('a GPU engine error that is not "no WebGPU" (a limit) refuses the start with its message, and the running run goes on', async () => {
    const limit = new GpuEngineError({
      code: 'limit',
      field: 'runs',
      message:
        'parameter buffer for 8 runs needs 2.0 MiB but maxStorageBufferBindingSize is 1.0 MiB (100.0% over) on test adapter',
    });
    // 4 pairs (8 runs) do not fit; 3 pairs (6 runs) find no adapter and run on the CPU.
    const { api } = cpuTrainerApi({
      deps: {
        makeEngine: (spec) =>
          chooseTrainerEngine(spec, async (s) => {
            if (s.runs === ROLLOUT_RUNS) throw limit;
            throw new GpuEngineError({ code: 'no-adapter', field: 'gpu', message: 'no WebGPU adapter here' });
          }),
      },
    });
    const first = await api.start(tinyConfigDoc({ steps: 3, pairs: 3 }));
    expect(first.ok && [first.info.backend, first.info.fallback]).toEqual([
      'reference',
      'WebGPU is not available: no WebGPU adapter here',
    ]);
    expect(await api.start(tinyConfigDoc())).toEqual({
      ok: false,
      message:
        'runs: parameter buffer for 8 runs needs 2.0 MiB but maxStorageBufferBindingSize is 1.0 MiB (100.0% over) on test adapter',
    });
    const f = await untilFrame(api, finished);
    expect(f.totalSteps).toBe(3);
  });

  it('a lost GPU device fails the run at the next step, saying so; the state before it is saved and resume() continues to the same end', async () => {
    let lose: (info: { reason: string; message: string }) => void = () => {};
    const lost = new Promise<{ reason: string; message: string }>((r) => (lose = r));
    const calls = new Map<number, number>();
    const store = createMemoryStore();
    const hook: RunHook = (spec, call) => {
      if (spec.runs !== ROLLOUT_RUNS) return;
      if (call === 2) lose({ reason: 'unknown', message: 'driver reset' });
      if (call === 3) throw new Error('the engine stopped');
    };
    const { api } = cpuTrainerApi({
      store,
      deps: {
        makeEngine: async (spec) => ({ engine: hookedCpu(spec, hook, calls), fallback: null, lost: lostMessage(lost) }),
      },
    });
    await api.start(tinyConfigDoc());
    const f = await untilFrame(api, (x) => x.state === 'failed');
    expect(f.step).toBe(3);
    expect(f.notice).toBe(
      'step 4 failed: the engine stopped (the GPU device was lost (unknown): driver reset); saved at step 3: resume to continue',
    );
    expect(f.lastSavedStep).toBe(3);
    const again = cpuTrainerApi({ store }).api;
    expect((await again.resume()).ok).toBe(true);
    await untilFrame(again, finished);
    expect(await again.exportCheckpoint()).toBe((await uninterrupted()).checkpoint);
  });

  it('method gradient: the backend is the CPU; the evaluations run on the chosen engine', async () => {
    const { api } = cpuTrainerApi();
    const r = await api.start(tinyConfigDoc({ method: 'gradient', steps: 1 }));
    expect(r.ok && r.info).toMatchObject({
      backend: 'reference',
      method: 'gradient',
      description:
        "gradients through the unroll on the CPU (this worker's thread); held-out evaluations on CPU reference (TypeScript, single thread)",
    });
    const f = await untilFrame(api, finished);
    expect(f.populationLosses).toHaveLength(8);
    expect(Array.from(f.populationLosses.subarray(0, 4))).toEqual(Array.from(f.populationLosses.subarray(4)));
  });

  it('a start replaces the run after its step in flight; the new one starts at step 0', async () => {
    const { api } = cpuTrainerApi();
    await api.start(tinyConfigDoc({ steps: 40 }));
    await untilFrame(api, (f) => f.step >= 1);
    const r = await api.start(tinyConfigDoc({ steps: 2, seed: 8 }));
    expect(r.ok).toBe(true);
    const f = await untilFrame(api, finished);
    expect([f.step, f.totalSteps]).toEqual([2, 2]);
    expect(parseCheckpoint(JSON.parse((await api.exportCheckpoint()) as string))).toMatchObject({
      ok: true,
      value: { config: { seed: 8 } },
    });
  });
});

describe("the user's files", () => {
  /** 40 images of 4x4 with labels i mod 10. */
  const files = [
    {
      name: 'imgs.idx',
      bytes: encodeIdxImages(
        40,
        4,
        4,
        Uint8Array.from({ length: 640 }, (_, i) => (i * 37) % 256),
      ),
    },
    { name: 'labels.idx', bytes: encodeIdxLabels(Array.from({ length: 40 }, (_, i) => i % 10)) },
  ];
  const doc = tinyConfigDoc({
    steps: 1,
    tasks: {
      datasets: [{ name: 'mnist-idx', files: { images: '/home/me/data/imgs.idx', labels: 'labels.idx' } }],
      project: [false],
      resize: [null],
      classes: [null],
    },
    evaluation: { every: 0, datasets: [] },
  });

  it("are matched to the config's paths by name (or the path's last segment)", async () => {
    const { api } = cpuTrainerApi();
    expect((await api.start(doc, files)).ok).toBe(true);
    const f = await untilFrame(api, finished);
    expect(Number.isFinite(f.losses[0])).toBe(true);
  });

  it('a file the config names but nobody gave is refused by its path', async () => {
    const { api } = cpuTrainerApi();
    expect(await api.start(doc, files.slice(0, 1))).toEqual({
      ok: false,
      message: 'labels.idx: not among the files given (imgs.idx); add it beside the config',
    });
  });

  it('resuming a checkpoint whose config names files needs them again', async () => {
    const { api } = cpuTrainerApi();
    await api.start(doc, files);
    await untilFrame(api, finished);
    const cp = JSON.parse((await api.exportCheckpoint()) as string);
    cp.config.steps = 2;
    const other = cpuTrainerApi().api;
    expect(await other.resume(cp)).toEqual({
      ok: false,
      message: '/home/me/data/imgs.idx: not among the files given (none); add it beside the config',
    });
    expect((await other.resume(cp, files)).ok).toBe(true);
    expect((await untilFrame(other, finished)).step).toBe(2);
  });
});

describe('handoffLearner', () => {
  it('saves the current learner for the studio (false without a run)', async () => {
    const { api, store } = cpuTrainerApi();
    expect(await api.handoffLearner()).toBe(false);
    await api.start(tinyConfigDoc({ steps: 1 }));
    await untilFrame(api, finished);
    expect(await api.handoffLearner()).toBe(true);
    expect(await store.get('handoff-learner')).toBe(await api.exportLearner());
  });
});
