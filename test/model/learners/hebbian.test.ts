import { describe, expect, it } from 'vitest';
import { learnedKindDef, LEARNED_FORMATS } from '../../../src/model/learners/kinds';
import { PADDED_SHAPE, type LearnedShape } from '../../../src/model/learners/learned';
import { HEBBIAN_DEF } from '../../../src/model/learners/hebbian';
import { HEBBIAN_COEFF_INIT, HEBBIAN_FW_LR_INIT, initHebbian } from '../../../src/model/learners/hebbianInit';
import { HebbianRuns } from '../../../src/model/learners/hebbianRuns';
import { hebbianLayout } from '../../../src/model/learners/hebbianSpec';
import { expectSplitEqualsWhole, learnedBlock as block } from './learnedStreams';

const SMALL: LearnedShape = { inputSize: 6, numClasses: 3 };

/** Initial parameters with a larger plasticity (C = 1, η ≈ 0.27), so the fast weights show. */
function plastic(shape: LearnedShape, seed: number): Float32Array {
  const L = hebbianLayout(shape);
  const p = initHebbian(shape, seed);
  p.fill(1, L.coeff.offset, L.coeff.offset + L.coeff.rows * L.coeff.cols);
  p[L.fwLr.offset] = -1;
  return p;
}

describe('hebbianLayout', () => {
  it('has 112,655 parameters at 784 inputs and 62 classes (2 x 908 x 62 + 62 + 1, the semantics doc count)', () => {
    const L = HEBBIAN_DEF.layout(PADDED_SHAPE);
    expect(L.size).toBe(112655);
    expect(L.blocks.map((b) => [b.name, b.rows, b.cols, b.offset])).toEqual([
      ['w', 908, 62, 0],
      ['coeff', 908, 62, 56296],
      ['fwLr', 1, 1, 112592],
      ['b', 1, 62, 112593],
    ]);
    expect(HEBBIAN_DEF.createRuns(PADDED_SHAPE, 2).paramCount).toBe(112655);
  });

  it('refuses a non-integer or zero size', () => {
    expect(() => hebbianLayout({ inputSize: 0, numClasses: 3 })).toThrow(/inputSize/);
    expect(() => hebbianLayout({ inputSize: 4, numClasses: 2.5 })).toThrow(/numClasses/);
  });
});

describe('initHebbian', () => {
  it('W ~ haiku TruncatedNormal(1/sqrt(908)) at the padded shape, C = 0.01, θ_η = −4.5, b = 0 (seed 3)', () => {
    const L = hebbianLayout(PADDED_SHAPE);
    const p = initHebbian(PADDED_SHAPE, 3);
    const std = 1 / Math.sqrt(908);
    let s2 = 0;
    let max = 0;
    for (let k = 0; k < L.w.rows * L.w.cols; k++) {
      const v = p[L.w.offset + k];
      max = Math.max(max, Math.abs(v));
      s2 += v * v;
    }
    expect(max).toBeLessThanOrEqual(2 * std * (1 + 1e-6));
    expect(max).toBeGreaterThan(1.9 * std);
    // A standard normal truncated at ±2 has std 0.8796.
    expect(Math.sqrt(s2 / (L.w.rows * L.w.cols)) / std).toBeCloseTo(0.8796, 2);
    expect(
      p.subarray(L.coeff.offset, L.coeff.offset + 908 * 62).every((v) => v === Math.fround(HEBBIAN_COEFF_INIT)),
    ).toBe(true);
    expect(p[L.fwLr.offset]).toBe(HEBBIAN_FW_LR_INIT);
    expect(p.subarray(L.b.offset, L.b.offset + 62).every((v) => v === 0)).toBe(true);
    const same = (a: Float32Array) => a.every((v, k) => v === p[k]);
    expect(same(initHebbian(PADDED_SHAPE, 3))).toBe(true);
    expect(same(initHebbian(PADDED_SHAPE, 4))).toBe(false);
  });
});

describe('HebbianRuns', () => {
  it('is deterministic: the same params and block give the same outputs, losses and flags', () => {
    const b = block(SMALL, 3, 20, 7);
    const results = [0, 1].map(() => {
      const runs = new HebbianRuns(SMALL, 3);
      runs.setParams([0, 1, 2].map((r) => plastic(SMALL, 10 + r)));
      return runs.run(b);
    });
    expect(results[1]).toEqual(results[0]);
  });

  it('one block of 20 equals two blocks of 10 (the fast weights carry over), 3 runs', () => {
    const params = [0, 1, 2].map((r) => plastic(SMALL, 20 + r));
    const make = () => {
      const runs = new HebbianRuns(SMALL, 3);
      runs.setParams(params);
      return runs;
    };
    const { whole, split } = expectSplitEqualsWhole(make, block(SMALL, 3, 20, 8), SMALL);
    expect(split.fast).toEqual(whole.fast);
  });

  it('resetState clears the fast weights: the block again gives the first outputs; without it they differ', () => {
    const b = block(SMALL, 2, 12, 9);
    const runs = new HebbianRuns(SMALL, 2);
    runs.setParams([plastic(SMALL, 30)]);
    const first = runs.run(b);
    expect(runs.fast.some((v) => v !== 0)).toBe(true);
    const again = runs.run(b);
    expect(again.outputs).not.toEqual(first.outputs);
    runs.resetState();
    expect(runs.fast.every((v) => v === 0)).toBe(true);
    expect(runs.run(b)).toEqual(first);
  });

  it('one shared vector equals the same vector given once per run', () => {
    const b = block(SMALL, 3, 8, 11);
    const p = plastic(SMALL, 40);
    const shared = new HebbianRuns(SMALL, 3);
    shared.setParams([p]);
    const each = new HebbianRuns(SMALL, 3);
    each.setParams([p, p, p]);
    expect(shared.run(b)).toEqual(each.run(b));
  });

  it('the first prediction ignores the plasticity (F = 0): y = 100 tanh((x W + b) / 100)', () => {
    const b = block(SMALL, 1, 1, 12);
    const p = plastic(SMALL, 50);
    const L = hebbianLayout(SMALL);
    p.fill(0.25, L.b.offset, L.b.offset + 3);
    const runs = new HebbianRuns(SMALL, 1);
    runs.setParams([p]);
    const got = runs.run(b);
    for (let j = 0; j < 3; j++) {
      let z = 0.25;
      for (let i = 0; i < 6; i++) z += b.inputs[i] * p[L.w.offset + i * 3 + j];
      expect(got.outputs![j]).toBeCloseTo(100 * Math.tanh(z / 100), 5);
    }
  });

  it('refuses parameters of the wrong count, length or value, and a run before setParams', () => {
    const runs = new HebbianRuns(SMALL, 3);
    expect(() => runs.run(block(SMALL, 3, 2, 1))).toThrow(/setParams/);
    const p = initHebbian(SMALL, 1);
    expect(() => runs.setParams([p, p])).toThrow(/expected 1 or 3 vectors/);
    expect(() => runs.setParams([p.subarray(1)])).toThrow(/params\[0\]: expected 76 values/);
    const bad = p.slice();
    bad[4] = NaN;
    expect(() => runs.setParams([bad])).toThrow(/params\[0\]\[4\]/);
    expect(() => new HebbianRuns(SMALL, 0)).toThrow(/runs/);
  });
});

describe('LEARNED_KIND_DEFS', () => {
  it("hebbian: registered under its name with format 'vsml-hebbian', the default spec tanhBound: 100, and 112,655 parameters at the padded shape", () => {
    const r = learnedKindDef('hebbian');
    expect(r.ok && r.value).toBe(HEBBIAN_DEF);
    expect(HEBBIAN_DEF.format).toBe(LEARNED_FORMATS['hebbian']);
    expect(HEBBIAN_DEF.format).toBe('vsml-hebbian');
    expect(Object.fromEntries(HEBBIAN_DEF.specProps.map((p) => [p.name, p.default]))).toEqual({ tanhBound: 100 });
    expect(HEBBIAN_DEF.layoutOf(PADDED_SHAPE, { tanhBound: 100 }).size).toBe(112655);
    const runs = HEBBIAN_DEF.createRuns(PADDED_SHAPE, 4);
    expect([runs.kind, runs.runs, runs.paramCount]).toEqual(['hebbian', 4, 112655]);
  });
});
