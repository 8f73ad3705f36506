// Method cma-es in the trainer (CPU reference, 7x7 MNIST, 3 classes, 4 pairs, T = 12): the config's
// refusals, what one step evaluates and tells, NaN rejection, checkpoints (fields, errors) and resume
// bit for bit, and descent on a known landscape.
import { describe, expect, it } from 'vitest';
import { parseCheckpoint, serialiseCheckpoint } from '../../src/meta/checkpoint';
import { parseMetaConfig } from '../../src/meta/metaConfigParse';
import type { EngineFactory } from '../../src/meta/trainer';
import { estimateMetaTraining, openedSizes } from '../../src/meta/metaMemory';
import { SourceCache } from '../../src/meta/taskSet';
import { nodeDataProvider } from '../../src/cli/metaTrainData';
import { paramLayout } from '../../src/model/layout';
import { sepCmaInit, sepCmaNoise, sepCmaParams, sepCmaTell } from '../../src/model/es/sepCma';
import { cpuWithRunHook, quadraticFactory, tinyConfig, tinyConfigDoc, tinyTrainer } from './trainerHelpers';

const cmaConfig = (overrides: Record<string, unknown> = {}) => tinyConfig({ method: 'cma-es', ...overrides });

/** CPU reference engines; one loss of call `poison.call` set to NaN. */
function poisonFactory(poison: { call: number; index: number }): EngineFactory {
  let calls = 0;
  return async (spec) =>
    cpuWithRunHook(spec, (r) => {
      if (calls++ === poison.call) r.loss[poison.index] = Number.NaN;
    });
}

describe('method cma-es: the config', () => {
  it('refuses fewer than 2 pairs (lambda = 2 * pairs >= 4), a clipNorm and fitness shaping, naming the field', () => {
    const refusal = (o: Record<string, unknown>) => {
      const r = parseMetaConfig(tinyConfigDoc({ method: 'cma-es', ...o }));
      return r.ok ? null : r.error;
    };
    expect(refusal({ pairs: 1 })).toEqual({
      code: 'range',
      field: 'pairs',
      message: 'cma-es needs lambda = 2 * pairs >= 4 candidates: at least 2 pairs, got 1',
    });
    expect(refusal({ clipNorm: 25 })).toEqual({
      code: 'range',
      field: 'clipNorm',
      message: 'cma-es has no gradient to clip: must be 0',
    });
    expect(refusal({ fitnessShaping: 'centred-ranks' })).toEqual({
      code: 'range',
      field: 'fitnessShaping',
      message: 'cma-es ranks the candidates itself: must be "none"',
    });
    expect(refusal({ pairs: 2 })).toBeNull();
    expect(refusal({ objective: 'clone-sgd' })?.field).toBe('objective');
  });
});

describe('method cma-es: the memory estimate', () => {
  it('counts 21 float64 vectors of V_M (the CMA state before and after a tell, its sums, the copies) where es counts 6', async () => {
    const total = async (method: string) => {
      const r = await estimateMetaTraining(tinyConfig({ method }), openedSizes(new SourceCache(nodeDataProvider)));
      if (!r.ok) throw new Error(r.error.message);
      return { total: r.value.total, item: r.value.items.find((i) => i.field === 'model') };
    };
    const es = await total('es');
    const cma = await total('cma-es');
    const D = paramLayout(tinyConfig().model).size;
    expect(cma.total - es.total).toBe(15 * D * 8);
    expect(cma.item?.bytes).toBe(21 * D * 8);
  });
});

describe('method cma-es: step (CPU reference, 7x7 MNIST, 3 classes, 4 pairs, T = 12)', () => {
  it('step 1 evaluates exactly the ES candidates (c = 1, sigma = config sigma): the same L+ and L- as method es', async () => {
    const es = await tinyTrainer();
    const cma = await tinyTrainer(cmaConfig());
    const a = await es.step();
    const b = await cma.step();
    expect(Array.from(b.plus)).toEqual(Array.from(a.plus));
    expect(Array.from(b.minus)).toEqual(Array.from(a.minus));
    expect(b.metaLoss).toBe(a.metaLoss);
    es.dispose();
    cma.dispose();
  });

  it('asks the factory for the same rollout engines as method es', async () => {
    const es = await tinyTrainer();
    const cma = await tinyTrainer(cmaConfig());
    expect(cma.engineSpecs()).toEqual(es.engineSpecs());
    expect(cma.engineSpecs().some((s) => s.runs === 8)).toBe(true);
    es.dispose();
    cma.dispose();
  });

  it("tells sepCmaTell the fitness with the step's noise; theta = float32(mean); gradientNorm = |m' - m|; Adam untouched", async () => {
    const t = await tinyTrainer(cmaConfig());
    const theta0 = t.state().params;
    const r = await t.step();
    const D = theta0.length;
    const expected = sepCmaTell(sepCmaInit(theta0, 0.05), sepCmaParams(D, 4), r.plus, r.minus, sepCmaNoise(7, 0));
    const st = t.state();
    expect(st.cma).toEqual(expected);
    expect(Array.from(st.params)).toEqual(Array.from(Float32Array.from(expected.mean)));
    let sq = 0;
    for (let k = 0; k < D; k++) sq += (expected.mean[k] - theta0[k]) ** 2;
    expect(r.gradientNorm).toBe(Math.sqrt(sq));
    expect(r.metaLoss).toBe(Array.from(r.plus, (x, p) => (x + r.minus[p]) / 2).reduce((s, x) => s + x) / 4);
    expect(st.optimizer.t).toBe(0);
    expect(st.cma?.generation).toBe(1);
    t.dispose();
  });

  it('rejects a step whose fitness is NaN, keeps theta and the CMA state, and goes on', async () => {
    // One batch of 8 runs x 12 steps per call; run 5 (pair 2, minus) of the 2nd step.
    const t = await tinyTrainer(cmaConfig(), poisonFactory({ call: 1, index: 5 * 12 + 3 }));
    await t.step();
    const before = t.state();
    const r = await t.step();
    expect(r).toMatchObject({
      step: 2,
      accepted: false,
      metaLoss: null,
      gradientNorm: null,
      rejection: 'pair 2: L- is NaN',
    });
    const after = t.state();
    expect([after.step, after.rejected]).toEqual([2, 1]);
    expect(Array.from(after.params)).toEqual(Array.from(before.params));
    expect(after.cma).toEqual(before.cma);
    expect((await t.step()).accepted).toBe(true);
    expect(t.state().cma?.generation).toBe(2);
    const cp = parseCheckpoint(JSON.parse(serialiseCheckpoint(t.checkpoint())));
    expect(cp.ok && [cp.value.step, cp.value.rejected, cp.value.cma?.generation]).toEqual([3, 1, 2]);
    t.dispose();
  });
});

describe('method cma-es: checkpoints', () => {
  it('4 steps straight = 2 steps, checkpoint text, restore, 2 steps: the same checkpoint bytes', async () => {
    const whole = await tinyTrainer(cmaConfig());
    for (let i = 0; i < 4; i++) await whole.step();
    const first = await tinyTrainer(cmaConfig());
    await first.step();
    await first.step();
    const text = serialiseCheckpoint(first.checkpoint());
    first.dispose();
    const cp = parseCheckpoint(JSON.parse(text));
    if (!cp.ok) throw new Error(`${cp.error.field}: ${cp.error.message}`);
    const second = await tinyTrainer(cmaConfig());
    expect(second.restore(cp.value)).toEqual({ ok: true, value: true });
    await second.step();
    await second.step();
    expect(serialiseCheckpoint(second.checkpoint())).toBe(serialiseCheckpoint(whole.checkpoint()));
    expect(second.state().cma?.sigma).toBe(whole.state().cma?.sigma);
    whole.dispose();
    second.dispose();
  });

  it('holds "cma" (mean, sigma, diagC, pc, ps, generation) in place of "optimizer"; reads back exactly', async () => {
    const t = await tinyTrainer(cmaConfig());
    await t.step();
    const text = serialiseCheckpoint(t.checkpoint());
    const doc = JSON.parse(text);
    expect(Object.keys(doc)).toEqual(['format', 'version', 'config', 'step', 'rejected', 'learner', 'cma', 'rng']);
    expect(Object.keys(doc.cma)).toEqual(['mean', 'sigma', 'diagC', 'pc', 'ps', 'generation']);
    const back = parseCheckpoint(doc);
    if (!back.ok) throw new Error(back.error.message);
    expect(back.value.cma).toEqual(t.state().cma);
    expect(serialiseCheckpoint(back.value)).toBe(text);
    t.dispose();
  });

  it('names the field of a malformed CMA state', async () => {
    const t = await tinyTrainer(cmaConfig());
    await t.step();
    const good = JSON.parse(serialiseCheckpoint(t.checkpoint()));
    t.dispose();
    type Doc = {
      cma: { mean: number[]; diagC: unknown[]; sigma: unknown; ps: number[]; generation: number };
      optimizer?: unknown;
    };
    const error = (edit: (d: Doc) => void) => {
      const d = structuredClone(good);
      edit(d);
      const r = parseCheckpoint(d);
      return r.ok ? null : r.error;
    };
    expect(error((d) => (d.cma.diagC[3] = 'NaN'))).toEqual({
      code: 'nan',
      field: 'cma.diagC[3]',
      message: 'must be a finite number, got "NaN"',
    });
    expect(error((d) => (d.cma.diagC[0] = 0))).toEqual({
      code: 'range',
      field: 'cma.diagC[0]',
      message: 'must be > 0, got 0',
    });
    expect(error((d) => (d.cma.sigma = null))).toEqual({
      code: 'nan',
      field: 'cma.sigma',
      message: 'must be a finite number, got null',
    });
    expect(error((d) => (d.cma.sigma = -1))).toEqual({
      code: 'range',
      field: 'cma.sigma',
      message: 'must be > 0, got -1',
    });
    expect(error((d) => d.cma.ps.pop())?.field).toBe('cma.ps');
    expect(error((d) => (d.cma.generation = 2))).toEqual({
      code: 'mismatch',
      field: 'cma.generation',
      message: 'must equal step - rejected (1), got 2',
    });
    expect(error((d) => delete (d as Partial<Doc>).cma)).toEqual({
      code: 'missing',
      field: 'cma',
      message: 'missing (config.method is cma-es)',
    });
    expect(error((d) => (d.optimizer = { m: [], v: [], t: 0 }))).toEqual({
      code: 'unknown',
      field: 'optimizer',
      message: 'not used with config.method cma-es',
    });
    expect(error((d) => (d.cma.mean[5] += 0.5))?.field).toBe('learner.params[5]');
  });

  it('refuses to serialise a non-finite CMA value', async () => {
    const t = await tinyTrainer(cmaConfig());
    await t.step();
    const cp = t.checkpoint();
    t.dispose();
    cp.cma?.pc.fill(Number.NaN, 2, 3);
    expect(() => serialiseCheckpoint(cp)).toThrow('checkpoint: cma.pc[2] is NaN; not written');
  });

  it('an es checkpoint has no "cma" and refuses one', async () => {
    const t = await tinyTrainer();
    const doc = JSON.parse(serialiseCheckpoint(t.checkpoint()));
    t.dispose();
    expect(doc.cma).toBeUndefined();
    doc.cma = {};
    expect(parseCheckpoint(doc)).toEqual({
      ok: false,
      error: { code: 'unknown', field: 'cma', message: 'not used with config.method es' },
    });
  });
});

describe('method cma-es: descent', () => {
  const distance = (p: Float32Array) => p.reduce((f, x, k) => f + (x - 0.2 * Math.sin(k)) ** 2 / p.length, 0);

  // Measured (seed 7): meta-loss 0.04616 -> 0.01866 and |theta - c|^2 / D 0.04366 -> 0.01585 in 80
  // steps; ES with Adam (lr 0.025) gets to 0.01109 / 0.00840 on the same landscape.
  it('lowers |V_M - c|^2 / D: meta-loss below 45% and |theta - c|^2 / D below 40% of the start in 80 steps of 64 pairs (seed 7)', async () => {
    const t = await tinyTrainer(cmaConfig({ pairs: 64, evaluation: { every: 0 } }), quadraticFactory);
    const start = distance(t.state().params);
    const first = (await t.step()).metaLoss as number;
    let last = first;
    for (let i = 0; i < 79; i++) last = (await t.step()).metaLoss as number;
    expect(last).toBeLessThan(0.45 * first);
    expect(distance(t.state().params)).toBeLessThan(0.4 * start);
    t.dispose();
  });
});
