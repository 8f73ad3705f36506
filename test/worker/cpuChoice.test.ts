// fastCpu: the fast CPU engine where it can run, else the reference with the reason in its description
// (no WebAssembly SIMD, or the fast engine failing to start); simdBlocker on this Node and on a runtime
// without SIMD.
import { describe, expect, it } from 'vitest';
import { createNodeCpuEngine } from '../../src/cpu/node';
import { simdBlocker } from '../../src/cpu/simd';
import type { EngineSpec } from '../../src/model/engine';
import { parseConfig } from '../../src/model/config';
import { fastCpu, referenceCpu } from '../../src/worker/shared/cpuChoice';

const cfg = parseConfig({ hiddenSizes: [] });
if (!cfg.ok) throw new Error(cfg.error.message);
const spec: EngineSpec = { config: cfg.value, inputSize: 3, numClasses: 2, runs: 2 };

describe('fastCpu', () => {
  it('makes the fast engine where WebAssembly SIMD validates', async () => {
    const e = await fastCpu((s) => createNodeCpuEngine(s, { threads: 2 }))(spec);
    try {
      expect([e.backend, e.description]).toEqual([
        'cpu',
        expect.stringMatching(/^fast CPU engine \(WebAssembly SIMD.*, 2 threads\)$/),
      ]);
    } finally {
      e.dispose();
    }
  });

  it('makes the reference, saying why, where SIMD is missing or the fast engine cannot start', async () => {
    const noSimd = await fastCpu(referenceCpu, () => 'WebAssembly SIMD is not available in this browser')(spec);
    expect([noSimd.backend, noSimd.description]).toEqual([
      'reference',
      'CPU reference (TypeScript, single thread: WebAssembly SIMD is not available in this browser)',
    ]);
    const broken = await fastCpu(
      () => Promise.reject(new Error('fetching vsml_cpu.wasm failed: HTTP 404')),
      () => null,
    )(spec);
    expect([broken.backend, broken.description]).toEqual([
      'reference',
      'CPU reference (TypeScript, single thread: the fast CPU engine could not start: fetching vsml_cpu.wasm failed: HTTP 404)',
    ]);
  });
});

describe('simdBlocker', () => {
  it('is null on this Node (SIMD validates) and names SIMD where validate refuses it', () => {
    expect(simdBlocker()).toBeNull();
    expect(simdBlocker({ validate: () => false })).toBe('WebAssembly SIMD is not available in this browser');
    expect(simdBlocker(null)).toBe('WebAssembly is not available here');
  });
});
