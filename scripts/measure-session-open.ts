// How fast the studio's session answers, in Node as the worker runs it (Dawn on SwiftShader here;
// see scripts/swiftshader-env.sh): the default studio grid (built-in MNIST 784 x 10, S = 8, the shipped
// learner, the four baselines), played as fast as it goes, frames pulled every 16 ms like the page.
// For each action: the time to its reply and to the new run's first example, the backend then, and
// when it moved onto WebGPU. `npx tsx scripts/measure-session-open.ts [webgpu|cpu]`
import { readFileSync } from 'node:fs';
import { nodeGpu } from '../src/cli/nodeGpu';
import { readBuiltinAsset } from '../src/data/node/builtinFashion';
import { loadBuiltinMnistNode } from '../src/data/node/builtinMnist';
import { loadShadersNode } from '../src/gpu/shadersNode';
import { chooseSessionEngine } from '../src/worker/shared/engineChoice';
import { createSessionApi, type OpenReply, type SessionSettings } from '../src/worker/session/sessionApi';
import { openSessionData } from '../src/worker/session/sessionData';
import { sharedGpu } from '../src/worker/shared/sharedGpu';

const backend = process.argv[2] ?? 'webgpu';
const doc: unknown = JSON.parse(
  readFileSync(new URL('../public/learners/vsml-mnist.learner.json', import.meta.url), 'utf8'),
);
const settings: SessionSettings = {
  dataset: 'mnist',
  split: 'test',
  resize: null,
  runs: 8,
  seed: 22,
  baselines: ['sgd', 'adam', 'sgd-deep', 'adam-deep'],
  classes: null,
  shuffle: false,
  project: false,
  stream: 'iid',
};
const gpu = backend === 'webgpu' ? sharedGpu(nodeGpu(), loadShadersNode()) : null;
const api = createSessionApi({
  makeEngine: (spec) => chooseSessionEngine(spec, gpu),
  openData: (dataset, split, seed, files) =>
    openSessionData(dataset, split, seed, files, {
      builtin: loadBuiltinMnistNode,
      asset: (name) => readBuiltinAsset(name),
    }),
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function measure(label: string, action: () => Promise<OpenReply>): Promise<void> {
  const t0 = performance.now();
  const reply = await action();
  const replied = performance.now() - t0;
  if (!reply.ok) throw new Error(`${label}: ${reply.message}`);
  api.play(Infinity);
  let first: number | null = null;
  let firstOn = '';
  let moved: number | null = null;
  const until = t0 + 20_000;
  while (performance.now() < until && (first === null || (moved === null && api.info()?.handover))) {
    const f = await api.frame();
    const now = performance.now() - t0;
    if (first === null && (f?.examplesSeen ?? 0) >= 1) [first, firstOn] = [now, api.info()?.backend ?? ''];
    if (moved === null && reply.info.handover && !api.info()?.handover) moved = now;
    await sleep(16);
  }
  await sleep(2000);
  const f = await api.frame();
  const moveText = reply.info.handover ? `, on ${api.info()?.backend} from ${moved === null ? 'never' : s(moved)}` : '';
  console.log(
    `${label}: reply ${s(replied)}, first example ${first === null ? 'none in 20 s' : s(first)} (${firstOn}${moveText}); 2 s later ${f?.examplesSeen} examples, ${f?.speed.examplesPerSecond.toFixed(2)}/s`,
  );
}

await measure('open (default grid)', () => api.open(settings, doc));
await measure('restart(23)', () => api.restart(23));
await measure('restart(24)', () => api.restart(24));
await measure('open S = 1', () => api.open({ ...settings, runs: 1 }, doc));
await measure('open resize 14', () => api.open({ ...settings, resize: 14 }, doc));
await measure('open fashion-mnist', () => api.open({ ...settings, dataset: 'fashion-mnist' }, doc));
await api.pause();
process.exit(0);
