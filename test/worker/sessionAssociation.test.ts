// Fast association in the studio session (Fig. 9): its first- and second-showing accuracies equal
// `vsml evaluate --stream association`'s protocol (evaluateAssociation) on the same streams and seeds,
// bit for bit, with fresh episodes and without; the frame carries run 0's marks for the strip; a
// handover replays fresh episodes as they ran; a fresh episode is a new learner's.
import { describe, expect, it } from 'vitest';
import { createAssociationStreams, type AssociationOrder } from '../../src/data/associationStream';
import { buildTask } from '../../src/data/task';
import { evaluateAssociation } from '../../src/meta/associationEvaluation';
import { FreshEpisodes, vsmlReset } from '../../src/meta/episodes';
import { baselineLearner, vsmlLearner } from '../../src/meta/learners';
import { ReferenceEngine } from '../../src/model/referenceEngine';
import type { BlockResult, EngineSpec, RunOptions, StreamBlock } from '../../src/model/engine';
import { parseLearner, type Learner } from '../../src/model/formats/learner';
import { MARK_EPISODE_START, MARK_FIRST } from '../../src/model/showings';
import { chooseSessionEngine } from '../../src/worker/shared/engineChoice';
import type { SessionApi, SessionSettings } from '../../src/worker/session/sessionApi';
import type { GpuEngines } from '../../src/worker/shared/sharedGpu';
import { cpuApi, openData, settings, tinyLearnerDoc, until } from './helpers';

const association = (order: AssociationOrder, fresh: boolean): SessionSettings => ({
  ...settings,
  baselines: ['sgd', 'adam'],
  stream: 'association',
  order,
  fresh,
});

function tinyLearner(): Learner {
  const l = parseLearner(tinyLearnerDoc());
  if (!l.ok) throw new Error(l.error.message);
  return l.value;
}

/** The session's task (7x7 built-in MNIST test, seed 22) and its association streams. */
async function streamsOf(order: AssociationOrder, fresh: boolean) {
  const source = await openData('mnist', 'test', 22, undefined);
  if (!source.ok) throw new Error(source.error.message);
  const task = buildTask(source.value, { seed: 22, resize: 7, shufflePixels: false, project: false });
  if (!task.ok) throw new Error(task.error.message);
  return () => {
    const s = createAssociationStreams(task.value, { seed: 22, runs: 3, order, fresh });
    if (!s.ok) throw new Error(s.error.message);
    return s.value;
  };
}

const frameOf = async (a: SessionApi) => {
  const f = await a.frame();
  if (!f) throw new Error('nothing is open');
  return f;
};

describe('association session (tiny learner, built-in MNIST 7x7, 3 runs, seed 22, sgd and adam)', () => {
  for (const [order, fresh] of [
    ['apart', true],
    ['adjacent', false],
  ] as const) {
    it(`${order}, ${fresh ? 'fresh' : 'continuing'}: after 7 + 20 + 16 examples the showings equal evaluateAssociation's on the same streams, bit for bit`, async () => {
      const a = cpuApi();
      const opened = await a.open(association(order, fresh), tinyLearnerDoc());
      expect(opened.ok).toBe(true);
      for (const n of [7, 20, 16]) await a.step(n);
      const f = await frameOf(a);
      expect(f.examplesSeen).toBe(43);
      const streams = await streamsOf(order, fresh);
      const learner = tinyLearner();
      const engine = new ReferenceEngine({ config: learner.config, inputSize: 49, numClasses: 10, runs: 3 });
      const vsml = await evaluateAssociation(
        vsmlLearner(engine, learner, 22),
        vsmlReset(() => engine, learner, 22),
        streams(),
        order,
        { steps: 43 },
        { learner: 'tiny', dataset: 'mnist' },
      );
      const sgdLearner = baselineLearner('sgd', 49, 10, 3, 22);
      const sgd = await evaluateAssociation(
        sgdLearner,
        () => sgdLearner.reset(22),
        streams(),
        order,
        { steps: 43 },
        { learner: 'sgd', dataset: 'mnist' },
      );
      const { first, second } = vsml.evaluation.association ?? {};
      expect(f.showings?.vsml).toEqual({ first, second });
      expect(f.showings?.sgd).toEqual({
        first: sgd.evaluation.association?.first,
        second: sgd.evaluation.association?.second,
      });
      expect(Object.keys(f.showings ?? {}).sort()).toEqual(['adam', 'sgd', 'vsml']);
      expect(a.curves()?.association).toEqual({ order, fresh, showings: f.showings });
      // Run 0's marks, as its stream drew them: the last 43 (of at most 100 kept).
      const s = streams();
      s.nextBlock(43);
      expect(Array.from(f.recentMarks)).toEqual(Array.from(s.lastMarks.subarray(0, 43)));
      expect([0, 20, 40].every((t) => f.recentMarks[t] & MARK_EPISODE_START)).toBe(true);
      // Counts: every run's first showings of 2 whole episodes (10 each) and of the third's 3 examples
      // (apart: here 3 firsts in every run; adjacent: first, second, first).
      const firsts = s.lastMarks.reduce((n, m) => n + (m & MARK_FIRST), 0);
      expect(firsts).toBe(order === 'apart' ? 69 : 66);
      expect([f.showings?.vsml.first?.count, f.showings?.vsml.second?.count]).toEqual([firsts, 3 * 43 - firsts]);
    });
  }

  it('an i.i.d. session has no showings and marks its examples 0', async () => {
    const a = cpuApi();
    await a.open(settings, tinyLearnerDoc());
    await a.step(5);
    const f = await frameOf(a);
    expect(f.showings).toBeNull();
    expect(Array.from(f.recentMarks)).toEqual([0, 0, 0, 0, 0]);
    expect(a.curves()?.association).toBeUndefined();
  });

  it('a fresh episode is a new learner: episode 2 of a fresh stream gives what a new engine gives on its examples, bit for bit', async () => {
    const streams = await streamsOf('apart', true);
    const learner = tinyLearner();
    const spec = { config: learner.config, inputSize: 49, numClasses: 10, runs: 3 };
    const engine = new ReferenceEngine(spec);
    const fresh = new FreshEpisodes(
      vsmlLearner(engine, learner, 22),
      20,
      vsmlReset(() => engine, learner, 22),
    );
    const block = streams().nextBlock(40);
    const whole = await fresh.run(block, { outputs: true });
    const second = new ReferenceEngine(spec);
    vsmlLearner(second, learner, 22);
    const alone = await second.run(
      {
        inputs: sliceSteps(block.inputs, 3, 40, 49, 20),
        labels: Int32Array.from(sliceSteps(block.labels, 3, 40, 1, 20)),
        steps: 20,
      },
      { outputs: true },
    );
    expect(Array.from(sliceSteps(whole.outputs as Float32Array, 3, 40, 10, 20))).toEqual(
      Array.from(alone.outputs as Float32Array),
    );
  });

  it('a handover replays fresh episodes as they ran: paused after 37 examples, moved, 23 more = a session that ran 60 on one engine', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let ready = false;
    const gpu: GpuEngines = {
      ready: () => ready,
      async make(spec: EngineSpec) {
        await gate;
        ready = true;
        return new Relabelled(spec);
      },
    };
    const a = cpuApi({ makeEngine: (spec) => chooseSessionEngine(spec, gpu) });
    await a.open(association('apart', true), tinyLearnerDoc());
    await a.step(37);
    release();
    await until(() => a.info()?.backend === 'webgpu');
    await a.step(23);
    const b = cpuApi();
    await b.open(association('apart', true), tinyLearnerDoc());
    await b.step(60);
    const [fa, fb] = [await frameOf(a), await frameOf(b)];
    expect(Array.from(fa.recentProbabilities)).toEqual(Array.from(fb.recentProbabilities));
    expect(fa.showings).toEqual(fb.showings);
    expect(a.curves()?.learners.vsml.mean).toEqual(b.curves()?.learners.vsml.mean);
  });
});

/** A CPU engine that calls itself WebGPU (the handover's target). */
class Relabelled extends ReferenceEngine {
  constructor(spec: EngineSpec) {
    super(spec);
    Object.defineProperties(this, { backend: { value: 'webgpu' }, description: { value: 'WebGPU: fake adapter' } });
  }

  override run(block: StreamBlock, opts?: RunOptions): Promise<BlockResult> {
    return super.run(block, opts);
  }
}

/** Steps t0.. of [R][T][W] values. */
function sliceSteps<T extends Float32Array | Int32Array>(
  a: T,
  R: number,
  T: number,
  W: number,
  t0: number,
): Float32Array {
  const n = T - t0;
  const out = new Float32Array(R * n * W);
  for (let r = 0; r < R; r++) out.set(a.subarray((r * T + t0) * W, (r + 1) * T * W), r * n * W);
  return out;
}
