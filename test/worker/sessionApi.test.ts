// The studio worker's API in Node: open, step, frame; bad learners and data are refused with a
// message naming the field while the running session goes on.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { openDatasetNode } from '../../src/data/node/open';
import { DEFAULT_CONFIG } from '../../src/model/config';
import { CpuEngine } from '../../src/model/cpuEngine';
import { chooseEngine } from '../../src/worker/engineChoice';
import { createSessionApi, type SessionSettings } from '../../src/worker/sessionApi';

const api = () => createSessionApi({
  makeEngine: (spec) => chooseEngine(spec, null),
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
      info: { backend: 'cpu', description: 'CPU reference (TypeScript, single thread)', fallback: 'WebGPU is not available in this browser (navigator.gpu is missing)', inputSize: 49, numClasses: 10, classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'], imageShape: { height: 7, width: 7 } },
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

describe('chooseEngine', () => {
  const spec = { config: DEFAULT_CONFIG, inputSize: 4, numClasses: 2, runs: 1 };
  it('runs the GPU engine when it can be made, and the CPU reference with the GPU\'s own reason when not', async () => {
    const gpu = new CpuEngine(spec);
    expect(await chooseEngine(spec, async () => gpu)).toEqual({ engine: gpu, fallback: null });
    const r = await chooseEngine(spec, async () => { throw new Error('grid of 5,000,000 cells is over maxStorageBufferBindingSize by 12 MiB'); });
    expect(r.engine.backend).toBe('cpu');
    expect(r.fallback).toBe('WebGPU could not run this session: grid of 5,000,000 cells is over maxStorageBufferBindingSize by 12 MiB');
  });
});

describe('transferringApi over Comlink (in-process MessageChannel)', () => {
  it('hands frames over with their buffers transferred: the same numbers arrive, the sender keeps none', async () => {
    const Comlink = await import('comlink');
    // @ts-expect-error -- comlink ships node-adapter.d.ts beside the .mjs, but exports no subpath types for it
    const { default: nodeEndpoint } = (await import('comlink/dist/esm/node-adapter.mjs')) as { default: (p: unknown) => import('comlink').Endpoint };
    const { MessageChannel } = await import('node:worker_threads');
    const { transferringApi, frameBuffers } = await import('../../src/worker/sessionExpose');
    const inner = api();
    const sent: ArrayBuffer[] = [];
    const spy = { ...inner, frame: () => { const f = inner.frame(); if (f) sent.push(...frameBuffers(f)); return f; } };
    const { port1, port2 } = new MessageChannel();
    Comlink.expose(transferringApi(spy), nodeEndpoint(port1));
    const remote = Comlink.wrap<ReturnType<typeof transferringApi>>(nodeEndpoint(port2));
    expect((await remote.open(settings, await learnerDoc())).ok).toBe(true);
    await remote.step(6);
    const f = await remote.frame();
    expect(f?.examplesSeen).toBe(6);
    expect(f?.accuracy.vsml.mean).toHaveLength(6);
    expect(Math.abs(Array.from(f?.probabilities ?? []).reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-6);
    expect(sent.length).toBe(8);
    expect(sent.every((b) => b.byteLength === 0)).toBe(true); // detached: transferred, not copied
    port1.close();
    port2.close();
  });
});
