// Tests of the bench table (src/worker/tools/benchTable.ts): medians, ratios within rounds, executed GFLOP/s
// from the cost model, % of peak, and the formatted lines.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/model/config';
import { cpuPeak, gpuCost } from '../../src/model/costModel';
import { caseRows, formatRows, median, mnistCosts, roundRatio } from '../../src/worker/tools/benchTable';
import type { CaseResult } from '../../src/worker/tools/benchSchedule';

const seg = (examples: number, seconds: number) => ({ examples, seconds });
const result: CaseResult = {
  case: { runs: 8, vm: 'per-run' },
  participants: [
    {
      id: 'node reference',
      environment: 'node',
      backend: 'reference',
      description: 'TS',
      segments: [seg(1, 2), seg(1, 4)],
      error: null,
    },
    {
      id: 'node webgpu',
      environment: 'node',
      backend: 'webgpu',
      description: 'google swiftshader',
      segments: [seg(10, 2), seg(10, 2)],
      error: null,
    },
    {
      id: 'numpy',
      environment: 'python',
      backend: 'numpy',
      description: 'numpy',
      segments: [seg(20, 2), null],
      error: 'round 2: died',
    },
  ],
};

describe('median and roundRatio', () => {
  it('takes the middle value (mean of the two middle ones for an even count)', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('divides within each round, skipping rounds where either side is missing', () => {
    expect(roundRatio([10, 20, null], [5, 5, 5])).toEqual({ median: 3, min: 2, max: 4, rounds: 2 });
    expect(roundRatio([null], [1])).toBeNull();
  });
});

describe('caseRows', () => {
  const cpu = cpuPeak(2, 2500);
  const rows = caseRows(result, mnistCosts(), cpu);

  it('gives cell-ticks/s as the median over rounds and ratios within rounds', () => {
    const ref = 8 * 7840;
    expect(rows[0].perRound).toEqual([ref / 2, ref / 4]);
    expect(rows[0].cellTicksPerSecond).toBe((ref / 2 + ref / 4) / 2);
    // webgpu / reference: round 1 10x, round 2 20x.
    expect(rows[1].vsReference).toEqual({ median: 15, min: 10, max: 20, rounds: 2 });
    // webgpu / numpy: only round 1 (numpy died in round 2).
    expect(rows[1].vsNumpy).toEqual({ median: 0.5, min: 0.5, max: 0.5, rounds: 1 });
    expect(rows[2].vsReference).toEqual({ median: 20, min: 20, max: 20, rounds: 1 });
  });

  it('prices executed GFLOP/s with the engine cost model and SwiftShader at the CPU peak', () => {
    const cost = gpuCost(DEFAULT_CONFIG, [{ A: 784, B: 10 }], { runs: 8, perRunParams: true });
    expect(rows[1].executedGflops).toBeCloseTo((rows[1].cellTicksPerSecond * cost.flopsPerCellTick) / 1e9, 9);
    expect(rows[1].peak.gflops).toBe(40);
    expect(rows[1].referenceModelGflops).toBeCloseTo((rows[1].cellTicksPerSecond * 9248) / 1e9, 9);
  });

  it('formats one line per participant with the ratios and the peak share', () => {
    expect(formatRows(rows)).toEqual([
      'case             engine          rounds  cell-ticks/s  exec GFLOP/s  % peak  GB/s   ref-model GFLOP/s  vs reference       vs numpy',
      '---------------  --------------  ------  ------------  ------------  ------  -----  -----------------  -----------------  --------',
      'S=8 V_M per run  node reference  2/2     2.35e+4       0.22          0.54%   0.012  0.22               -                  0.050x',
      'S=8 V_M per run  node webgpu     2/2     3.14e+5       1.6           4.1%    0.10   2.9                15.0x (10.0-20.0)  0.50x',
      'S=8 V_M per run  numpy           1/2     6.27e+5       3.0           7.4%    0.32   5.8                20.0x              -',
    ]);
  });
});
