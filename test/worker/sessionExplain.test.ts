// The worker's "explain this step" and drawing-pad calls on the CPU reference (tiny learner with a
// hidden layer, 7x7 MNIST, 3 runs, seed 22): explainNext agrees with the engine exactly and advances
// the session by one example; run 0 recomputed from reproduce()'s documents with tickNetwork ends at
// the explained numbers; peek changes nothing; teach moves run 0's prediction and not the curves; a
// handover replays the taught drawings where they were taught.
import { describe, expect, it } from 'vitest';
import { parseStream } from '../../src/data/streamFile';
import { specShapes } from '../../src/model/engine';
import { explainExample } from '../../src/model/explain';
import type { Drawing } from '../../src/model/explainTypes';
import { parseLearner } from '../../src/model/formats/learner';
import { parseState } from '../../src/model/formats/state';
import { tickNetwork, zeroCarry, type RunCarry } from '../../src/model/reference';
import type { Result } from '../../src/model/result';
import { ReferenceEngine } from '../../src/model/referenceEngine';
import type { EngineSpec } from '../../src/model/engine';
import { chooseSessionEngine } from '../../src/worker/shared/engineChoice';
import type { ReproduceReply, SessionApi } from '../../src/worker/session/sessionApi';
import type { GpuEngines } from '../../src/worker/shared/sharedGpu';
import { cpuApi, settings, tinyLearnerDoc, until } from './helpers';

const unwrap = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const learner = unwrap(parseLearner(tinyLearnerDoc()));

/** A 28 x 28 drawing: a vertical stroke at column `col`, 3 pixels wide, rows 4-23. */
function stroke(col: number): Drawing {
  const pixels = new Uint8ClampedArray(28 * 28);
  for (let r = 4; r < 24; r++) for (let c = col - 1; c <= col + 1; c++) pixels[r * 28 + c] = 255;
  return { width: 28, height: 28, pixels };
}

async function opened(api: SessionApi = cpuApi()): Promise<SessionApi> {
  const r = await api.open(settings, tinyLearnerDoc());
  if (!r.ok) throw new Error(r.message);
  return api;
}

const examplesSeen = async (api: SessionApi) => (await api.frame())?.examplesSeen;

/** Run 0 recomputed from reproduce()'s documents with tickNetwork, one example at a time: its carry after them all. */
function recompute(docs: ReproduceReply): { carry: RunCarry; steps: number; lastY: Float32Array } {
  if (!docs.ok) throw new Error(docs.message);
  const stream = unwrap(parseStream(JSON.parse(docs.stream)));
  const shapes = specShapes({
    config: learner.config,
    inputSize: stream.inputSize,
    numClasses: stream.numClasses,
    runs: 1,
  });
  const state = unwrap(parseState(JSON.parse(docs.state), { shapes, stateSize: learner.config.stateSize }));
  const carry = zeroCarry(learner.config, shapes, [...state]);
  let lastY: Float32Array = new Float32Array(0);
  const A = stream.inputSize;
  for (let t = 0; t < stream.steps; t++)
    lastY = tickNetwork(
      learner.config,
      learner.params,
      shapes,
      carry,
      stream.inputs.subarray(t * A, (t + 1) * A),
      stream.labels[t],
    ).y;
  return { carry, steps: stream.steps, lastY };
}

describe('SessionApi.explainNext (CPU reference)', () => {
  it('explains example 5, then 6 and 7, each with agreement 0, advancing the session by one example each', async () => {
    const api = await opened();
    await api.step(5);
    for (const t of [5, 6, 7]) {
      const r = await api.explainNext();
      if (!r.ok) throw new Error(r.message);
      expect(r.agreement).toBe(0);
      expect(r.explanation.example).toBe(t);
      expect(r.traceIndex).toBe(t);
      expect(await examplesSeen(api)).toBe(t + 1);
      const f = await api.frame();
      expect(Array.from(r.explanation.input)).toEqual(Array.from(f?.input ?? []));
      expect(r.explanation.label).toBe(f?.label);
      expect(r.explanation.layers.map((l) => [l.A, l.B])).toEqual([
        [49, 3],
        [3, 10],
      ]);
    }
  });

  it("its last states and y equal run 0 recomputed by tickNetwork from reproduce()'s stream and state", async () => {
    const api = await opened();
    await api.step(4);
    const r = await api.explainNext();
    if (!r.ok) throw new Error(r.message);
    const docs = await api.reproduce();
    expect(docs.ok && [docs.examples, docs.taught]).toEqual([5, 0]);
    const { carry, lastY } = recompute(docs);
    expect(Array.from(r.explanation.y)).toEqual(Array.from(lastY));
    r.explanation.layers.forEach((layer, l) => {
      expect(Array.from(layer.ticks[layer.ticks.length - 1].c)).toEqual(Array.from(carry.states[l].c));
      expect(Array.from(layer.ticks[layer.ticks.length - 1].h)).toEqual(Array.from(carry.states[l].h));
      expect(Array.from(r.explanation.nextBwdIn[l])).toEqual(Array.from(carry.bwdIn[l]));
    });
  });

  it('on fresh association episodes (20 examples each): example 20 starts from the initial state, traceIndex 0, and equals the recomputation', async () => {
    const api = cpuApi();
    const r = await api.open({ ...settings, stream: 'association', fresh: true }, tinyLearnerDoc());
    if (!r.ok) throw new Error(r.message);
    await api.step(19);
    const last = await api.explainNext();
    expect(last.ok && [last.explanation.example, last.traceIndex, last.agreement]).toEqual([19, 19, 0]);
    const first = await api.explainNext();
    if (!first.ok) throw new Error(first.message);
    expect([first.explanation.example, first.traceIndex, first.agreement]).toEqual([20, 0, 0]);
    expect(first.explanation.layers.every((l) => l.bwdIn.every((v) => v === 0))).toBe(true);
    const { carry, steps } = recompute(await api.reproduce());
    expect(steps).toBe(1);
    expect(Array.from(first.explanation.layers[0].ticks[0].c)).toEqual(Array.from(carry.states[0].c));
  });

  it('pauses a playing session first', async () => {
    const api = await opened();
    api.play(Infinity);
    await until(async () => ((await examplesSeen(api)) ?? 0) > 0);
    const r = await api.explainNext();
    expect(r.ok).toBe(true);
    const f = await api.frame();
    expect(f?.playing).toBe(false);
    expect(r.ok && r.explanation.example + 1).toBe(f?.examplesSeen);
  });

  it('refuses when nothing is open', async () => {
    expect(await cpuApi().explainNext()).toEqual({ ok: false, message: 'explain: nothing is open' });
  });
});

describe('SessionApi.peek and teach (CPU reference)', () => {
  it('peek changes nothing; teach answers the prediction peek gave, moves the next peek, and leaves the examples seen and curves', async () => {
    const api = await opened();
    await api.step(6);
    const a = await api.peek(stroke(14));
    const b = await api.peek(stroke(14));
    if (!a.ok || !b.ok) throw new Error('peek refused');
    expect(Array.from(b.probabilities)).toEqual(Array.from(a.probabilities));
    expect(a.input).toHaveLength(49);
    const curves = api.curves();
    const taught = await api.teach(stroke(14), 7);
    if (!taught.ok) throw new Error(taught.message);
    expect(Array.from(taught.probabilities)).toEqual(Array.from(a.probabilities));
    const after = await api.peek(stroke(14));
    if (!after.ok) throw new Error(after.message);
    expect(Array.from(after.probabilities)).not.toEqual(Array.from(a.probabilities));
    expect(await examplesSeen(api)).toBe(6);
    expect(Array.from(api.curves()?.learners.vsml.mean ?? [])).toEqual(Array.from(curves?.learners.vsml.mean ?? []));
    const docs = await api.reproduce();
    expect(docs.ok && [docs.examples, docs.taught]).toEqual([7, 1]);
    // The peek after teaching is run 0 recomputed from the documents, then the drawing: bit for bit.
    const { carry, steps } = recompute(docs);
    const shapes = specShapes({ config: learner.config, inputSize: 49, numClasses: 10, runs: 1 });
    const e = explainExample(learner.config, learner.params, shapes, carry, after.input, 0, steps);
    expect(Array.from(after.probabilities)).toEqual(Array.from(e.probabilities));
    console.log(
      `peek of a stroke before teaching 7: p(7) = ${a.probabilities[7].toFixed(6)}; after: ${after.probabilities[7].toFixed(6)}`,
    );
  });

  it('refuses a drawing of the wrong size, a label out of range, and a task that takes no drawings, each naming its field', async () => {
    const api = await opened();
    expect(await api.peek({ ...stroke(14), width: 27 })).toEqual({
      ok: false,
      message: "drawing: drawing.width: must be 28 (the data set's images), got 27",
    });
    expect(await api.teach(stroke(14), 10)).toEqual({
      ok: false,
      message: 'label: must be an integer in [0, 10), got 10',
    });
    const gen = cpuApi();
    const r = await gen.open({ ...settings, dataset: 'sum-sign', resize: null }, tinyLearnerDoc());
    if (!r.ok) throw new Error(r.message);
    const refusal = await gen.peek(stroke(14));
    expect(refusal.ok ? '' : refusal.message).toMatch(
      /^drawing: dataset: sum-sign.* is generated, not images: a drawing cannot be one of its examples$/,
    );
  });
});

/** "GPU" engines (CPU engines here) made on release(), so a session opens on the CPU and moves onto one later. */
function gatedGpu() {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let open = false;
  const gpu: GpuEngines = {
    ready: () => open,
    async make(spec: EngineSpec) {
      await gate;
      open = true;
      const e = new ReferenceEngine(spec);
      Object.defineProperties(e, { backend: { value: 'webgpu' }, description: { value: 'WebGPU: fake adapter' } });
      return e;
    },
  };
  return { release, makeEngine: (spec: EngineSpec) => chooseSessionEngine(spec, gpu) };
}

describe('taught drawings across a handover', () => {
  it('a session taught two drawings on the CPU moves onto the new engine with them, in place: the same peek bit for bit', async () => {
    const gated = gatedGpu();
    const api = await opened(cpuApi({ makeEngine: gated.makeEngine }));
    await api.step(5);
    expect((await api.teach(stroke(10), 3)).ok).toBe(true);
    await api.step(3);
    expect((await api.teach(stroke(18), 4)).ok).toBe(true);
    const before = await api.peek(stroke(14));
    gated.release();
    await until(() => api.info()?.backend === 'webgpu');
    const after = await api.peek(stroke(14));
    if (!before.ok || !after.ok) throw new Error('peek refused');
    expect(Array.from(after.probabilities)).toEqual(Array.from(before.probabilities));
    const r = await api.explainNext();
    expect(r.ok && [r.agreement, r.explanation.example, r.traceIndex]).toEqual([0, 8, 10]);
  });
});
