// The fast CPU engine's contract beyond the numbers: a block split over run() calls or into chunks
// gives the same bits as one call; the same inputs give bit-identical outputs twice; readState,
// readStateSlice and setState in the reference's [a][b][j] layout (N=5, padded inside); bad input
// gets the reference's messages; the 4 GiB limit names the runs and grid; the builds say what they are.
import { describe, expect, it } from 'vitest';
import { cpuLayout } from '../../src/cpu/layout';
import { packedColumn } from '../../src/cpu/pack';
import { loadWasmNode } from '../../src/cpu/wasmNode';
import { moduleVariant } from '../../src/cpu/wasmVariants';
import { asVmParams } from '../../src/model/layout';
import { config } from '../helpers/random';
import { cpuEngine, cpuOf, problem, referenceOf, stepsOf } from './cpuFixture';

const bits = (a: Float32Array | null): number[] => Array.from(new Uint32Array((a as Float32Array).slice().buffer));

// Hidden [4], N=5 (padded to 8), own V_M, 3 runs on 2 streams (map 1,0,1), 20 examples.
const base = {
  seed: 31,
  cfg: { hiddenSizes: [4], stateSize: 5, messageSize: 3, feedLabel: true },
  A: 6,
  K: 3,
  S: 3,
  perRun: true,
  streams: 2,
  streamOfRun: [1, 0, 1],
  steps: 20,
};

describe('CpuEngine.run (seed 31)', () => {
  it('gives the same bits for one block, the block in three run() calls, and in chunks of 3 examples', async () => {
    const p = problem(base);
    const whole = await cpuOf(p);
    const parts = await cpuOf(p);
    const chunked = await cpuOf(p, { chunkBytes: 3 * p.spec.runs * p.spec.inputSize * 4 });
    expect(chunked.chunkSteps).toBe(3);
    const w = await whole.run(p.block);
    const c = await chunked.run(p.block);
    const split = [
      await parts.run(stepsOf(p.block, 6, 0, 7)),
      await parts.run(stepsOf(p.block, 6, 7, 8)),
      await parts.run(stepsOf(p.block, 6, 8, 20)),
    ];
    const T = [7, 1, 12];
    for (let s = 0; s < 3; s++) {
      let t0 = 0;
      split.forEach((r, i) => {
        expect(bits(r.outputs).slice(s * T[i] * 3, (s + 1) * T[i] * 3)).toEqual(
          bits(w.outputs).slice((s * 20 + t0) * 3, (s * 20 + t0 + T[i]) * 3),
        );
        t0 += T[i];
      });
    }
    expect(bits(c.outputs)).toEqual(bits(w.outputs));
    expect(bits(c.loss)).toEqual(bits(w.loss));
    expect(Array.from(c.correct)).toEqual(Array.from(w.correct));
    for (const e of [whole, parts, chunked]) e.dispose();
  });

  it('is deterministic: the same state, params and block give bit-identical outputs, losses and states', async () => {
    const p = problem(base);
    const e = await cpuOf(p);
    const first = await e.run(p.block);
    const state1 = await e.readState(2);
    e.setState(p.states);
    const second = await e.run(p.block);
    expect(bits(second.outputs)).toEqual(bits(first.outputs));
    expect(bits(second.loss)).toEqual(bits(first.loss));
    const state2 = await e.readState(2);
    state2.forEach((l, i) => expect(bits(l.h)).toEqual(bits(state1[i].h)));
    e.dispose();
  });

  it('leaves outputs null when not asked for, with the same losses', async () => {
    const p = problem(base);
    const [a, b] = [await cpuOf(p), await cpuOf(p)];
    const with_ = await a.run(p.block);
    const without = await b.run(p.block, { outputs: false });
    expect(without.outputs).toBeNull();
    expect(bits(without.loss)).toEqual(bits(with_.loss));
  });
});

describe('CpuEngine state in the [a][b][j] layout (seed 31, N=5)', () => {
  it('readState and readStateSlice equal the reference after a block; setState round-trips exactly', async () => {
    const p = problem(base);
    const e = await cpuOf(p);
    const ref = referenceOf(p);
    await e.run(p.block);
    await ref.run(p.block);
    for (const [layer, vector, j] of [
      [0, 'h', 0],
      [0, 'c', 4],
      [1, 'h', 2],
    ] as const) {
      const got = await e.readStateSlice(1, layer, vector, j);
      const want = await ref.readStateSlice(1, layer, vector, j);
      expect(got.length).toBe(want.length);
      got.forEach((v, i) => expect(Math.abs(v - want[i])).toBeLessThanOrEqual(1e-5));
    }
    const fresh = await cpuOf(p);
    const states = await Promise.all([0, 1, 2].map((s) => e.readState(s)));
    fresh.setState(states);
    const back = await fresh.readState(1);
    back.forEach((l, i) => {
      expect(bits(l.h)).toEqual(bits(states[1][i].h));
      expect(bits(l.c)).toEqual(bits(states[1][i].c));
    });
    // The initial state comes back as given (before any run).
    expect(bits((await fresh.readStateSlice(0, 0, 'c', 3)).slice())).toEqual(
      bits(Float32Array.from({ length: 24 }, (_, cell) => states[0][0].c[cell * 5 + 3])),
    );
  });
});

describe('CpuEngine bad input (seed 31)', () => {
  it('refuses what the reference refuses, with its messages', async () => {
    const p = problem(base);
    const e = await cpuOf(p);
    const ref = referenceOf(p);
    const nan = asVmParams(p.params[0].slice());
    nan[7] = NaN;
    const cases: [string, () => unknown][] = [
      ['NaN params', () => [nan]],
      ['wrong count', () => [p.params[0], p.params[1]]],
      ['wrong size', () => [asVmParams(p.params[0].subarray(1))]],
    ];
    for (const [, make] of cases) {
      const params = make() as never;
      const want = (() => {
        try {
          ref.setParams(params);
        } catch (err) {
          return (err as Error).message;
        }
        return 'accepted';
      })();
      expect(want).not.toBe('accepted');
      expect(() => e.setParams(params)).toThrow(want);
    }
    expect(() => e.setParams([nan])).toThrow('params[0][7]');
    const badLabel = { ...p.block, labels: p.block.labels.map((v, i) => (i === 5 ? 3 : v)) };
    const refError = await ref.run(badLabel).then(
      () => 'accepted',
      (err: Error) => err.message,
    );
    expect(refError).toBe('labels[5]: must be in [0, 3), got 3');
    await expect(e.run(badLabel)).rejects.toThrow(refError);
    await expect(e.run({ ...p.block, inputs: p.block.inputs.subarray(1) })).rejects.toThrow('inputs');
    expect(() => e.setState(p.states.slice(1))).toThrow('state: expected 3 runs, got 2');
    const short = p.states.map((s) => s.map((l) => ({ h: l.h.subarray(1), c: l.c }))) as never;
    expect(() => e.setState(short)).toThrow('state[0][0].h: expected 120 values (6 x 4 x 5), got 119');
    await expect(e.readState(3)).rejects.toThrow('run: must be an integer in [0, 3), got 3');
    const unset = await cpuEngine(p.spec);
    await expect(unset.run(p.block)).rejects.toThrow('params: not set');
    unset.setParams(p.params);
    await expect(unset.run(p.block)).rejects.toThrow('state: not set');
    unset.dispose();
    e.dispose();
    await expect(e.run(p.block)).rejects.toThrow('fast CPU engine: disposed');
  });

  it('refuses a spec past 4 GiB of memory, naming the runs and the grid', () => {
    const spec = { config: config({ hiddenSizes: [100] }), inputSize: 784, numClasses: 10, runs: 512 };
    expect(() => cpuLayout(spec, 1)).toThrow(
      /runs \(512\) of the grid 784x100x10 \(N 16\) need 4\.\d\d GiB of memory, above WebAssembly's 4 GiB/,
    );
  });
});

describe('packedColumn', () => {
  it('puts gate G of dim j at (j >> 2) * 16 + G * 4 + (j & 3): dims 0..3 of i, g, f, o fill columns 0..15', () => {
    expect([0, 1, 2, 3].flatMap((G) => [0, 1, 2, 3].map((j) => packedColumn(G, j)))).toEqual([...Array(16).keys()]);
    expect(packedColumn(2, 5)).toBe(16 + 8 + 1);
  });
});

describe('the kernel builds', () => {
  it('each say in their "vsml" section whether they are relaxed and shared', async () => {
    for (const relaxed of [false, true]) {
      for (const shared of [false, true]) {
        const bytes = await import('node:fs').then((fs) =>
          fs.readFileSync(
            new URL(
              `../../src/cpu/build/vsml_cpu${relaxed ? '.relaxed' : ''}${shared ? '.shared' : ''}.wasm`,
              import.meta.url,
            ),
          ),
        );
        if (!relaxed || WebAssembly.validate(bytes))
          expect(moduleVariant(await WebAssembly.compile(bytes))).toEqual({ relaxed, shared });
      }
    }
    await expect(loadWasmNode({ relaxed: false, shared: false })).resolves.toBeInstanceOf(WebAssembly.Module);
  });
});
