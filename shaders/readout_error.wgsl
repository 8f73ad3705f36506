// readout_error: the prediction for example t and the error injected at the top for example t+1.
//   y_b = TANH_BOUND * tanh(fwdTop[b][OUTPUT_INDEX] / TANH_BOUND)
//   p = softmax(y), loss = logsumexp(y) - y_label, correct = (first argmax of y) == label
//   bwdTop[b] = [p_b - onehot_b, onehot_b if FEED_LABEL else 0, 0, ...]
//
// Thread mapping: one thread per run s (K is small); the thread walks b in order, so the sums are
//   deterministic. Workgroups folded into 3-D as in inject_input.
// Tiling: none; y_b is recomputed in each pass over b instead of stored. Workgroup memory: none.
// Outputs are indexed by the global run (runBase + s): [S][T][K], loss and correct [S][T].

override M: u32 = 8u;
override OUTPUT_INDEX: u32 = 1u;
override TANH_BOUND: f32 = 100.0;
override FEED_LABEL: bool = false;
override WG: u32 = 64u;

struct Dims {
  A: u32,
  B: u32, // K: classes
  runs: u32,
  runBase: u32,
  gateStride: u32,
  msgStride: u32,
  pad0: u32,
  pad1: u32,
}

struct Step {
  t: u32,
  steps: u32,
}

@group(0) @binding(0) var<uniform> dims: Dims;
@group(0) @binding(1) var<uniform> step: Step;
@group(0) @binding(2) var<storage, read> labels: array<i32>;        // [Q][T]
@group(0) @binding(3) var<storage, read> streamOfRun: array<u32>;   // [S]
@group(0) @binding(4) var<storage, read> fwdTop: array<f32>;        // [runs][K][M]
@group(0) @binding(5) var<storage, read_write> outputs: array<f32>; // [S][T][K]
@group(0) @binding(6) var<storage, read_write> loss: array<f32>;    // [S][T]
@group(0) @binding(7) var<storage, read_write> correct: array<u32>; // [S][T]
@group(0) @binding(8) var<storage, read_write> bwdTop: array<f32>;  // [runs][K][M]

fn y_of(s: u32, b: u32) -> f32 {
  let m = fwdTop[(s * dims.B + b) * M + OUTPUT_INDEX];
  return TANH_BOUND * tanh(clamp(m / TANH_BOUND, -15.0, 15.0));
}

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>,
        @builtin(local_invocation_index) lid: u32) {
  let s = (wid.x + nwg.x * (wid.y + nwg.y * wid.z)) * WG + lid;
  if (s >= dims.runs) { return; }
  let K = dims.B;
  let run = dims.runBase + s;
  let q = streamOfRun[run];
  let label = u32(labels[q * step.steps + step.t]);
  let row = run * step.steps + step.t;

  var ymax = y_of(s, 0u);
  var arg = 0u;
  for (var b = 1u; b < K; b++) {
    let y = y_of(s, b);
    if (y > ymax) { ymax = y; arg = b; }
  }
  var sum = 0.0;
  for (var b = 0u; b < K; b++) {
    let y = y_of(s, b);
    outputs[row * K + b] = y;
    sum += exp(y - ymax);
  }
  loss[row] = log(sum) + ymax - y_of(s, label);
  correct[row] = select(0u, 1u, arg == label);

  for (var b = 0u; b < K; b++) {
    let onehot = select(0.0, 1.0, b == label);
    let o = (s * K + b) * M;
    bwdTop[o] = exp(y_of(s, b) - ymax) / sum - onehot;
    bwdTop[o + 1u] = select(0.0, onehot, FEED_LABEL);
    for (var k = 2u; k < M; k++) { bwdTop[o + k] = 0.0; }
  }
}
