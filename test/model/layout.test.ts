import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/model/config';
import { paramLayout } from '../../src/model/layout';

describe('paramLayout', () => {
  it('has 2384 parameters for N=16, M=8 (32*64 + 64 + 2*(16*8 + 8))', () => {
    expect(paramLayout(DEFAULT_CONFIG).size).toBe(2384);
  });

  it('lays blocks out contiguously: lstm.w, lstm.b, fwd.w, fwd.b, bwd.w, bwd.b', () => {
    const L = paramLayout({ stateSize: 4, messageSize: 2 });
    expect(L.lstmW).toEqual({ offset: 0, rows: 8, cols: 16 });
    expect(L.lstmB).toEqual({ offset: 128, rows: 1, cols: 16 });
    expect(L.fwdW).toEqual({ offset: 144, rows: 4, cols: 2 });
    expect(L.fwdB).toEqual({ offset: 152, rows: 1, cols: 2 });
    expect(L.bwdW).toEqual({ offset: 154, rows: 4, cols: 2 });
    expect(L.bwdB).toEqual({ offset: 162, rows: 1, cols: 2 });
    expect(L.size).toBe(164);
  });
});
