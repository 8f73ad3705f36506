// MNIST shape (A=784, K=10, one dense layer, N=16, M=8): S=256 runs, about 490 KiB of h and of c
// per run, are built and advanced by one example on whatever adapter is here. On SwiftShader (a
// CPU) that example is 20-40 s of work, more when the cores are shared, so it is the only
// MNIST-size test; runs 0 and 255 are checked against the CPU reference.
import { describe, expect, it } from 'vitest';
import { ReferenceEngine } from '../../src/model/referenceEngine';
import { maxAbsDiff, randomBlock, randomParams, randomStates, config } from '../helpers/random';
import { gpuEngine } from './fixture';

describe('GpuEngine at MNIST size', () => {
  it('S=256, A=784, K=10: one example, outputs off, own V_M for two runs, loss of runs 0 and 255 match the CPU (seed 51)', async () => {
    const cfg = config();
    const S = 256;
    const spec = { config: cfg, inputSize: 784, numClasses: 10, runs: S };
    const shared = randomParams(cfg, 51);
    const params = Array.from({ length: S }, (_, s) => (s === 255 ? randomParams(cfg, 52) : shared));
    const states = randomStates(spec, 51);
    const block = randomBlock(spec, 1, 1, 51);
    const t0 = performance.now();
    const gpu = await gpuEngine(spec);
    try {
      gpu.setParams(params);
      gpu.setState(states);
      const t1 = performance.now();
      const r = await gpu.run(block, { outputs: false });
      const t2 = performance.now();
      console.info(
        `MNIST S=${S} on ${gpu.description}: ${gpu.shardCount} shard(s), set-up ${((t1 - t0) / 1000).toFixed(1)} s, ` +
          `1 example ${((t2 - t1) / 1000).toFixed(1)} s (${(S / ((t2 - t1) / 1000)).toFixed(1)} run-examples/s)`,
      );
      expect(r.loss.every((v) => Number.isFinite(v))).toBe(true);
      for (const run of [0, 255]) {
        const cpu = new ReferenceEngine({ ...spec, runs: 1 });
        cpu.setParams([params[run]]);
        cpu.setState([states[run]]);
        const c = await cpu.run(block, { outputs: false });
        const d = maxAbsDiff(r.loss.subarray(run, run + 1), c.loss);
        console.info(`MNIST run ${run}: loss max |diff| vs CPU ${d.toExponential(2)}`);
        expect(d).toBeLessThan(1e-4);
      }
    } finally {
      gpu.dispose();
    }
  }, 300_000); // SwiftShader on two shared cores: 20-80 s
});
