// vsml trace --backend webgpu: the golden fixture on the WebGPU engine (Dawn; SwiftShader when no
// GPU driver is set up, see src/cli/nodeGpu.ts), and a missing adapter as a runtime failure.
// Tolerance 1e-4 rather than the CPU's 1e-5: the GPU's exp/tanh are not correctly rounded (on
// SwiftShader the tiny trace differs from the Float64 equations by about 6e-6).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseTrace, type Trace } from '../../src/model/formats/trace';
import { expectOk } from '../formats/helpers';
import { FIXTURES, maxRelDiff, ROOT, tempDir, vsml } from './helpers';
import { spawnSync } from 'node:child_process';

const readTrace = async (path: string): Promise<Trace> =>
  expectOk(parseTrace(JSON.parse(await readFile(path, 'utf8'))));
const f = (name: string) => join(FIXTURES, name);
const inputs = [
  '--learner',
  f('tiny.learner.json'),
  '--stream',
  f('tiny.stream.json'),
  '--state',
  f('tiny.state.json'),
];

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});

describe('vsml trace --backend webgpu', () => {
  it('matches tiny.trace.json within 1e-4', async () => {
    const out = join(dir, 'gpu.trace.json');
    const r = await vsml('trace', ...inputs, '--backend', 'webgpu', '--out', out);
    expect(r.stderr).toEqual([]);
    expect(r.code).toBe(0);
    const got = await readTrace(out);
    const want = await readTrace(f('tiny.trace.json'));
    expect(maxRelDiff(got.outputs, want.outputs)).toBeLessThan(1e-4);
    expect(maxRelDiff(got.loss, want.loss)).toBeLessThan(1e-4);
    expect([...got.correct]).toEqual([...want.correct]);
  });

  it('without a WebGPU adapter exits 1 and ends with one line naming the backend', () => {
    const r = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/vsml.ts',
        'trace',
        ...inputs,
        '--backend',
        'webgpu',
        '--out',
        join(dir, 'none.json'),
      ],
      {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, VK_ICD_FILENAMES: join(dir, 'no-such-icd.json'), VSML_VULKAN: '' },
        timeout: 60_000,
      },
    );
    expect(r.status).toBe(1);
    // Dawn's Vulkan loader writes its own warnings to stderr before ours; our part is the last line.
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^vsml trace: webgpu backend failed: .+/);
    expect(r.stderr).not.toMatch(/\.ts:\d+/);
  });
});
