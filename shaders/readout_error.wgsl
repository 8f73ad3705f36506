// readout_error: the prediction for example t and the error injected at the top for example t+1.
//   y_b = TANH_BOUND * tanh(fwdTop[b][OUTPUT_INDEX] / TANH_BOUND)
//   p = softmax(y), loss = logsumexp(y) - y_label, correct = (first argmax of y) == label
//   bwdTop[b] = [p_b - onehot_b, onehot_b if FEED_LABEL else 0, 0, ...]
//
// With FROM_STATE (a one-layer net whose layer 0 ran in grid_fused_n16, which leaves no message),
// fwdTop is layer 0's h [runs][N][K][A], and the message's OUTPUT_INDEX dimension (all the readout
// reads) is made here, as reduce_fwd would:
//   m_b = b_f[OUTPUT_INDEX] + sum_j W_f[j][OUTPUT_INDEX] * (1/A) sum_a h[j][b][a]   (fixed order)
//
// Thread mapping: one thread per run s (K is small); the thread walks b in order, so the sums are
//   deterministic. Workgroups folded into 3-D as in inject_input. With FROM_STATE: one workgroup
//   per run; thread b (b < K, then b + WG, ...) makes y_b into `outputs` (16 rows of A, each in 4
//   interleaved partial sums as reduce_fwd), a storage barrier, then thread 0 does the rest.
// Tiling: none; y_b is computed once per b into `outputs` and read back from there by the later
//   passes over b. Workgroup memory: none.
// Outputs are indexed by the global run (runBase + s): [S][T][K], loss and correct [S][T].
// From common.wgsl (the loader appends it): Dims, Step, workgroup_index.

override M: u32 = 8u;
override OUTPUT_INDEX: u32 = 1u;
override TANH_BOUND: f32 = 100.0;
override FEED_LABEL: bool = false;
override WG: u32 = 64u;
override N: u32 = 16u;             // LSTM state size (FROM_STATE)
override FROM_STATE: bool = false; // fwdTop is layer 0's h: make the message from it

@group(0) @binding(0) var<uniform> dims: Dims;
@group(0) @binding(1) var<uniform> step: Step;
@group(0) @binding(2) var<storage, read> labels: array<i32>;        // [Q][T]
@group(0) @binding(3) var<storage, read> streamOfRun: array<u32>;   // [S]
@group(0) @binding(4) var<storage, read> fwdTop: array<f32>;        // [runs][K][M] (FROM_STATE: h [runs][N][K][A])
@group(0) @binding(5) var<storage, read_write> outputs: array<f32>; // [S][T][K]
@group(0) @binding(6) var<storage, read_write> loss: array<f32>;    // [S][T]
@group(0) @binding(7) var<storage, read_write> correct: array<u32>; // [S][T]
@group(0) @binding(8) var<storage, read_write> bwdTop: array<f32>;  // [runs][K][M]
@group(0) @binding(9) var<storage, read> msgW: array<f32>;          // [run][W_f N x M, b_f M, W_b N x M, b_b M]

// The last layer's forward message at OUTPUT_INDEX for column b.
fn message(s: u32, b: u32) -> f32 {
  if (!FROM_STATE) { return fwdTop[(s * dims.B + b) * M + OUTPUT_INDEX]; }
  let A = dims.A;
  let w = (dims.runBase + s) * dims.msgStride;
  var m = msgW[w + N * M + OUTPUT_INDEX];
  for (var j = 0u; j < N; j++) {
    let row = ((s * N + j) * dims.B + b) * A;
    var s0 = 0.0;
    var s1 = 0.0;
    var s2 = 0.0;
    var s3 = 0.0;
    var a = 0u;
    for (; a + 4u <= A; a += 4u) {
      s0 += fwdTop[row + a];
      s1 += fwdTop[row + a + 1u];
      s2 += fwdTop[row + a + 2u];
      s3 += fwdTop[row + a + 3u];
    }
    for (; a < A; a++) { s0 += fwdTop[row + a]; }
    m += msgW[w + j * M + OUTPUT_INDEX] * (((s0 + s1) + (s2 + s3)) / f32(A));
  }
  return m;
}

fn y_of(s: u32, b: u32) -> f32 {
  return TANH_BOUND * tanh(clamp(message(s, b) / TANH_BOUND, -15.0, 15.0));
}

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>,
        @builtin(local_invocation_index) lid: u32) {
  let group = workgroup_index(wid, nwg);
  let sRaw = select(group * WG + lid, group, FROM_STATE); // FROM_STATE: a workgroup per run
  let live = sRaw < dims.runs;
  let s = min(sRaw, dims.runs - 1u);
  let K = dims.B;
  let run = dims.runBase + s;
  let q = streamOfRun[run];
  let label = u32(labels[q * step.steps + step.t]);
  let row = run * step.steps + step.t;
  if (FROM_STATE) {
    if (live) {
      for (var b = lid; b < K; b += WG) { outputs[row * K + b] = y_of(s, b); }
    }
    storageBarrier();
    if (lid != 0u || !live) { return; }
  } else if (!live) {
    return;
  }

  var ymax = 0.0;
  var arg = 0u;
  for (var b = 0u; b < K; b++) {
    var y: f32;
    if (FROM_STATE) {
      y = outputs[row * K + b];
    } else {
      y = y_of(s, b);
      outputs[row * K + b] = y;
    }
    if (b == 0u || y > ymax) { ymax = y; arg = b; }
  }
  var sum = 0.0;
  for (var b = 0u; b < K; b++) { sum += exp(outputs[row * K + b] - ymax); }
  loss[row] = log(sum) + ymax - outputs[row * K + label];
  correct[row] = select(0u, 1u, arg == label);

  for (var b = 0u; b < K; b++) {
    let onehot = select(0.0, 1.0, b == label);
    let o = (s * K + b) * M;
    bwdTop[o] = exp(outputs[row * K + b] - ymax) / sum - onehot;
    bwdTop[o + 1u] = select(0.0, onehot, FEED_LABEL);
    for (var k = 2u; k < M; k++) { bwdTop[o + k] = 0.0; }
  }
}
