// A distributed run's identity (src/cli/queue/runDigest.ts): the engine without its thread count, the
// config without what a resume may change, the tasks' bytes, and theta's SHA-256.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  engineIdentity,
  runDigest,
  tasksFingerprint,
  thetaDigest,
  trajectoryJson,
  type RunIdentity,
} from '../../../src/cli/queue/runDigest';
import type { VariantTask } from '../../../src/meta/taskSet';
import { tinyConfig } from '../../meta/trainerHelpers';

describe('engineIdentity', () => {
  it('strips the thread count of the fast CPU engine', () => {
    expect(engineIdentity({ backend: 'cpu', description: 'fast CPU engine (WebAssembly SIMD, 2 threads)' })).toBe(
      'cpu: fast CPU engine (WebAssembly SIMD)',
    );
    expect(engineIdentity({ backend: 'cpu', description: 'fast CPU engine (WebAssembly SIMD, 16 threads)' })).toBe(
      'cpu: fast CPU engine (WebAssembly SIMD)',
    );
    expect(
      engineIdentity({ backend: 'cpu', description: 'fast CPU engine (WebAssembly SIMD + relaxed FMA, 8 threads)' }),
    ).toBe('cpu: fast CPU engine (WebAssembly SIMD + relaxed FMA)');
  });

  it('strips "1 thread: why" too', () => {
    expect(
      engineIdentity({
        backend: 'cpu',
        description: 'fast CPU engine (WebAssembly SIMD, 1 thread: the page is not cross-origin isolated)',
      }),
    ).toBe('cpu: fast CPU engine (WebAssembly SIMD)');
    expect(engineIdentity({ backend: 'cpu', description: 'fast CPU engine (WebAssembly SIMD, 1 thread)' })).toBe(
      'cpu: fast CPU engine (WebAssembly SIMD)',
    );
  });

  it('leaves other descriptions as they are', () => {
    expect(engineIdentity({ backend: 'webgpu', description: 'WebGPU on NVIDIA H200 (Vulkan, Dawn)' })).toBe(
      'webgpu: WebGPU on NVIDIA H200 (Vulkan, Dawn)',
    );
    expect(engineIdentity({ backend: 'reference', description: 'CPU reference (TypeScript, single thread)' })).toBe(
      'reference: CPU reference (TypeScript, single thread)',
    );
  });
});

describe('trajectoryJson', () => {
  const base = tinyConfig();

  it('ignores steps, checkpointEvery and evaluation', () => {
    const json = trajectoryJson(base);
    expect(JSON.parse(json)).not.toHaveProperty('steps');
    expect(JSON.parse(json)).not.toHaveProperty('checkpointEvery');
    expect(JSON.parse(json)).not.toHaveProperty('evaluation');
    expect(trajectoryJson(tinyConfig({ steps: 60 }))).toBe(json);
    expect(trajectoryJson(tinyConfig({ checkpointEvery: 5 }))).toBe(json);
    expect(trajectoryJson(tinyConfig({ evaluation: { every: 1, steps: 4, runs: 1, datasets: [] } }))).toBe(json);
  });

  it('but not seed, sigma, pairs or the tasks', () => {
    const json = trajectoryJson(base);
    expect(JSON.parse(json)).toMatchObject({ seed: 7, pairs: 4 });
    expect(trajectoryJson(tinyConfig({ seed: 8 }))).not.toBe(json);
    expect(trajectoryJson(tinyConfig({ sigma: 0.06 }))).not.toBe(json);
    expect(trajectoryJson(tinyConfig({ pairs: 5 }))).not.toBe(json);
    expect(trajectoryJson(tinyConfig({ trajectoryLength: 13 }))).not.toBe(json);
    expect(
      trajectoryJson(
        tinyConfig({ tasks: { datasets: ['mnist'], project: [false], resize: [7], classes: [[0, 1, 2]] } }),
      ),
    ).not.toBe(json);
  });
});

describe('runDigest', () => {
  const id: RunIdentity = {
    code: 'c'.repeat(64),
    engine: 'cpu: fast CPU engine (WebAssembly SIMD)',
    config: '{"seed":7}',
    tasks: 'd'.repeat(64),
  };

  it('SHA-256 of the JSON array of its four parts', () => {
    expect(runDigest(id)).toBe(
      createHash('sha256')
        .update(JSON.stringify([id.code, id.engine, id.config, id.tasks]))
        .digest('hex'),
    );
    expect(runDigest(id)).toMatch(/^[0-9a-f]{64}$/);
    expect(runDigest({ ...id })).toBe(runDigest(id));
  });

  it('changes when any of its four parts changes', () => {
    const digests = [
      runDigest(id),
      runDigest({ ...id, code: 'e'.repeat(64) }),
      runDigest({ ...id, engine: 'webgpu: x' }),
      runDigest({ ...id, config: '{"seed":8}' }),
      runDigest({ ...id, tasks: 'f'.repeat(64) }),
    ];
    expect(new Set(digests).size).toBe(5);
  });

  it('parts are not concatenated: moving text between fields changes it', () => {
    expect(runDigest({ code: 'ab', engine: 'c', config: 'x', tasks: 'y' })).not.toBe(
      runDigest({ code: 'a', engine: 'bc', config: 'x', tasks: 'y' }),
    );
  });
});

describe('thetaDigest', () => {
  it('SHA-256 of the float32 bytes (little-endian), a view at an offset included', () => {
    const theta = Float32Array.of(1, -2.5, 0.1, -0);
    expect(thetaDigest(theta)).toBe(createHash('sha256').update(new Uint8Array(theta.buffer)).digest('hex'));
    expect(thetaDigest(Float32Array.of(1))).toBe(
      createHash('sha256')
        .update(Uint8Array.of(0, 0, 0x80, 0x3f))
        .digest('hex'),
    );
    expect(thetaDigest(new Float32Array(0))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    const big = Float32Array.of(9, 9, 1, -2.5, 0.1, -0, 9);
    expect(thetaDigest(big.subarray(2, 6))).toBe(thetaDigest(theta));
    expect(thetaDigest(Float32Array.of(1, -2.5, 0.1, 0))).not.toBe(thetaDigest(theta));
  });
});

describe('tasksFingerprint', () => {
  const examples = (inputs: number[], labels: number[]): VariantTask => ({
    variant: { dataset: 'mnist' } as unknown as VariantTask['variant'],
    projectPerStep: false,
    task: {
      kind: 'examples',
      inputSize: 2,
      numClasses: 2,
      inputs: Float32Array.from(inputs),
      labels: Int32Array.from(labels),
    } as unknown as VariantTask['task'],
  });

  it('changes with an example value, a label or the order of the tasks', () => {
    const a = examples([0, 1, 2, 3], [0, 1]);
    const b = examples([0, 1, 2, 4], [0, 1]);
    const c = examples([0, 1, 2, 3], [1, 1]);
    const fa = tasksFingerprint([a]);
    expect(fa).toMatch(/^[0-9a-f]{64}$/);
    expect(tasksFingerprint([examples([0, 1, 2, 3], [0, 1])])).toBe(fa);
    expect(
      new Set([fa, tasksFingerprint([b]), tasksFingerprint([c]), tasksFingerprint([a, b]), tasksFingerprint([b, a])])
        .size,
    ).toBe(5);
  });
});
