// Bilinear resize as tf.image.resize(method='bilinear') in TF2: half-pixel centres, no antialiasing.
// For output index o: in = (o + 0.5) * (inSize / outSize) - 0.5; lower = max(floor(in), 0),
// upper = min(ceil(in), inSize - 1), weight of upper = in - floor(in). Channels are resized independently.
import type { ImageShape } from '../types';

interface Axis {
  readonly lower: Int32Array;
  readonly upper: Int32Array;
  readonly lerp: Float32Array;
}

export interface ResizePlan {
  readonly from: ImageShape;
  readonly to: ImageShape;
  readonly y: Axis;
  readonly x: Axis;
}

function axis(inSize: number, outSize: number): Axis {
  const scale = inSize / outSize;
  const lower = new Int32Array(outSize);
  const upper = new Int32Array(outSize);
  const lerp = new Float32Array(outSize);
  for (let o = 0; o < outSize; o++) {
    const pos = (o + 0.5) * scale - 0.5;
    const f = Math.floor(pos);
    lower[o] = Math.max(f, 0);
    upper[o] = Math.min(Math.ceil(pos), inSize - 1);
    lerp[o] = pos - f;
  }
  return { lower, upper, lerp };
}

export function resizePlan(from: ImageShape, height: number, width = height): ResizePlan {
  return {
    from,
    to: { height, width, channels: from.channels },
    y: axis(from.height, height),
    x: axis(from.width, width),
  };
}

/** Resize one [H][W][C] image at src[srcOffset] into out[outOffset] ([h][w][C]). */
export function resize(
  plan: ResizePlan,
  src: Float32Array,
  srcOffset: number,
  out: Float32Array,
  outOffset: number,
): void {
  const { x, y } = plan;
  const C = plan.from.channels;
  const W = plan.from.width;
  const { height: h, width: w } = plan.to;
  let o = outOffset;
  for (let r = 0; r < h; r++) {
    const top = srcOffset + y.lower[r] * W * C;
    const bottom = srcOffset + y.upper[r] * W * C;
    const dy = y.lerp[r];
    for (let c = 0; c < w; c++) {
      const left = x.lower[c] * C;
      const right = x.upper[c] * C;
      const dx = x.lerp[c];
      for (let ch = 0; ch < C; ch++) {
        const tl = src[top + left + ch];
        const tr = src[top + right + ch];
        const bl = src[bottom + left + ch];
        const br = src[bottom + right + ch];
        const t = tl + (tr - tl) * dx;
        const b = bl + (br - bl) * dx;
        out[o++] = t + (b - t) * dy;
      }
    }
  }
}
