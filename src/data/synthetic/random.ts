// Random (official data.py:13-19): 20 fixed inputs x ~ N(0,1)^(28x28x1) with labels uniform over
// 10 classes, a memorisation task (a stream cycles through them in shuffled epochs). The official
// code draws them unseeded once per dataset object; here they come from the task seed and the split
// (train and test draw different sets): new Rng(hash3(seed, SEED_STREAMS.randomTask, splitIndex)),
// 20*784 normals in [n][h][w] order, then 20 labels rng.int(10). Not normalised.
import { hash3, Rng } from '../../model/rng';
import { DIGIT_NAMES } from '../classNames';
import { SEED_STREAMS, splitIndex } from '../seeds';
import type { ImageSet, SplitName } from '../types';

export const RANDOM_EXAMPLES = 20;
export const RANDOM_CLASSES = 10;

export function randomSet(seed: number, split: SplitName = 'test'): ImageSet {
  const shape = { height: 28, width: 28, channels: 1 };
  const size = 28 * 28;
  const rng = new Rng(hash3(seed, SEED_STREAMS.randomTask, splitIndex(split)));
  const pixels = new Float32Array(RANDOM_EXAMPLES * size);
  for (let i = 0; i < pixels.length; i++) pixels[i] = rng.normal();
  const labels = Int32Array.from({ length: RANDOM_EXAMPLES }, () => rng.int(RANDOM_CLASSES));
  return {
    kind: 'images',
    name: `random/${split}`,
    count: RANDOM_EXAMPLES,
    shape,
    pixels,
    labels,
    numClasses: RANDOM_CLASSES,
    classNames: DIGIT_NAMES,
    normalisation: null,
  };
}
