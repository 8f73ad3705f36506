// engineCheck: each engine asked for against the reference on the check's random grid (seed 1): the
// fast CPU engine within 1e-4, an engine that cannot be made reported by its label with its message.
import { describe, expect, it } from 'vitest';
import { createNodeCpuEngine } from '../../src/cpu/node';
import { engineCheck } from '../../src/worker/tools/engineCheck';

describe('engineCheck (seed 1)', () => {
  it('checks the fast CPU engine against the reference and reports an engine that cannot be made', async () => {
    const r = await engineCheck([
      { label: 'fast CPU engine', make: (spec) => createNodeCpuEngine(spec, { threads: 2 }) },
      { label: 'WebGPU', make: () => Promise.reject(new Error('no WebGPU adapter here')) },
    ]);
    expect([r.grid, r.runs, r.steps]).toEqual(['12 x 6 x 5', 4, 30]);
    const [fast, gpu] = r.rows;
    expect(fast.ok && [fast.backend, fast.maxAbsDiff <= 1e-4]).toEqual(['cpu', true]);
    expect(gpu).toEqual({ ok: false, label: 'WebGPU', message: 'no WebGPU adapter here' });
  });
});
