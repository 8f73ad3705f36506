// A subset of an image set's examples, in the order given (copies pixels and labels).
import type { ImageSet } from '../types';

export function selectExamples(set: ImageSet, indices: ArrayLike<number>, name = set.name): ImageSet {
  const size = set.shape.height * set.shape.width * set.shape.channels;
  const n = indices.length;
  const pixels = set.pixels instanceof Uint8Array ? new Uint8Array(n * size) : new Float32Array(n * size);
  const labels = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const i = indices[k];
    pixels.set(set.pixels.subarray(i * size, (i + 1) * size), k * size);
    labels[k] = set.labels[i];
  }
  return { ...set, name, count: n, pixels, labels };
}
