// reduce_fwd: the forward message of a layer, mean over a, then the forward messenger:
//   out[s][b][m] = b_f[m] + sum_j W_f[j][m] * (1/A) sum_a h[s][j][b][a]
// (the messenger is linear, so mean_a (W_f h_ab + b_f) = W_f mean_a h_ab + b_f).
// `out` is the next layer's forward input, or, for the last layer, the message the readout reads.
//
// Thread mapping: one workgroup per (run s, column b) (linear id = b + B * s, folded into 3-D);
//   thread t sums a = t, t + WG, ... for every j (consecutive threads, consecutive addresses).
// Workgroup memory: part[j][t], N x WG floats; a fixed-order tree over t (WG a power of two),
//   so results are bit-identical between runs. Threads m < M then project.

override N: u32 = 16u;  // LSTM state size
override M: u32 = 8u;   // message size (<= WG)
override WG: u32 = 64u; // threads per workgroup, a power of two

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
@group(0) @binding(1) var<storage, read> msgW: array<f32>;      // [run][W_f N x M, b_f M, W_b N x M, b_b M]
@group(0) @binding(2) var<storage, read> h: array<f32>;         // [runs][N][B][A]
@group(0) @binding(3) var<storage, read_write> out: array<f32>; // [runs][B][M]

var<workgroup> part: array<f32, N * WG>;

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>,
        @builtin(local_invocation_index) lid: u32) {
  let group = wid.x + nwg.x * (wid.y + nwg.y * wid.z);
  let s = group / dims.B;
  if (s >= dims.runs) { return; }
  let b = group % dims.B;
  let BA = dims.B * dims.A;
  let base = s * N * BA + b * dims.A;
  for (var j = 0u; j < N; j++) {
    var acc = 0.0;
    for (var a = lid; a < dims.A; a += WG) { acc += h[base + j * BA + a]; }
    part[j * WG + lid] = acc;
  }
  workgroupBarrier();
  for (var stride = WG / 2u; stride > 0u; stride /= 2u) {
    if (lid < stride) {
      for (var j = 0u; j < N; j++) { part[j * WG + lid] += part[j * WG + lid + stride]; }
    }
    workgroupBarrier();
  }
  if (lid < M) {
    let w = (dims.runBase + s) * dims.msgStride;
    let inv = 1.0 / f32(dims.A);
    var acc = msgW[w + N * M + lid];
    for (var j = 0u; j < N; j++) { acc += part[j * WG] * inv * msgW[w + j * M + lid]; }
    out[(s * dims.B + b) * M + lid] = acc;
  }
}
