import { describe, expect, it } from 'vitest';
import { learnedKindDef, LEARNED_FORMATS } from '../../../src/model/learners/kinds';
import { PADDED_SHAPE, type LearnedShape } from '../../../src/model/learners/learned';
import { FW_MEMORY_DEF } from '../../../src/model/learners/fwMemory';
import { initFwMemory } from '../../../src/model/learners/fwMemoryInit';
import { FwMemoryRuns } from '../../../src/model/learners/fwMemoryRuns';
import { fwMemoryLayout, type FwMemorySpec } from '../../../src/model/learners/fwMemorySpec';
import { Rng } from '../../../src/model/rng';
import { expectSplitEqualsWhole, learnedBlock as block } from './learnedStreams';

const SMALL: LearnedShape = { inputSize: 6, numClasses: 3 };
const SMALL_SPEC: FwMemorySpec = { hidden: 5, memorySize: 3, tanhBound: 100 };

/** Initial parameters with every bias ~ N(0, 0.3²) too, so no part of the step is trivially zero. */
function lively(seed: number, shape = SMALL, spec = SMALL_SPEC): Float32Array {
  const L = fwMemoryLayout(shape, spec);
  const p = initFwMemory(shape, seed, spec);
  const rng = new Rng(seed + 1000);
  for (const b of [L.lstmB, L.writeB, L.readB, L.readProjB, L.readoutB])
    for (let k = 0; k < b.cols; k++) p[b.offset + k] = 0.3 * rng.normal();
  return p;
}

const smallRuns = (runs: number) => new FwMemoryRuns(SMALL, runs, SMALL_SPEC);

describe('fwMemoryLayout', () => {
  it('has 125,711 parameters at 784 inputs, 62 classes, H 32, m 16 (the semantics doc count)', () => {
    const L = FW_MEMORY_DEF.layout(PADDED_SHAPE);
    expect(L.size).toBe(125711);
    expect(L.blocks.map((b) => [b.name, b.rows, b.cols])).toEqual([
      ['lstmW', 940, 128],
      ['lstmB', 1, 128],
      ['writeW', 32, 49],
      ['writeB', 1, 49],
      ['readW', 32, 32],
      ['readB', 1, 32],
      ['readProjW', 16, 32],
      ['readProjB', 1, 32],
      ['readoutW', 32, 62],
      ['readoutB', 1, 62],
    ]);
    let offset = 0;
    for (const b of L.blocks) {
      expect(b.offset).toBe(offset);
      offset += b.rows * b.cols;
    }
    expect(FW_MEMORY_DEF.createRuns(PADDED_SHAPE, 2).paramCount).toBe(125711);
    expect(FW_MEMORY_DEF.layoutOf(PADDED_SHAPE, { hidden: 32, memorySize: 16, tanhBound: 100 }).size).toBe(125711);
  });

  it('refuses a non-integer or zero size', () => {
    expect(() => fwMemoryLayout(SMALL, { ...SMALL_SPEC, memorySize: 0 })).toThrow(/memorySize/);
    expect(() => fwMemoryLayout({ inputSize: 4, numClasses: 1.5 })).toThrow(/numClasses/);
  });
});

describe('initFwMemory', () => {
  it('every weight block ~ haiku TruncatedNormal(1/sqrt(fan_in)), every bias 0, at the padded shape (seed 5)', () => {
    const L = fwMemoryLayout(PADDED_SHAPE);
    const p = initFwMemory(PADDED_SHAPE, 5);
    for (const w of [L.lstmW, L.writeW, L.readW, L.readProjW, L.readoutW]) {
      const std = 1 / Math.sqrt(w.rows);
      let s2 = 0;
      let max = 0;
      for (let k = 0; k < w.rows * w.cols; k++) {
        s2 += p[w.offset + k] ** 2;
        max = Math.max(max, Math.abs(p[w.offset + k]));
      }
      expect(max).toBeLessThanOrEqual(2 * std * (1 + 1e-6));
      // A standard normal truncated at ±2 has std 0.8796; the smallest block (readProjW) has 512 draws.
      expect(Math.sqrt(s2 / (w.rows * w.cols)) / std).toBeCloseTo(0.88, 1);
    }
    for (const b of [L.lstmB, L.writeB, L.readB, L.readProjB, L.readoutB])
      expect(p.subarray(b.offset, b.offset + b.cols).every((v) => v === 0)).toBe(true);
    const same = (a: Float32Array) => a.every((v, k) => v === p[k]);
    expect(same(FW_MEMORY_DEF.init(PADDED_SHAPE, 5))).toBe(true);
    expect(same(FW_MEMORY_DEF.init(PADDED_SHAPE, 6))).toBe(false);
  });
});

describe('FwMemoryRuns', () => {
  it('is deterministic: the same params and block give the same outputs, losses and flags', () => {
    const b = block(SMALL, 3, 20, 7);
    const results = [0, 1].map(() => {
      const runs = smallRuns(3);
      runs.setParams([0, 1, 2].map((r) => lively(10 + r)));
      return runs.run(b);
    });
    expect(results[1]).toEqual(results[0]);
  });

  it('one block of 20 equals two blocks of 10 (h, c, memory, error and label carry over), 3 runs', () => {
    const params = [0, 1, 2].map((r) => lively(20 + r));
    const make = () => {
      const runs = smallRuns(3);
      runs.setParams(params);
      return runs;
    };
    const { whole, split } = expectSplitEqualsWhole(make, block(SMALL, 3, 20, 8), SMALL);
    expect(split.state).toEqual(whole.state);
  });

  it('resetState clears h, c, the memory, the error and the label: the block again gives the first outputs', () => {
    const b = block(SMALL, 2, 12, 9);
    const runs = smallRuns(2);
    runs.setParams([lively(30)]);
    const first = runs.run(b);
    expect(runs.state.memory.some((v) => v !== 0)).toBe(true);
    expect(Array.from(runs.state.prevLabel)).toEqual([b.labels[11], b.labels[23]]);
    expect(runs.run(b).outputs).not.toEqual(first.outputs);
    runs.resetState();
    for (const v of [runs.state.h, runs.state.c, runs.state.memory, runs.state.e])
      expect(v.every((q) => q === 0)).toBe(true);
    expect(Array.from(runs.state.prevLabel)).toEqual([-1, -1]);
    expect(runs.run(b)).toEqual(first);
  });

  it('keeps ‖M‖_F <= 1 and leaves e = softmax(y) − onehot(label) of the last example', () => {
    const b = block(SMALL, 1, 15, 10);
    const runs = smallRuns(1);
    runs.setParams([lively(40)]);
    const got = runs.run(b);
    const K = SMALL.numClasses;
    const M = runs.state.memory;
    expect(Math.sqrt(M.reduce((a, v) => a + v * v, 0))).toBeLessThanOrEqual(1 + 1e-12);
    const y = Array.from(got.outputs!.subarray(14 * K, 15 * K));
    const max = Math.max(...y);
    const sum = y.reduce((a, v) => a + Math.exp(v - max), 0);
    y.forEach((v, k) => expect(runs.state.e[k]).toBeCloseTo(Math.exp(v - max) / sum - (k === b.labels[14] ? 1 : 0), 6));
  });

  it('one shared vector equals the same vector given once per run', () => {
    const b = block(SMALL, 3, 8, 11);
    const p = lively(50);
    const shared = smallRuns(3);
    shared.setParams([p]);
    const each = smallRuns(3);
    each.setParams([p, p, p]);
    expect(shared.run(b)).toEqual(each.run(b));
  });

  it('refuses parameters of the wrong count, length or value, and a run before setParams', () => {
    const runs = smallRuns(3);
    expect(() => runs.run(block(SMALL, 3, 2, 1))).toThrow(/setParams/);
    const p = lively(1);
    expect(() => runs.setParams([p, p])).toThrow(/expected 1 or 3 vectors/);
    expect(() => runs.setParams([p.subarray(1)])).toThrow(new RegExp(`params\\[0\\]: expected ${p.length} values`));
    const bad = p.slice();
    bad[7] = Infinity;
    expect(() => runs.setParams([bad])).toThrow(/params\[0\]\[7\]/);
    expect(() => smallRuns(0)).toThrow(/runs/);
  });
});

describe('LEARNED_KIND_DEFS', () => {
  it("fw-memory: registered under its name with format 'vsml-fw-memory', the default spec hidden: 32, memorySize: 16, tanhBound: 100, and 125,711 parameters at the padded shape", () => {
    const r = learnedKindDef('fw-memory');
    expect(r.ok && r.value).toBe(FW_MEMORY_DEF);
    expect(FW_MEMORY_DEF.format).toBe(LEARNED_FORMATS['fw-memory']);
    expect(FW_MEMORY_DEF.format).toBe('vsml-fw-memory');
    expect(Object.fromEntries(FW_MEMORY_DEF.specProps.map((p) => [p.name, p.default]))).toEqual({
      hidden: 32,
      memorySize: 16,
      tanhBound: 100,
    });
    expect(FW_MEMORY_DEF.layoutOf(PADDED_SHAPE, { hidden: 32, memorySize: 16, tanhBound: 100 }).size).toBe(125711);
    const runs = FW_MEMORY_DEF.createRuns(PADDED_SHAPE, 4);
    expect([runs.kind, runs.runs, runs.paramCount]).toEqual(['fw-memory', 4, 125711]);
  });
});
