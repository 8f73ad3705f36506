// The memory estimate's arithmetic and its refusal line: exact bytes, the field named, the limit and
// the excess; the typed-array length limit; the size flag's syntax.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type VsmlConfig } from '../../src/model/config';
import { paramLayout } from '../../src/model/layout';
import {
  baselineItem,
  engineItems,
  estimateOf,
  formatMemory,
  gridCells,
  machineMemoryLimit,
  MAX_ARRAY_LENGTH,
  memoryRefusal,
  parseMemorySize,
  productItem,
  stateField,
} from '../../src/model/resources';

const cfg = (over: Partial<VsmlConfig> = {}): VsmlConfig => ({ ...DEFAULT_CONFIG, ...over });
const GiB = 1024 ** 3;
const limit = (bytes: number) => ({ bytes, source: '--max-memory', raise: 'raise it with --max-memory' });

describe('formatMemory', () => {
  it('writes bytes, KiB, MiB, GiB and TiB with one decimal', () => {
    expect([100, 1536, 3 * 1024 ** 2, 15.3 * GiB, 2 * 1024 ** 4].map(formatMemory)).toEqual([
      '100 bytes',
      '1.5 KiB',
      '3.0 MiB',
      '15.3 GiB',
      '2.0 TiB',
    ]);
  });
});

describe('parseMemorySize', () => {
  it('reads 32GiB, 512 MiB, 1.5TiB, 8GB and plain bytes', () => {
    expect(['32GiB', '512 MiB', '1.5TiB', '8GB', '4096'].map((t) => parseMemorySize(t))).toEqual([
      { ok: true, value: 32 * GiB },
      { ok: true, value: 512 * 1024 ** 2 },
      { ok: true, value: 1.5 * 1024 ** 4 },
      { ok: true, value: 8 * GiB },
      { ok: true, value: 4096 },
    ]);
  });
  it('refuses 12x, -1GiB, 0 and an empty text with the forms it takes', () => {
    for (const t of ['12x', '-1GiB', '0', '']) {
      const r = parseMemorySize(t);
      expect(r.ok ? null : r.error.message).toBe(
        `must be a size such as 8GiB, 512MiB or 1.5TiB (KiB, MiB, GiB, TiB; KB, MB, GB, TB read as the same), got ${JSON.stringify(t)}`,
      );
    }
  });
});

describe('machineMemoryLimit', () => {
  it('is a quarter of the machine, saying so', () => {
    expect(machineMemoryLimit(24 * GiB, 'raise it with --max-memory')).toEqual({
      bytes: 6 * GiB,
      source: "a quarter of this machine's 24.0 GiB",
      raise: 'raise it with --max-memory',
    });
  });
});

describe('gridCells and engineItems', () => {
  it('count 784 x 10 cells of MNIST with no hidden layer, and sum A_l B_l over [784, 100, 10]', () => {
    expect(gridCells(cfg(), 784, 10)).toEqual({ total: 7840, largest: 7840 });
    expect(gridCells(cfg({ hiddenSizes: [100] }), 784, 10)).toEqual({ total: 78400 + 1000, largest: 78400 });
  });
  it('state of S = 4096 runs on MNIST with N = 16, two copies: 2 x 4096 x 7840 x 32 x 4 bytes; V_M once, or per run', () => {
    const [state, params] = engineItems('--runs', { config: cfg(), inputSize: 784, numClasses: 10, runs: 4096 }, 2);
    expect(state).toEqual({
      field: '--runs',
      what: 'VSML state h and c',
      formula: '2 copies x 4096 runs x 7840 cells x 32 floats x 4 bytes',
      bytes: 2 * 4096 * 7840 * 32 * 4,
      longestArray: 7840 * 16,
      arrayFormula: 'one layer of one run: 7840 cells x 16 floats',
    });
    expect(params.bytes).toBe(paramLayout(cfg()).size * 4);
    const perRun = engineItems(
      'pairs',
      { config: cfg(), inputSize: 49, numClasses: 3, runs: 32, paramsPerRun: true },
      1,
    );
    expect(perRun[1].formula).toBe(`32 sets x ${paramLayout(cfg()).size} values x 4 bytes`);
  });
  it('writes a factor of one in the singular', () => {
    expect(
      productItem('f', 'x', [
        [1, 'runs'],
        [1, 'classes'],
        [2, 'copies'],
        [1, 'bytes'],
      ]).formula,
    ).toBe('1 run x 1 class x 2 copies x 1 byte');
  });
});

describe('stateField', () => {
  const names = { runs: 'S', hidden: 'learner: config.hiddenSizes', data: 'resize' };
  it('names S and resize for S = 256 on 100 x 100 inputs (32x the default runs, 12.8x the MNIST grid)', () => {
    expect(stateField(names, { config: cfg(), inputSize: 10000, numClasses: 10, runs: 256 }, 8)).toBe('S and resize');
  });
  it('names the hidden layers first when they grow the grid more than the runs do', () => {
    expect(
      stateField(
        { ...names, runs: 'pairs' },
        { config: cfg({ hiddenSizes: [4096] }), inputSize: 784, numClasses: 10, runs: 256 },
        32,
      ),
    ).toBe('learner: config.hiddenSizes and pairs');
  });
  it('names the one nearest its reference when nothing is over it', () => {
    expect(stateField(names, { config: cfg(), inputSize: 49, numClasses: 3, runs: 8 }, 8)).toBe('S');
  });
});

describe('memoryRefusal', () => {
  const state = productItem(
    '--runs',
    'VSML state h and c',
    [
      [2, 'copies'],
      [4096, 'runs'],
      [7840, 'cells'],
      [32, 'floats'],
      [4, 'bytes'],
    ],
    7840 * 16,
  );
  const block = productItem('--runs', 'one block of examples', [
    [4096, 'runs'],
    [2, 'steps'],
    [784, 'inputs'],
    [4, 'bytes'],
  ]);
  it('is null when the estimate fits', () => {
    expect(memoryRefusal(estimateOf([state, block]), limit(16 * GiB))).toBeNull();
  });
  it('names the largest part, its product, the total, the limit and the excess', () => {
    expect(memoryRefusal(estimateOf([block, state]), limit(4 * GiB))).toEqual({
      field: '--runs',
      message:
        'VSML state h and c needs 2 copies x 4096 runs x 7840 cells x 32 floats x 4 bytes = 7.7 GiB (7.7 GiB in all), over the 4.0 GiB limit (--max-memory) by 3.7 GiB; raise it with --max-memory',
    });
  });
  it('refuses one array longer than 2^32 values whatever the limit', () => {
    const [wide] = engineItems(
      'S.json inputs[0] and numClasses',
      { config: cfg({ stateSize: 4 }), inputSize: 1_000_000, numClasses: 4096, runs: 1 },
      2,
    );
    expect(wide.longestArray).toBe(16_384_000_000);
    expect(wide.longestArray).toBeGreaterThan(MAX_ARRAY_LENGTH);
    expect(memoryRefusal(estimateOf([wide]), limit(1024 ** 5))).toEqual({
      field: 'S.json inputs[0] and numClasses',
      message:
        'VSML state h and c needs one array of 16384000000 values (one layer of one run: 4096000000 cells x 4 floats), more than the 4294967296 a typed array can hold',
    });
  });
  it('counts adam weights with their two moments for every run', () => {
    const sgd = baselineItem('S', 'sgd', 784, 10, 8);
    const adam = baselineItem('S', 'adam', 784, 10, 8);
    expect([sgd.formula, adam.formula]).toEqual([
      '8 runs x 7850 weights x 4 bytes',
      '8 runs x 7850 weights x 3 copies x 4 bytes',
    ]);
    expect(adam.what).toBe('adam weights and Adam moments');
  });
});
