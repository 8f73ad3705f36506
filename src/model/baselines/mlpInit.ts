// Initial weights of a baseline network, as haiku's Linear draws them by default:
// W ~ TruncatedNormal(stddev = 1/sqrt(fan_in)) cut at 2 std, with no variance correction (the
// effective std is about 0.88/sqrt(fan_in)), b = 0. Draw order: layer by layer, W in storage order
// ([out][in], see mlpLayout.ts).
// (The issue text says "uniform"; the official code uses haiku's default, which is this.)
import type { Rng } from '../rng';
import type { MlpLayout } from './mlpLayout';

/** Fill one run's parameters (layout.size values at `offset`) from `rng`. */
export function initMlp(layout: MlpLayout, rng: Rng, out: Float32Array, offset = 0): void {
  for (const layer of layout.layers) {
    const std = 1 / Math.sqrt(layer.inputs);
    const w = offset + layer.w;
    for (let k = 0; k < layer.inputs * layer.outputs; k++) out[w + k] = rng.truncNormal(std);
    out.fill(0, offset + layer.b, offset + layer.b + layer.outputs);
  }
}
