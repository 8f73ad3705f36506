// config.backwardPass (official `backward_pass`) in the CPU reference: ReferenceEngine.run against an
// independent Float64 implementation of the semantics written below (it uses nothing from src/: the
// problem reaches it as plain numbers, V_M through the learner file's layout), for a one-layer and a
// one-hidden-layer net; and the invariants of the reverse tick (tickNetwork, reverseTick): the error
// of example t reaches layer 0 within example t, predictions are still made before the label, and
// no backward input is carried between examples.
import { describe, expect, it } from 'vitest';
import type { VsmlConfig } from '../../src/model/config';
import { specShapes, type EngineSpec } from '../../src/model/engine';
import { learnerToJson } from '../../src/model/formats/learner';
import { tickNetwork, zeroCarry } from '../../src/model/reference';
import { ReferenceEngine } from '../../src/model/referenceEngine';
import { cloneRunState, type RunState } from '../../src/model/state';
import { config, maxAbsDiff, randomBlock, randomParams, randomStates } from '../helpers/random';

// ---- the independent implementation (Float64; plain arrays; nothing from src/) -------------------

interface PlainNet {
  readonly N: number;
  readonly M: number;
  readonly microTicks: number;
  readonly tanhBound: number;
  readonly outputIndex: number;
  readonly feedLabel: boolean;
  /** [2M + N][4N]: rows fwd message, bwd message, h; columns gates i, g, f, o. */
  readonly W: number[][];
  readonly bias: number[];
  /** [N][M] and [M]. */
  readonly Wf: number[][];
  readonly bf: number[];
  readonly Wb: number[][];
  readonly bb: number[];
}

/** One layer's grid: h[a][b], c[a][b] are N-vectors. */
interface PlainGrid {
  readonly A: number;
  readonly B: number;
  readonly h: number[][][];
  readonly c: number[][][];
}

const sig = (v: number): number => 1 / (1 + Math.exp(-v));
const zeros = (rows: number, cols: number): number[][] =>
  Array.from({ length: rows }, () => new Array<number>(cols).fill(0));

/** `microTicks` LSTM steps of every cell with the same messages; returns the mean messages of the new h. */
function plainTick(
  net: PlainNet,
  g: PlainGrid,
  fin: number[][],
  bin: number[][],
): { fwd: number[][]; bwd: number[][] } {
  const { N, M } = net;
  const fwd = zeros(g.B, M);
  const bwd = zeros(g.A, M);
  for (let a = 0; a < g.A; a++) {
    for (let b = 0; b < g.B; b++) {
      for (let k = 0; k < net.microTicks; k++) {
        const u = [...fin[a], ...bin[b], ...g.h[a][b]];
        const z = net.bias.map((bz, col) => u.reduce((acc, ur, r) => acc + ur * net.W[r][col], bz));
        const h = new Array<number>(N);
        for (let j = 0; j < N; j++) {
          const i = sig(z[j] - 5);
          const gg = Math.tanh(z[N + j]);
          const f = sig(z[2 * N + j] + 5);
          const o = sig(z[3 * N + j]);
          g.c[a][b][j] = f * g.c[a][b][j] + i * gg;
          h[j] = o * Math.tanh(g.c[a][b][j]);
        }
        g.h[a][b] = h;
      }
      for (let m = 0; m < M; m++) {
        let f = net.bf[m];
        let w = net.bb[m];
        for (let j = 0; j < N; j++) {
          f += g.h[a][b][j] * net.Wf[j][m];
          w += g.h[a][b][j] * net.Wb[j][m];
        }
        fwd[b][m] += f / g.A;
        bwd[a][m] += w / g.B;
      }
    }
  }
  return { fwd, bwd };
}

/**
 * Examples in order. Forward tick (layer 0 gets [x_a, 0, ...], each layer its carried bwd input, the
 * message of layer l > 0 becomes l-1's carried input); y_b = bound tanh(m_b[oi] / bound); the top's
 * input becomes [p_b - onehot_b, onehot_b if feedLabel, 0, ...]. With backwardPass: the reverse tick
 * at once, layers top down with this example's forward inputs and the fresh bwd messages, then all
 * carried inputs zero.
 */
function plainRun(
  net: PlainNet,
  grids: PlainGrid[],
  xs: number[][],
  labels: number[],
  backwardPass: boolean,
): { y: number[][]; loss: number[] } {
  const { M } = net;
  const L = grids.length;
  let carry = grids.map((g) => zeros(g.B, M));
  const out = { y: [] as number[][], loss: [] as number[] };
  xs.forEach((x, t) => {
    const fins: number[][][] = [x.map((v) => [v, ...new Array<number>(M - 1).fill(0)])];
    for (let l = 0; l < L; l++) {
      const r = plainTick(net, grids[l], fins[l], carry[l]);
      if (l > 0) carry[l - 1] = r.bwd;
      fins.push(r.fwd);
    }
    const y = fins[L].map((m) => net.tanhBound * Math.tanh(m[net.outputIndex] / net.tanhBound));
    const top = Math.max(...y);
    const e = y.map((v) => Math.exp(v - top));
    const sum = e.reduce((s, v) => s + v, 0);
    const p = e.map((v) => v / sum);
    out.y.push(y);
    out.loss.push(-Math.log(p[labels[t]]));
    carry[L - 1] = p.map((pb, b) => {
      const msg = new Array<number>(M).fill(0);
      msg[0] = pb - (b === labels[t] ? 1 : 0);
      if (net.feedLabel) msg[1] = b === labels[t] ? 1 : 0;
      return msg;
    });
    if (backwardPass) {
      for (let l = L - 1; l >= 0; l--) {
        const r = plainTick(net, grids[l], fins[l], carry[l]);
        if (l > 0) carry[l - 1] = r.bwd;
      }
      carry = grids.map((g) => zeros(g.B, M));
    }
  });
  return out;
}

// ---- the problems, handed over as plain numbers ----------------------------------------------------

function problem(overrides: Partial<VsmlConfig>, seed: number, T: number) {
  const cfg = config({ stateSize: 4, messageSize: 3, microTicks: 2, backwardPass: true, ...overrides });
  const spec: EngineSpec = { config: cfg, inputSize: 5, numClasses: 4, runs: 1 };
  const params = randomParams(cfg, seed);
  const states = randomStates(spec, seed);
  for (const l of states[0]) for (let k = 0; k < l.h.length; k++) l.h[k] = Math.fround(0.5 * Math.sin(seed + k));
  const block = randomBlock(spec, T, 1, seed);
  return { cfg, spec, params, states, block };
}

function plainOf(p: ReturnType<typeof problem>): {
  net: PlainNet;
  grids: PlainGrid[];
  xs: number[][];
  labels: number[];
} {
  const doc = learnerToJson({ config: p.cfg, params: p.params }) as {
    params: {
      lstm: { w: number[][]; b: number[] };
      fwd: { w: number[][]; b: number[] };
      bwd: { w: number[][]; b: number[] };
    };
  };
  const { stateSize: N, messageSize: M, microTicks, tanhBound, outputIndex, feedLabel } = p.cfg;
  const net: PlainNet = {
    N,
    M,
    microTicks,
    tanhBound,
    outputIndex,
    feedLabel,
    W: doc.params.lstm.w,
    bias: doc.params.lstm.b,
    Wf: doc.params.fwd.w,
    bf: doc.params.fwd.b,
    Wb: doc.params.bwd.w,
    bb: doc.params.bwd.b,
  };
  const grids = specShapes(p.spec).map(({ A, B }, l) => {
    const cells = (v: Float32Array) =>
      Array.from({ length: A }, (_, a) =>
        Array.from({ length: B }, (_, b) => Array.from(v.subarray((a * B + b) * N, (a * B + b + 1) * N))),
      );
    return { A, B, h: cells(p.states[0][l].h), c: cells(p.states[0][l].c) };
  });
  const A = p.spec.inputSize;
  const xs = Array.from({ length: p.block.steps }, (_, t) => Array.from(p.block.inputs.subarray(t * A, (t + 1) * A)));
  return { net, grids, xs, labels: Array.from(p.block.labels) };
}

async function referenceRun(p: ReturnType<typeof problem>, labels = p.block.labels) {
  const e = new ReferenceEngine(p.spec);
  e.setParams([p.params]);
  e.setState(p.states);
  const r = await e.run({ ...p.block, labels });
  return { r, state: await e.readState(0) };
}

const flatState = (grids: PlainGrid[], v: 'h' | 'c'): number[][] => grids.map((g) => g[v].flat(2));

// ---- the tests -----------------------------------------------------------------------------------

describe('ReferenceEngine.run with backwardPass matches the independent Float64 implementation (A 5, K 4, N 4, M 3, 10 examples)', () => {
  const CASES = [
    { name: 'one layer 5x4', seed: 41, cfg: {} },
    { name: 'one layer 5x4, feedLabel, 3 micro-ticks', seed: 42, cfg: { feedLabel: true, microTicks: 3 } },
    { name: 'one hidden layer 5x3 + 3x4', seed: 43, cfg: { hiddenSizes: [3] } },
    {
      name: 'one hidden layer 5x3 + 3x4, feedLabel, outputIndex 2',
      seed: 44,
      cfg: { hiddenSizes: [3], feedLabel: true, outputIndex: 2 },
    },
  ];
  for (const c of CASES) {
    it(`${c.name}, seed ${c.seed}: outputs, losses within 1e-6 and final h, c within 1e-6; backwardPass false differs by over 1e-2`, async () => {
      const p = problem(c.cfg, c.seed, 10);
      const { r, state } = await referenceRun(p);
      const plain = plainOf(p);
      const want = plainRun(plain.net, plain.grids, plain.xs, plain.labels, true);
      expect(maxAbsDiff(r.outputs as Float32Array, want.y.flat())).toBeLessThan(1e-6);
      expect(maxAbsDiff(r.loss, want.loss)).toBeLessThan(1e-6);
      state.forEach((l, li) => {
        expect(maxAbsDiff(l.h, flatState(plain.grids, 'h')[li])).toBeLessThan(1e-6);
        expect(maxAbsDiff(l.c, flatState(plain.grids, 'c')[li])).toBeLessThan(1e-6);
      });
      // Not vacuous: without the reverse tick the same problem predicts differently.
      const without = plainOf(p);
      const off = plainRun(without.net, without.grids, without.xs, without.labels, false);
      expect(maxAbsDiff(off.y.flat(), want.y.flat())).toBeGreaterThan(1e-2);
    });
  }
});

describe('tickNetwork with backwardPass (one hidden layer 5x3 + 3x4, seed 45)', () => {
  const p = problem({ hiddenSizes: [3] }, 45, 6);
  const A = p.spec.inputSize;
  const shapes = specShapes(p.spec);

  it('leaves every carried backward input zero after each example', () => {
    const carry = zeroCarry(p.cfg, shapes, [...cloneRunState(p.states[0])]);
    for (let t = 0; t < 6; t++) {
      tickNetwork(p.cfg, p.params, shapes, carry, p.block.inputs.subarray(t * A, (t + 1) * A), p.block.labels[t]);
      for (const b of carry.bwdIn) expect(Array.from(b).every((v) => v === 0)).toBe(true);
    }
  });

  it("label t changes layer 0's state right after example t (the error reaches every layer within the example), and no output up to t", async () => {
    const t = 3;
    const other = Int32Array.from(p.block.labels);
    other[t] = (other[t] + 1) % 4;
    const cut = {
      ...p,
      block: {
        inputs: p.block.inputs.subarray(0, (t + 1) * A),
        labels: p.block.labels.subarray(0, t + 1),
        steps: t + 1,
      },
    };
    const a = await referenceRun(cut);
    const b = await referenceRun(cut, other.subarray(0, t + 1));
    expect(Array.from(b.r.outputs as Float32Array)).toEqual(Array.from(a.r.outputs as Float32Array));
    expect(maxAbsDiff(a.state[0].c, b.state[0].c)).toBeGreaterThan(1e-6);
    // Without backwardPass layer 0 hears of label t only at example t+2.
    const off = { ...cut, spec: { ...p.spec, config: { ...p.cfg, backwardPass: false } } };
    const c = await referenceRun(off);
    const d = await referenceRun(off, other.subarray(0, t + 1));
    expect(Array.from(d.state[0].c)).toEqual(Array.from(c.state[0].c));
    expect(Array.from(d.state[1].c)).toEqual(Array.from(c.state[1].c));
  });

  it('blocks of 2 + 4 examples equal one block of 6', async () => {
    const whole = await referenceRun(p);
    const e = new ReferenceEngine(p.spec);
    e.setParams([p.params]);
    e.setState(p.states as RunState[]);
    const part = (t0: number, t1: number) => ({
      inputs: p.block.inputs.subarray(t0 * A, t1 * A),
      labels: p.block.labels.subarray(t0, t1),
      steps: t1 - t0,
    });
    const x = (await e.run(part(0, 2))).outputs as Float32Array;
    const y = (await e.run(part(2, 6))).outputs as Float32Array;
    expect([...x, ...y]).toEqual(Array.from(whole.r.outputs as Float32Array));
  });
});
