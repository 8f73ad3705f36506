// Tests of `npm run bench`'s option parsing (src/cli/benchOptions.ts): defaults, every option, the
// cases it makes, and bad values named by their option.
import { describe, expect, it } from 'vitest';
import { benchCases, DEFAULT_BENCH_OPTIONS, parseBenchOptions } from '../../src/cli/benchOptions';

const parse = (...argv: string[]) => parseBenchOptions(argv);

describe('parseBenchOptions', () => {
  it('defaults to S 1, 8, 64, 256, both V_M shapes, every engine, 3 rounds of 2 s', () => {
    expect(parse()).toEqual({ ok: true, value: DEFAULT_BENCH_OPTIONS });
    expect(DEFAULT_BENCH_OPTIONS).toMatchObject({
      runs: [1, 8, 64, 256],
      vm: ['shared', 'per-run'],
      engines: ['reference', 'cpu', 'webgpu', 'numpy'],
      rounds: 3,
      minSeconds: 2,
    });
  });

  it('reads every option', () => {
    const r = parse(
      '--runs',
      '8,64',
      '--vm',
      'per-run',
      '--engines',
      'cpu,numpy',
      '--where',
      'node',
      '--rounds',
      '5',
      '--min-seconds',
      '0.5',
      '--block',
      '4',
      '--pairs',
      '8',
      '--only',
      'meta',
      '--json',
      'out.json',
      '--workers',
      '1,2',
    );
    expect(r).toEqual({
      ok: true,
      value: {
        runs: [8, 64],
        vm: ['per-run'],
        engines: ['cpu', 'numpy'],
        where: ['node'],
        rounds: 5,
        minSeconds: 0.5,
        block: 4,
        pairs: [8],
        only: 'meta',
        json: 'out.json',
        workers: [1, 2],
      },
    });
  });

  it('names the option of a bad value', () => {
    expect(parse('--runs', '8,0')).toMatchObject({ ok: false, error: { field: '--runs' } });
    expect(parse('--engines', 'cpu,tfjs')).toMatchObject({
      ok: false,
      error: { field: '--engines', message: 'unknown value "tfjs" (use reference, cpu, webgpu, numpy)' },
    });
    expect(parse('--rounds', '0')).toMatchObject({ ok: false, error: { field: '--rounds' } });
    expect(parse('--min-seconds', '-1')).toMatchObject({ ok: false, error: { field: '--min-seconds' } });
    expect(parse('--only', 'gpu')).toMatchObject({ ok: false, error: { field: '--only' } });
    expect(parse('--runs')).toMatchObject({ ok: false, error: { field: '--runs', message: 'needs a value' } });
    expect(parse('--fast')).toMatchObject({ ok: false, error: { field: '--fast', code: 'unknown' } });
  });
});

describe('benchCases', () => {
  it('makes every S with a shared V_M and every S > 1 with one V_M per run, in order', () => {
    expect(benchCases({ runs: [1, 8, 64], vm: ['shared', 'per-run'] })).toEqual([
      { runs: 1, vm: 'shared' },
      { runs: 8, vm: 'shared' },
      { runs: 8, vm: 'per-run' },
      { runs: 64, vm: 'shared' },
      { runs: 64, vm: 'per-run' },
    ]);
    expect(benchCases({ runs: [1], vm: ['per-run'] })).toEqual([]);
  });
});
