// Pure parts of the GPU engine: shard planning and its messages, dispatch folding, V_M packing,
// and the kernel descriptors against the WGSL binding declarations.
import { describe, expect, it } from 'vitest';
import { foldWorkgroups } from '../../src/gpu/fold';
import { KERNELS, type BindingKind } from '../../src/gpu/kernels';
import { gateIndex, gateRows, gateRowVec4s, packParams } from '../../src/gpu/packParams';
import { planEngine, stepsPerChunk, type EngineLimits } from '../../src/gpu/plan';
import { SHADER_NAMES } from '../../src/gpu/shaders';
import { loadShadersNode } from '../../src/gpu/shadersNode';
import { paramLayout } from '../../src/model/layout';
import { config, randomParams } from '../helpers/random';

const MiB = 1 << 20;
/** The WebGPU default limits. */
const DEFAULTS: EngineLimits = {
  maxStorageBufferBindingSize: 128 * MiB,
  maxBufferSize: 256 * MiB,
  maxComputeWorkgroupsPerDimension: 65535,
  maxComputeWorkgroupStorageSize: 16384,
  maxComputeInvocationsPerWorkgroup: 256,
  minUniformBufferOffsetAlignment: 256,
};
const mnist = (runs: number, stateSize = 16) => ({
  config: config({ stateSize }),
  inputSize: 784,
  numClasses: 10,
  runs,
});

describe('planEngine', () => {
  it('MNIST S=256 fits one shard under the default 128 MiB binding (490 KiB of h per run)', () => {
    const p = planEngine(mnist(256), DEFAULTS);
    expect(p.ok && p.value.shards).toEqual([{ runBase: 0, runs: 256 }]);
  });

  it('MNIST S=300 splits into shards of 267 + 33 runs under 128 MiB', () => {
    const p = planEngine(mnist(300), DEFAULTS);
    expect(p.ok && p.value.shards).toEqual([
      { runBase: 0, runs: 267 },
      { runBase: 267, runs: 33 },
    ]);
  });

  it('maxRunsPerShard caps shards: S=5 in 2 + 2 + 1', () => {
    const p = planEngine(mnist(5), DEFAULTS, { maxRunsPerShard: 2 });
    expect(p.ok && p.value.shards.map((s) => s.runs)).toEqual([2, 2, 1]);
  });

  it('one run over the binding limit is an error with the limit and the excess', () => {
    const spec = { config: config({ hiddenSizes: [4096] }), inputSize: 784, numClasses: 10, runs: 1 };
    const p = planEngine(spec, DEFAULTS);
    expect(p.ok).toBe(false);
    if (!p.ok) {
      expect(p.error.message).toBe(
        'state buffer (h or c) of layer 0 (784x4096x16) for 1 run needs 196.0 MiB but maxStorageBufferBindingSize is 128.0 MiB (53.1% over)',
      );
    }
  });

  it('names maxBufferSize when it is the smaller limit', () => {
    const spec = { config: config({ hiddenSizes: [4096] }), inputSize: 784, numClasses: 10, runs: 1 };
    const p = planEngine(spec, { ...DEFAULTS, maxStorageBufferBindingSize: 1024 * MiB, maxBufferSize: 100 * MiB });
    expect(!p.ok && p.error.message).toMatch(/needs 196\.0 MiB but maxBufferSize is 100\.0 MiB \(96\.0% over\)$/);
  });

  it('tuning: W_h in workgroup memory up to N=32 with 16 KiB, not at N=64', () => {
    const t32 = planEngine(mnist(1, 32), DEFAULTS);
    const t64 = planEngine(mnist(1, 64), DEFAULTS);
    expect(t32.ok && t32.value.tuning.whShared).toBe(true);
    expect(t64.ok && t64.value.tuning).toEqual({
      wg: 64,
      reduceWg: 64,
      whShared: false,
      grid: 'grid_tick',
      fuseLayer0: false,
    });
  });

  it('tuning: grid_tick_n16 exactly when N=16 (N=12, 20, 32 keep grid_tick)', () => {
    const grid = (N: number) => {
      const p = planEngine(mnist(1, N), DEFAULTS);
      return p.ok && p.value.tuning.grid;
    };
    expect([16, 12, 20, 32].map(grid)).toEqual(['grid_tick_n16', 'grid_tick', 'grid_tick', 'grid_tick']);
  });
});

describe('stepsPerChunk', () => {
  it('bounds a chunk so Q streams of inputs fit one buffer', () => {
    const r = stepsPerChunk(mnist(256), 256, DEFAULTS);
    // 256 streams x 784 inputs x 4 bytes = 784 KiB per example: 167 examples in 128 MiB
    expect(r.ok && r.value).toBe(167);
    expect(stepsPerChunk(mnist(1), 1, DEFAULTS, 500)).toEqual({ ok: true, value: 500 });
  });
});

describe('foldWorkgroups', () => {
  it.each([
    [1, 65535],
    [65535, 65535],
    [65536, 65535],
    [1e6, 65535],
    [300, 7],
    [343, 7],
    [12345, 31],
  ])('%i workgroups with at most %i per dimension cover the count within the limit', (n, max) => {
    const [x, y, z] = foldWorkgroups(n, max);
    expect(Math.max(x, y, z)).toBeLessThanOrEqual(max);
    expect(x * y * z).toBeGreaterThanOrEqual(n);
    expect(x * y * (z - 1)).toBeLessThan(n);
  });

  it('throws past max^3', () => {
    expect(() => foldWorkgroups(400, 7)).toThrow('dispatch of 400 workgroups exceeds 7^3');
  });
});

describe('packParams', () => {
  it('gate (row r, column j, gate g) sits at gateIndex; h rows and columns past N are 0; bias last (N=5, M=2, seed 41)', () => {
    const cfg = config({ stateSize: 5, messageSize: 2, outputIndex: 1 });
    const p = [randomParams(cfg, 41), randomParams(cfg, 42)];
    const L = paramLayout(cfg);
    const packed = packParams(cfg, p);
    const [N, M, E] = [5, 2, 8];
    expect(gateRowVec4s(N)).toBe(E);
    const rows = gateRows(cfg);
    expect(rows).toBe(2 * M + E + 1);
    expect(packed.gateStride).toBe(rows * E);
    const seen = new Set<number>();
    for (let set = 0; set < 2; set++) {
      const at = (r: number, j: number, g: number) => set * packed.gateStride * 4 + gateIndex(E, r, j, g);
      for (let r = 0; r < 2 * M + N; r++)
        for (let j = 0; j < N; j++)
          for (let g = 0; g < 4; g++) {
            expect(packed.gate[at(r, j, g)]).toBe(p[set][L.lstmW.offset + r * 4 * N + g * N + j]);
            seen.add(at(r, j, g));
          }
      for (let j = 0; j < N; j++)
        for (let g = 0; g < 4; g++) {
          expect(packed.gate[at(rows - 1, j, g)]).toBe(p[set][L.lstmB.offset + g * N + j]);
          seen.add(at(rows - 1, j, g));
        }
    }
    packed.gate.forEach((v, i) => {
      if (!seen.has(i)) expect(v).toBe(0);
    });
    expect([...packed.msg.subarray(packed.msgStride, 2 * packed.msgStride)]).toEqual([...p[1].subarray(L.fwdW.offset)]);
  });
});

describe('kernel descriptors mirror the WGSL', () => {
  const sources = loadShadersNode();
  const wgslKind = (space: string): BindingKind[] =>
    space === 'uniform'
      ? ['uniform', 'step']
      : space === 'storage, read'
        ? ['read']
        : space === 'storage, read_write'
          ? ['write']
          : [];

  it.each(SHADER_NAMES)('%s.wgsl declares @binding(i) exactly as KERNELS lists them', (name) => {
    const decls = [...sources[name].matchAll(/@group\(0\) @binding\((\d+)\) var<([^>]+)> (\w+)/g)].map((m) => ({
      binding: Number(m[1]),
      space: m[2],
      name: m[3],
    }));
    const desc = KERNELS[name].bindings;
    expect(decls.map((d) => d.binding)).toEqual(desc.map((_, i) => i));
    expect(decls.map((d) => d.name)).toEqual(desc.map((b) => b.name));
    decls.forEach((d, i) => expect(wgslKind(d.space)).toContain(desc[i].kind));
  });

  it.each(SHADER_NAMES)('%s.wgsl starts with a header comment naming the thread mapping', (name) => {
    expect(sources[name].startsWith(`// ${name}:`)).toBe(true);
    expect(sources[name]).toMatch(/Thread mapping:/);
    expect(sources[name]).toMatch(/Workgroup memory:/);
  });
});
