// gate_inputs: the message parts of the LSTM gates, once per example for a whole layer.
//   U[s][a][j] = sum_k fwdIn[s][a][k] * W[k][gates of j]          (k < M: forward-message rows)
//   V[s][b][j] = bias[gates of j] + sum_k bwdIn[s][b][k] * W[M + k][gates of j]
// Every cell (a, b) then needs only U_a + V_b + h W_h (the grid_tick kernel).
// W is the packed gate matrix: row r, column j is vec4(i, g, f, o) of gate column j, so one
// thread computes all four gates of one column j.
//
// Thread mapping: one thread per (run s, row r in [0, A + B), column j), j fastest; rows < A
//   produce U, rows >= A produce V. Workgroups folded into 3-D as in inject_input.
// Tiling: none (M multiply-adds of vec4 per thread). Workgroup memory: none.

override N: u32 = 16u;  // LSTM state size
override M: u32 = 8u;   // message size
override WG: u32 = 64u; // threads per workgroup

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
@group(0) @binding(1) var<storage, read> gateW: array<vec4<f32>>;  // [run][2M + N + 1][N]
@group(0) @binding(2) var<storage, read> fwdIn: array<f32>;        // [runs][A][M]
@group(0) @binding(3) var<storage, read> bwdIn: array<f32>;        // [runs][B][M]
@group(0) @binding(4) var<storage, read_write> U: array<vec4<f32>>; // [runs][A][N]
@group(0) @binding(5) var<storage, read_write> V: array<vec4<f32>>; // [runs][B][N]

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>,
        @builtin(local_invocation_index) lid: u32) {
  let idx = (wid.x + nwg.x * (wid.y + nwg.y * wid.z)) * WG + lid;
  let rows = dims.A + dims.B;
  if (idx >= dims.runs * rows * N) { return; }
  let j = idx % N;
  let r = (idx / N) % rows;
  let s = idx / (N * rows);
  let w = (dims.runBase + s) * dims.gateStride;
  if (r < dims.A) {
    let m = (s * dims.A + r) * M;
    var z = vec4<f32>(0.0);
    for (var k = 0u; k < M; k++) { z += fwdIn[m + k] * gateW[w + k * N + j]; }
    U[(s * dims.A + r) * N + j] = z;
  } else {
    let b = r - dims.A;
    let m = (s * dims.B + b) * M;
    var z = gateW[w + (2u * M + N) * N + j];
    for (var k = 0u; k < M; k++) { z += bwdIn[m + k] * gateW[w + (M + k) * N + j]; }
    V[(s * dims.B + b) * N + j] = z;
  }
}
