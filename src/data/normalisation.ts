// Scalar per-dataset statistics, x' = (x/255 - mean) / std, as the official code's
// `dataset_standard` mode (data.py:125-127). Synthetic data is not normalised.
import type { Normalisation } from './types';

export const MNIST_STATS: Normalisation = { mean: 0.13066, std: 0.30811 };
/** The true Fashion-MNIST statistics (the official code reuses MNIST's instead). */
export const FASHION_MNIST_STATS: Normalisation = { mean: 0.286, std: 0.353 };
export const EMNIST_STATS: Normalisation = { mean: 0.17392, std: 0.33191 };
export const KMNIST_STATS: Normalisation = { mean: 0.19176, std: 0.34834 };
/** One scalar for all three channels (also used for the grayscale version). */
export const CIFAR10_STATS: Normalisation = { mean: 0.47336, std: 0.25157 };
/**
 * Omniglot. The official 0.92206/0.26808 are for TFDS images (white paper = 1). The IDX files here have
 * ink = 255 and paper = 0 (as MNIST), i.e. x -> 1 - x, so the mean is mirrored: 1 - 0.92206; the std is
 * unchanged. (Measured on background-small1 here: 0.0763 / 0.2654.)
 */
export const OMNIGLOT_STATS: Normalisation = { mean: 1 - 0.92206, std: 0.26808 };

/**
 * Which statistics the `fashion-mnist` preset uses: its own ('true', the default) or MNIST's (as the official code).
 */
export type FashionMnistStats = 'true' | 'mnist';

export const fashionMnistNormalisation = (stats: FashionMnistStats = 'true'): Normalisation =>
  stats === 'mnist' ? MNIST_STATS : FASHION_MNIST_STATS;

/** Normalise `n` values in place from `x[offset]`. */
export function normaliseInPlace(x: Float32Array, offset: number, n: number, norm: Normalisation): void {
  const inv = 1 / norm.std;
  for (let i = offset; i < offset + n; i++) x[i] = (x[i] - norm.mean) * inv;
}
