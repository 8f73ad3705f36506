// A real explanation for the explain view's tests: the CPU reference's explainExample on a small grid.
import { DEFAULT_CONFIG, type VsmlConfig } from '../../../src/model/config';
import { explainExample, statesAfter } from '../../../src/model/explain';
import type { Explanation } from '../../../src/model/explainTypes';
import { initParams, initRunState } from '../../../src/model/init';
import { zeroCarry } from '../../../src/model/reference';
import { Rng } from '../../../src/model/rng';
import { layerShapes } from '../../../src/model/state';

/** A real explanation (the CPU reference's explainExample): sizes [5, 3, 4], N = 4, M = 3, 2 micro-ticks, seed 7, after one earlier example; optionally with backwardPass. */
export function explained(backwardPass = false): { ex: Explanation; cfg: VsmlConfig } {
  const cfg: VsmlConfig = {
    ...DEFAULT_CONFIG,
    stateSize: 4,
    messageSize: 3,
    microTicks: 2,
    outputIndex: 1,
    hiddenSizes: [3],
    backwardPass,
  };
  const rng = new Rng(7);
  const params = initParams(cfg, rng);
  const shapes = layerShapes([5, 3, 4]);
  const carry = zeroCarry(cfg, shapes, [...initRunState(cfg, shapes, rng)]);
  const x0 = Float32Array.from([0.5, -1, 2, 0, 1.5]);
  const first = explainExample(cfg, params, shapes, carry, x0, 2, 0);
  const next = { states: statesAfter(first), bwdIn: first.nextBwdIn.map((b) => new Float32Array(b)) };
  const ex = explainExample(cfg, params, shapes, next, Float32Array.from([1, 0.25, -0.5, 3, -2]), 1, 1);
  return { ex, cfg };
}
