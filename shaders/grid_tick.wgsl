// grid_tick: every cell (a, b) of one layer runs MICRO_TICKS LSTM steps with the same messages.
//   z_j = U[a][j] + V[b][j] + sum_k h[k] * W_h[k][j]   (vec4: gates i, g, f, o of column j)
//   i = sigmoid(z_i - 5), g = tanh(z_g), f = sigmoid(z_f + 5), o = sigmoid(z_o)
//   c_j' = f c_j + i g,  h_j' = o tanh(c_j')
//
// Thread mapping: one thread per cell; a workgroup holds WG consecutive a of one (run s, column b)
//   (linear workgroup id = aBlock + aBlocks * (b + B * s), folded into 3-D). With the state in
//   StateSoA order ((j * B + b) * A + a per run) consecutive threads read consecutive addresses.
// Tiling: the whole cell (h, c: N floats each) lives in private arrays for all micro-ticks; h and c
//   are read and written once per example.
// Workgroup memory: the run's W_h (N x N vec4 = 16 N^2 bytes) when WH_SHARED, loaded once per
//   workgroup; every thread then reads the same element at the same time (broadcast). Without
//   WH_SHARED (large N) W_h is read from the storage buffer directly.

override N: u32 = 16u;          // LSTM state size (<= MAX_N)
override M: u32 = 8u;           // message size
override MICRO_TICKS: u32 = 2u; // LSTM steps per example
override WG: u32 = 64u;         // cells per workgroup
override WH_SHARED: bool = true;

const MAX_N: u32 = 64u;  // the config's largest stateSize; private arrays need a constant size
const FORGET_SHIFT: f32 = 5.0;
const INPUT_SHIFT: f32 = -5.0;

struct Dims {
  A: u32,
  B: u32,
  runs: u32,
  runBase: u32,
  gateStride: u32,
  msgStride: u32,
  pad0: u32,
  pad1: u32,
}

@group(0) @binding(0) var<uniform> dims: Dims;
@group(0) @binding(1) var<storage, read> gateW: array<vec4<f32>>; // [run][2M + N + 1][N]
@group(0) @binding(2) var<storage, read> U: array<vec4<f32>>;     // [runs][A][N]
@group(0) @binding(3) var<storage, read> V: array<vec4<f32>>;     // [runs][B][N]
@group(0) @binding(4) var<storage, read_write> h: array<f32>;     // [runs][N][B][A]
@group(0) @binding(5) var<storage, read_write> c: array<f32>;     // [runs][N][B][A]

var<workgroup> wh: array<vec4<f32>, select(1u, N * N, WH_SHARED)>;

fn sigmoid(x: f32) -> f32 { return 1.0 / (1.0 + exp(-x)); }
// tanh saturates to +-1 in f32 beyond |x| = 10; clamping avoids inf / inf in some implementations.
fn tanh_safe(x: f32) -> f32 { return tanh(clamp(x, -15.0, 15.0)); }

fn w_h(base: u32, k: u32, j: u32) -> vec4<f32> {
  if (WH_SHARED) { return wh[k * N + j]; }
  return gateW[base + k * N + j];
}

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>,
        @builtin(local_invocation_index) lid: u32) {
  let group = wid.x + nwg.x * (wid.y + nwg.y * wid.z);
  let aBlocks = (dims.A + WG - 1u) / WG;
  let s = group / (aBlocks * dims.B);
  if (s >= dims.runs) { return; }
  let b = (group / aBlocks) % dims.B;
  let a = (group % aBlocks) * WG + lid;
  let whBase = (dims.runBase + s) * dims.gateStride + 2u * M * N;
  if (WH_SHARED) {
    for (var k = lid; k < N * N; k += WG) { wh[k] = gateW[whBase + k]; }
    workgroupBarrier();
  }
  if (a >= dims.A) { return; }

  let BA = dims.B * dims.A;
  let cell = s * N * BA + b * dims.A + a; // + j * BA
  var hv: array<f32, MAX_N>;
  var hn: array<f32, MAX_N>;
  var cv: array<f32, MAX_N>;
  for (var j = 0u; j < N; j++) {
    hv[j] = h[cell + j * BA];
    cv[j] = c[cell + j * BA];
  }
  let u = (s * dims.A + a) * N;
  let v = (s * dims.B + b) * N;
  for (var mt = 0u; mt < MICRO_TICKS; mt++) {
    for (var j = 0u; j < N; j++) {
      var z = U[u + j] + V[v + j];
      for (var k = 0u; k < N; k++) { z += hv[k] * w_h(whBase, k, j); }
      let ig = sigmoid(z.x + INPUT_SHIFT);
      let g = tanh_safe(z.y);
      let f = sigmoid(z.z + FORGET_SHIFT);
      let o = sigmoid(z.w);
      let cj = f * cv[j] + ig * g;
      cv[j] = cj;
      hn[j] = o * tanh_safe(cj);
    }
    for (var j = 0u; j < N; j++) { hv[j] = hn[j]; }
  }
  for (var j = 0u; j < N; j++) {
    h[cell + j * BA] = hv[j];
    c[cell + j * BA] = cv[j];
  }
}
