// gate_inputs: the message parts of the LSTM gates, once per example for a whole layer.
//   U[s][a][e] = sum_k fwdIn[s][a][k] * W[k][e]              (rows k < M: forward message)
//   V[s][b][e] = bias[e] + sum_k bwdIn[s][b][k] * W[M + k][e]  (rows M..2M-1: backward message)
// Every cell (a, b) then needs only U_a + V_b + h W_h (the grid_tick kernel).
// W is the packed gate matrix (src/gpu/packParams.ts): a row is Q = ceil(N/4) column quads, each
// 4 vec4s (gates i, g, f, o of columns 4q..4q+3), E = 4Q vec4s per row; the bias is the last row.
//
// Thread mapping: one thread per (run s, row r in [0, A + B), vec4 e in [0, E)), e fastest; rows
//   < A produce U, rows >= A produce V. Workgroups folded into 3-D as in inject_input.
// Tiling: none (M vec4 multiply-adds per thread). Workgroup memory: none.
// From common.wgsl (the loader appends it): Dims, workgroup_index.

override N: u32 = 16u;  // LSTM state size
override M: u32 = 8u;   // message size
override WG: u32 = 64u; // threads per workgroup

override E: u32 = 4u * ((N + 3u) / 4u); // vec4s per gate-matrix row

@group(0) @binding(0) var<uniform> dims: Dims;
@group(0) @binding(1) var<storage, read> gateW: array<vec4<f32>>;  // [run][2M + E + 1][E]
@group(0) @binding(2) var<storage, read> fwdIn: array<f32>;        // [runs][A][M]
@group(0) @binding(3) var<storage, read> bwdIn: array<f32>;        // [runs][B][M]
@group(0) @binding(4) var<storage, read_write> U: array<vec4<f32>>; // [runs][A][E]
@group(0) @binding(5) var<storage, read_write> V: array<vec4<f32>>; // [runs][B][E]

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>,
        @builtin(local_invocation_index) lid: u32) {
  let idx = workgroup_index(wid, nwg) * WG + lid;
  let rows = dims.A + dims.B;
  if (idx >= dims.runs * rows * E) { return; }
  let e = idx % E;
  let r = (idx / E) % rows;
  let s = idx / (E * rows);
  let w = (dims.runBase + s) * dims.gateStride + e;
  if (r < dims.A) {
    let m = (s * dims.A + r) * M;
    var z = vec4<f32>(0.0);
    for (var k = 0u; k < M; k++) { z += fwdIn[m + k] * gateW[w + k * E]; }
    U[(s * dims.A + r) * E + e] = z;
  } else {
    let b = r - dims.A;
    let m = (s * dims.B + b) * M;
    var z = gateW[w + (2u * M + E) * E];
    for (var k = 0u; k < M; k++) { z += bwdIn[m + k] * gateW[w + (M + k) * E]; }
    V[(s * dims.B + b) * E + e] = z;
  }
}
