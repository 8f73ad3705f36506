// meta_rnn_step: one example of R Meta RNN runs (src/model/learners/metaRnnStep.ts), in one dispatch.
//   u = [x_t (A), e_{t-1} (K), onehot(y_{t-1}) (K)]
//   pre = b + u W_u                                    (once per example, shared by the micro-ticks)
//   per micro-tick: [i, g, f, o] = pre + h W_h
//     c <- sigmoid(f + 1) c + sigmoid(i) tanh(g),  h <- sigmoid(o) tanh(c)   (haiku's forget bias +1)
//   z = h Wr + br,  y = TANH_BOUND tanh(z / TANH_BOUND),  loss = logsumexp(y) - y_label,
//   correct = (first argmax of y) == label,  e_t = softmax(y) - onehot(label) for the next example.
// params is the flat parameter vector of metaRnnSpec.ts, one per run every dims.paramStride floats
// (0: one vector shared by every run): lstmW [A+2K+H][4H] (rows x, e, previous label, h; columns
// i, g, f, o, H each), lstmB [4H], readoutW [H][K], readoutB [K].
// state is per run [h (H), c (H), e (K), previous label (1, as f32; -1: none)], STATE floats a run.
//
// Thread mapping: one workgroup per run (workgroups folded into 3-D as in inject_input); thread lid
//   owns the units k = lid, lid + WG, ... (their four gate columns k, H+k, 2H+k, 3H+k, their c) and
//   the readout columns o = lid, lid + WG, ... < K; thread 0 then makes the softmax, loss, correct
//   and e in order over K. Every sum runs over its rows in order (zero inputs skipped, as the CPU
//   does): deterministic, no atomics.
// Tiling: none; a row of W is read at the thread's column of each gate, consecutive threads reading
//   consecutive columns.
// Workgroup memory: pre [H] vec4 (the thread's own units), h [H] and the next h [H] (every thread
//   reads all of h in a micro-tick: written only between two barriers), y [K].

override A: u32 = 784u;            // inputs per example
override K: u32 = 62u;             // classes (logits)
override H: u32 = 128u;            // LSTM units
override MICRO_TICKS: u32 = 2u;    // LSTM steps per example, on the same input
override TANH_BOUND: f32 = 100.0;  // y = TANH_BOUND * tanh(z / TANH_BOUND)
override WG: u32 = 128u;           // threads per workgroup

override G: u32 = 4u * H;                       // gate columns (a row of lstmW)
override B_OFF: u32 = (A + 2u * K + H) * G;     // lstmB
override RW_OFF: u32 = B_OFF + G;               // readoutW
override RB_OFF: u32 = RW_OFF + H * K;          // readoutB
override H_ROWS: u32 = (A + 2u * K) * G;        // the h rows of lstmW
override STATE: u32 = 2u * H + K + 1u;          // state floats per run

struct Dims {
  runs: u32,
  paramStride: u32, // floats per run's parameter vector; 0 when shared
  pad0: u32,
  pad1: u32,
}

struct Step {
  t: u32,
  steps: u32,
}

@group(0) @binding(0) var<uniform> dims: Dims;
@group(0) @binding(1) var<uniform> step: Step;
@group(0) @binding(2) var<storage, read> params: array<f32>;       // [1 or R][P]
@group(0) @binding(3) var<storage, read> inputs: array<f32>;       // [Q][T][A]
@group(0) @binding(4) var<storage, read> labels: array<i32>;       // [Q][T]
@group(0) @binding(5) var<storage, read> streamOfRun: array<u32>;  // [R]
@group(0) @binding(6) var<storage, read_write> state: array<f32>;  // [R][STATE]
@group(0) @binding(7) var<storage, read_write> outputs: array<f32>; // [R][T][K]
@group(0) @binding(8) var<storage, read_write> loss: array<f32>;   // [R][T]
@group(0) @binding(9) var<storage, read_write> correct: array<u32>; // [R][T]

var<workgroup> pre: array<vec4<f32>, H>;
var<workgroup> hs: array<f32, H>;
var<workgroup> hn: array<f32, H>;
var<workgroup> ys: array<f32, K>;

// Unit k's four gate columns (i, g, f, o) of the row of lstmW starting at `row`.
fn gates_of(row: u32, k: u32) -> vec4<f32> {
  return vec4<f32>(params[row + k], params[row + H + k], params[row + 2u * H + k], params[row + 3u * H + k]);
}

fn sigmoid(v: f32) -> f32 {
  return 1.0 / (1.0 + exp(-v));
}

fn tanh_c(v: f32) -> f32 {
  return tanh(clamp(v, -15.0, 15.0));
}

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>,
        @builtin(local_invocation_index) lid: u32) {
  let r = wid.x + nwg.x * (wid.y + nwg.y * wid.z);
  if (r >= dims.runs) { return; }
  let p = r * dims.paramStride;
  let ex = streamOfRun[r] * step.steps + step.t;
  let x = ex * A;
  let label = u32(labels[ex]);
  let s = r * STATE;
  let prev = i32(state[s + 2u * H + K]);

  // pre = b + x W_x + e W_e + onehot(prev) W_y, and h into workgroup memory.
  for (var k = lid; k < H; k += WG) {
    var z = gates_of(p + B_OFF, k);
    for (var i = 0u; i < A; i++) {
      let v = inputs[x + i];
      if (v != 0.0) { z += v * gates_of(p + i * G, k); }
    }
    for (var j = 0u; j < K; j++) {
      let v = state[s + 2u * H + j];
      if (v != 0.0) { z += v * gates_of(p + (A + j) * G, k); }
    }
    if (prev >= 0) { z += gates_of(p + (A + K + u32(prev)) * G, k); }
    pre[k] = z;
    hs[k] = state[s + k];
  }
  workgroupBarrier();

  for (var tick = 0u; tick < MICRO_TICKS; tick++) {
    for (var k = lid; k < H; k += WG) {
      var z = pre[k];
      for (var j = 0u; j < H; j++) {
        let v = hs[j];
        if (v != 0.0) { z += v * gates_of(p + H_ROWS + j * G, k); }
      }
      let c = sigmoid(z.z + 1.0) * state[s + H + k] + sigmoid(z.x) * tanh_c(z.y);
      state[s + H + k] = c;
      hn[k] = sigmoid(z.w) * tanh_c(c);
    }
    workgroupBarrier();
    for (var k = lid; k < H; k += WG) { hs[k] = hn[k]; }
    workgroupBarrier();
  }

  for (var k = lid; k < H; k += WG) { state[s + k] = hs[k]; }
  let row = r * step.steps + step.t;
  for (var o = lid; o < K; o += WG) {
    var z = params[p + RB_OFF + o];
    for (var j = 0u; j < H; j++) {
      let v = hs[j];
      if (v != 0.0) { z += v * params[p + RW_OFF + j * K + o]; }
    }
    let y = TANH_BOUND * tanh_c(z / TANH_BOUND);
    ys[o] = y;
    outputs[row * K + o] = y;
  }
  // Every thread has read e (above) before thread 0 overwrites it.
  storageBarrier();
  workgroupBarrier();
  if (lid != 0u) { return; }

  var ymax = ys[0];
  var arg = 0u;
  for (var o = 1u; o < K; o++) {
    if (ys[o] > ymax) { ymax = ys[o]; arg = o; }
  }
  var sum = 0.0;
  for (var o = 0u; o < K; o++) { sum += exp(ys[o] - ymax); }
  loss[row] = log(sum) + ymax - ys[label];
  correct[row] = select(0u, 1u, arg == label);
  for (var o = 0u; o < K; o++) {
    state[s + 2u * H + o] = exp(ys[o] - ymax) / sum - select(0.0, 1.0, o == label);
  }
  state[s + 2u * H + K] = f32(label);
}
