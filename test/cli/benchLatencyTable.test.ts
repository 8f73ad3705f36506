// The control-latency benchmark's numbers and flags: median, "median / max" with timeouts and effects
// never shown, the markdown table, and `npm run bench -- --latency`'s options.
import { describe, expect, it } from 'vitest';
import { parseLatencyOptions } from '../../src/cli/benchLatencyOptions';
import { formatLatencyTable, median, summarise } from '../../src/cli/benchLatencyTable';

describe('median', () => {
  it('is 7 of [9, 2, 7], 5.5 of [8, 3, 4, 7], NaN of none', () => {
    expect(median([9, 2, 7])).toBe(7);
    expect(median([8, 3, 4, 7])).toBe(5.5);
    expect(median([])).toBeNaN();
  });
});

describe('summarise', () => {
  it('rounds median / max of 412.4, 530.6, 301 ms to "412 / 531"', () => {
    expect(summarise([412.4, 530.6, 301], 90_000)).toBe('412 / 531');
  });

  it('counts a timeout above every number: one of three gives max "> 90 s", two give the median too', () => {
    expect(summarise([100, 'timeout', 200], 90_000)).toBe('200 / > 90 s');
    expect(summarise(['timeout', 100, 'timeout'], 90_000)).toBe('> 90 s / > 90 s');
  });

  it('leaves out effects never shown and says how many; "not shown" when none was; "—" with no samples', () => {
    expect(summarise([3, 'not-shown', 5], 60_000)).toBe('4 / 5 (not shown 1 of 3)');
    expect(summarise(['not-shown', 'not-shown'], 60_000)).toBe('not shown');
    expect(summarise([], 60_000)).toBe('—');
  });
});

describe('formatLatencyTable', () => {
  it('prints the rows present in the fixed order, load first, with what each column measures', () => {
    const table = formatLatencyTable(
      {
        step: { pending: [], effect: [41, 39, 45] },
        load: { pending: [], effect: [2224, 2100, 2500] },
        pause: { pending: [2, 3, 2], effect: [27, 'timeout', 30] },
      },
      90_000,
    );
    expect(table.split('\n')).toEqual([
      '| control | first effect | median / max, ms | final effect | median / max, ms |',
      '| --- | --- | --- | --- | --- |',
      '| load (page.goto) | — | — | first example (from navigation start) | 2224 / 2500 |',
      '| Pause | button says Play | 2 / 3 | loop stopped (data-playing=false) | 30 / > 90 s |',
      '| Step (paused) | — | — | count + 1 | 41 / 45 |',
    ]);
  });
});

describe('parseLatencyOptions', () => {
  it('defaults to webgpu then cpu, 3 repeats, 90 s, a fresh build', () => {
    expect(parseLatencyOptions([])).toEqual({
      ok: true,
      value: { dist: null, label: null, backends: ['webgpu', 'cpu'], repeats: 3, timeoutMs: 90_000, json: null },
    });
  });

  it('reads --dist, --backends cpu, --repeats 5, --timeout 30, --json', () => {
    const r = parseLatencyOptions([
      '--dist',
      '/tmp/d',
      '--backends=cpu',
      '--repeats',
      '5',
      '--timeout',
      '30',
      '--json',
      'x.json',
    ]);
    expect(r).toEqual({
      ok: true,
      value: { dist: '/tmp/d', label: null, backends: ['cpu'], repeats: 5, timeoutMs: 30_000, json: 'x.json' },
    });
  });

  it('names the bad flag: an unknown backend, one given twice, repeats 0, an unknown flag', () => {
    expect(parseLatencyOptions(['--backends', 'cpu,wasm'])).toEqual({
      ok: false,
      message: 'flag --backends must list webgpu and/or cpu, got "wasm"',
    });
    expect(parseLatencyOptions(['--backends', 'cpu,cpu'])).toEqual({
      ok: false,
      message: 'flag --backends names a backend twice, got "cpu,cpu"',
    });
    expect(parseLatencyOptions(['--repeats', '0'])).toEqual({
      ok: false,
      message: 'flag --repeats must be an integer in [1, 100], got "0"',
    });
    expect(parseLatencyOptions(['--runs', '8'])).toEqual({ ok: false, message: 'unknown flag --runs' });
  });
});
