// The "Why share variables?" preset end to end in Node: its link read by the page's store, the real
// controller, the real worker API on the CPU, the shipped files read from public/ (the VSML learner and
// the Meta RNN meta-trained on MNIST) and the built-in Fashion-MNIST subset: after 3 examples the
// frame has VSML's line and the Meta RNN's, nothing else, each 3 points long.
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { readBuiltinAsset } from '../../../src/data/node/builtinFashion';
import { loadBuiltinMnistNode } from '../../../src/data/node/builtinMnist';
import { StudioController, type SessionPort } from '../../../src/ui/session/controller';
import { PRESETS, presetQuery } from '../../../src/ui/state/studioPresets';
import { createStudioStore } from '../../../src/ui/state/studioStore';
import { openSessionData } from '../../../src/worker/session/sessionData';
import { cpuApi, until } from '../../worker/helpers';
import { FakeStudioEnv } from './fakeSession';

let studio: StudioController | null = null;
afterEach(() => studio?.dispose());

/** The page's services with the shipped files read from public/. */
class DiskEnv extends FakeStudioEnv {
  override async fetchAsset(path: string) {
    this.fetched.push(path);
    const text = await readFile(new URL(`../../../public/${path}`, import.meta.url), 'utf8');
    return { status: 200, json: async () => JSON.parse(text) as unknown };
  }
}

describe('the "Why share variables?" preset on the real worker API (CPU, built-in Fashion-MNIST, 8 runs)', () => {
  it('opens VSML and the shipped Meta RNN on fashion-mnist/test with no baselines; both lines advance with the same examples', async () => {
    const why = PRESETS.find((p) => p.id === 'why-share');
    if (!why) throw new Error('no why-share preset');
    const store = createStudioStore(`?${presetQuery(why)}`);
    expect(store.getState().urlErrors).toEqual([]);
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
    const api = cpuApi({ openData });
    const port = Object.fromEntries(
      Object.entries(api).map(([k, f]) => [k, async (...a: unknown[]) => (f as (...x: unknown[]) => unknown)(...a)]),
    ) as unknown as SessionPort;
    const env = new DiskEnv();
    studio = new StudioController(port, store, env);
    await studio.start();
    expect(store.getState().error).toBeNull();
    expect(env.fetched).toEqual(['learners/vsml-mnist.learner.json', 'learners/meta-rnn-mnist.learner.json']);
    const info = api.info();
    expect([info?.taskName, info?.runs, info?.learned]).toEqual([
      'fashion-mnist/test',
      8,
      [{ name: 'meta-rnn-mnist', file: 'meta-rnn-mnist.learner.json', kind: 'meta-rnn' }],
    ]);
    await studio.pause();
    await api.step(3);
    await until(async () => ((await api.frame())?.examplesSeen ?? 0) >= 3, 60_000);
    const f = await api.frame();
    expect(Object.keys(f?.accuracy ?? {})).toEqual(['vsml', 'meta-rnn-mnist']);
    expect(Array.from(f?.accuracy['meta-rnn-mnist'].x ?? [])).toEqual(Array.from(f?.accuracy.vsml.x ?? []));
  }, 120_000);
});
