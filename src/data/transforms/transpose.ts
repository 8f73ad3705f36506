// Swap rows and columns of every image: EMNIST is stored transposed, upright[r][c] = stored[c][r].
// The registry keeps EMNIST as stored (like the official code); `upright: true` on load applies this.
import type { ImageSet } from '../types';

export function transposeImages(set: ImageSet): ImageSet {
  const { height: H, width: W, channels: C } = set.shape;
  const size = H * W * C;
  const src = set.pixels;
  const out = src instanceof Uint8Array ? new Uint8Array(src.length) : new Float32Array(src.length);
  for (let n = 0; n < set.count; n++) {
    const base = n * size;
    for (let r = 0; r < W; r++) {
      for (let c = 0; c < H; c++) {
        for (let ch = 0; ch < C; ch++) out[base + (r * H + c) * C + ch] = src[base + (c * W + r) * C + ch];
      }
    }
  }
  return { ...set, pixels: out, shape: { height: W, width: H, channels: C } };
}
