import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/model/config';
import { parseLearner, serialiseLearner } from '../../src/model/formats/learner';
import { initParams } from '../../src/model/init';
import { Rng } from '../../src/model/rng';
import { clone, expectOk, learnerDoc, line, smallConfig, type Doc } from './helpers';

describe('parseLearner', () => {
  it('round-trips initParams (seed 3) through JSON text to identical float32 params', () => {
    const config = smallConfig({ hiddenSizes: [5, 3], feedLabel: true, microTicks: 3 });
    const params = initParams(config, new Rng(3));
    params[params.length - 1] = 1e-40; // a subnormal bias survives too
    const back = expectOk(parseLearner(JSON.parse(serialiseLearner({ config, params }))));
    expect(back.config).toEqual(config);
    expect(back.params).toEqual(params);
  });

  it('round-trips the default config (N=16, M=8) with seed 4', () => {
    const params = initParams(DEFAULT_CONFIG, new Rng(4));
    const back = expectOk(parseLearner(JSON.parse(serialiseLearner({ config: DEFAULT_CONFIG, params }))));
    expect(back.params).toEqual(params);
  });

  it('fills defaults for a partial config', () => {
    const doc = learnerDoc();
    doc.config = { stateSize: 4, messageSize: 2 };
    const l = expectOk(parseLearner(doc));
    expect(l.config.microTicks).toBe(DEFAULT_CONFIG.microTicks);
  });

  // smallConfig: N=4, M=2 -> lstm.w [8][16], lstm.b [16], fwd.w [4][2], fwd.b [2]
  it.each<[string, (d: Doc) => unknown, string]>([
    ['missing config', (d) => delete d.config, 'config: missing'],
    ['missing params', (d) => delete d.params, 'params: missing'],
    [
      'an unknown top-level field',
      (d) => (d.parms = {}),
      'parms: unknown field (known: format, version, config, params)',
    ],
    [
      'an unknown config option',
      (d) => (d.config.stateSise = 4),
      expect.stringMatching(/^config\.stateSise: unknown option \(known: stateSize, /) as unknown as string,
    ],
    ['layerNorm=true', (d) => (d.config.layerNorm = true), 'config.layerNorm: layerNorm=true is not supported yet'],
    ['a bad config value', (d) => (d.config.stateSize = 0), 'config.stateSize: must be an integer in [1, 64], got 0'],
    ['params not an object', (d) => (d.params = []), 'params: must be an object, got an array of 0'],
    ['a missing part', (d) => delete d.params.bwd, 'params.bwd: missing'],
    ['an unknown part', (d) => (d.params.extra = {}), 'params.extra: unknown field (known: lstm, fwd, bwd)'],
    ['a missing bias', (d) => delete d.params.fwd.b, 'params.fwd.b: missing'],
    ['a missing row', (d) => d.params.lstm.w.pop(), 'params.lstm.w: expected 8 rows, got 7'],
    ['a short row', (d) => d.params.lstm.w[3].pop(), 'params.lstm.w[3]: expected 16 numbers, got 15'],
    ['a long bias', (d) => d.params.lstm.b.push(0), 'params.lstm.b: expected 16 numbers, got 17'],
    ['a flat matrix', (d) => (d.params.fwd.w = d.params.fwd.w.flat()), 'params.fwd.w: expected 4 rows, got 8'],
    ['a number for a row', (d) => (d.params.fwd.w[1] = 0.5), 'params.fwd.w[1]: must be an array, got 0.5'],
    ['NaN written as null', (d) => (d.params.fwd.b[1] = null), 'params.fwd.b[1]: must be a finite number, got null'],
    [
      'NaN written as a string',
      (d) => (d.params.bwd.w[2][0] = 'NaN'),
      'params.bwd.w[2][0]: must be a finite number, got "NaN"',
    ],
    [
      'a float32 overflow',
      (d) => (d.params.lstm.w[0][0] = 1e39),
      'params.lstm.w[0][0]: must be within the float32 range ±3.4028235e38, got 1e+39',
    ],
  ])('rejects %s', (_, edit, message) => {
    const doc = learnerDoc();
    edit(doc);
    expect(line(parseLearner(doc))).toEqual(message);
  });

  it('rejects the wrong format and an unsupported version', () => {
    expect(line(parseLearner({ ...learnerDoc(), format: 'vsml-state' }))).toBe(
      'format: expected "vsml-learner", got "vsml-state"',
    );
    expect(line(parseLearner({ ...learnerDoc(), version: 2 }))).toBe('version: unsupported version 2 (supported: 1)');
  });

  it('does not modify its input', () => {
    const doc = learnerDoc();
    const copy = clone(doc);
    parseLearner(doc);
    expect(doc).toEqual(copy);
  });
});
