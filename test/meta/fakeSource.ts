// A BlockSource for tests that do not need src/data: run r's examples come from new Rng(seed, r);
// x ~ N(0, 1) + a class-dependent shift in the first input, so a linear learner can learn it.
import type { BlockSource } from '../../src/model/engine';
import { Rng } from '../../src/model/rng';

export class FakeSource implements BlockSource {
  private readonly rngs: Rng[];
  /** Examples handed out per run so far. */
  position = 0;

  constructor(
    readonly inputSize: number,
    readonly numClasses: number,
    readonly runs: number,
    seed = 0,
  ) {
    this.rngs = Array.from({ length: runs }, (_, r) => new Rng(seed, r));
  }

  fillBlock(block: { readonly inputs: Float32Array; readonly labels: Int32Array; readonly steps: number }): void {
    const { inputSize: A, numClasses: K } = this;
    const T = block.steps;
    this.rngs.forEach((rng, r) => {
      for (let t = 0; t < T; t++) {
        const y = rng.int(K);
        block.labels[r * T + t] = y;
        for (let a = 0; a < A; a++) block.inputs[(r * T + t) * A + a] = rng.normal() + (a === y % A ? 2 : 0);
      }
    });
    this.position += T;
  }
}
