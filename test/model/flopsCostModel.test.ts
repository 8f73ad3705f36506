// Tests of the executed cost model (src/model/costModel.ts) and the reference-equation model
// (src/model/flops.ts): exact per-kernel FLOPs (WebGPU, fast CPU, TS reference, numpy) and bytes for the MNIST grid (A 784, K 10, N 16, M 8,
// 2 micro-ticks), dispatch counts, and the peaks.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/model/config';
import {
  cpuCost,
  cpuPeak,
  gpuCost,
  gpuPeak,
  intensity,
  numpyCost,
  referenceCost,
  WASM_CELL_UPDATE_FLOPS,
  WASM_EXP_FLOPS,
} from '../../src/model/costModel';
import { flopModel } from '../../src/model/flops';

const mnist = [{ A: 784, B: 10 }];
const cells = 7840;
const kernel = (name: string, c: ReturnType<typeof gpuCost>) => {
  const k = c.kernels.find((x) => x.kernel === name);
  if (!k) throw new Error(`no ${name}`);
  return k;
};

describe('flopModel (reference equations)', () => {
  it('counts 9,248 FLOP per cell-tick for N 16, M 8, 2 micro-ticks', () => {
    const m = flopModel(DEFAULT_CONFIG, mnist);
    expect(m.perCellTick).toBe(9248);
    expect(m.perExample).toBe(9248 * cells);
  });
});

describe('gpuCost (executed by shaders/*.wgsl), layer 0 unfused', () => {
  const one = gpuCost(DEFAULT_CONFIG, mnist, { runs: 1, perRunParams: false, fuseLayer0: false });

  it('grid_tick_n16 executes 4,960 FLOP per cell: U+V 64, then 2 x (2,048 multiply-add + 400 update)', () => {
    expect(kernel('grid_tick_n16', one).flops).toBe(4960 * cells);
  });

  it('gate_inputs executes 1,024 FLOP per row of A + B (16 vec4 x 8 multiply-adds)', () => {
    expect(kernel('gate_inputs', one).flops).toBe(1024 * 794);
  });

  it('reduce_fwd executes N (A + 4) + 2 M N per column', () => {
    expect(kernel('reduce_fwd', one).flops).toBe(10 * (16 * 788 + 256));
  });

  it('readout_error executes 132 FLOP for K 10 and inject_input none', () => {
    expect(kernel('readout_error', one).flops).toBe(132);
    expect(kernel('inject_input', one).flops).toBe(0);
  });

  it('sums to 5,080.1 FLOP per cell-tick (reduce_bwd only from layer 1 on)', () => {
    expect(one.kernels.map((k) => k.kernel)).toEqual([
      'inject_input',
      'gate_inputs',
      'grid_tick_n16',
      'reduce_fwd',
      'readout_error',
    ]);
    expect(one.flopsPerExample).toBe(4960 * cells + 1024 * 794 + 10 * (16 * 788 + 256) + 132);
    expect(one.flopsPerCellTick).toBeCloseTo(5080.13, 2);
  });

  it('grid_tick_n16 moves h and c in and out (256 B per cell), U, V and W_h once', () => {
    const g = kernel('grid_tick_n16', one);
    expect(g.bytesWritten).toBe(cells * 16 * 4 * 2);
    expect(g.bytesRead).toBe(cells * 16 * 4 * 2 + 794 * 256 + 4096);
    expect(intensity(g)).toBeCloseTo((4960 * cells) / (cells * 256 + 794 * 256 + 4096), 9);
  });

  it('dispatches 5 kernels per example at any S, shared V_M or one per run, reading S copies of W_h', () => {
    const shared = gpuCost(DEFAULT_CONFIG, mnist, { runs: 64, perRunParams: false, fuseLayer0: false });
    const es = gpuCost(DEFAULT_CONFIG, mnist, { runs: 64, perRunParams: true, fuseLayer0: false });
    expect([shared.dispatchesPerExample, es.dispatchesPerExample]).toEqual([5, 5]);
    expect(kernel('grid_tick_n16', es).bytesRead - kernel('grid_tick_n16', shared).bytesRead).toBe(63 * 4096);
  });

  it('counts reduce_bwd for a hidden layer, and grid_tick for N 12', () => {
    const cfg = { ...DEFAULT_CONFIG, stateSize: 12, hiddenSizes: [5] };
    const c = gpuCost(
      cfg,
      [
        { A: 3, B: 5 },
        { A: 5, B: 2 },
      ],
      { runs: 2, perRunParams: false },
    );
    expect(kernel('reduce_bwd', c).flops).toBe(2 * 5 * (1 + 12 * 3 + 2 * 8 * 12));
    // E = 12 vec4 columns, Q = 3: per micro-tick 12 x 4 x (1 + 24) + 12 x 25, twice.
    expect(kernel('grid_tick', c).flops).toBe(2 * (15 + 10) * 2 * (12 * 4 * 25 + 12 * 25));
    expect(c.dispatchesPerExample).toBe(1 + 3 + 3 + 1 + 1);
  });
});

describe('gpuCost, layer 0 fused (grid_fused_n16, the default for N 16)', () => {
  const fused = gpuCost(DEFAULT_CONFIG, mnist, { runs: 1, perRunParams: false });

  it('takes 2 dispatches per example at any S', () => {
    expect(fused.kernels.map((k) => [k.kernel, k.dispatches])).toEqual([
      ['grid_fused_n16', 1],
      ['readout_error', 1],
    ]);
    expect(gpuCost(DEFAULT_CONFIG, mnist, { runs: 64, perRunParams: true }).dispatchesPerExample).toBe(2);
  });

  it('grid_fused_n16 executes 5,152 FLOP per cell (U + V from 3 gate rows 256, micro-ticks 4,896)', () => {
    expect(kernel('grid_fused_n16', fused).flops).toBe(5152 * cells);
  });

  it('readout_error makes the output message from layer 0’s h (FROM_STATE): 126,532 FLOP for K 10, A 784', () => {
    // Per class: 16 x (784 adds, 3 to combine, a divide, a multiply-add) + y_of 5; then the softmax and error 82.
    expect(kernel('readout_error', fused).flops).toBe(10 * (16 * (784 + 6) + 5) + 82);
    expect(fused.flopsPerCellTick).toBeCloseTo(5152 + 126532 / cells, 9);
    expect(kernel('readout_error', fused).bytesRead).toBe((2 + 16 * 10 * 784) * 4 + 17 * 4);
  });

  it('moves h and c, the inputs, 3 gate rows and W_h, and writes h and c only', () => {
    const g = kernel('grid_fused_n16', fused);
    expect(g.bytesRead).toBe(cells * 128 + (784 + 1 + 10) * 4 + (3 * 16 + 256) * 16);
    expect(g.bytesWritten).toBe(cells * 128);
  });
});

describe('referenceCost and numpyCost', () => {
  it('the TS reference executes 9,264 FLOP per cell-tick plus the means', () => {
    const r = referenceCost(DEFAULT_CONFIG, mnist, 1);
    expect(r.flopsPerExample).toBe(9264 * cells + 80 + 784 * 8);
  });

  it('the numpy peer executes 4,744 FLOP per cell plus U, V, mean and readout', () => {
    const n = numpyCost(DEFAULT_CONFIG, mnist, 2);
    expect(n.flopsPerExample).toBe(
      2 * (784 * 64 + 10 * (1024 + 64) + cells * 64 + cells * 2 * (2048 + 272) + 10 * 16 * 784 + 10 * 256 + 40),
    );
  });
});

describe('peaks', () => {
  it('cpuPeak is cores x GHz x 4 lanes x 2', () => {
    expect(cpuPeak(2, 2600).gflops).toBe(41.6);
    expect(cpuPeak(16, 2000, 8).gflops).toBe(512);
  });

  it('gpuPeak knows the H200 and A100, takes the CPU peak for SwiftShader, and says when unknown', () => {
    expect(gpuPeak('nvidia hopper (NVIDIA H200)', null)).toMatchObject({ gflops: 67000, gbps: 4800 });
    expect(gpuPeak('NVIDIA A100-SXM4-40GB', null).gflops).toBe(19500);
    expect(gpuPeak('google swiftshader (SwiftShader driver 5.0.0)', cpuPeak(2, 2600)).gflops).toBe(41.6);
    expect(gpuPeak('some new card', null)).toEqual({ gflops: null, gbps: null, source: 'peak unknown' });
  });
});

describe('cpuCost (executed by wasm/vsml_cpu.ts)', () => {
  it('counts 130 FLOP per state dim and micro-tick for the gates (polynomial exp of 22)', () => {
    expect(WASM_EXP_FLOPS).toBe(22);
    expect(WASM_CELL_UPDATE_FLOPS).toBe(130);
  });

  it('executes 8,400 FLOP per cell, U from the input row alone, and 8,414.5 per cell-tick in all', () => {
    const c = cpuCost(DEFAULT_CONFIG, mnist, 1, false);
    expect(c.kernels.map((k) => [k.kernel, k.flops])).toEqual([
      ['project U, V', 10 * 1024 + 784 * 128],
      ['rowCells', cells * (2 * (64 + 2048 + 16 * 130) + 16)],
      ['messages', 10 * 272],
      ['readout', 96],
    ]);
    expect(c.flopsPerCellTick).toBeCloseTo(65969408 / cells, 9);
  });

  it('reads the packed V_M once per run only with one V_M per run', () => {
    const shared = cpuCost(DEFAULT_CONFIG, mnist, 8, false).bytesPerExample;
    expect(cpuCost(DEFAULT_CONFIG, mnist, 8, true).bytesPerExample - shared).toBe(7 * ((33 * 64 + 2 * (128 + 8)) * 4));
  });
});

describe('cost models with backwardPass (a reverse tick after every example)', () => {
  const bp = { ...DEFAULT_CONFIG, backwardPass: true };

  it('flopModel counts two cell-ticks per cell and example: 2 x 9,248 x 7,840', () => {
    const m = flopModel(bp, mnist);
    expect([m.ticksPerExample, m.perCellTick, m.perExample]).toEqual([2, 9248, 2 * 9248 * cells]);
    expect(m.formula).toContain('x 2 ticks (backwardPass: forward and reverse)');
    expect(flopModel(DEFAULT_CONFIG, mnist).ticksPerExample).toBe(1);
  });

  it('referenceCost runs tickLayer twice per layer: twice the FLOPs and bytes', () => {
    const one = referenceCost(DEFAULT_CONFIG, mnist, 2);
    const two = referenceCost(bp, mnist, 2);
    expect(two.kernels.map((k) => k.kernel)).toEqual(['tickLayer', 'tickLayer (reverse tick)']);
    expect([two.flopsPerExample, two.bytesPerExample]).toEqual([2 * one.flopsPerExample, 2 * one.bytesPerExample]);
  });

  it('cpuCost adds the reverse tick of the MNIST grid: U and V again, the cells without the sums of h, no message, the backward inputs cleared', () => {
    const c = cpuCost(bp, mnist, 1, false);
    expect(c.kernels.map((k) => [k.kernel, k.flops])).toEqual([
      ['project U, V', 10 * 1024 + 784 * 128],
      ['rowCells', cells * (2 * (64 + 2048 + 16 * 130) + 16)],
      ['messages', 10 * 272],
      ['readout', 96],
      ['project U, V (reverse tick)', 10 * 1024 + 784 * 128],
      ['rowCells (reverse tick)', cells * 2 * (64 + 2048 + 16 * 130)],
      ['clear backward inputs', 0],
    ]);
    expect(c.bytesPerExample - cpuCost(DEFAULT_CONFIG, mnist, 1, false).bytesPerExample).toBe(
      784 * 4 + 2 * cells * 128 + (33 * 64 + 2 * (128 + 8)) * 4 + 10 * 8 * 4,
    );
  });

  it('cpuCost of a hidden layer in the reverse tick: its backward message only, after the layer above', () => {
    const cfg = { ...bp, hiddenSizes: [5] };
    const c = cpuCost(
      cfg,
      [
        { A: 3, B: 5 },
        { A: 5, B: 2 },
      ],
      1,
      false,
    );
    const names = c.kernels.map((k) => k.kernel);
    expect(names.slice(names.indexOf('readout'))).toEqual([
      'readout',
      'project U, V (reverse tick)',
      'rowCells (reverse tick)',
      'messages (reverse tick)',
      'clear backward inputs',
    ]);
    // Layer 1's backward message: 5 rows of M (2 Np + 2); the f64 sums of h: Np per cell of layer 1 only.
    expect(c.kernels.find((k) => k.kernel === 'messages (reverse tick)')?.flops).toBe(5 * 8 * (2 * 16 + 2));
    const perCell = 2 * (64 + 2048 + 16 * 130);
    expect(c.kernels.find((k) => k.kernel === 'rowCells (reverse tick)')?.flops).toBe(
      15 * perCell + 10 * (perCell + 16),
    );
  });

  it('gpuCost and numpyCost refuse it (neither engine runs a reverse tick)', () => {
    expect(() => gpuCost(bp, mnist, { runs: 1, perRunParams: false })).toThrow(
      'gpuCost: config.backwardPass is not run by the WebGPU engine',
    );
    expect(() => numpyCost(bp, mnist, 1)).toThrow('numpyCost: config.backwardPass is not run by the numpy peer');
  });
});
