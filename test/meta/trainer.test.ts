// The ES trainer on the CPU reference: what one step does, resuming bit for bit, batching that does
// not change results, and NaN rejection.
import { describe, expect, it } from 'vitest';
import { parseCheckpoint, serialiseCheckpoint } from '../../src/meta/checkpoint';
import type { EngineFactory } from '../../src/meta/trainer';
import { adamInit, adamStep } from '../../src/model/es/adam';
import { esGradient } from '../../src/model/es/gradient';
import { fillNoise } from '../../src/model/es/noise';
import { pairWeights } from '../../src/model/es/shaping';
import { initParams } from '../../src/model/init';
import { Rng } from '../../src/model/rng';
import { initSeed } from '../../src/meta/seeds';
import { cpuFactory, cpuWithRunHook, quadraticFactory, tinyConfig, tinyTrainer } from './trainerHelpers';

/** A factory whose engines record their batches and can poison one loss. */
function recordingFactory(poison?: { call: number; index: number }): {
  factory: EngineFactory;
  runs: number[];
  engines: number;
} {
  const rec = { runs: [] as number[], engines: 0, factory: null as unknown as EngineFactory };
  let calls = 0;
  rec.factory = async (spec) => {
    rec.engines++;
    return cpuWithRunHook(spec, (r) => {
      rec.runs.push(spec.runs);
      if (poison && calls++ === poison.call) r.loss[poison.index] = Number.NaN;
    });
  };
  return rec;
}

describe('EsTrainer.step (CPU reference, 7x7 MNIST, 3 classes, 4 pairs, T = 12)', () => {
  it('starts from initParams(model, new Rng(initSeed(seed))) with zero moments', async () => {
    const t = await tinyTrainer();
    const cfg = t.config;
    expect(Array.from(t.state().params)).toEqual(Array.from(initParams(cfg.model, new Rng(initSeed(cfg.seed)))));
    expect(t.state().optimizer.t).toBe(0);
    expect(t.variants.map((v) => [v.project, v.resize, v.classes])).toEqual([
      [false, 7, [0, 1, 2]],
      [true, 7, [0, 1, 2]],
    ]);
    t.dispose();
  });

  it('applies Adam to mean_p (L+ - L-) eps_p / (2 sigma) from its own fitness, and reports mean (L+ + L-)/2', async () => {
    const t = await tinyTrainer();
    const cfg = t.config;
    const theta = new Float32Array(t.state().params);
    const r = await t.step();
    expect(r.accepted).toBe(true);
    expect(r.step).toBe(1);
    expect(Array.from(r.variants)).toEqual([0, 1, 0, 1]);
    let mean = 0;
    for (let p = 0; p < 4; p++) mean += (r.plus[p] + r.minus[p]) / 8;
    expect(r.metaLoss).toBe(mean);
    // Fitness near ln 3 at the start, and the two halves of a pair differ.
    for (let p = 0; p < 4; p++) {
      expect(Math.abs(r.plus[p] - Math.log(3))).toBeLessThan(0.05);
      expect(r.plus[p]).not.toBe(r.minus[p]);
    }
    const g = esGradient(pairWeights(r.plus, r.minus, 'none'), cfg.sigma, theta.length, (p, out) =>
      fillNoise(cfg.seed, 0, p, out),
    );
    const adam = adamInit(theta.length);
    adamStep(theta, g, adam, { learningRate: cfg.learningRate, beta1: cfg.beta1, beta2: cfg.beta2, eps: cfg.adamEps });
    expect(Array.from(t.state().params)).toEqual(Array.from(theta));
    expect(Array.from(t.state().optimizer.m)).toEqual(Array.from(adam.m));
    t.dispose();
  });

  it('gives the same fitness whatever the engine batch size (4 pairs in one batch of 8 runs, or 4 batches of 2)', async () => {
    const one = recordingFactory();
    const four = recordingFactory();
    const a = await tinyTrainer(tinyConfig(), one.factory);
    const b = await tinyTrainer(tinyConfig(), four.factory, { maxRunsPerBatch: 2 });
    const ra = await a.step();
    const rb = await b.step();
    expect(Array.from(rb.plus)).toEqual(Array.from(ra.plus));
    expect(Array.from(rb.minus)).toEqual(Array.from(ra.minus));
    expect(one.runs).toEqual([8]);
    expect(four.runs).toEqual([2, 2, 2, 2]);
    expect(four.engines).toBe(1);
    a.dispose();
    b.dispose();
  });

  it('gives the same fitness in blocks of 5 examples as in one block of 12 (engine state carries over)', async () => {
    const a = await tinyTrainer();
    const b = await tinyTrainer(tinyConfig(), cpuFactory, { blockValues: 4 * 5 * 49 });
    const ra = await a.step();
    const rb = await b.step();
    expect(Array.from(rb.plus)).toEqual(Array.from(ra.plus));
    a.dispose();
    b.dispose();
  });

  it('keeps one engine per (A, K, S) across steps', async () => {
    const rec = recordingFactory();
    const t = await tinyTrainer(tinyConfig(), rec.factory);
    await t.step();
    await t.step();
    await t.step();
    expect(rec.engines).toBe(1);
    t.dispose();
  });
});

describe('resume', () => {
  it('a trainer restored from a checkpoint after 2 steps ends 3 steps later bit-identical to 5 uninterrupted steps (seed 7)', async () => {
    const whole = await tinyTrainer();
    for (let i = 0; i < 5; i++) await whole.step();
    const first = await tinyTrainer();
    await first.step();
    await first.step();
    const text = serialiseCheckpoint(first.checkpoint());
    first.dispose();
    const cp = parseCheckpoint(JSON.parse(text));
    if (!cp.ok) throw new Error(cp.error.message);
    const second = await tinyTrainer();
    expect(second.restore(cp.value)).toEqual({ ok: true, value: true });
    for (let i = 0; i < 3; i++) await second.step();
    const a = whole.state();
    const b = second.state();
    expect(b.step).toBe(5);
    expect(Array.from(b.params)).toEqual(Array.from(a.params));
    expect(Array.from(b.optimizer.m)).toEqual(Array.from(a.optimizer.m));
    expect(Array.from(b.optimizer.v)).toEqual(Array.from(a.optimizer.v));
    expect(b.optimizer.t).toBe(a.optimizer.t);
    expect(serialiseCheckpoint(second.checkpoint())).toBe(serialiseCheckpoint(whole.checkpoint()));
    whole.dispose();
    second.dispose();
  });

  it('refuses a checkpoint of a config that meta-trains differently, naming the field', async () => {
    const t = await tinyTrainer();
    const other = await tinyTrainer(tinyConfig({ sigma: 0.1 }));
    expect(other.restore(t.checkpoint())).toEqual({
      ok: false,
      error: {
        code: 'mismatch',
        field: 'config.sigma',
        message: 'differs from the checkpoint (only steps, checkpointEvery and evaluation may change on resume)',
      },
    });
    const longer = await tinyTrainer(tinyConfig({ steps: 100, evaluation: { every: 0 } }));
    expect(longer.restore(t.checkpoint()).ok).toBe(true);
    t.dispose();
    other.dispose();
    longer.dispose();
  });
});

describe('NaN rejection', () => {
  it('rejects a step whose fitness is NaN, keeps theta and the moments, and goes on with the next step', async () => {
    // Runs of the one batch: 8 (pair p: runs 2p, 2p+1), 12 steps each; poison run 5 (pair 2, minus) on the 2nd step.
    const rec = recordingFactory({ call: 1, index: 5 * 12 + 3 });
    const t = await tinyTrainer(tinyConfig(), rec.factory);
    await t.step();
    const before = t.state();
    const r = await t.step();
    expect(r).toMatchObject({ step: 2, accepted: false, metaLoss: null, rejection: 'pair 2: L- is NaN' });
    const after = t.state();
    expect(after.step).toBe(2);
    expect(after.rejected).toBe(1);
    expect(Array.from(after.params)).toEqual(Array.from(before.params));
    expect(after.optimizer).toEqual(before.optimizer);
    const next = await t.step();
    expect(next.accepted).toBe(true);
    expect(t.state().optimizer.t).toBe(2);
    expect(t.checkpoint()).toMatchObject({ step: 3, rejected: 1 });
    t.dispose();
  });
});

describe('descent', () => {
  it('lowers a meta-loss that has a gradient: |V_M - c|^2 / D falls by more than 40% in 40 steps of 64 pairs (seed 7)', async () => {
    const t = await tinyTrainer(tinyConfig({ pairs: 64, evaluation: { every: 0 } }), quadraticFactory);
    const first = (await t.step()).metaLoss as number;
    let last = first;
    for (let i = 0; i < 39; i++) last = (await t.step()).metaLoss as number;
    expect(last).toBeLessThan(0.6 * first);
    t.dispose();
  });
});
