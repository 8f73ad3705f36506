// The FWMemory learner against an independent Float64 implementation of its equations (official
// models.py:540-606 with haiku's LSTM and LayerNorm), written here from the paper's code with nothing
// taken from src/ but the learner under test: its own random numbers (test/independent/seededGen.ts),
// its own parameter offsets (the documented block order lstmW, lstmB, writeW, writeB, readW, readB,
// readProjW, readProjB, readoutW, readoutB; matrices [in][out]), and plain matrix products in the
// official order (LSTM, write, read).
import { describe, expect, it } from 'vitest';
import { FW_MEMORY_DEF } from '../../../src/model/learners/fwMemory';
import { FwMemoryRuns } from '../../../src/model/learners/fwMemoryRuns';
import { seededGen as gen } from '../../independent/seededGen';

interface Sizes {
  A: number;
  K: number;
  H: number;
  m: number;
}

/** [rows, cols] of each block in the documented order (a 1-row block is a bias). */
const blocks = ({ A, K, H, m }: Sizes): [number, number][] => [
  [A + 2 * K + H, 4 * H],
  [1, 4 * H],
  [H, 3 * m + 1],
  [1, 3 * m + 1],
  [H, 2 * m],
  [1, 2 * m],
  [m, H],
  [1, H],
  [H, K],
  [1, K],
];

/** Every weight ~ N(0, 1.5²/fan_in), every bias ~ N(0, 0.3²): livelier than haiku's init. */
function randomParams(sz: Sizes, seed: number): Float32Array {
  const g = gen(seed);
  const values: number[] = [];
  for (const [rows, cols] of blocks(sz)) {
    for (let k = 0; k < rows * cols; k++) values.push(rows === 1 ? 0.3 * g.n() : (1.5 * g.n()) / Math.sqrt(rows));
  }
  return Float32Array.from(values);
}

type Linear = (x: number[]) => number[];

/** The ten blocks as five Linear maps x -> x W + b. */
function linears(sz: Sizes, p: Float32Array): Linear[] {
  const out: Linear[] = [];
  let off = 0;
  const bl = blocks(sz);
  for (let l = 0; l < bl.length; l += 2) {
    const [rows, cols] = bl[l];
    const w = off;
    const b = off + rows * cols;
    out.push((x) =>
      Array.from({ length: cols }, (_, j) => x.reduce((acc, xi, i) => acc + xi * p[w + i * cols + j], p[b + j])),
    );
    off = b + cols;
  }
  return out;
}

interface RefOut {
  y: number[][];
  loss: number[];
  correct: boolean[];
  /** Examples at which ‖M‖_F > 1 before the division. */
  normalised: number;
}

const sig = (v: number) => 1 / (1 + Math.exp(-v));
const outer = (a: number[], b: number[]) => a.flatMap((ai) => b.map((bj) => ai * bj));
const matVec = (M: number[][], v: number[]) => M.map((row) => row.reduce((acc, x, i) => acc + x * v[i], 0));

/** One run over T examples in Float64; `withRead` false drops the memory read (for the control). */
function reference(
  sz: Sizes,
  p: Float32Array,
  xs: Float32Array,
  labels: Int32Array,
  T: number,
  withRead = true,
): RefOut {
  const { A, K, H, m } = sz;
  const [lstm, writeHead, readHead, readProj, readout] = linears(sz, p);
  let h = new Array<number>(H).fill(0);
  let c = new Array<number>(H).fill(0);
  let M = Array.from({ length: m }, () => new Array<number>(m * m).fill(0));
  let err = new Array<number>(K).fill(0);
  let prevLabel = new Array<number>(K).fill(0);
  const res: RefOut = { y: [], loss: [], correct: [], normalised: 0 };
  for (let t = 0; t < T; t++) {
    const x = Array.from(xs.subarray(t * A, (t + 1) * A));
    const gates = lstm([...x, ...err, ...prevLabel, ...h]);
    const [gi, gg, gf, go] = [0, 1, 2, 3].map((q) => gates.slice(q * H, (q + 1) * H));
    c = c.map((cj, j) => sig(gf[j] + 1) * cj + sig(gi[j]) * Math.tanh(gg[j]));
    h = c.map((cj, j) => sig(go[j]) * Math.tanh(cj));
    const write = writeHead(h);
    const beta = sig(write[3 * m]);
    const kv = write.slice(0, 3 * m).map(Math.tanh);
    const key = outer(kv.slice(0, m), kv.slice(m, 2 * m));
    const v = kv.slice(2 * m);
    const vOld = matVec(M, key);
    M = M.map((row, a) => row.map((mq, q) => mq + beta * (v[a] - vOld[a]) * key[q]));
    const norm = Math.sqrt(M.flat().reduce((acc, q) => acc + q * q, 0));
    if (norm > 1) res.normalised++;
    M = M.map((row) => row.map((q) => q / Math.max(1, norm)));
    const ne = readHead(h).map(Math.tanh);
    const raw = matVec(M, outer(ne.slice(0, m), ne.slice(m)));
    const mean = raw.reduce((a, q) => a + q, 0) / m;
    const variance = raw.reduce((a, q) => a + (q - mean) ** 2, 0) / m;
    const r = raw.map((q) => (q - mean) / Math.sqrt(variance + 1e-5));
    const proj = readProj(r);
    const out = h.map((hj, j) => hj + (withRead ? proj[j] : 0));
    const yhat = readout(out).map((z) => 100 * Math.tanh(z / 100));
    const max = Math.max(...yhat);
    const ex = yhat.map((q) => Math.exp(q - max));
    const sum = ex.reduce((a, q) => a + q, 0);
    const label = labels[t];
    res.y.push(yhat);
    res.loss.push(Math.log(sum) + max - yhat[label]);
    res.correct.push(yhat.indexOf(max) === label);
    err = ex.map((q, k) => q / sum - (k === label ? 1 : 0));
    prevLabel = Array.from({ length: K }, (_, k) => (k === label ? 1 : 0));
  }
  return res;
}

const RUNS = 3;
const T = 20;

function compare(
  sz: Sizes,
  seed: number,
  runsOf: (sz: Sizes) => FwMemoryRuns | ReturnType<typeof FW_MEMORY_DEF.createRuns>,
): string {
  const { A, K } = sz;
  const g = gen(seed);
  const inputs = Float32Array.from({ length: RUNS * T * A }, () => (g.u() < 0.4 ? 0 : g.n()));
  const labels = Int32Array.from({ length: RUNS * T }, () => Math.floor(g.u() * K));
  const params = [0, 1, 2].map((r) => randomParams(sz, seed * 10 + r));
  const runs = runsOf(sz);
  expect(runs.paramCount).toBe(params[0].length);
  runs.setParams(params);
  const got = runs.run({ inputs, labels, steps: T });
  let maxAbs = 0;
  let worst = 0;
  let readEffect = 0;
  let normalised = 0;
  for (let r = 0; r < RUNS; r++) {
    const xs = inputs.subarray(r * T * A, (r + 1) * T * A);
    const ls = labels.subarray(r * T, (r + 1) * T);
    const ref = reference(sz, params[r], xs, ls, T);
    const noRead = reference(sz, params[r], xs, ls, T, false);
    normalised += ref.normalised;
    for (let t = 0; t < T; t++) {
      const pairs: [number, number][] = ref.y[t].map((v, k) => [got.outputs![(r * T + t) * K + k], v]);
      pairs.push([got.loss[r * T + t], ref.loss[t]]);
      for (const [a, b] of pairs) {
        const diff = Math.abs(a - b);
        maxAbs = Math.max(maxAbs, diff);
        worst = Math.max(worst, diff / (1e-6 + 1e-5 * Math.abs(b)));
        expect(diff).toBeLessThanOrEqual(1e-6 + 1e-5 * Math.abs(b));
      }
      expect(got.correct[r * T + t]).toBe(ref.correct[t] ? 1 : 0);
      for (let k = 0; k < K; k++) readEffect = Math.max(readEffect, Math.abs(ref.y[t][k] - noRead.y[t][k]));
    }
  }
  // The memory read must move the predictions and the norm cap must act, or neither is tested.
  expect(readEffect).toBeGreaterThan(0.05);
  expect(normalised).toBeGreaterThan(0);
  return `largest |diff| ${maxAbs.toExponential(2)}, largest fraction of the tolerance ${worst.toFixed(3)}, memory read moves y by up to ${readEffect.toFixed(3)}, ‖M‖ capped at ${normalised} of ${RUNS * T} steps`;
}

describe('FWMemory vs an independent Float64 implementation', () => {
  it('A=5, K=4, the official H=32 and 16 x 256 memory, 3 runs with their own params x 20 examples (seed 16): y, loss, correct within 1e-5 rel / 1e-6 abs', () => {
    const line = compare({ A: 5, K: 4, H: 32, m: 16 }, 16, () =>
      FW_MEMORY_DEF.createRuns({ inputSize: 5, numClasses: 4 }, RUNS),
    );
    console.log(`fw-memory float64 (H 32, m 16): ${line}`);
  });

  it('A=6, K=3, a smaller spec H=8, m=4 (4 x 16 memory), 3 runs x 20 examples (seed 17): the same agreement', () => {
    const line = compare(
      { A: 6, K: 3, H: 8, m: 4 },
      17,
      ({ A, K, H, m }) =>
        new FwMemoryRuns({ inputSize: A, numClasses: K }, RUNS, { hidden: H, memorySize: m, tanhBound: 100 }),
    );
    console.log(`fw-memory float64 (H 8, m 4): ${line}`);
  });
});
