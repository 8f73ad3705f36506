// vsml evaluate --backend webgpu: a VSML learner's runs on the WebGPU engine (Dawn; SwiftShader when no
// GPU driver is set up) give the same predictions as on the CPU reference.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseEvaluation, type Evaluation } from '../../src/model/formats/evaluation';
import { expectOk } from '../formats/helpers';
import { FIXTURES, tempDir, vsml } from './helpers';
import { MNIST_IMAGES, MNIST_LABELS } from './sharedData';

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});

async function run(backend: string): Promise<Evaluation> {
  const out = join(dir, `${backend}.json`);
  const r = await vsml(
    'evaluate',
    '--learner',
    join(FIXTURES, 'tiny.learner.json'),
    '--dataset',
    'idx',
    '--images',
    MNIST_IMAGES,
    '--labels',
    MNIST_LABELS,
    '--transform',
    'resize:7',
    '--steps',
    '40',
    '--runs',
    '3',
    '--seed',
    '5',
    '--backend',
    backend,
    '--out',
    out,
  );
  expect(r.stderr).toEqual([]);
  expect(r.code).toBe(0);
  return expectOk(parseEvaluation(JSON.parse(await readFile(out, 'utf8'))));
}

describe('vsml evaluate --backend webgpu', () => {
  it('tiny learner on 7x7 MNIST, 3 runs x 40 steps (seed 5): the same curve as the CPU reference', async () => {
    const gpu = await run('webgpu');
    const cpu = await run('cpu');
    expect(gpu.backend).toBe('webgpu');
    expect(gpu.curve).toEqual(cpu.curve);
    expect(gpu.finalAccuracy).toEqual(cpu.finalAccuracy);
  });
});
