// The studio worker's API in Node: open, step, frame; bad learners and data are refused with a
// message naming the field while the running session goes on.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { openDatasetNode } from '../../src/data/node/open';
import { CpuEngine } from '../../src/model/cpuEngine';
import { createSessionApi, type SessionSettings } from '../../src/worker/sessionApi';

const api = () => createSessionApi({
  makeEngine: async (spec) => new CpuEngine(spec),
  openData: (dataset, split, seed) => openDatasetNode(dataset, { split, seed }),
});
const settings: SessionSettings = { dataset: 'mnist', split: 'test', resize: 7, runs: 3, seed: 22, baselines: ['sgd'] };
const learnerDoc = async () => JSON.parse(await readFile(new URL('../../public/learners/vsml-mnist.learner.json', import.meta.url), 'utf8'));

describe('createSessionApi (CPU engine, built-in MNIST 7x7, 3 runs)', () => {
  it('opens the shipped learner, names the backend and the task, and steps: 10 examples, 10-point curves', async () => {
    const a = api();
    expect(a.frame()).toBeNull();
    const r = await a.open(settings, await learnerDoc());
    expect(r).toEqual({
      ok: true,
      info: { backend: 'cpu', description: 'CPU reference (TypeScript, single thread)', inputSize: 49, numClasses: 10, classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'], imageShape: { height: 7, width: 7 } },
    });
    await a.step(4);
    await a.step(6);
    const f = a.frame();
    expect(f?.examplesSeen).toBe(10);
    expect(f?.accuracy.vsml.mean).toHaveLength(10);
    expect(f?.accuracy.sgd.mean).toHaveLength(10);
  });

  it('refuses a learner with NaN, naming the field, and the running session goes on', async () => {
    const a = api();
    await a.open(settings, await learnerDoc());
    await a.step(5);
    const bad = await learnerDoc();
    bad.params.fwd.b[2] = 'NaN';
    const r = await a.open(settings, bad);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/^learner: params\.fwd\.b\[2\]: /);
    await a.step(5);
    expect(a.frame()?.examplesSeen).toBe(10);
  });

  it('refuses a dataset it cannot open, naming it, and the running session goes on', async () => {
    const a = api();
    await a.open(settings, await learnerDoc());
    const r = await a.open({ ...settings, dataset: 'mnistt' }, await learnerDoc());
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/^mnistt: /);
    await a.step(2);
    expect(a.frame()?.examplesSeen).toBe(2);
  });
});
