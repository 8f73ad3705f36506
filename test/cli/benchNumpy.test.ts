// Tests of the numpy peer's JSON replies as the bench reads them (src/cli/benchNumpy.ts): a
// measurement line, error replies, and malformed lines named by their field. No timings.
import { describe, expect, it } from 'vitest';
import { parsePeerMeasurement, parsePeerReply } from '../../src/cli/benchNumpy';

const line = (o: object) => JSON.stringify(o);
const good = {
  ok: true,
  format: 'vsml-numpy-peer',
  version: 1,
  runs: 64,
  vm: 'per-run',
  examples: 3,
  seconds: 2.5,
  cells: 7840,
  cellTicksPerSecond: 602112,
  numpy: '2.4.6',
  blas: 'scipy-openblas',
};

describe('parsePeerMeasurement', () => {
  it('reads a measurement line', () => {
    expect(parsePeerMeasurement(line(good))).toEqual({
      ok: true,
      value: {
        runs: 64,
        vm: 'per-run',
        examples: 3,
        seconds: 2.5,
        cells: 7840,
        cellTicksPerSecond: 602112,
        numpy: '2.4.6',
        blas: 'scipy-openblas',
      },
    });
  });

  it("passes the peer's own error on", () => {
    expect(parsePeerMeasurement(line({ ok: false, error: 'ValueError: measure before prepare' }))).toEqual({
      ok: false,
      error: { code: 'peer', field: 'numpy-peer', message: 'ValueError: measure before prepare' },
    });
  });

  it('names what is wrong with a malformed line', () => {
    expect(parsePeerMeasurement('Traceback (most recent call last):')).toMatchObject({
      ok: false,
      error: { code: 'json' },
    });
    expect(parsePeerMeasurement(line({ ...good, version: 2 }))).toMatchObject({
      ok: false,
      error: { field: 'numpy-peer.format' },
    });
    expect(parsePeerMeasurement(line({ ...good, seconds: 'fast' }))).toMatchObject({
      ok: false,
      error: { field: 'numpy-peer.seconds' },
    });
    expect(parsePeerMeasurement(line({ ...good, examples: 0 }))).toMatchObject({
      ok: false,
      error: { field: 'numpy-peer.examples' },
    });
    expect(parsePeerReply('[1]')).toMatchObject({ ok: false, error: { code: 'type' } });
  });
});
