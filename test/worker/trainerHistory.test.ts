// The run's record: the debiased EMA of the losses, rejections, evaluations, and its autosave JSON.
import { describe, expect, it } from 'vitest';
import type { HeldOutResult } from '../../src/meta/heldOut';
import { smoothLosses, TrainerHistory } from '../../src/worker/trainer/trainerHistory';

const heldOut = (name: string, curve: number[], loss: number): HeldOutResult => ({
  name,
  at100: null,
  atEnd: { mean: curve[curve.length - 1], std: 0 },
  loss,
  curve: Float64Array.from(curve),
});

describe('smoothLosses (beta 0.9, bias-corrected)', () => {
  it('[1, 2, NaN, 4] -> [1, 29/19, NaN, 661/271]: m_k = 0.9 m_(k-1) + 0.1 x_k over the finite values, divided by 1 - 0.9^k', () => {
    const s = smoothLosses([1, 2, NaN, 4]);
    expect(s[0]).toBeCloseTo(1, 15);
    expect(s[1]).toBeCloseTo(29 / 19, 14);
    expect(Number.isNaN(s[2])).toBe(true);
    expect(s[3]).toBeCloseTo(661 / 271, 14);
  });

  it('a constant series stays that constant from the first value on (no bias towards 0); beta 0.5 on [2, 0]: [2, 2/3]', () => {
    for (const x of smoothLosses([1.0986, 1.0986, 1.0986, 1.0986])) expect(x).toBeCloseTo(1.0986, 14);
    expect(Array.from(smoothLosses([2, 0], 0.5))).toEqual([2, 0.5 / 0.75]);
    expect(smoothLosses([])).toHaveLength(0);
  });
});

describe('TrainerHistory', () => {
  const filled = () => {
    const h = new TrainerHistory();
    h.addEvaluation(0, [heldOut('a', [0, 0.5], 1.1)]);
    h.addStep(1, 1.5, null);
    h.addStep(2, null, 'pair 3: L- is NaN');
    h.addStep(3, 1.25, null);
    h.addEvaluation(3, [heldOut('a', [1, 0.5], 1.05)]);
    h.addStep(4, 1, null);
    return h;
  };

  it('records losses (NaN when rejected), the rejected steps and the last rejection, and refuses a step out of order', () => {
    const h = filled();
    const f = h.frameArrays();
    expect(Array.from(f.losses)).toEqual([1.5, NaN, 1.25, 1]);
    expect(Array.from(f.rejectedSteps)).toEqual([2]);
    expect(h.lastRejection).toBe('step 2 rejected: pair 3: L- is NaN');
    expect(
      f.evaluations.map((e) => [e.step, e.results.a.accuracy, e.results.a.loss, Array.from(e.results.a.curve)]),
    ).toEqual([
      [0, 0.5, 1.1, [0, 0.5]],
      [3, 0.5, 1.05, [1, 0.5]],
    ]);
    expect(h.hasEvaluation(3) && !h.hasEvaluation(4)).toBe(true);
    expect(() => h.addStep(6, 1, null)).toThrow('history: step 6 recorded after step 4');
  });

  it('frame arrays are fresh copies (handing them over leaves the history whole)', () => {
    const h = filled();
    const a = h.frameArrays();
    a.losses[0] = 9;
    a.evaluations[0].results.a.curve[0] = 9;
    const b = h.frameArrays();
    expect([b.losses[0], b.evaluations[0].results.a.curve[0]]).toEqual([1.5, 0]);
  });

  it("reads back from its JSON cut to a checkpoint's step: steps, rejections and evaluations after it dropped", () => {
    const json = JSON.parse(JSON.stringify(filled().toJson()));
    const whole = TrainerHistory.fromJson(json, 4) as TrainerHistory;
    expect(whole.toJson()).toEqual(json);
    const cut = TrainerHistory.fromJson(json, 2) as TrainerHistory;
    expect(Array.from(cut.frameArrays().losses)).toEqual([1.5, NaN]);
    expect(cut.lastRejection).toBe('step 2 rejected: pair 3: L- is NaN');
    expect(cut.frameArrays().evaluations.map((e) => e.step)).toEqual([0]);
    const early = TrainerHistory.fromJson(json, 1) as TrainerHistory;
    expect([early.steps, early.lastRejection]).toEqual([1, null]);
  });

  it('a history with fewer steps than the checkpoint, or not one at all, is not read (the caller starts one at the step)', () => {
    const json = filled().toJson();
    expect(TrainerHistory.fromJson(json, 5)).toBeNull();
    expect(TrainerHistory.fromJson(null, 0)).toBeNull();
    expect(TrainerHistory.fromJson({ ...json, losses: [1.5, null, 'x', 1] }, 4)).toBeNull();
  });

  it('from > 0 (a checkpoint without history): those steps are NaN and not rejected, and survive the JSON', () => {
    const h = new TrainerHistory(2);
    h.addStep(3, 0.5, null);
    expect(Array.from(h.frameArrays().losses)).toEqual([NaN, NaN, 0.5]);
    expect(h.frameArrays().rejectedSteps).toHaveLength(0);
    const back = TrainerHistory.fromJson(JSON.parse(JSON.stringify(h.toJson())), 3) as TrainerHistory;
    expect([back.from, back.steps]).toEqual([2, 3]);
    expect(Array.from(back.frameArrays().losses)).toEqual([NaN, NaN, 0.5]);
  });
});
