// The permutation properties as a Vitest suite for any engine (CPU reference, WebGPU).
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/model/rng';
import { permuteClasses, permuteInputs, runOutputs, type EngineFactory } from './permutation';
import { config, maxAbsDiff, randomBlock, randomParams, randomStates } from './random';

export function permutationSuite(engineName: string, make: EngineFactory, tolerance: number): void {
  describe.each([
    ['no hidden layer, seed 31', 31, []],
    ['one hidden layer of 4, seed 32', 32, [4]],
    ['two hidden layers of 3 and 5, feedLabel, seed 33', 33, [3, 5]],
  ])(`${engineName} permutation properties: %s`, (_name, seed, hiddenSizes) => {
    const cfg = config({ stateSize: 6, messageSize: 3, hiddenSizes, feedLabel: seed === 33 });
    const spec = { config: cfg, inputSize: 7, numClasses: 4, runs: 2 };
    const params = [randomParams(cfg, seed), randomParams(cfg, seed + 100)];
    const states = randomStates(spec, seed);
    const block = randomBlock(spec, 12, 2, seed);

    it('permuting the inputs with the a-axis of the state leaves the outputs unchanged', async () => {
      const base = await runOutputs(make, spec, params, states, block);
      const p = permuteInputs(spec, states, block, new Rng(seed, 7));
      const perm = await runOutputs(make, spec, params, p.states, p.block);
      expect(maxAbsDiff(perm, base)).toBeLessThan(tolerance);
      // not vacuous: permuting the inputs alone changes the outputs
      const alone = await runOutputs(make, spec, params, states, p.block);
      expect(maxAbsDiff(alone, base)).toBeGreaterThan(1e-4);
    });

    it('permuting the classes with the b-axis of the state permutes the outputs the same way', async () => {
      const base = await runOutputs(make, spec, params, states, block);
      const p = permuteClasses(spec, states, block, new Rng(seed, 8));
      const perm = await runOutputs(make, spec, params, p.states, p.block);
      const K = spec.numClasses;
      const expected = new Float32Array(base.length);
      for (let r = 0; r < base.length / K; r++)
        for (let b = 0; b < K; b++) expected[r * K + b] = base[r * K + p.sigma[b]];
      expect(maxAbsDiff(perm, expected)).toBeLessThan(tolerance);
      // not vacuous: the outputs differ between classes
      expect(maxAbsDiff(perm, base)).toBeGreaterThan(1e-3);
    });
  });
}
