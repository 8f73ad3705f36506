// The `Dims` and `Step` uniforms shared by every kernel (mirrors `struct Dims` / `struct Step` in shaders/common.wgsl;
// test/gpu/shaderPrelude.test.ts checks them field by field).

export interface Dims {
  /** Rows (inputs) of the layer's grid. */
  readonly A: number;
  /** Columns (outputs) of the layer's grid. */
  readonly B: number;
  /** Runs in this shard. */
  readonly runs: number;
  /** Global index of the shard's first run. */
  readonly runBase: number;
  /** vec4s of packed gate weights per run; 0 when one V_M is shared. */
  readonly gateStride: number;
  /** f32s of messenger weights per run; 0 when shared. */
  readonly msgStride: number;
}

/** struct Dims: 8 x u32. */
export const DIMS_BYTES = 32;
/** struct Step { t, steps }, padded to 16 bytes. */
export const STEP_BYTES = 16;

export function packDims(d: Dims): Uint32Array {
  return Uint32Array.of(d.A, d.B, d.runs, d.runBase, d.gateStride, d.msgStride, 0, 0);
}

/** T Step records, one every `stride` bytes (the device's minUniformBufferOffsetAlignment). */
export function packSteps(steps: number, stride: number): Uint32Array {
  const words = stride / 4;
  const out = new Uint32Array(steps * words);
  for (let t = 0; t < steps; t++) {
    out[t * words] = t;
    out[t * words + 1] = steps;
  }
  return out;
}
