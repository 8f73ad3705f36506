// The trainer with method "gradient": exact gradients through the unroll, averaged, clipped, Adam;
// the worker pool sums the same numbers; resume bit for bit; rejection of non-finite steps; cloning.
import { describe, expect, it } from 'vitest';
import { createGradientPool } from '../../src/cli/gradientPool';
import {
  clipGlobalNorm,
  inThreadGradients,
  meanGradient,
  runGradientJob,
  type GradientRunner,
} from '../../src/meta/gradientStep';
import { layerSizes } from '../../src/model/config';
import { adamInit, adamStep } from '../../src/model/es/adam';
import { cellCloneGradient } from '../../src/model/clone/cellClone';
import { trajectoryGradient } from '../../src/model/grad/trajectoryGradient';
import { layerShapes } from '../../src/model/state';
import { pairTrajectory } from '../../src/meta/trajectories';
import { tinyConfig, tinyTrainer } from './trainerHelpers';

const gradientConfig = (o: Record<string, unknown> = {}) =>
  tinyConfig({ method: 'gradient', learningRate: 0.01, clipNorm: 0.001, ...o });

describe('Trainer.step with method gradient (7x7 MNIST, 3 classes, 4 trajectories, T = 12, seed 7)', () => {
  it("applies Adam to the clipped mean of the trajectories' exact gradients, and reports their mean loss", async () => {
    const t = await tinyTrainer(gradientConfig());
    const cfg = t.config;
    const theta = new Float32Array(t.state().params);
    const r = await t.step();
    expect(r.accepted).toBe(true);
    // By hand: trajectory p of step 0 is what an ES pair p would see.
    const size = theta.length;
    const grads = new Float64Array(4 * size);
    let loss = 0;
    for (let p = 0; p < 4; p++) {
      const task = (t as unknown as { tasks: { task: { inputSize: number; numClasses: number } }[] }).tasks[
        r.variants[p]
      ];
      const shapes = layerShapes(layerSizes(cfg.model, task.task.inputSize, task.task.numClasses));
      const traj = pairTrajectory(cfg, task as never, 0, p, shapes);
      loss += trajectoryGradient(cfg.model, theta, shapes, traj, grads.subarray(p * size, (p + 1) * size)).loss / 4;
      expect(r.plus[p]).toBe(r.minus[p]);
    }
    expect(r.metaLoss).toBeCloseTo(loss, 12);
    const g = meanGradient(grads, 4, size);
    const norm = clipGlobalNorm(g, cfg.clipNorm);
    expect(r.gradientNorm).toBe(norm);
    expect(norm).toBeGreaterThan(cfg.clipNorm); // so the clip was exercised
    const adam = adamInit(size);
    adamStep(theta, g, adam, { learningRate: cfg.learningRate, beta1: cfg.beta1, beta2: cfg.beta2, eps: cfg.adamEps });
    expect(Array.from(t.state().params)).toEqual(Array.from(theta));
    t.dispose();
  });

  it('gives bit-identical steps on 2 worker threads and on this thread', async () => {
    const pool = createGradientPool(2);
    try {
      const a = await tinyTrainer(gradientConfig(), undefined, { gradients: pool.run });
      const b = await tinyTrainer(gradientConfig(), undefined, { gradients: inThreadGradients });
      for (let s = 0; s < 2; s++) {
        const [ra, rb] = [await a.step(), await b.step()];
        expect(ra.metaLoss).toBe(rb.metaLoss);
      }
      expect(Array.from(a.state().params)).toEqual(Array.from(b.state().params));
      expect(Array.from(a.state().optimizer.v)).toEqual(Array.from(b.state().optimizer.v));
    } finally {
      pool.close();
    }
  }, 60_000);

  it('a trainer restored after 2 steps ends 2 steps later bit-identical to 4 uninterrupted steps', async () => {
    const full = await tinyTrainer(gradientConfig());
    for (let s = 0; s < 4; s++) await full.step();
    const first = await tinyTrainer(gradientConfig());
    for (let s = 0; s < 2; s++) await first.step();
    const resumed = await tinyTrainer(gradientConfig());
    expect(resumed.restore(first.checkpoint()).ok).toBe(true);
    for (let s = 0; s < 2; s++) await resumed.step();
    expect(Array.from(resumed.state().params)).toEqual(Array.from(full.state().params));
    expect(resumed.checkpoint().optimizer).toEqual(full.checkpoint().optimizer);
  });

  it('rejects a step with a NaN loss or gradient and keeps theta and Adam', async () => {
    let call = 0;
    const poisoned: GradientRunner = async (model, params, jobs) => {
      const r = await inThreadGradients(model, params, jobs);
      if (call === 1) r.losses[2] = Number.NaN;
      if (call === 2) r.grads[7] = Number.POSITIVE_INFINITY;
      call++;
      return r;
    };
    const t = await tinyTrainer(gradientConfig(), undefined, { gradients: poisoned });
    await t.step();
    const before = t.state();
    expect(await t.step()).toMatchObject({
      accepted: false,
      rejection: 'trajectory 2: loss is NaN',
      gradientNorm: null,
    });
    expect(await t.step()).toMatchObject({ accepted: false, rejection: 'gradient: Infinity at index 7' });
    expect(Array.from(t.state().params)).toEqual(Array.from(before.params));
    expect(t.state().optimizer).toEqual(before.optimizer);
    expect((await t.step()).accepted).toBe(true);
    expect(t.state()).toMatchObject({ step: 4, rejected: 2 });
  });

  it('starts from the given initial V_M when the config names an init learner, and refuses one of the wrong size', async () => {
    const cfg = gradientConfig({ init: 'learner.json' });
    const p0 = new Float32Array((await tinyTrainer(gradientConfig())).state().params).map((x) => x * 0.5);
    const t = await tinyTrainer(cfg, undefined, { initialParams: p0 as never });
    expect(Array.from(t.state().params)).toEqual(Array.from(p0));
    await expect(tinyTrainer(cfg)).rejects.toThrow('init: the learner learner.json was not loaded');
    await expect(tinyTrainer(cfg, undefined, { initialParams: new Float32Array(5) as never })).rejects.toThrow(
      'V_M has 5 values',
    );
  });
});

describe('clone-sgd', () => {
  it('reports the mean per-cell cloning loss of its trajectories, and moves theta against its gradient (eta 0.5, seed 7)', async () => {
    const t = await tinyTrainer(gradientConfig({ objective: 'clone-sgd', cloneLearningRate: 0.5, clipNorm: 0 }));
    const cfg = t.config;
    const theta = new Float32Array(t.state().params);
    const r = await t.step();
    const size = theta.length;
    const grads = new Float64Array(4 * size);
    let loss = 0;
    for (let p = 0; p < 4; p++) {
      const task = (t as unknown as { tasks: { task: { inputSize: number; numClasses: number } }[] }).tasks[
        r.variants[p]
      ];
      const { inputSize: A, numClasses: K } = task.task;
      const traj = pairTrajectory(cfg, task as never, 0, p, layerShapes([A, K]));
      loss += cellCloneGradient(cfg.model, theta, A, K, traj, 0.5, grads.subarray(p * size, (p + 1) * size)).loss / 4;
    }
    expect(r.metaLoss).toBeCloseTo(loss, 12);
    const g = meanGradient(grads, 4, size);
    const moved = t.state().params;
    // Adam's first step moves every coordinate by about lr against the sign of its gradient.
    let against = 0;
    let nonzero = 0;
    for (let k = 0; k < size; k++) {
      if (Math.abs(g[k]) < 1e-12) continue;
      nonzero++;
      if (Math.sign(moved[k] - theta[k]) === -Math.sign(g[k])) against++;
    }
    expect(nonzero).toBeGreaterThan(size / 2);
    expect(against).toBe(nonzero);
  });

  it('a job of each objective runs through runGradientJob (the unit of every runner)', () => {
    const cfg = gradientConfig({ objective: 'clone-sgd' });
    const shapes = layerShapes(layerSizes(cfg.model, 4, 2));
    const traj = {
      inputs: Float32Array.from({ length: 12 }, (_, i) => Math.sin(i)),
      labels: [0, 1, 1],
      steps: 3,
      state: shapes.map(({ A, B }) => ({ h: new Float32Array(A * B * 16), c: new Float32Array(A * B * 16).fill(0.1) })),
    } as never;
    const params = new Float32Array(2384).map((_, i) => 0.05 * Math.cos(i));
    const g1 = new Float64Array(2384);
    const g2 = new Float64Array(2384);
    const a = runGradientJob(
      cfg.model,
      params,
      { inputSize: 4, numClasses: 2, trajectory: traj, objective: { kind: 'meta-loss' } },
      g1,
    );
    const b = runGradientJob(
      cfg.model,
      params,
      { inputSize: 4, numClasses: 2, trajectory: traj, objective: { kind: 'clone-sgd', eta: 3 } },
      g2,
    );
    expect(a.loss).toBeGreaterThan(0.6);
    expect(b.loss).toBeGreaterThan(0);
    expect(b.loss).not.toBe(a.loss);
  });
});

describe('meta-loss descent from the shipped cloned learner', () => {
  it('12 gradient steps lower the meta-loss of 8 held-out trajectories, 2.2375 -> 2.2236 (5x5 MNIST, 10 classes, T = 30, seed 7)', async () => {
    const { readFile } = await import('node:fs/promises');
    const { parseLearner } = await import('../../src/model/formats/learner');
    const doc = JSON.parse(
      await readFile(new URL('../../public/learners/vsml-clone-sgd.learner.json', import.meta.url), 'utf8'),
    );
    const learner = parseLearner(doc);
    if (!learner.ok) throw new Error(learner.error.message);
    const cfg = gradientConfig({
      init: 'vsml-clone-sgd.learner.json',
      learningRate: 1e-3,
      clipNorm: 25,
      pairs: 4,
      trajectoryLength: 30,
      tasks: { datasets: ['mnist'], project: [false, true], resize: [5], classes: [null] },
    });
    const t = await tinyTrainer(cfg, undefined, { initialParams: learner.value.params });
    const tasks = (t as unknown as { tasks: { task: { inputSize: number; numClasses: number } }[] }).tasks;
    const heldOut = Array.from({ length: 8 }, (_, p) =>
      pairTrajectory(cfg, tasks[p % 2] as never, 10_000, p, layerShapes([25, 10])),
    );
    const metaLoss = (theta: Float32Array) =>
      heldOut.reduce(
        (s, traj) => s + trajectoryGradient(cfg.model, theta, layerShapes([25, 10]), traj, null).loss / 8,
        0,
      );
    const before = metaLoss(t.state().params);
    for (let s = 0; s < 12; s++) await t.step();
    const after = metaLoss(t.state().params);
    expect(before).toBeGreaterThan(2.1);
    expect(after).toBeLessThan(before - 0.01);
  }, 120_000);
});
