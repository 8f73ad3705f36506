// How every random draw of src/data derives from the seeds. All use the counter-based Rng of
// src/model/rng.ts: `new Rng(seed, stream)` yields hash3(seed, stream, k) for k = 0, 1, …
//
//   task seed (TaskSpec.seed):
//     projection matrix   new Rng(taskSeed, SEED_STREAMS.projection), D*D uniforms, row-major
//     pixel permutation   new Rng(taskSeed, SEED_STREAMS.pixelShuffle), Fisher-Yates
//     Random's 20 inputs  new Rng(hash3(taskSeed, SEED_STREAMS.randomTask, splitIndex)), then labels
//   stream seed (StreamOptions.seed), run r:
//     runSeed = hash3(seed, SEED_STREAMS.order, r)
//     epoch e order       new Rng(runSeed, e), Fisher-Yates from the identity
//     generated examples  new Rng(hash3(seed, SEED_STREAMS.generate, r)), drawn in sequence
import { hash3 } from '../model/rng';
import type { SplitName } from './types';

/** Stream ids ("proj", "perm", "rand", "ordr", "genr" in ASCII). */
export const SEED_STREAMS = {
  projection: 0x70726f6a,
  pixelShuffle: 0x7065726d,
  randomTask: 0x72616e64,
  order: 0x6f726472,
  generate: 0x67656e72,
} as const;

export const splitIndex = (split: SplitName): number => (split === 'train' ? 0 : 1);

/** The seed of run r's example order under stream seed `seed`. */
export const runOrderSeed = (seed: number, run: number): number => hash3(seed, SEED_STREAMS.order, run);

/** The seed of run r's generated examples (Sum Sign) under stream seed `seed`. */
export const runGenerateSeed = (seed: number, run: number): number => hash3(seed, SEED_STREAMS.generate, run);
