// Studio and trainer requests too large for the browser are refused before the task or an engine is
// made (issue 10, defect 5), naming the setting or field, and the running session or run is left as
// it was. Nothing large is allocated: the refusals come from the estimate.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { metaConfigToJson, presetConfig } from '../../src/meta/metaConfigParse';
import { browserMemoryLimit, FALLBACK_BROWSER_LIMIT } from '../../src/worker/shared/memoryLimit';
import { STUDIO_RAISE } from '../../src/worker/session/sessionMemory';
import { TRAINER_RAISE } from '../../src/worker/trainer/trainerOpen';
import { cpuApi, settings, tinyLearnerDoc } from './helpers';
import { cpuTrainerApi } from './trainerHelpers';

const GiB = 1024 ** 3;
/** The shipped MNIST learner (N = 16, no hidden layer); its V_M fits any hidden layers. */
const mnistLearner = JSON.parse(
  readFileSync(new URL('../../public/learners/vsml-mnist.learner.json', import.meta.url), 'utf8'),
);
const limit = (bytes: number, raise: string) => ({ bytes, source: 'the test', raise });

describe('browserMemoryLimit', () => {
  it('is a quarter of navigator.deviceMemory (8 -> 2 GiB), else 2 GiB saying the browser does not tell', () => {
    expect(browserMemoryLimit('r', { deviceMemory: 8 })).toEqual({
      bytes: 2 * GiB,
      source: "a quarter of this device's 8.0 GiB",
      raise: 'r',
    });
    expect(browserMemoryLimit('r', {})).toEqual({
      bytes: FALLBACK_BROWSER_LIMIT,
      source: '2.0 GiB: the browser does not tell its memory',
      raise: 'r',
    });
    expect(browserMemoryLimit('r', undefined).bytes).toBe(2 * GiB);
  });
});

describe('the studio session', () => {
  it('refuses S = 256 at resize 100 (6.1 GiB of state) at once, naming S and resize, and keeps the running session', async () => {
    const a = cpuApi({ memoryLimit: limit(2 * GiB, STUDIO_RAISE) });
    expect((await a.open(settings, tinyLearnerDoc())).ok).toBe(true);
    await a.step(5);
    const r = await a.open({ ...settings, runs: 256, resize: 100, baselines: [] }, mnistLearner);
    expect(r).toEqual({
      ok: false,
      message: `S and resize: VSML state h and c needs 2 copies x 256 runs x 100000 cells x 32 floats x 4 bytes = 6.1 GiB (6.2 GiB in all), over the 2.0 GiB limit (the test) by 4.2 GiB; ${STUDIO_RAISE}`,
    });
    expect((await a.frame())?.examplesSeen).toBe(5);
  });

  it('refuses a learner with hiddenSizes 4096 x 4, naming its config.hiddenSizes', async () => {
    const a = cpuApi({ memoryLimit: limit(2 * GiB, STUDIO_RAISE) });
    const r = await a.open(
      { ...settings, resize: null, runs: 8 },
      { ...mnistLearner, config: { ...mnistLearner.config, hiddenSizes: [4096, 4096, 4096, 4096] } },
    );
    // 784 x 4096 + 3 x 4096 x 4096 + 4096 x 10 = 53583872 cells.
    expect(r).toEqual({
      ok: false,
      message: `learner: config.hiddenSizes: VSML state h and c needs 2 copies x 8 runs x 53583872 cells x 32 floats x 4 bytes = 102.2 GiB (102.2 GiB in all), over the 2.0 GiB limit (the test) by 100.2 GiB; ${STUDIO_RAISE}`,
    });
  });
});

describe('the trainer', () => {
  it('check() refuses hiddenSizes [4096] on the default MNIST tasks beside model.hiddenSizes, from the registry alone', async () => {
    const { api } = cpuTrainerApi({ deps: { memoryLimit: limit(2 * GiB, TRAINER_RAISE) } });
    const doc = {
      ...metaConfigToJson(presetConfig('quick-demo')),
      preset: undefined,
      init: null,
      tasks: undefined,
      evaluation: undefined,
      model: { hiddenSizes: [4096] },
    };
    const r = await api.check(JSON.parse(JSON.stringify(doc)));
    expect(r.ok).toBe(false);
    expect(r.ok ? null : r.field).toBe('model.hiddenSizes');
    // 784 x 4096 + 4096 x 10 = 3252224 cells; the held-out engine (32 runs, with their initial states) is the largest part.
    expect(r.ok ? '' : r.message).toBe(
      `model.hiddenSizes: held-out state h and c needs 2 copies x 32 runs x 3252224 cells x 32 floats x 4 bytes = 24.8 GiB (43.4 GiB in all), over the 2.0 GiB limit (the test) by 41.4 GiB; ${TRAINER_RAISE}`,
    );
  });

  it('start() refuses the same config with the data opened, before any engine is made', async () => {
    let engines = 0;
    const { api } = cpuTrainerApi({ deps: { memoryLimit: limit(2 * GiB, TRAINER_RAISE) }, hook: () => engines++ });
    const doc = {
      ...metaConfigToJson(presetConfig('quick-demo')),
      preset: undefined,
      init: null,
      tasks: undefined,
      evaluation: undefined,
      model: { hiddenSizes: [4096] },
    };
    const r = await api.start(JSON.parse(JSON.stringify(doc)));
    expect(r.ok).toBe(false);
    // The data sets now counted too (the MNIST train and test sets as read and transformed).
    expect(r.ok ? '' : r.message).toBe(
      `model.hiddenSizes: held-out state h and c needs 2 copies x 32 runs x 3252224 cells x 32 floats x 4 bytes = 24.8 GiB (43.5 GiB in all), over the 2.0 GiB limit (the test) by 41.5 GiB; ${TRAINER_RAISE}`,
    );
    expect(engines).toBe(0);
  });
});
