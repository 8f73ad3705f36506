import { describe, expect, it } from 'vitest';
import { ReferenceEngine } from '../../src/model/referenceEngine';
import { asVmParams, paramLayout } from '../../src/model/layout';
import { readout, softmaxLoss, tickLayer } from '../../src/model/reference';
import { Rng } from '../../src/model/rng';
import { asABJ, type RunState } from '../../src/model/state';
import { config, randomParams, randomStates, randomBlock } from '../helpers/random';

describe('tickLayer', () => {
  it('one cell, all parameters 0, c=1: c1 = sigmoid(5), h1 = 0.5 tanh(c1) after one micro-tick', () => {
    const cfg = config({ stateSize: 1, messageSize: 2, microTicks: 1, outputIndex: 1 });
    const params = asVmParams(new Float32Array(paramLayout(cfg).size));
    const state = { h: asABJ(new Float32Array([0])), c: asABJ(new Float32Array([1])) };
    tickLayer(cfg, params, { A: 1, B: 1 }, state, new Float32Array([0.7, 0]), new Float32Array([0.2, 0]));
    const c1 = 1 / (1 + Math.exp(-5));
    expect(state.c[0]).toBeCloseTo(c1, 6);
    expect(state.h[0]).toBeCloseTo(0.5 * Math.tanh(c1), 6);
  });

  it('two micro-ticks equal two one-tick calls with the same messages (A=2, B=3, seed 4)', () => {
    const two = config({ stateSize: 4, messageSize: 3, microTicks: 2 });
    const one = config({ stateSize: 4, messageSize: 3, microTicks: 1 });
    const p = randomParams(two, 4);
    const spec = { config: two, inputSize: 2, numClasses: 3, runs: 1 };
    const [[s]] = randomStates(spec, 4);
    const s2 = { h: asABJ(new Float32Array(s.h)), c: asABJ(new Float32Array(s.c)) };
    const fin = Float32Array.from([0.3, 0, 0, -1.2, 0, 0]);
    const bin = Float32Array.from([0.1, 0.5, 0, -0.2, 0, 0, 0.4, 0, 0]);
    const a = tickLayer(two, p, { A: 2, B: 3 }, s, fin, bin);
    tickLayer(one, p, { A: 2, B: 3 }, s2, fin, bin);
    const b = tickLayer(one, p, { A: 2, B: 3 }, s2, fin, bin);
    expect([...s2.h]).toEqual([...s.h]);
    expect([...b.fwdOut]).toEqual([...a.fwdOut]);
  });

  it('the forward message is the mean over a of W_f h_ab + b_f, the backward one the mean over b of W_b h_ab + b_b (A=3, B=2, seed 9)', () => {
    const cfg = config({ stateSize: 5, messageSize: 3 });
    const p = randomParams(cfg, 9);
    const L = paramLayout(cfg);
    const spec = { config: cfg, inputSize: 3, numClasses: 2, runs: 1 };
    const [[s]] = randomStates(spec, 9);
    const rng = new Rng(9);
    const fin = Float32Array.from({ length: 9 }, () => rng.normal());
    const bin = Float32Array.from({ length: 6 }, () => rng.normal());
    const { fwdOut, bwdOut } = tickLayer(cfg, p, { A: 3, B: 2 }, s, fin, bin);
    const msg = (a: number, b: number, W: number, bias: number, m: number) => {
      let v = p[bias + m];
      for (let j = 0; j < 5; j++) v += s.h[(a * 2 + b) * 5 + j] * p[W + j * 3 + m];
      return v;
    };
    for (let b = 0; b < 2; b++)
      for (let m = 0; m < 3; m++) {
        const mean =
          (msg(0, b, L.fwdW.offset, L.fwdB.offset, m) +
            msg(1, b, L.fwdW.offset, L.fwdB.offset, m) +
            msg(2, b, L.fwdW.offset, L.fwdB.offset, m)) /
          3;
        expect(fwdOut[b * 3 + m]).toBeCloseTo(mean, 6);
      }
    for (let a = 0; a < 3; a++)
      for (let m = 0; m < 3; m++) {
        const mean = (msg(a, 0, L.bwdW.offset, L.bwdB.offset, m) + msg(a, 1, L.bwdW.offset, L.bwdB.offset, m)) / 2;
        expect(bwdOut[a * 3 + m]).toBeCloseTo(mean, 6);
      }
  });
});

describe('readout and softmaxLoss', () => {
  it('y = 100 tanh(m[1] / 100) reads dim 1 of each class message', () => {
    const cfg = config({ messageSize: 2 });
    const y = readout(cfg, Float32Array.from([5, 50, -7, -300]), 2);
    expect(y[0]).toBeCloseTo(100 * Math.tanh(0.5), 4);
    expect(y[1]).toBeCloseTo(100 * Math.tanh(-3), 4);
  });

  it('y = [0, ln 3]: p = [0.25, 0.75], loss(label 1) = -ln 0.75, correct', () => {
    const r = softmaxLoss(Float32Array.from([0, Math.log(3)]), 1);
    expect(r.p[0]).toBeCloseTo(0.25, 6);
    expect(r.loss).toBeCloseTo(-Math.log(0.75), 6);
    expect(r.correct).toBe(true);
  });

  it('ties go to the first maximum', () => {
    expect(softmaxLoss(Float32Array.from([1, 1]), 1).correct).toBe(false);
  });
});

describe('ReferenceEngine.run', () => {
  const cfg = config({ stateSize: 4, messageSize: 3 });
  const spec = { config: cfg, inputSize: 5, numClasses: 3, runs: 1 };

  it('predicts before the label: changing label t changes outputs only from t+1 on (seed 11)', async () => {
    const block = randomBlock(spec, 6, 1, 11);
    const other = { ...block, labels: Int32Array.from(block.labels) };
    other.labels[3] = (other.labels[3] + 1) % 3;
    const outs = [];
    for (const b of [block, other]) {
      const e = new ReferenceEngine(spec);
      e.setParams([randomParams(cfg, 11)]);
      e.setState(randomStates(spec, 11));
      outs.push((await e.run(b)).outputs!);
    }
    expect([...outs[1].subarray(0, 4 * 3)]).toEqual([...outs[0].subarray(0, 4 * 3)]);
    expect([...outs[1].subarray(4 * 3, 5 * 3)]).not.toEqual([...outs[0].subarray(4 * 3, 5 * 3)]);
  });

  it('blocks of 2 + 4 examples equal one block of 6 (state and pending error carry over), seed 12', async () => {
    const deep = config({ stateSize: 4, messageSize: 3, hiddenSizes: [4] });
    const dspec = { ...spec, config: deep };
    const block = randomBlock(dspec, 6, 1, 12);
    const mk = () => {
      const e = new ReferenceEngine(dspec);
      e.setParams([randomParams(deep, 12)]);
      e.setState(randomStates(dspec, 12));
      return e;
    };
    const whole = (await mk().run(block)).outputs!;
    const e = mk();
    const part = (T0: number, T1: number) => ({
      inputs: block.inputs.subarray(T0 * 5, T1 * 5),
      labels: block.labels.subarray(T0, T1),
      steps: T1 - T0,
    });
    const a = (await e.run(part(0, 2))).outputs!;
    const b = (await e.run(part(2, 6))).outputs!;
    expect([...a, ...b]).toEqual([...whole]);
  });

  it("setState copies: the caller's arrays are not modified", async () => {
    const e = new ReferenceEngine(spec);
    e.setParams([randomParams(cfg, 13)]);
    const states: RunState[] = randomStates(spec, 13);
    const before = new Float32Array(states[0][0].c);
    e.setState(states);
    await e.run(randomBlock(spec, 3, 1, 13));
    expect(states[0][0].c).toEqual(before);
  });
});
