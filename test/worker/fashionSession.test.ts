// The studio session on Fashion-MNIST with no files from the user's disk: the built-in subset (the
// first 2,000 official test images) opens through createSessionApi on the CPU engine, normalised with
// MNIST's statistics as the official code (sessionData.ts), and the shipped MNIST learner learns it.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { readBuiltinAsset } from '../../src/data/node/builtinFashion';
import { loadBuiltinMnistNode } from '../../src/data/node/builtinMnist';
import { openDatasetNode } from '../../src/data/node/open';
import { createRunStreams } from '../../src/data/stream';
import { buildTask } from '../../src/data/task';
import type { SessionSettings } from '../../src/worker/session/sessionApi';
import { openSessionData } from '../../src/worker/session/sessionData';
import { cpuApi, settings } from './helpers';

const fashion: SessionSettings = { ...settings, dataset: 'fashion-mnist', baselines: ['sgd'] };
const openData = (
  dataset: string,
  split: 'train' | 'test',
  seed: number,
  files: Parameters<typeof openSessionData>[3],
) =>
  openSessionData(dataset, split, seed, files, {
    builtin: loadBuiltinMnistNode,
    asset: (name) => readBuiltinAsset(name),
  });
const shippedLearner = async (): Promise<unknown> =>
  JSON.parse(await readFile(new URL('../../public/learners/vsml-mnist.learner.json', import.meta.url), 'utf8'));

describe('createSessionApi on fashion-mnist with no files (CPU engine, built-in subset 7x7, 3 runs, seed 22)', () => {
  it('opens the built-in subset: fashion-mnist/test [7x7], the Fashion-MNIST class names', async () => {
    const a = cpuApi({ openData });
    const r = await a.open(fashion, await shippedLearner());
    if (!r.ok) throw new Error(r.message);
    expect([r.info.taskName, r.info.inputSize, r.info.numClasses, r.info.backend]).toEqual([
      'fashion-mnist/test [7x7]',
      49,
      10,
      'reference',
    ]);
    expect(r.info.classNames).toEqual([
      'T-shirt/top',
      'Trouser',
      'Pullover',
      'Dress',
      'Coat',
      'Sandal',
      'Shirt',
      'Sneaker',
      'Bag',
      'Ankle boot',
    ]);
  });

  it("streams the seeded examples, MNIST-normalised: run 0's labels 9 1 2 4 8 6 6 1 0 9 0 9 after 12 examples", async () => {
    const a = cpuApi({ openData });
    await a.open({ ...fashion, baselines: [] }, await shippedLearner());
    await a.step(12);
    const f = await a.frame();
    if (!f) throw new Error('no frame');
    expect(f.examplesSeen).toBe(12);
    expect(Array.from(f.recentLabels)).toEqual([9, 1, 2, 4, 8, 6, 6, 1, 0, 9, 0, 9]);
    // The same stream built by hand from the subset with MNIST's statistics gives the frame's input.
    const source = await openDatasetNode('fashion-mnist', { split: 'test', fashionMnistStats: 'mnist' });
    if (!source.ok) throw new Error(source.error.message);
    const task = buildTask(source.value, { seed: 22, resize: 7 });
    if (!task.ok) throw new Error(task.error.message);
    const streams = createRunStreams(task.value, { seed: 22, runs: 3 });
    if (!streams.ok) throw new Error(streams.error.message);
    const block = streams.value.nextBlock(12);
    expect(Array.from(block.labels.subarray(0, 12))).toEqual(Array.from(f.recentLabels));
    expect(Array.from(f.input)).toEqual(Array.from(block.inputs.subarray(11 * 49, 12 * 49)));
  });

  it('learns: after 100 examples VSML has 142 of 300 right (0.473, chance 0.1), SGD 79 (0.263)', async () => {
    const a = cpuApi({ openData });
    await a.open(fashion, await shippedLearner());
    await a.step(100);
    const c = a.curves();
    if (!c) throw new Error('no curves');
    expect(c.examples).toBe(100);
    // Cumulative accuracy averaged over the 3 runs, times 3 runs x 100 examples: examples right in all.
    expect([Math.round(c.learners.vsml.mean[99] * 300), Math.round(c.learners.sgd.mean[99] * 300)]).toEqual([142, 79]);
  });

  it('refuses the train split without files, naming it, and the running session goes on', async () => {
    const a = cpuApi({ openData });
    await a.open(fashion, await shippedLearner());
    await a.step(5);
    const r = await a.open({ ...fashion, split: 'train' }, await shippedLearner());
    expect(r).toEqual({
      ok: false,
      message:
        'fashion-mnist: split: the built-in fashion-mnist holds 2,000 test images only; load the train IDX files from your disk for train',
    });
    expect((await a.frame())?.examplesSeen).toBe(5);
  });
});
