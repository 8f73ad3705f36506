// Tests of the bench page's run in the worker (src/worker/tools/pageBench.ts): the cases a request
// names, the engines driven one case at a time through a BenchEngineApi with the progress lines, a
// refusing engine kept as a row with its error, and the table the page shows.
import { describe, expect, it } from 'vitest';
import type { BenchEngineApi, PageBackend, PageBenchRequest } from '../../src/worker/tools/contract';
import { pageBenchCases, runPageBench } from '../../src/worker/tools/pageBench';

const request = (over: Partial<PageBenchRequest> = {}): PageBenchRequest => ({
  runs: [1, 8],
  vm: ['shared', 'per-run'],
  backends: ['reference', 'cpu'],
  rounds: 2,
  minSeconds: 0.25,
  blockSize: 4,
  ...over,
});

/** Engines that advance `examples` examples per segment in `seconds`; `webgpu` has no adapter. */
function fakeEngines(calls: string[]): BenchEngineApi {
  return {
    async prepare(backend: PageBackend, c, blockSize) {
      calls.push(`prepare ${backend} S=${c.runs} ${c.vm} block ${blockSize}`);
      return backend === 'webgpu' ? { ok: false, message: 'no adapter' } : { ok: true, value: `${backend} engine` };
    },
    async measure(backend, minSeconds) {
      calls.push(`measure ${backend}`);
      return { ok: true, value: { examples: backend === 'cpu' ? 40 : 4, seconds: 2 * minSeconds } };
    },
    async release(backend) {
      calls.push(`release ${backend}`);
      return { ok: true, value: true };
    },
  };
}

describe('pageBenchCases', () => {
  it('takes each S with each V_M sharing, per run only where S > 1', () => {
    expect(pageBenchCases(request())).toEqual([
      { runs: 1, vm: 'shared' },
      { runs: 8, vm: 'shared' },
      { runs: 8, vm: 'per-run' },
    ]);
    expect(pageBenchCases(request({ runs: [64], vm: ['per-run'] }))).toEqual([{ runs: 64, vm: 'per-run' }]);
  });
});

describe('runPageBench', () => {
  it('measures every case interleaved on the engines, says which case runs, and tables the rows', async () => {
    const calls: string[] = [];
    const progress: string[] = [];
    const r = await runPageBench(request({ runs: [1] }), fakeEngines(calls), (line) => progress.push(line));
    expect(progress).toEqual(['running 1 runs (shared)…']);
    expect(calls).toEqual([
      'prepare reference S=1 shared block 1',
      'prepare cpu S=1 shared block 4',
      'measure reference',
      'measure cpu',
      'measure cpu',
      'measure reference',
      'release reference',
      'release cpu',
    ]);
    expect(r.rows.map((row) => [row.id, row.examples, row.seconds, row.error])).toEqual([
      ['chromium reference', 8, 1, null],
      ['chromium cpu', 80, 1, null],
    ]);
    expect(r.rows[1].vsReference?.median).toBe(10);
    expect(r.table).toContain('reference-equation model (src/model/flops.ts');
  });

  it('keeps an engine that cannot be prepared as a row with its reason, the others measured', async () => {
    const calls: string[] = [];
    const r = await runPageBench(request({ runs: [1], backends: ['webgpu', 'cpu'] }), fakeEngines(calls), () => {});
    expect(r.rows.map((row) => [row.id, row.error])).toEqual([
      ['chromium webgpu', 'prepare: chromium webgpu: no adapter'],
      ['chromium cpu', null],
    ]);
    expect(calls.filter((c) => c.startsWith('measure'))).toEqual(['measure cpu', 'measure cpu']);
  });
});
