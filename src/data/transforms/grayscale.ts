// RGB to grayscale with tf.image.rgb_to_grayscale's weights (ITU-R 601): 0.2989 R + 0.5870 G + 0.1140 B.
// For CIFAR-10: 32x32x3 (3,072 inputs) becomes 32x32x1 (1,024).

export const GRAY_WEIGHTS = [0.2989, 0.587, 0.114] as const;

/** Convert `pixels` RGB pixels at src[srcOffset] (channels last) to one value each at out[outOffset]. */
export function grayscale(
  src: Float32Array,
  srcOffset: number,
  pixels: number,
  out: Float32Array,
  outOffset: number,
): void {
  const [wr, wg, wb] = GRAY_WEIGHTS;
  for (let p = 0; p < pixels; p++) {
    const s = srcOffset + 3 * p;
    out[outOffset + p] = wr * src[s] + wg * src[s + 1] + wb * src[s + 2];
  }
}
