// The studio worker's API in Node: open from settings (transforms, streams, files), info, step, frame,
// curves; bad learners, data sets and settings are refused with a message naming them while the
// running session goes on, playing.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { encodeIdxImages, encodeIdxLabels } from '../../src/model/formats/idx';
import type { DatasetFiles } from '../../src/data/load';
import { DEFAULT_CONFIG } from '../../src/model/config';
import { ReferenceEngine } from '../../src/model/referenceEngine';
import { chooseEngine, lostMessage } from '../../src/worker/shared/engineChoice';
import { cpuApi, NO_GPU, settings, tinyLearnerDoc, until } from './helpers';
import { createMemoryStore } from '../../src/worker/storage/keyValueStore';
import { loadHandoffLearner, saveHandoffLearner } from '../../src/worker/storage/learnerHandoff';

describe('createSessionApi: open, info, step, frame (CPU engine, built-in MNIST 7x7, 3 runs, tiny learner)', () => {
  it('has nothing open at first: frame, curves and info are null, step and restart are refused', async () => {
    const a = cpuApi();
    expect(await a.frame()).toBeNull();
    expect(a.curves()).toBeNull();
    expect(a.info()).toBeNull();
    await expect(a.step(1)).rejects.toThrow('step: nothing is open');
    expect(await a.restart(1)).toEqual({ ok: false, message: 'restart: nothing is open' });
  });

  it('opens, names the backend, the task and the grid, and starts paused at example 0', async () => {
    const a = cpuApi();
    const r = await a.open(settings, tinyLearnerDoc());
    const info = {
      backend: 'reference',
      description: 'CPU reference (TypeScript, single thread)',
      fallback: NO_GPU,
      inputSize: 49,
      numClasses: 10,
      classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
      imageShape: { height: 7, width: 7, channels: 1 },
      taskName: 'mnist/test [7x7]',
      runs: 3,
      layers: [
        { A: 49, B: 3 },
        { A: 3, B: 10 },
      ],
      stateSize: 4,
      handover: null,
      learned: [],
    };
    expect(r).toEqual({ ok: true, info });
    expect(a.info()).toEqual(info);
    const f = await a.frame();
    expect(f?.examplesSeen).toBe(0);
    expect(f?.playing).toBe(false);
    expect(f?.notice).toBeNull();
    expect(f?.heatmap).toBeNull();
  });

  it('step(n) advances exactly n (1, 37, 250: 288 examples, 288-point curves, x from 1 to 288)', async () => {
    const a = cpuApi();
    await a.open(settings, tinyLearnerDoc());
    for (const n of [1, 37, 250]) await a.step(n);
    const f = await a.frame();
    expect(f?.examplesSeen).toBe(288);
    expect(f?.accuracy.vsml.x).toHaveLength(288);
    expect(f?.accuracy.sgd.x[287]).toBe(288);
    const c = a.curves();
    expect([c?.examples, c?.runs, c?.seed, c?.taskName]).toEqual([288, 3, 22, 'mnist/test [7x7]']);
    expect(c?.learners.vsml.mean).toHaveLength(288);
    expect(Array.from(c?.learners.sgd.std ?? [])).toEqual(Array.from(f?.accuracy.sgd.std ?? []));
  });

  it('opens the shipped MNIST learner too (one layer of 49 x 10, N = 16)', async () => {
    const a = cpuApi();
    const doc = JSON.parse(
      await readFile(new URL('../../public/learners/vsml-mnist.learner.json', import.meta.url), 'utf8'),
    );
    const r = await a.open(settings, doc);
    expect(r.ok && [r.info.layers, r.info.stateSize]).toEqual([[{ A: 49, B: 10 }], 16]);
  });
});

describe('createSessionApi: task transforms and streams from the settings', () => {
  it('classes [3, 5] give K = 2 named 3 and 5; shuffle keeps the image; project drops it; sum-sign is no image', async () => {
    const a = cpuApi();
    const sub = await a.open({ ...settings, classes: [3, 5] }, tinyLearnerDoc());
    expect(sub.ok && [sub.info.numClasses, sub.info.classNames, sub.info.taskName]).toEqual([
      2,
      ['3', '5'],
      'mnist/test [classes 3,5, 7x7]',
    ]);
    await a.step(20);
    expect(Array.from((await a.frame())?.recentLabels ?? []).every((y) => y === 0 || y === 1)).toBe(true);
    const shuffled = await a.open({ ...settings, shuffle: true }, tinyLearnerDoc());
    expect(shuffled.ok && [shuffled.info.taskName, shuffled.info.imageShape]).toEqual([
      'mnist/test [7x7, shuffle(seed 22)]',
      { height: 7, width: 7, channels: 1 },
    ]);
    const projected = await a.open({ ...settings, project: true, seed: 9 }, tinyLearnerDoc());
    expect(projected.ok && [projected.info.taskName, projected.info.imageShape]).toEqual([
      'mnist/test [7x7, projection(seed 9)]',
      null,
    ]);
    const sumSign = await a.open({ ...settings, dataset: 'sum-sign', resize: null }, tinyLearnerDoc());
    expect(sumSign.ok && [sumSign.info.taskName, sumSign.info.inputSize, sumSign.info.imageShape]).toEqual([
      'sum-sign',
      784,
      null,
    ]);
  });

  it('the association stream shows episodes of 12 for classes [0, 1, 2]: 4 labels of each class per episode', async () => {
    const a = cpuApi();
    await a.open({ ...settings, classes: [0, 1, 2], stream: 'association' }, tinyLearnerDoc());
    await a.step(24);
    const labels = Array.from((await a.frame())?.recentLabels ?? []);
    for (const episode of [labels.slice(0, 12), labels.slice(12)]) {
      expect([0, 1, 2].map((k) => episode.filter((y) => y === k).length)).toEqual([4, 4, 4]);
    }
  });

  it("passes the user's files to the idx data set, and restart reuses them (40 images of 4x4)", async () => {
    const pixels = Uint8Array.from({ length: 40 * 16 }, (_, i) => (i * 37) % 256);
    const files: DatasetFiles = {
      images: { name: 'imgs.idx', bytes: encodeIdxImages(40, 4, 4, pixels) },
      labels: { name: 'labels.idx', bytes: encodeIdxLabels(Array.from({ length: 40 }, (_, i) => i % 10)) },
    };
    const a = cpuApi();
    const s = { ...settings, dataset: 'mnist-idx', resize: null };
    const r = await a.open(s, tinyLearnerDoc(), files);
    expect(r.ok && [r.info.inputSize, r.info.imageShape]).toEqual([16, { height: 4, width: 4, channels: 1 }]);
    await a.step(5);
    const again = await a.restart(7);
    expect(again.ok && again.info.inputSize).toBe(16);
    expect(a.curves()?.seed).toBe(7);
    const none = await a.open(s, tinyLearnerDoc());
    expect(!none.ok && none.message).toMatch(/^mnist-idx: images: /);
  });
});

describe('createSessionApi: refusals name the field, and the running session goes on playing', () => {
  it('a NaN in the learner, an unknown data set, bad classes, resize, runs, baselines, stream or transforms', async () => {
    const a = cpuApi();
    await a.open(settings, tinyLearnerDoc());
    a.play(Infinity);
    await until(async () => ((await a.frame())?.examplesSeen ?? 0) >= 3);
    const nan = tinyLearnerDoc() as { params: { fwd: { b: unknown[] } } };
    nan.params.fwd.b[1] = 'NaN';
    const bad = await a.open(settings, nan);
    expect(!bad.ok && bad.message).toMatch(/^learner: params\.fwd\.b\[1\]: /);
    const refusals: [Partial<typeof settings>, string][] = [
      [{ classes: [3, 12] }, 'classes: class 12 is not in [0, 10)'],
      [{ resize: 0 }, 'resize: must be an integer side in [1, 512], got 0'],
      [{ runs: 0 }, 'runs: must be a positive integer, got 0'],
      [{ seed: -1 }, 'seed: must be an integer in [0, 2^32), got -1'],
      [{ baselines: ['sgd', 'sgd'] }, 'baselines[1]: sgd is listed twice'],
      [
        { dataset: 'sum-sign', resize: null, stream: 'association' },
        'stream: association episodes need a dataset of examples; sum-sign is generated',
      ],
      [
        { shuffle: true, project: true },
        'shuffle: pixel shuffle and projection together: a shuffle before a random projection is just another projection; choose one',
      ],
    ];
    for (const [change, message] of refusals)
      expect(await a.open({ ...settings, ...change }, tinyLearnerDoc())).toEqual({ ok: false, message });
    const huge = await a.open({ ...settings, resize: 512, runs: 1 }, tinyLearnerDoc());
    expect(!huge.ok && huge.message).toMatch(/^resize: /); // a task too large because of the resize names the resize, not the dataset
    const unknown = await a.open({ ...settings, dataset: 'mnistt' }, tinyLearnerDoc());
    expect(!unknown.ok && unknown.message).toMatch(/^mnistt: /);
    const before = (await a.frame())?.examplesSeen ?? 0;
    await until(async () => ((await a.frame())?.examplesSeen ?? 0) > before);
    const f = await a.frame();
    expect(f?.playing).toBe(true);
    expect(f?.notice).toBeNull();
    expect(a.info()?.taskName).toBe('mnist/test [7x7]');
    await a.pause();
  });
});

describe('createSessionApi: a data loader that throws', () => {
  it('is a refusal too ("open: ..."), not a rejected promise', async () => {
    const a = cpuApi({
      openData: async () => {
        throw new Error('network down');
      },
    });
    expect(await a.open(settings, tinyLearnerDoc())).toEqual({ ok: false, message: 'open: network down' });
  });
});

describe('createSessionApi: trainedLearner (the trainer hand-off, read in the worker)', () => {
  it('answers the document the trainer saved, then null once nothing is saved, and refuses with the store error', async () => {
    const store = createMemoryStore();
    const api = cpuApi({ loadTrainedLearner: () => loadHandoffLearner(store) });
    expect(await api.trainedLearner()).toEqual({ ok: true, document: null });
    await saveHandoffLearner(store, JSON.stringify(tinyLearnerDoc()));
    expect(await api.trainedLearner()).toEqual({ ok: true, document: tinyLearnerDoc() });
    const broken = cpuApi({
      loadTrainedLearner: async () => {
        throw new Error('IndexedDB is blocked');
      },
    });
    expect(await broken.trainedLearner()).toEqual({ ok: false, message: 'IndexedDB is blocked' });
    expect(await cpuApi().trainedLearner()).toEqual({ ok: true, document: null });
  });
});

describe('chooseEngine and lostMessage', () => {
  const spec = { config: DEFAULT_CONFIG, inputSize: 4, numClasses: 2, runs: 1 };
  it("runs the GPU engine when it can be made, and the CPU reference with the GPU's own reason when not", async () => {
    const gpu = new ReferenceEngine(spec);
    expect(await chooseEngine(spec, async () => gpu)).toEqual({ engine: gpu, fallback: null });
    const r = await chooseEngine(spec, async () => {
      throw new Error('grid of 5,000,000 cells is over maxStorageBufferBindingSize by 12 MiB');
    });
    expect(r.engine.backend).toBe('reference');
    expect(r.fallback).toBe(
      'WebGPU could not run this session: grid of 5,000,000 cells is over maxStorageBufferBindingSize by 12 MiB',
    );
  });

  it('maps a GPU engine\'s lost info to a sentence, and never resolves for "destroyed" (our own dispose)', async () => {
    const lost = Promise.resolve({ reason: 'unknown', message: 'the driver reset' });
    const choice = await chooseEngine(spec, async (s) => Object.assign(new ReferenceEngine(s), { lost }));
    expect(await choice.lost).toBe('the GPU device was lost (unknown): the driver reset');
    const destroyed = lostMessage(Promise.resolve({ reason: 'destroyed', message: '' }));
    const later = new Promise((r) => setTimeout(() => r('still pending'), 20));
    expect(await Promise.race([destroyed, later])).toBe('still pending');
  });
});
