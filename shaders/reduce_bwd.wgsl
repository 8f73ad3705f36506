// reduce_bwd: the backward message of a layer, mean over b, then the backward messenger:
//   out[s][a][m] = b_b[m] + sum_j W_b[j][m] * (1/B) sum_b h[s][j][b][a]
// `out` is the previous layer's backward input for the next example. Not run for layer 0.
//
// Thread mapping: one thread per (run s, row a), a fastest (consecutive threads read consecutive
//   addresses of StateSoA); each thread sums over b in order, so results are deterministic.
//   Workgroups folded into 3-D as in inject_input.
// Tiling: the N means of a row live in a private array. Workgroup memory: none.
// From common.wgsl (the loader appends it): Dims, workgroup_index.

override N: u32 = 16u;  // LSTM state size (<= MAX_N)
override M: u32 = 8u;   // message size
override WG: u32 = 64u; // threads per workgroup

const MAX_N: u32 = 64u;

@group(0) @binding(0) var<uniform> dims: Dims;
@group(0) @binding(1) var<storage, read> msgW: array<f32>;      // [run][W_f N x M, b_f M, W_b N x M, b_b M]
@group(0) @binding(2) var<storage, read> h: array<f32>;         // [runs][N][B][A]
@group(0) @binding(3) var<storage, read_write> out: array<f32>; // [runs][A][M]

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>,
        @builtin(local_invocation_index) lid: u32) {
  let idx = workgroup_index(wid, nwg) * WG + lid;
  if (idx >= dims.runs * dims.A) { return; }
  let s = idx / dims.A;
  let a = idx % dims.A;
  let BA = dims.B * dims.A;
  let inv = 1.0 / f32(dims.B);
  var hbar: array<f32, MAX_N>;
  for (var j = 0u; j < N; j++) {
    var acc = 0.0;
    let row = s * N * BA + j * BA + a;
    for (var b = 0u; b < dims.B; b++) { acc += h[row + b * dims.A]; }
    hbar[j] = acc * inv;
  }
  let w = (dims.runBase + s) * dims.msgStride + N * M + M; // W_b
  for (var m = 0u; m < M; m++) {
    var acc = msgW[w + N * M + m];
    for (var j = 0u; j < N; j++) { acc += hbar[j] * msgW[w + j * M + m]; }
    out[idx * M + m] = acc;
  }
}
