import { describe, expect, it } from 'vitest';
import { BASELINES, BASELINE_NAMES } from '../../src/model/baselines/kinds';
import { OnlineBaseline, OnlineBaselines } from '../../src/model/baselines/online';
import { Rng } from '../../src/model/rng';
import { lossF64 } from './float64Net';

const rngInputs = (n: number, seed: number) => {
  const rng = new Rng(seed, 5);
  return Float32Array.from({ length: n }, () => rng.normal());
};

describe('OnlineBaseline: the prediction is made before the update', () => {
  for (const name of BASELINE_NAMES) {
    it(`${name}: the first y and loss come from the initial weights; the same x again gives a lower loss (seed 5)`, () => {
      const b = new OnlineBaseline(BASELINES[name], 12, 3, 5);
      const w0 = Float64Array.from(b.params);
      const x = rngInputs(12, 5);
      const ref = lossF64(b.layout, w0, x, 2);
      const r1 = b.step(x, 2);
      r1.y.forEach((v, k) => expect(v).toBeCloseTo(ref.y[k], 5));
      expect(r1.loss).toBeCloseTo(ref.loss, 9);
      expect(Float64Array.from(b.params)).not.toEqual(w0);
      const ref2 = lossF64(b.layout, Float64Array.from(b.params), x, 2);
      const r2 = b.step(x, 2);
      expect(r2.loss).toBeCloseTo(ref2.loss, 9);
      expect(r2.loss).toBeLessThan(r1.loss);
    });
  }

  it('reset(seed) restores the initial weights and the optimiser state: the same steps repeat exactly (adam-deep, seed 9)', () => {
    const b = new OnlineBaseline(BASELINES['adam-deep'], 6, 4, 9);
    const xs = [rngInputs(6, 1), rngInputs(6, 2), rngInputs(6, 3)];
    const first = xs.map((x, t) => b.step(x, t).loss);
    b.reset(9);
    expect(xs.map((x, t) => b.step(x, t).loss)).toEqual(first);
  });

  it('refuses an x of the wrong size and a label out of range', () => {
    const b = new OnlineBaseline(BASELINES.sgd, 4, 3);
    expect(() => b.step(new Float32Array(5), 0)).toThrow('baseline: x: expected 4 values, got 5');
    expect(() => b.step(new Float32Array(4), 3)).toThrow('baseline: label: must be an integer in [0, 3), got 3');
  });
});

describe('haiku Linear init: truncnormal(1/sqrt(fan_in)) cut at 2 std, biases 0', () => {
  it('draws the deep network [784, 160, 10] with std 0.88/sqrt(fan_in) per layer (seed 22)', () => {
    const b = new OnlineBaseline(BASELINES['sgd-deep'], 784, 10, 22);
    for (const { inputs, outputs, w, b: bo } of b.layout.layers) {
      const W = b.params.subarray(w, w + inputs * outputs);
      let s2 = 0;
      let max = 0;
      for (const v of W) {
        s2 += v * v;
        max = Math.max(max, Math.abs(v));
      }
      expect(Math.sqrt(s2 / W.length) * Math.sqrt(inputs)).toBeCloseTo(0.88, 1);
      expect(max).toBeLessThanOrEqual(Math.fround(2 / Math.sqrt(inputs)));
      expect(Array.from(b.params.subarray(bo, bo + outputs))).toEqual(new Array(outputs).fill(0));
    }
  });
});

describe('OnlineBaselines: R runs at once', () => {
  const A = 5;
  const K = 3;
  const T = 7;
  const inputs = rngInputs(2 * T * A, 11);
  const labels = Int32Array.from({ length: 2 * T }, (_, i) => (i * 7) % K);

  it("'per-run' init gives run r the weights of new Rng(seed).fork(r); 'shared' gives every run new Rng(seed)", () => {
    const b = new OnlineBaselines(BASELINES.adam, A, K, 3);
    const one = new OnlineBaselines(BASELINES.adam, A, K, 1);
    const P = b.layout.size;
    b.reset(4);
    one.resetRun(0, new Rng(4).fork(2));
    expect(b.params.subarray(2 * P)).toEqual(one.params);
    expect(b.params.subarray(0, P)).not.toEqual(b.params.subarray(P, 2 * P));
    b.reset(4, 'shared');
    expect(b.params.subarray(P, 2 * P)).toEqual(new OnlineBaseline(BASELINES.adam, A, K, 4).params);
    expect(b.params.subarray(0, P)).toEqual(b.params.subarray(2 * P));
  });

  it('run(block) equals single runs stepped one example at a time, streamOfRun included (adam-deep, seed 3)', () => {
    const b = new OnlineBaselines(BASELINES['adam-deep'], A, K, 3);
    b.reset(3, 'shared');
    const streamOfRun = Uint32Array.from([1, 0, 1]);
    const r = b.run({ inputs, labels, steps: T, streamOfRun });
    expect(r.outputs?.length).toBe(3 * T * K);
    for (let s = 0; s < 3; s++) {
      const single = new OnlineBaseline(BASELINES['adam-deep'], A, K, 3);
      const q = streamOfRun[s];
      for (let t = 0; t < T; t++) {
        const p = single.step(inputs.slice((q * T + t) * A, (q * T + t + 1) * A), labels[q * T + t]);
        expect(r.loss[s * T + t]).toBe(Math.fround(p.loss));
        expect(r.correct[s * T + t]).toBe(p.correct ? 1 : 0);
        expect(Array.from(r.outputs!.subarray((s * T + t) * K, (s * T + t + 1) * K))).toEqual(Array.from(p.y));
      }
    }
    expect(r.loss.subarray(0, T)).toEqual(r.loss.subarray(2 * T));
  });

  it('refuses a block whose inputs do not match A x T', () => {
    const b = new OnlineBaselines(BASELINES.sgd, A, K, 2);
    b.reset(0);
    expect(() => b.run({ inputs: new Float32Array(2 * T * A - 1), labels, steps: T })).toThrow(
      /inputs: expected 2 x 7 x 5/,
    );
  });

  it('sgd learns a separable task online: cumulative accuracy over the last 200 of 400 examples > 0.95 (seed 1)', () => {
    const rng = new Rng(1, 9);
    const n = 400;
    const xs = new Float32Array(n * 10);
    const ys = new Int32Array(n);
    for (let t = 0; t < n; t++) {
      ys[t] = rng.int(2);
      for (let a = 0; a < 10; a++) xs[t * 10 + a] = (ys[t] === 1 ? 1 : -1) * (a < 5 ? 1 : 0) + 0.5 * rng.normal();
    }
    const b = new OnlineBaselines(BASELINES.sgd, 10, 2, 1);
    b.reset(1);
    const r = b.run({ inputs: xs, labels: ys, steps: n }, { outputs: false });
    expect(r.outputs).toBeNull();
    const late = r.correct.subarray(200).reduce((s, c) => s + c, 0) / 200;
    expect(late).toBeGreaterThan(0.95);
  });
});
