// How every random draw of meta-training derives from the config's seed, so that a step can be
// recomputed from (seed, step) alone and a resumed run continues bit for bit. All draws use the
// counter-based Rng (src/model/rng.ts); tags are four ASCII letters.
//
//   initial V_M                     initParams(model, new Rng(hash3(seed, 'init', 0)))
//   noise of pair p in step s       new Rng(hash3(seed, 'nois', s), p)        (src/model/es/noise.ts)
//   initial state of pair p, step s new Rng(hash3(seed, 'stat', s), p)        (both halves of the pair)
//   examples of pair p, step s      src/data stream run p under stream seed hash3(seed, 'data', s):
//                                   the first T examples of a fresh shuffle of the split
//   task seed of variant v          hash3(seed, 'task', v)                     (fixed projection, Random's set)
//   variant of pair p, step s       'random' assignment: new Rng(hash3(seed, 'asgn', s)), P draws in order
//   per-step projection of p, s     projectionMatrix(A, hash3(hash3(seed, 'pstp', s), p, 0))
import { hash3, Rng } from '../model/rng';

export const META_TAGS = {
  init: 0x696e6974,
  state: 0x73746174,
  data: 0x64617461,
  task: 0x7461736b,
  assign: 0x6173676e,
  stepProjection: 0x70737470,
} as const;

export const initSeed = (seed: number): number => hash3(seed, META_TAGS.init, 0);
export const stateRng = (seed: number, step: number, pair: number): Rng =>
  new Rng(hash3(seed, META_TAGS.state, step), pair);
export const dataSeed = (seed: number, step: number): number => hash3(seed, META_TAGS.data, step);
export const variantTaskSeed = (seed: number, variant: number): number => hash3(seed, META_TAGS.task, variant);
export const assignRng = (seed: number, step: number): Rng => new Rng(hash3(seed, META_TAGS.assign, step));
export const stepProjectionSeed = (seed: number, step: number, pair: number): number =>
  hash3(hash3(seed, META_TAGS.stepProjection, step), pair, 0);
