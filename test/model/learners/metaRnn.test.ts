import { describe, expect, it } from 'vitest';
import type { StreamBlock } from '../../../src/model/engine';
import { PADDED_SHAPE } from '../../../src/model/learners/learned';
import { learnedKindDef, LEARNED_FORMATS, LEARNED_KIND_DEFS } from '../../../src/model/learners/kinds';
import { initMetaRnn } from '../../../src/model/learners/metaRnnInit';
import { MetaRnnRuns } from '../../../src/model/learners/metaRnnRuns';
import { META_RNN_DEFAULTS, metaRnnLayout, type MetaRnnSpec } from '../../../src/model/learners/metaRnnSpec';
import { expectSplitEqualsWhole, learnedBlock } from './learnedStreams';

const SMALL = { inputSize: 7, numClasses: 3 };
const SMALL_SPEC: MetaRnnSpec = { hidden: 5, microTicks: 2, tanhBound: 100 };

/** `runs` streams of `steps` examples of SMALL from `seed` (learnedStreams.ts). */
const block = (runs: number, steps: number, seed: number): StreamBlock => learnedBlock(SMALL, runs, steps, seed);

function smallRuns(runs: number, seed = 4): MetaRnnRuns {
  const m = new MetaRnnRuns(SMALL, runs, SMALL_SPEC);
  m.setParams(Array.from({ length: runs }, (_, r) => initMetaRnn(SMALL, seed + r, SMALL_SPEC)));
  return m;
}

describe('metaRnnLayout', () => {
  it('has 538,942 parameters at the padded shape (A 784, K 62, H 128), as the paper says', () => {
    const L = metaRnnLayout(PADDED_SHAPE);
    expect(L.size).toBe(538_942);
    expect(L.blocks.map((b) => [b.name, b.rows, b.cols, b.offset])).toEqual([
      ['lstmW', 1036, 512, 0],
      ['lstmB', 1, 512, 530_432],
      ['readoutW', 128, 62, 530_944],
      ['readoutB', 1, 62, 538_880],
    ]);
    expect(new MetaRnnRuns(PADDED_SHAPE, 1).paramCount).toBe(538_942);
  });

  it('is (A+2K+H) 4H + 4H + HK + K for A=7, K=3, H=5: 18 x 20 + 20 + 15 + 3 = 398', () => {
    expect(metaRnnLayout(SMALL, SMALL_SPEC).size).toBe(398);
  });

  it('refuses a size that is not a positive integer', () => {
    expect(() => metaRnnLayout({ inputSize: 0, numClasses: 3 })).toThrow(
      'meta-rnn: inputSize must be a positive integer, got 0',
    );
    expect(() => metaRnnLayout(SMALL, { ...SMALL_SPEC, hidden: 2.5 })).toThrow(
      'meta-rnn: hidden must be a positive integer, got 2.5',
    );
  });
});

describe('initMetaRnn: haiku defaults, TruncatedNormal(1/sqrt(fan_in)) weights, zero biases', () => {
  it('draws lstmW (fan_in 1036) and readoutW (fan_in 128) with std 0.88/sqrt(fan_in), within 2/sqrt(fan_in), biases 0 (seed 22)', () => {
    const L = metaRnnLayout(PADDED_SHAPE);
    const p = initMetaRnn(PADDED_SHAPE, 22);
    expect(p.length).toBe(538_942);
    for (const w of [L.lstmW, L.readoutW]) {
      const v = p.subarray(w.offset, w.offset + w.rows * w.cols);
      let s1 = 0;
      let s2 = 0;
      let max = 0;
      for (const x of v) {
        s1 += x;
        s2 += x * x;
        max = Math.max(max, Math.abs(x));
      }
      const std = Math.sqrt(s2 / v.length - (s1 / v.length) ** 2);
      expect(std * Math.sqrt(w.rows)).toBeCloseTo(0.88, 1);
      expect(Math.abs(s1 / v.length) * Math.sqrt(w.rows)).toBeLessThan(0.05);
      expect(max).toBeLessThanOrEqual(Math.fround(2 / Math.sqrt(w.rows)));
    }
    for (const b of [L.lstmB, L.readoutB])
      expect(p.subarray(b.offset, b.offset + b.cols).every((x) => x === 0)).toBe(true);
  });

  it('gives the same bits for the same seed and different ones for another seed (seeds 5, 6)', () => {
    const a = initMetaRnn(SMALL, 5, SMALL_SPEC);
    expect(initMetaRnn(SMALL, 5, SMALL_SPEC)).toEqual(a);
    expect(initMetaRnn(SMALL, 6, SMALL_SPEC)).not.toEqual(a);
  });
});

describe('MetaRnnRuns', () => {
  it('gives the same bits twice from a reset state (3 runs x 12 examples, seed 4)', () => {
    const m = smallRuns(3);
    const b = block(3, 12, 1);
    const first = m.run(b);
    m.resetState();
    const second = m.run(b);
    expect(second.outputs).toEqual(first.outputs);
    expect(second.loss).toEqual(first.loss);
    expect(second.correct).toEqual(first.correct);
  });

  it('carries its state across blocks: one block of 20 equals two blocks of 10, bit for bit (3 runs, seed 4)', () => {
    expectSplitEqualsWhole(() => smallRuns(3), block(3, 20, 2), SMALL);
  });

  it('resetState clears h, c, the previous error and label: the second block then repeats the first block of a fresh learner', () => {
    const b = block(2, 10, 3);
    const m = smallRuns(2);
    const fresh = m.run(b);
    m.run(b);
    expect(m.state.h.some((v) => v !== 0)).toBe(true);
    expect(m.state.e.some((v) => v !== 0)).toBe(true);
    m.resetState();
    expect([...m.state.h, ...m.state.c, ...m.state.e].every((v) => v === 0)).toBe(true);
    expect(Array.from(m.state.prevLabel)).toEqual([-1, -1]);
    expect(m.run(b).outputs).toEqual(fresh.outputs);
  });

  it('feeds back e = softmax(y) - onehot(label) and the label: after one example the state holds them', () => {
    const m = smallRuns(1);
    const b = block(1, 1, 4);
    const r = m.run(b);
    const y = Array.from(r.outputs!);
    const max = Math.max(...y);
    const sum = y.reduce((s, v) => s + Math.exp(v - max), 0);
    y.forEach((v, k) => expect(m.state.e[k]).toBeCloseTo(Math.exp(v - max) / sum - (k === b.labels[0] ? 1 : 0), 6));
    expect(m.state.prevLabel[0]).toBe(b.labels[0]);
  });

  it('uses run r parameters for run r: swapping the vectors swaps the runs', () => {
    const b = block(1, 8, 5);
    const p0 = initMetaRnn(SMALL, 1, SMALL_SPEC);
    const p1 = initMetaRnn(SMALL, 2, SMALL_SPEC);
    const both = { ...b, streamOfRun: new Uint32Array([0, 0]) };
    const m = new MetaRnnRuns(SMALL, 2, SMALL_SPEC);
    m.setParams([p0, p1]);
    const a = m.run(both);
    m.resetState();
    m.setParams([p1, p0]);
    const c = m.run(both);
    const n = 8 * SMALL.numClasses;
    expect(c.outputs!.subarray(0, n)).toEqual(a.outputs!.subarray(n));
    expect(c.outputs!.subarray(n)).toEqual(a.outputs!.subarray(0, n));
    expect(a.outputs!.subarray(0, n)).not.toEqual(a.outputs!.subarray(n));
  });

  it("copies the parameters it is given: changing the caller's vector later changes nothing", () => {
    const b = block(1, 5, 6);
    const p = initMetaRnn(SMALL, 1, SMALL_SPEC);
    const m = new MetaRnnRuns(SMALL, 1, SMALL_SPEC);
    m.setParams([p]);
    const before = m.run(b);
    p.fill(0.5);
    m.resetState();
    expect(m.run(b).outputs).toEqual(before.outputs);
  });

  it('refuses wrong parameter vectors, a run before setParams and a bad block', () => {
    const m = new MetaRnnRuns(SMALL, 2, SMALL_SPEC);
    expect(() => m.run(block(2, 3, 1))).toThrow('meta-rnn: no parameters (call setParams first)');
    const p = initMetaRnn(SMALL, 1, SMALL_SPEC);
    expect(() => m.setParams([p, p, p])).toThrow('meta-rnn: params: expected 1 or 2 parameter vectors, got 3');
    expect(() => m.setParams([p.subarray(1)])).toThrow('meta-rnn: params[0]: expected 398 values, got 397');
    const bad = p.slice();
    bad[17] = NaN;
    expect(() => m.setParams([p, bad])).toThrow('meta-rnn: params[1][17]: is NaN');
    bad[17] = 0;
    bad[397] = -Infinity;
    expect(() => m.setParams([bad])).toThrow('meta-rnn: params[0][397]: is -Infinity');
    expect(() => new MetaRnnRuns(SMALL, 0, SMALL_SPEC)).toThrow('meta-rnn: runs must be a positive integer, got 0');
    m.setParams([p]);
    const b = block(2, 3, 1);
    b.labels[4] = 3;
    expect(() => m.run(b)).toThrow('labels[4]: must be in [0, 3), got 3');
  });
});

describe('LEARNED_KIND_DEFS', () => {
  it("meta-rnn: format 'vsml-meta-rnn', default spec H 128, 2 micro-ticks, tanh bound 100; layout, init and runs agree at the padded shape", () => {
    const def = LEARNED_KIND_DEFS['meta-rnn']!;
    expect(def.format).toBe(LEARNED_FORMATS['meta-rnn']);
    expect(def.format).toBe('vsml-meta-rnn');
    expect(META_RNN_DEFAULTS).toEqual({ hidden: 128, microTicks: 2, tanhBound: 100 });
    expect(def.layout(PADDED_SHAPE).size).toBe(538_942);
    expect(def.layoutOf(PADDED_SHAPE, META_RNN_DEFAULTS).size).toBe(538_942);
    const a = def.init(PADDED_SHAPE, 3);
    const b = initMetaRnn(PADDED_SHAPE, 3);
    expect(a.length).toBe(b.length);
    expect(a.every((v, i) => v === b[i])).toBe(true); // toEqual on 538,942 numbers takes seconds
    const runs = def.createRuns(PADDED_SHAPE, 4);
    expect([runs.kind, runs.runs, runs.paramCount]).toEqual(['meta-rnn', 4, 538_942]);
  });

  it('learnedKindDef finds meta-rnn and names an unknown kind', () => {
    const r = learnedKindDef('meta-rnn');
    expect(r.ok && r.value.kind).toBe('meta-rnn');
    expect(learnedKindDef('meta-lstm')).toEqual({
      ok: false,
      error: {
        code: 'unknown',
        field: 'kind',
        message: 'unknown learned kind "meta-lstm" (known: meta-rnn, hebbian, fw-memory)',
      },
    });
  });
});
