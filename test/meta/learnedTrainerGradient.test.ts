// Method gradient for the learned learners without variable sharing (learnedTrainer.ts with
// learnedGradients.ts): one step recomputed by hand (the mean of the trajectories' exact gradients,
// clipped, Adam), a few steps lower a tiny Meta RNN's meta-loss, resume bit for bit, and the config
// rules (es and gradient only, no clone-sgd).
import { describe, expect, it } from 'vitest';
import { nodeDataProvider } from '../../src/cli/metaTrainData';
import { clipGlobalNorm } from '../../src/meta/gradientStep';
import { parseLearnedCheckpoint, serialiseLearnedCheckpoint } from '../../src/meta/learnedCheckpoint';
import { learnedGradientEstimate } from '../../src/meta/learnedGradients';
import { createLearnedTrainer, type LearnedTrainer } from '../../src/meta/learnedTrainer';
import type { MetaConfig } from '../../src/meta/metaConfig';
import { parseMetaConfig } from '../../src/meta/metaConfigParse';
import { buildVariantTasks, SourceCache, type VariantTask } from '../../src/meta/taskSet';
import { assignVariants, taskVariants } from '../../src/meta/variants';
import { adamInit, adamStep } from '../../src/model/es/adam';
import { parseJsonText } from '../../src/model/formats/json';
import { tinyConfigDoc } from './trainerHelpers';

const learner = {
  kind: 'meta-rnn' as const,
  shape: { inputSize: 64, numClasses: 5 },
  spec: { hidden: 8, microTicks: 2, tanhBound: 100 },
};

/** MNIST 7x7 classes 0-2, ± per-step projection, a Meta RNN at 64/5 with H 8; 4 trajectories, T 12, seed 7. */
function gradientConfig(overrides: Record<string, unknown> = {}): MetaConfig {
  const r = parseMetaConfig(
    tinyConfigDoc({
      learner: { kind: 'meta-rnn', shape: learner.shape, spec: { hidden: 8 } },
      method: 'gradient',
      learningRate: 0.01,
      clipNorm: 0.5,
      tasks: { datasets: ['mnist'], project: [false, true], resize: [7], classes: [[0, 1, 2]], projection: 'per-step' },
      ...overrides,
    }),
  );
  if (!r.ok) throw new Error(`${r.error.field}: ${r.error.message}`);
  return r.value;
}

async function trainer(cfg: MetaConfig): Promise<LearnedTrainer> {
  const r = await createLearnedTrainer(cfg, nodeDataProvider);
  if (!r.ok) throw new Error(`${r.error.field}: ${r.error.message}`);
  return r.value;
}

async function tasksOf(cfg: MetaConfig): Promise<VariantTask[]> {
  const r = await buildVariantTasks(cfg, taskVariants(cfg), new SourceCache(nodeDataProvider));
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('createLearnedTrainer with method gradient (Meta RNN 64/5, H 8; MNIST 7x7 classes 0-2, ± per-step projection; 4 trajectories, T 12, seed 7)', () => {
  it("applies Adam to the clipped mean of the trajectories' exact gradients and reports their mean loss", async () => {
    const cfg = gradientConfig();
    const t = await trainer(cfg);
    const theta = new Float32Array(t.state().params);
    const r = await t.step();
    expect(r.accepted).toBe(true);
    const tasks = await tasksOf(cfg);
    const est = learnedGradientEstimate(cfg, learner, theta, tasks, assignVariants(cfg, tasks.length, 0), 0);
    expect(r.metaLoss).toBe(est.metaLoss);
    expect(Array.from(r.plus)).toEqual(Array.from(est.losses));
    expect(Array.from(r.minus)).toEqual(Array.from(est.losses));
    const norm = clipGlobalNorm(est.g, cfg.clipNorm);
    expect(r.gradientNorm).toBe(norm);
    expect(norm).toBeGreaterThan(cfg.clipNorm); // the clip was exercised
    const adam = adamInit(theta.length);
    adamStep(theta, est.g, adam, {
      learningRate: cfg.learningRate,
      beta1: cfg.beta1,
      beta2: cfg.beta2,
      eps: cfg.adamEps,
    });
    expect(Array.from(t.state().params)).toEqual(Array.from(theta));
    t.dispose();
  });

  it('8 gradient steps lower the meta-loss on 8 fixed trajectories', async () => {
    const cfg = gradientConfig();
    const t = await trainer(cfg);
    const tasks = await tasksOf(cfg);
    const held = { ...cfg, pairs: 8 };
    const heldLoss = (): number =>
      learnedGradientEstimate(held, learner, t.state().params, tasks, assignVariants(held, tasks.length, 999), 999)
        .metaLoss;
    const before = heldLoss();
    for (let s = 0; s < 8; s++) expect((await t.step()).accepted).toBe(true);
    const after = heldLoss();
    console.log(
      `learned trainer, method gradient: held-out meta-loss ${before.toFixed(4)} -> ${after.toFixed(4)} after 8 steps`,
    );
    expect(after).toBeLessThan(before - 0.1);
    t.dispose();
  });

  it('a trainer restored from the checkpoint file of step 2 ends 2 steps later bit-identical to 4 uninterrupted steps', async () => {
    const cfg = gradientConfig();
    const full = await trainer(cfg);
    for (let s = 0; s < 4; s++) await full.step();
    const first = await trainer(cfg);
    for (let s = 0; s < 2; s++) await first.step();
    const resumed = await trainer(cfg);
    const raw = parseJsonText(serialiseLearnedCheckpoint(first.checkpoint()));
    const cp = raw.ok ? parseLearnedCheckpoint(raw.value) : raw;
    if (!cp.ok) throw new Error(`${cp.error.field}: ${cp.error.message}`);
    expect(cp.value.config.method).toBe('gradient');
    expect(resumed.restore(cp.value).ok).toBe(true);
    for (let s = 0; s < 2; s++) await resumed.step();
    expect(Array.from(resumed.state().params)).toEqual(Array.from(full.state().params));
    expect(resumed.checkpoint().optimizer).toEqual(full.checkpoint().optimizer);
    expect(resumed.state().step).toBe(4);
  });

  it('the config takes methods es and gradient for a learned kind, and refuses cma-es and objective clone-sgd by field', () => {
    const refusal = (o: Record<string, unknown>): string => {
      const r = parseMetaConfig(tinyConfigDoc({ learner: { kind: 'hebbian' }, ...o }));
      return r.ok ? 'accepted' : `${r.error.field}: ${r.error.message}`;
    };
    expect(refusal({ method: 'gradient' })).toBe('accepted');
    expect(refusal({ method: 'es' })).toBe('accepted');
    expect(refusal({ method: 'cma-es' })).toMatch(
      /^method: cma-es does not support the hebbian learner \(learner.kind\)/,
    );
    expect(refusal({ method: 'gradient', objective: 'clone-sgd' })).toMatch(
      /^objective: clone-sgd clones SGD into VSML's cells; the hebbian learner/,
    );
  });
});
