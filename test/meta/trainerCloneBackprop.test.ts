// Method clone-backprop in the trainer (random cells; held-out evaluations of the cloned learner on the
// CPU reference with backwardPass, 7x7 MNIST, 3 classes): the config's refusals, a step's loss and
// gradient (those of cloneStep), the deep curriculum's switch, checkpoints resuming bit for bit, and
// the loss going down.
import { describe, expect, it } from 'vitest';
import { cloneSettings, cloneStep } from '../../src/meta/cloneStep';
import { parseCheckpoint, serialiseCheckpoint } from '../../src/meta/checkpoint';
import { parseMetaConfig } from '../../src/meta/metaConfigParse';
import { tinyConfig, tinyConfigDoc, tinyTrainer } from './trainerHelpers';

const MODEL = { stateSize: 8, messageSize: 4, backwardPass: true, outputIndex: 0 };
const CLONE = {
  method: 'clone-backprop',
  model: MODEL,
  cloneBatch: 24,
  cloneWarmup: 3,
  cloneLearningRate: 2,
  cloneWeightScale: 5,
  learningRate: 0.003,
  steps: 40,
};
const cloneDoc = (o: Record<string, unknown> = {}) => tinyConfigDoc({ ...CLONE, ...o });

describe('method clone-backprop: the config', () => {
  const refusal = (o: Record<string, unknown>) => {
    const r = parseMetaConfig(cloneDoc(o));
    return r.ok ? null : r.error;
  };

  it('accepts the cloning model, and refuses one the rule cannot run on, naming the field', () => {
    expect(refusal({})).toBeNull();
    expect(refusal({ model: { ...MODEL, backwardPass: false } })).toEqual({
      code: 'range',
      field: 'model.backwardPass',
      message: 'clone-backprop clones backprop, whose error reaches every layer in the same example: must be true',
    });
    expect(refusal({ model: { ...MODEL, stateSize: 3 } })).toEqual({
      code: 'range',
      field: 'model.stateSize',
      message: 'clone-backprop keeps w and b in c[0] and c[1] and needs room to compute: at least 4, got 3',
    });
    expect(refusal({ model: { ...MODEL, outputIndex: 1 } })?.field).toBe('model.outputIndex');
    expect(refusal({ model: { ...MODEL, feedLabel: true } })?.field).toBe('model.feedLabel');
    expect(refusal({ objective: 'clone-sgd' })?.field).toBe('objective');
    expect(refusal({ fitnessShaping: 'centred-ranks' })?.field).toBe('fitnessShaping');
  });

  it('refuses a hidden layer without the deep curriculum (cloneDeepFrom in [1, steps))', () => {
    const deep = { model: { ...MODEL, hiddenSizes: [5] } };
    expect(refusal(deep)).toEqual({
      code: 'range',
      field: 'cloneDeepFrom',
      message:
        'model.hiddenSizes has a hidden layer: clone-backprop needs the deep curriculum, a step in [1, steps = 40) from which hidden-layer data joins, got 0',
    });
    expect(refusal({ ...deep, cloneDeepFrom: 40 })?.field).toBe('cloneDeepFrom');
    expect(refusal({ ...deep, cloneDeepFrom: 20 })).toBeNull();
  });
});

describe('method clone-backprop: steps', () => {
  it("a step is cloneStep on the current V_M: its loss is the report's meta-loss, Adam moves theta", async () => {
    const config = tinyConfig(CLONE);
    const t = await tinyTrainer(config);
    const theta0 = t.state().params;
    const r = await t.step();
    const { loss } = cloneStep(config, theta0, 49, 0);
    expect(r.metaLoss).toBe(loss.loss);
    expect([r.accepted, r.plus.length]).toEqual([true, 1]);
    expect(t.state().params).not.toEqual(theta0);
    expect(t.engineSpecs().map((s) => s.runs)).toEqual([2]);
    t.dispose();
  });

  it('the deep curriculum: hidden-layer data from step cloneDeepFrom on', () => {
    const config = tinyConfig({ ...CLONE, model: { ...MODEL, hiddenSizes: [5] }, cloneDeepFrom: 10 });
    expect([9, 10, 11].map((s) => cloneSettings(config, 49, s).deep)).toEqual([false, true, true]);
    expect(cloneSettings(tinyConfig(CLONE), 49, 30).deep).toBe(false);
  });

  it('4 steps straight give the checkpoint of 2 steps, a checkpoint, a restore into a new trainer and 2 more, byte for byte', async () => {
    const config = tinyConfig({ ...CLONE, evaluation: { every: 0 } });
    const straight = await tinyTrainer(config);
    for (let i = 0; i < 4; i++) await straight.step();
    const first = await tinyTrainer(config);
    for (let i = 0; i < 2; i++) await first.step();
    const saved = parseCheckpoint(JSON.parse(serialiseCheckpoint(first.checkpoint())));
    if (!saved.ok) throw new Error(saved.error.message);
    const second = await tinyTrainer(config);
    expect(second.restore(saved.value)).toEqual({ ok: true, value: true });
    for (let i = 0; i < 2; i++) await second.step();
    expect(serialiseCheckpoint(second.checkpoint())).toBe(serialiseCheckpoint(straight.checkpoint()));
    for (const t of [straight, first, second]) t.dispose();
  });

  // Measured: the mean loss of steps 1-10 0.4968, of steps 51-60 0.3143.
  it('60 steps (Adam 0.03) lower the cloning loss: mean of the last 10 below 0.7 x the first 10', async () => {
    const t = await tinyTrainer(tinyConfig({ ...CLONE, learningRate: 0.03, steps: 60, evaluation: { every: 0 } }));
    const losses: number[] = [];
    for (let i = 0; i < 60; i++) losses.push((await t.step()).metaLoss as number);
    const mean = (a: number[]) => a.reduce((x, y) => x + y) / a.length;
    expect(mean(losses.slice(0, 10))).toBeCloseTo(0.4968, 4);
    expect(mean(losses.slice(50))).toBeLessThan(0.7 * mean(losses.slice(0, 10)));
    t.dispose();
  });
});
