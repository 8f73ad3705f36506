import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, layerSizes, parseConfig, randomCellDims } from '../../src/model/config';

describe('parseConfig', () => {
  it('fills the official defaults for an empty object', () => {
    const r = parseConfig({});
    expect(r).toEqual({ ok: true, value: DEFAULT_CONFIG });
    expect(DEFAULT_CONFIG).toMatchObject({
      stateSize: 16,
      messageSize: 8,
      microTicks: 2,
      tanhBound: 100,
      outputIndex: 1,
      feedLabel: false,
      hiddenSizes: [],
      initRandProportion: 0.5,
    });
  });

  it('keeps given values', () => {
    const r = parseConfig({ stateSize: 4, hiddenSizes: [5, 6], feedLabel: true });
    expect(r.ok && r.value.stateSize).toBe(4);
    expect(r.ok && r.value.hiddenSizes).toEqual([5, 6]);
  });

  it.each([
    [{ stateSize: 3.5 }, 'config.stateSize', 'must be an integer in [1, 64], got 3.5'],
    [{ stateSize: 0 }, 'config.stateSize', 'must be an integer in [1, 64], got 0'],
    [{ messageSize: 'x' }, 'config.messageSize', 'must be a finite number, got "x"'],
    [{ tanhBound: 0 }, 'config.tanhBound', 'must be a number in (0, 1000000], got 0'],
    [{ feedLabel: 1 }, 'config.feedLabel', 'must be true or false, got 1'],
    [{ hiddenSizes: [4, -1] }, 'config.hiddenSizes[1]', 'must be an integer in [1, 4096], got -1'],
    [{ hiddenSizes: 4 }, 'config.hiddenSizes', 'must be an array of integers, got 4'],
    [{ outputIndex: 8 }, 'config.outputIndex', 'must be below messageSize (8), got 8'],
    [{ layerNorm: true }, 'config.layerNorm', 'layerNorm=true is not supported yet'],
    [{ slowSize: 16 }, 'config.slowSize', expect.stringContaining('unknown option')],
  ])('rejects %j at %s', (raw, field, message) => {
    const r = parseConfig(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ field, message });
  });

  it('accepts backwardPass=false and layerNorm=false', () => {
    expect(parseConfig({ backwardPass: false, layerNorm: false }).ok).toBe(true);
  });

  it('accepts backwardPass=true (the reverse tick, src/model/reference.ts reverseTick)', () => {
    const r = parseConfig({ backwardPass: true });
    expect(r.ok && r.value.backwardPass).toBe(true);
  });
});

describe('layerSizes', () => {
  it('is [A, ...hidden, K]', () => {
    expect(layerSizes({ ...DEFAULT_CONFIG, hiddenSizes: [20] }, 784, 10)).toEqual([784, 20, 10]);
  });
});

describe('randomCellDims', () => {
  it('is floor(0.5 * 16) = 8 by default and floor(0.3 * 5) = 1', () => {
    expect(randomCellDims(DEFAULT_CONFIG)).toBe(8);
    expect(randomCellDims({ ...DEFAULT_CONFIG, stateSize: 5, initRandProportion: 0.3 })).toBe(1);
  });
});
