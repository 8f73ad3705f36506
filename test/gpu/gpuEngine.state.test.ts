// readState and readStateSlice against the CPU engine after a block, on a sharded engine.
import { describe, expect, it } from 'vitest';
import { config, maxAbsDiff, randomBlock, randomParams, randomStates } from '../helpers/random';
import { referenceEngine, gpuEngine } from './fixture';

const cfg = config({ hiddenSizes: [4], stateSize: 6, messageSize: 3 });
const spec = { config: cfg, inputSize: 5, numClasses: 3, runs: 3 };

describe('GpuEngine state read-back', () => {
  it('readState and readStateSlice equal the CPU engine after 20 examples (S=3 in shards of 2, seed 31)', async () => {
    const params = [0, 1, 2].map((s) => randomParams(cfg, 310 + s));
    const states = randomStates(spec, 31);
    const block = randomBlock(spec, 20, 3, 31);
    const gpu = await gpuEngine(spec, { maxRunsPerShard: 2 });
    try {
      gpu.setParams(params);
      gpu.setState(states);
      const cpu = referenceEngine(spec, { params, states });
      await gpu.run(block, { outputs: false });
      await cpu.run(block);
      let worst = 0;
      for (let run = 0; run < spec.runs; run++) {
        const g = await gpu.readState(run);
        const c = await cpu.readState(run);
        for (let l = 0; l < c.length; l++) {
          worst = Math.max(worst, maxAbsDiff(g[l].h, c[l].h), maxAbsDiff(g[l].c, c[l].c));
        }
      }
      console.info(`readState max |diff| ${worst.toExponential(2)}`);
      expect(worst).toBeLessThan(1e-4);
      for (const [run, layer, vector, j] of [
        [0, 0, 'h', 0],
        [2, 1, 'c', 5],
        [1, 0, 'c', 3],
      ] as const) {
        const g = await gpu.readStateSlice(run, layer, vector, j);
        const c = await cpu.readStateSlice(run, layer, vector, j);
        expect(g.length).toBe(gpu.shapes[layer].A * gpu.shapes[layer].B);
        expect(maxAbsDiff(g, c)).toBeLessThan(1e-4);
      }
    } finally {
      gpu.dispose();
    }
  });

  it('readState right after setState returns the state exactly (seed 32)', async () => {
    const states = randomStates(spec, 32);
    const gpu = await gpuEngine(spec);
    try {
      gpu.setState(states);
      const back = await gpu.readState(1);
      expect(back[0].c).toEqual(states[1][0].c);
      expect(back[1].c).toEqual(states[1][1].c);
      const slice = await gpu.readStateSlice(2, 1, 'c', 1);
      expect([...slice]).toEqual(Array.from({ length: 4 * 3 }, (_, cell) => states[2][1].c[cell * 6 + 1]));
    } finally {
      gpu.dispose();
    }
  });

  it('bad arguments fail with the field named', async () => {
    const gpu = await gpuEngine(spec);
    try {
      await expect(gpu.run(randomBlock(spec, 2, 3, 1))).rejects.toThrow('params: not set');
      gpu.setParams([randomParams(cfg, 1)]);
      await expect(gpu.run(randomBlock(spec, 2, 3, 1))).rejects.toThrow('state: not set');
      gpu.setState(randomStates(spec, 1));
      await expect(gpu.run(randomBlock(spec, 2, 2, 1))).rejects.toThrow('streamOfRun: needed: 2 streams for 3 runs');
      await expect(gpu.readState(3)).rejects.toThrow('run: must be in [0, 3), got 3');
      await expect(gpu.readStateSlice(0, 0, 'h', 6)).rejects.toThrow('j: must be in [0, 6), got 6');
      expect(() => gpu.setParams([randomParams(cfg, 1), randomParams(cfg, 2)])).toThrow(
        'params: expected 1 or 3 parameter sets, got 2',
      );
    } finally {
      gpu.dispose();
    }
    await expect(gpu.run(randomBlock(spec, 2, 3, 1))).rejects.toThrow('the engine was disposed');
  });
});
