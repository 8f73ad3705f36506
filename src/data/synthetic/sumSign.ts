// Sum Sign (official data.py:22-27, "sum"): every example is fresh. mu ~ U(-1, 1), then every pixel
// is mu + a standard normal truncated at +-2 (TF's truncated_normal(mean=mu, stddev=1)), so pixels
// lie in [mu - 2, mu + 2]; label 1 if the sum of the pixels >= 0, else 0. Not normalised.
import type { Rng } from '../../model/rng';
import { SUM_SIGN_NAMES } from '../classNames';
import type { GeneratorSource } from '../types';

const SHAPE = { height: 28, width: 28, channels: 1 };

/** Draw one example into out[offset..offset+784); returns its label. mu is drawn first, then the pixels in order. */
export function sampleSumSign(rng: Rng, out: Float32Array, offset: number): number {
  const mu = rng.uniformIn(-1, 1);
  let sum = 0;
  for (let i = 0; i < 784; i++) {
    const v = Math.fround(mu + rng.truncNormal(1));
    out[offset + i] = v;
    sum += v;
  }
  return sum >= 0 ? 1 : 0;
}

export function sumSignSource(): GeneratorSource {
  return {
    kind: 'generator',
    name: 'sum-sign',
    shape: SHAPE,
    numClasses: 2,
    classNames: SUM_SIGN_NAMES,
    normalisation: null,
    sample: sampleSumSign,
  };
}
