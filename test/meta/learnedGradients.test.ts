// Method "gradient" for learned learners: trajectory p of step s is ES pair p's (the same examples and
// projection, zero-padded to the learner's shape), the estimate is the mean of the trajectories' exact
// gradients, and a few Adam steps on it lower a tiny Meta RNN's meta-loss.
import { describe, expect, it } from 'vitest';
import { nodeDataProvider } from '../../src/cli/metaTrainData';
import { learnedGradientEstimate, learnedPairTrajectory } from '../../src/meta/learnedGradients';
import { SourceCache, buildVariantTasks, type VariantTask } from '../../src/meta/taskSet';
import { pairTrajectory } from '../../src/meta/trajectories';
import { assignVariants, taskVariants } from '../../src/meta/variants';
import { layerSizes } from '../../src/model/config';
import { adamInit, adamStep } from '../../src/model/es/adam';
import { learnedTrajectoryGradient } from '../../src/model/learners/learnedGrad';
import { initMetaRnn } from '../../src/model/learners/metaRnnInit';
import { layerShapes } from '../../src/model/state';
import { tinyConfig } from './trainerHelpers';

const shape = { inputSize: 64, numClasses: 5 };
const spec = { hidden: 8, microTicks: 2, tanhBound: 100 };
const learner = { kind: 'meta-rnn' as const, shape, spec };

async function tinyTasks(cfg = tinyConfig()): Promise<VariantTask[]> {
  const r = await buildVariantTasks(cfg, taskVariants(cfg), new SourceCache(nodeDataProvider));
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('learnedGradientEstimate (7x7 MNIST, 3 classes, ± projection, 4 trajectories, T = 12, seed 7; Meta RNN at 64/5, H 8)', () => {
  it("trajectory p reads ES pair p's examples and per-step projection, zero-padded to the learner's inputs", async () => {
    const cfg = tinyConfig({
      tasks: { datasets: ['mnist'], project: [false, true], resize: [7], classes: [[0, 1, 2]], projection: 'per-step' },
    });
    const tasks = await tinyTasks(cfg);
    expect(tasks.some((t) => t.projectPerStep)).toBe(true);
    const variants = assignVariants(cfg, tasks.length, 3);
    for (let p = 0; p < cfg.pairs; p++) {
      const task = tasks[variants[p]];
      const A = task.task.inputSize;
      const own = pairTrajectory(cfg, task, 3, p, layerShapes(layerSizes(cfg.model, A, task.task.numClasses)));
      const padded = learnedPairTrajectory(cfg, task, 3, p, shape.inputSize);
      expect(Array.from(padded.labels)).toEqual(Array.from(own.labels));
      for (let t = 0; t < cfg.trajectoryLength; t++) {
        expect(Array.from(padded.inputs.subarray(t * 64, t * 64 + A))).toEqual(
          Array.from(own.inputs.subarray(t * A, (t + 1) * A)),
        );
        expect(padded.inputs.subarray(t * 64 + A, (t + 1) * 64).every((v) => v === 0)).toBe(true);
      }
    }
  });

  it("is the mean of the trajectories' gradients and losses, summed in trajectory order", async () => {
    const cfg = tinyConfig();
    const tasks = await tinyTasks(cfg);
    const theta = initMetaRnn(shape, 1, spec);
    const variants = assignVariants(cfg, tasks.length, 0);
    const est = learnedGradientEstimate(cfg, learner, theta, tasks, variants, 0);
    const g = new Float64Array(theta.length);
    let loss = 0;
    for (let p = 0; p < cfg.pairs; p++) {
      const r = learnedTrajectoryGradient(
        'meta-rnn',
        shape,
        spec,
        theta,
        learnedPairTrajectory(cfg, tasks[variants[p]], 0, p, 64),
      );
      if (!r.ok) throw new Error(r.error.message);
      expect(est.losses[p]).toBe(r.value.loss);
      loss += r.value.loss;
      for (let k = 0; k < g.length; k++) g[k] += r.value.grad[k];
    }
    expect(est.metaLoss).toBe(loss / cfg.pairs);
    expect(Array.from(est.g)).toEqual(Array.from(g, (v) => v / cfg.pairs));
    expect(est.rejection).toBeNull();
  });

  it('20 Adam steps (lr 0.01) on the estimate lower the meta-loss on 8 fixed trajectories', async () => {
    const cfg = tinyConfig();
    const tasks = await tinyTasks(cfg);
    const theta = initMetaRnn(shape, 1, spec);
    const heldVariants = assignVariants({ ...cfg, pairs: 8 }, tasks.length, 999);
    const heldLoss = (): number =>
      learnedGradientEstimate({ ...cfg, pairs: 8 }, learner, theta, tasks, heldVariants, 999).metaLoss;
    const before = heldLoss();
    const adam = adamInit(theta.length);
    for (let s = 0; s < 20; s++) {
      const est = learnedGradientEstimate(cfg, learner, theta, tasks, assignVariants(cfg, tasks.length, s), s);
      adamStep(theta, est.g, adam, { learningRate: 0.01, beta1: cfg.beta1, beta2: cfg.beta2, eps: cfg.adamEps });
    }
    const after = heldLoss();
    console.log(`meta-rnn 64/5 H 8, 20 gradient steps: held-out meta-loss ${before.toFixed(4)} -> ${after.toFixed(4)}`);
    expect(after).toBeLessThan(before - 0.05);
  });
});
