// common: what every VSML kernel shares: the Dims and Step uniforms (mirrored by src/gpu/dims.ts,
// field by field: test/gpu/shaderPrelude.test.ts), the flat workgroup index of a folded 3-D
// dispatch, and the LSTM gate shifts and vec4 activations of the grid kernels.
// Not a kernel (no entry point, no bindings): WGSL has no includes, so the shader loader
// (src/gpu/shaders.ts `withCommon`) appends this file once to the text of every kernel in
// COMMON_KERNELS, i.e. all of them but meta_rnn_step (the Meta RNN baseline has its own Dims and a
// scalar sigmoid). Appended rather than prepended: WGSL module-scope declarations may be used before
// they are declared, so each kernel still starts with its own header comment and a compile error's
// line number still points into <kernel>.wgsl (a line past the kernel's end is in this file).
// A kernel must not declare any name declared here (that would be a redeclaration error); unused
// declarations cost nothing.

// The uniforms of one shard of one layer: 8 x u32 (DIMS_BYTES, packDims in src/gpu/dims.ts).
struct Dims {
  A: u32,          // rows (inputs) of this layer's grid (readout_error: the top layer's A)
  B: u32,          // columns (outputs) of this layer's grid (readout_error: K, the classes)
  runs: u32,       // runs in this shard
  runBase: u32,    // global index of the shard's first run
  gateStride: u32, // vec4s of gate weights per run (0: one V_M shared by all runs)
  msgStride: u32,  // f32s of messenger weights per run (0: shared)
  pad0: u32,
  pad1: u32,
}

// One example of a block (packSteps in src/gpu/dims.ts: one record per dynamic offset).
struct Step {
  t: u32,     // example index inside the block
  steps: u32, // T: examples in the block
}

// The linear index of this workgroup in a dispatch whose 1-D count was folded into 3-D
// (src/gpu/fold.ts: x + X (y + Y z)).
fn workgroup_index(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

// The gate shifts: i = sigmoid(z_i - 5), f = sigmoid(z_f + 5).
const FORGET_SHIFT: f32 = 5.0;
const INPUT_SHIFT: f32 = -5.0;

fn sigmoid(x: vec4<f32>) -> vec4<f32> { return 1.0 / (1.0 + exp(-x)); }
// tanh(x) = 2 sigmoid(2x) - 1: one exp (SwiftShader's tanh costs several: with it the kernel is
// about 15% slower), and it saturates cleanly: exp overflows to inf for x << 0, giving -1, never inf / inf.
fn tanh_safe(x: vec4<f32>) -> vec4<f32> { return 2.0 / (1.0 + exp(-2.0 * x)) - 1.0; }
