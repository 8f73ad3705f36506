// reduce_fwd: the forward message of a layer, mean over a, then the forward messenger:
//   out[s][b][m] = b_f[m] + sum_j W_f[j][m] * (1/A) sum_a h[s][j][b][a]
// (the messenger is linear, so mean_a (W_f h_ab + b_f) = W_f mean_a h_ab + b_f).
// `out` is the next layer's forward input, or, for the last layer, the message the readout reads.
//
// Thread mapping: one workgroup of WG = max(N, M) threads per (run s, column b) (linear id =
//   b + B * s, folded into 3-D); thread j < N sums dimension j over a in a fixed order, in 4
//   interleaved partial sums (a = 4i, 4i+1, 4i+2, 4i+3) added pairwise at the end, so results are
//   bit-identical between runs. Each thread reads one contiguous row of A floats. (A tree over
//   threads striding a, with a barrier per level, costs about 4x as much on SwiftShader, where
//   every barrier switches coroutines and every workgroup-memory access is a per-lane gather.)
// Tiling: none. Workgroup memory: the N means (one barrier); threads m < M then project.
// From common.wgsl (the loader appends it): Dims, workgroup_index.

override N: u32 = 16u;  // LSTM state size
override M: u32 = 8u;   // message size
override WG: u32 = 16u; // threads per workgroup, >= max(N, M)

@group(0) @binding(0) var<uniform> dims: Dims;
@group(0) @binding(1) var<storage, read> msgW: array<f32>;      // [run][W_f N x M, b_f M, W_b N x M, b_b M]
@group(0) @binding(2) var<storage, read> h: array<f32>;         // [runs][N][B][A]
@group(0) @binding(3) var<storage, read_write> out: array<f32>; // [runs][B][M]

var<workgroup> mean: array<f32, N>;

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>,
        @builtin(local_invocation_index) lid: u32) {
  let group = workgroup_index(wid, nwg);
  let s = group / dims.B;
  if (s >= dims.runs) { return; }
  let b = group % dims.B;
  let BA = dims.B * dims.A;
  if (lid < N) {
    let row = s * N * BA + lid * BA + b * dims.A;
    var s0 = 0.0;
    var s1 = 0.0;
    var s2 = 0.0;
    var s3 = 0.0;
    var a = 0u;
    for (; a + 4u <= dims.A; a += 4u) {
      s0 += h[row + a];
      s1 += h[row + a + 1u];
      s2 += h[row + a + 2u];
      s3 += h[row + a + 3u];
    }
    for (; a < dims.A; a++) { s0 += h[row + a]; }
    mean[lid] = ((s0 + s1) + (s2 + s3)) / f32(dims.A);
  }
  workgroupBarrier();
  if (lid < M) {
    let w = (dims.runBase + s) * dims.msgStride;
    var acc = msgW[w + N * M + lid];
    for (var j = 0u; j < N; j++) { acc += mean[j] * msgW[w + j * M + lid]; }
    out[(s * dims.B + b) * M + lid] = acc;
  }
}
