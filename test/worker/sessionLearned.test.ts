// A studio session with a learned learner without variable sharing (a tiny Meta RNN made here: 64
// inputs, 12 outputs, H = 6) beside the tiny VSML learner on the built-in MNIST at 7x7, 3 runs: its
// line advances with the same examples as VSML's, its curve is the evaluation protocol's on the same
// streams, the strip can show it, and a bad file is refused by file and field while the running
// session goes on playing.
import { describe, expect, it } from 'vitest';
import { buildTask } from '../../src/data/task';
import { createAssociationStreams } from '../../src/data/associationStream';
import { createRunStreams } from '../../src/data/stream';
import { cumulativeAccuracy, meanCurve } from '../../src/meta/cumulative';
import { learnedBatchLearner } from '../../src/meta/learnedBatch';
import { runProtocol } from '../../src/meta/protocol';
import { learnedLearnerToJson, type LearnedLearner } from '../../src/model/formats/learnedLearner';
import { parseLearner } from '../../src/model/formats/learner';
import { specDefaults } from '../../src/model/learners/learnedSpec';
import { META_RNN_DEF } from '../../src/model/learners/metaRnn';
import { initMetaRnn } from '../../src/model/learners/metaRnnInit';
import type { MetaRnnSpec } from '../../src/model/learners/metaRnnSpec';
import { ReferenceEngine } from '../../src/model/referenceEngine';
import { parseLearnedDocuments, learnedLines } from '../../src/worker/session/learnedLines';
import { Session } from '../../src/worker/session/session';
import { cpuApi, openData, settings, tinyLearnerDoc, until } from './helpers';

const shape = { inputSize: 64, numClasses: 12 };
const spec = { ...specDefaults(META_RNN_DEF.specProps), hidden: 6, microTicks: 1 };
const rnn: LearnedLearner = {
  kind: 'meta-rnn',
  shape,
  spec,
  params: initMetaRnn(shape, 42, spec as MetaRnnSpec).map((v) => v * 4),
};
/** The file's document as the page sends it (a JSON round trip, as Comlink clones it). */
const rnnDoc = (over: LearnedLearner = rnn): Record<string, unknown> =>
  JSON.parse(JSON.stringify(learnedLearnerToJson(over)));

async function setUp(runs = 3) {
  const source = await openData('mnist', 'test', 22, undefined);
  if (!source.ok) throw new Error(source.error.message);
  const task = buildTask(source.value, { resize: 7 });
  if (!task.ok) throw new Error(task.error.message);
  const streams = () => {
    const s = createRunStreams(task.value, { seed: 22, runs });
    if (!s.ok) throw new Error(s.error.message);
    return s.value;
  };
  const learner = parseLearner(tinyLearnerDoc());
  if (!learner.ok) throw new Error(learner.error.message);
  const parsed = parseLearnedDocuments([{ name: 'rnn', file: 'rnn.learner.json', document: rnnDoc() }]);
  if (!parsed.ok) throw new Error(parsed.message);
  const lines = learnedLines(parsed.value, { inputSize: 49, numClasses: 10 }, runs);
  if (!lines.ok) throw new Error(lines.message);
  const engine = new ReferenceEngine({ config: learner.value.config, inputSize: 49, numClasses: 10, runs });
  return {
    session: new Session(engine, streams(), {
      learner: learner.value,
      baselines: ['sgd'],
      learned: lines.value,
      seed: 22,
      history: 8,
    }),
    streams,
  };
}

describe('Session with a learned learner (tiny Meta RNN, 7x7 MNIST test, 3 runs, seed 22)', () => {
  it("after blocks of 5, 20 and 5 examples its line has the 30 points of VSML's and equals the protocol's cumulative accuracy on the same streams", async () => {
    const { session, streams } = await setUp();
    for (const n of [5, 20, 5]) await session.step(n);
    const f = session.frame();
    expect(Object.keys(f.accuracy)).toEqual(['vsml', 'sgd', 'rnn']);
    expect(Array.from(f.accuracy.rnn.x)).toEqual(Array.from(f.accuracy.vsml.x));
    expect(f.accuracy.rnn.x).toHaveLength(30);
    const direct = learnedBatchLearner(rnn, { inputSize: 49, numClasses: 10 }, 3);
    if (!direct.ok) throw new Error(direct.error.message);
    const want = await runProtocol(direct.value, streams(), { steps: 30 });
    expect(Array.from(f.accuracy.rnn.mean)).toEqual(
      Array.from(meanCurve(cumulativeAccuracy(want.correct, 3, 30), 3, 30)),
    );
    // Not a copy of another line: the Meta RNN's correctness differs from VSML's somewhere.
    expect(Array.from(f.accuracy.rnn.mean)).not.toEqual(Array.from(f.accuracy.vsml.mean));
    expect(session.curves().rnn.mean).toHaveLength(30);
  });

  it("the strip shows the learner asked for: the softmax of its run 0's first 10 outputs of the last 8 examples; an unknown name shows VSML's", async () => {
    const { session, streams } = await setUp();
    await session.step(12);
    const direct = learnedBatchLearner(rnn, { inputSize: 49, numClasses: 10 }, 3);
    if (!direct.ok) throw new Error(direct.error.message);
    const r = await direct.value.run(streams().nextBlock(12), { outputs: true });
    const f = session.frame(undefined, 'rnn');
    expect(f.strip).toBe('rnn');
    expect(f.recentProbabilities).toHaveLength(8 * 10);
    for (let t = 0; t < 8; t++) {
      const y = Array.from(r.outputs!.subarray((4 + t) * 10, (5 + t) * 10));
      const e = y.map((v) => Math.exp(v - Math.max(...y)));
      const p = e.map((v) => v / e.reduce((a, b) => a + b, 0));
      for (let k = 0; k < 10; k++) expect(f.recentProbabilities[t * 10 + k]).toBeCloseTo(p[k], 6);
    }
    const vsml = session.frame(undefined, 'vsml');
    expect(vsml.strip).toBe('vsml');
    expect(Array.from(vsml.recentProbabilities)).not.toEqual(Array.from(f.recentProbabilities));
    expect(Array.from(vsml.recentProbabilities.subarray(70, 80))).toEqual(Array.from(vsml.probabilities));
    expect(Array.from(f.probabilities)).toEqual(Array.from(vsml.probabilities)); // the example card stays VSML's
    const unknown = session.frame(undefined, 'nope');
    expect(unknown.strip).toBe('vsml');
    expect(Array.from(unknown.recentProbabilities)).toEqual(Array.from(vsml.recentProbabilities));
    expect(Array.from(session.frame(undefined, 'sgd').recentLabels)).toEqual(Array.from(vsml.recentLabels));
  });
});

describe('Session with a learned learner on fresh association episodes (classes 0-2, 3 runs)', () => {
  it("starts it from its zero state at every episode: each episode's correct count per step equals a fresh learner's on that episode alone; its showings are tallied", async () => {
    const source = await openData('mnist', 'test', 22, undefined);
    if (!source.ok) throw new Error(source.error.message);
    const task = buildTask(source.value, { resize: 7, classes: [0, 1, 2] });
    if (!task.ok) throw new Error(task.error.message);
    const streams = () => {
      const s = createAssociationStreams(task.value, { seed: 22, runs: 3, fresh: true });
      if (!s.ok) throw new Error(s.error.message);
      return s.value;
    };
    const L = streams().episodes.length;
    const learner = parseLearner(tinyLearnerDoc());
    if (!learner.ok) throw new Error(learner.error.message);
    const parsed = parseLearnedDocuments([{ name: 'rnn', file: 'rnn.learner.json', document: rnnDoc() }]);
    if (!parsed.ok) throw new Error(parsed.message);
    const lines = learnedLines(parsed.value, { inputSize: 49, numClasses: 3 }, 3);
    if (!lines.ok) throw new Error(lines.message);
    const engine = new ReferenceEngine({ config: learner.value.config, inputSize: 49, numClasses: 3, runs: 3 });
    const session = new Session(engine, streams(), {
      learner: learner.value,
      baselines: [],
      learned: lines.value,
      seed: 22,
    });
    await session.step(2 * L);
    // Correct answers over the runs at each step, from the cumulative curve: sum_r c_r(t) = mean[t] (t + 1) R.
    const mean = session.curves().rnn.mean;
    const total = Array.from(mean, (m, t) => Math.round(m * (t + 1) * 3));
    const got = total.map((c, t) => c - (t > 0 ? total[t - 1] : 0));
    const replay = streams();
    const want: number[] = [];
    for (let e = 0; e < 2; e++) {
      const fresh = learnedBatchLearner(rnn, { inputSize: 49, numClasses: 3 }, 3);
      if (!fresh.ok) throw new Error(fresh.error.message);
      const r = await fresh.value.run(replay.nextBlock(L));
      for (let t = 0; t < L; t++) want.push(r.correct[t] + r.correct[L + t] + r.correct[2 * L + t]);
    }
    expect(got).toEqual(want);
    expect(Object.keys(session.showings() ?? {})).toEqual(['vsml', 'rnn']);
  });
});

describe('createSessionApi with learned learners', () => {
  const learned = [{ name: 'rnn', file: 'rnn.learner.json', document: rnnDoc() }];

  it('opens with the learner named in info, its line in every frame, and the strip set by setStrip; restart keeps it', async () => {
    const a = cpuApi();
    const r = await a.open(settings, tinyLearnerDoc(), undefined, learned);
    expect(r.ok && r.info.learned).toEqual([{ name: 'rnn', file: 'rnn.learner.json', kind: 'meta-rnn' }]);
    await a.step(7);
    a.setStrip('rnn');
    const f = await a.frame();
    expect([f?.strip, f?.accuracy.rnn.x.length, f?.accuracy.vsml.x.length]).toEqual(['rnn', 7, 7]);
    expect((await a.restart(22)).ok).toBe(true);
    await a.step(3);
    const g = await a.frame();
    expect([g?.strip, g?.accuracy.rnn.x.length]).toEqual(['rnn', 3]);
    expect(Object.keys(a.curves()?.learners ?? {})).toEqual(['vsml', 'sgd', 'rnn']);
  });

  it('refuses a VSML learner given as a learned one, a Meta RNN of 16 inputs for 49, NaN parameters, a taken name and a name twice, each by file and field, while the running session plays on', async () => {
    const a = cpuApi();
    expect((await a.open(settings, tinyLearnerDoc(), undefined, learned)).ok).toBe(true);
    a.play(Infinity);
    await until(async () => ((await a.frame())?.examplesSeen ?? 0) >= 3);
    const small: LearnedLearner = {
      ...rnn,
      shape: { inputSize: 16, numClasses: 12 },
      params: new Float32Array(META_RNN_DEF.layoutOf({ inputSize: 16, numClasses: 12 }, spec).size),
    };
    const nan = rnnDoc() as { params: { lstmW: { f32: string } } };
    const bytes = Buffer.from(nan.params.lstmW.f32, 'base64');
    bytes.writeFloatLE(Number.NaN, 4 * 17);
    nan.params.lstmW.f32 = bytes.toString('base64');
    const cases: [unknown, RegExp][] = [
      [
        [{ name: 'v', file: 'vsml-mnist.learner.json', document: tinyLearnerDoc() }],
        /^learned: vsml-mnist\.learner\.json: format: expected one of "vsml-meta-rnn", "vsml-hebbian", "vsml-fw-memory" \(a learned learner\), got "vsml-learner" \(a VSML learner\)$/,
      ],
      [
        [{ name: 's', file: 'small.json', document: rnnDoc(small) }],
        /^learned: small\.json: shape\.inputSize: the meta-rnn learner reads 16 inputs and the dataset has 49: /,
      ],
      [
        [{ name: 'n', file: 'nan.json', document: nan }],
        /^learned: nan\.json: params\.lstmW\.f32\[17\]: must be finite, got NaN \(row 0, col 17\)$/,
      ],
      [
        [{ name: 'sgd', file: 'x.json', document: rnnDoc() }],
        /^learned: x\.json: the name "sgd" is VSML's or a baseline's/,
      ],
      [
        [...learned, { name: 'rnn', file: 'again.json', document: rnnDoc() }],
        /^learned: again\.json: "rnn" is listed twice$/,
      ],
      [{ name: 'rnn' }, /^learned: must be a list/],
    ];
    for (const [docs, message] of cases) {
      const reply = await a.open(settings, tinyLearnerDoc(), undefined, docs as never);
      expect(!reply.ok && reply.message).toMatch(message);
    }
    const before = (await a.frame())?.examplesSeen ?? 0;
    await until(async () => ((await a.frame())?.examplesSeen ?? 0) > before);
    const f = await a.frame();
    expect([f?.playing, f?.notice]).toEqual([true, null]);
    expect(Object.keys(f?.accuracy ?? {})).toEqual(['vsml', 'sgd', 'rnn']);
    expect(a.info()?.learned.map((l) => l.name)).toEqual(['rnn']);
    await a.pause();
  });
});
