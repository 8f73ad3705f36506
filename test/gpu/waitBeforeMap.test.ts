// waitBeforeMap (sleep through most of the expected GPU time before mapping results; on by default in
// Node, where Dawn polls a pending map at 100% CPU) changes when results are read, never what they are.
import { describe, expect, it } from 'vitest';
import type { BlockResult } from '../../src/model/engine';
import { config, randomBlock, randomParams, randomStates } from '../helpers/random';
import { gpuEngine } from './fixture';

const cfg = config({});
const spec = { config: cfg, inputSize: 40, numClasses: 3, runs: 2 };

async function runBlocks(waitBeforeMap: boolean | undefined): Promise<{ results: BlockResult[]; wait: boolean }> {
  const e = await gpuEngine(spec, { waitBeforeMap });
  try {
    e.setParams([randomParams(cfg, 71), randomParams(cfg, 72)]);
    e.setState(randomStates(spec, 7));
    const results: BlockResult[] = [];
    for (let i = 0; i < 4; i++) results.push(await e.run(randomBlock(spec, 6, 2, 70 + i)));
    return { results, wait: e.waitBeforeMap };
  } finally {
    e.dispose();
  }
}

describe('GpuEngine waitBeforeMap', () => {
  it('is on by default in Node; 4 blocks with it on and off are bit-identical (outputs, loss, correct)', async () => {
    const on = await runBlocks(undefined);
    const off = await runBlocks(false);
    expect(on.wait).toBe(true);
    expect(off.wait).toBe(false);
    on.results.forEach((r, i) => {
      expect([...(r.outputs as Float32Array)]).toEqual([...(off.results[i].outputs as Float32Array)]);
      expect([...r.loss]).toEqual([...off.results[i].loss]);
      expect([...r.correct]).toEqual([...off.results[i].correct]);
    });
  });
});
