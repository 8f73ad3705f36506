// vsml meta-train --backend webgpu (Dawn; SwiftShader when no GPU driver is set up): the same rollouts
// and evaluations as the CPU reference, up to float rounding in the losses.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tinyConfigDoc } from '../meta/trainerHelpers';
import { tempDir, vsml, writeDoc } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function run(backend: string): Promise<Record<string, any>[]> {
  const dir = await tempDir();
  const config = await writeDoc(
    dir,
    'c.json',
    tinyConfigDoc({
      steps: 2,
      evaluation: { every: 2, steps: 10, runs: 2, datasets: [{ dataset: 'mnist', resize: 7, classes: [0, 1, 2] }] },
    }),
  );
  const r = await vsml('meta-train', '--config', config, '--out', join(dir, 'run'), '--backend', backend);
  expect(r.stderr).toEqual([]);
  expect(r.code).toBe(0);
  expect(r.stdout[0]).toContain(`on ${backend};`);
  return (await readFile(join(dir, 'run', 'log.jsonl'), 'utf8'))
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
}

describe('vsml meta-train --backend webgpu', () => {
  it('tiny task, 2 steps: meta-losses within 1e-5 of the CPU reference, the same held-out accuracy', async () => {
    const gpu = await run('webgpu');
    const cpu = await run('cpu');
    expect(gpu.map((e) => e.step)).toEqual(cpu.map((e) => e.step));
    for (let i = 0; i < cpu.length; i++) {
      if (typeof cpu[i].metaLoss === 'number') expect(Math.abs(gpu[i].metaLoss - cpu[i].metaLoss)).toBeLessThan(1e-5);
      if (cpu[i].eval) {
        const [name] = Object.keys(cpu[i].eval);
        expect(gpu[i].eval[name].atEnd).toEqual(cpu[i].eval[name].atEnd);
        expect(Math.abs(gpu[i].eval[name].loss - cpu[i].eval[name].loss)).toBeLessThan(1e-5);
      }
    }
  });
});
