// grid_tick: every cell (a, b) of one layer runs MICRO_TICKS LSTM steps with the same messages.
//   z = U[a] + V[b] + h W_h   (the message parts U, V come from gate_inputs)
//   i = sigmoid(z_i - 5), g = tanh(z_g), f = sigmoid(z_f + 5), o = sigmoid(z_o)
//   c' = f c + i g,  h' = o tanh(c')
// Columns are processed in quads: quad q holds columns 4q..4q+3, and the packed gate matrix stores
// each row as Q quads of 4 vec4s (i, g, f, o of those columns), so z_i, z_g, z_f, z_o of a quad are
// four vec4 accumulators and the gate maths is vec4 maths. Columns past N are zero in the packed
// matrix, so padded lanes stay 0 and never feed back.
//
// Thread mapping: one thread per cell; a workgroup holds WG consecutive a of one (run s, column b)
//   (linear workgroup id = aBlock + aBlocks * (b + B * s), folded into 3-D). With the state in
//   StateSoA order ((j * B + b) * A + a per run) consecutive threads read consecutive addresses.
// Tiling: the cell's h and c (Q vec4s each) stay in private arrays for all micro-ticks; h and c are
//   read and written once per example. Per (quad q, row quad k4) a thread loads one vec4 of h and
//   16 vec4s of W_h for 16 vec4 multiply-adds.
// Workgroup memory: the run's W_h (E x E vec4, E = 4Q: 16 E^2 bytes) when WH_SHARED, loaded once
//   per workgroup; all threads then read the same element at the same time (broadcast). Without
//   WH_SHARED (large N) W_h is read from the storage buffer directly.
// From common.wgsl (the loader appends it): Dims, workgroup_index, FORGET_SHIFT, INPUT_SHIFT, sigmoid, tanh_safe.

override N: u32 = 16u;          // LSTM state size (<= 4 * MAX_Q)
override M: u32 = 8u;           // message size
override MICRO_TICKS: u32 = 2u; // LSTM steps per example
override WG: u32 = 64u;         // cells per workgroup
override WH_SHARED: bool = true;

override Q: u32 = (N + 3u) / 4u; // column quads
override E: u32 = 4u * Q;        // vec4s per gate-matrix row

const MAX_Q: u32 = 16u; // the config's largest stateSize is 64; private arrays need a constant size
@group(0) @binding(0) var<uniform> dims: Dims;
@group(0) @binding(1) var<storage, read> gateW: array<vec4<f32>>; // [run][2M + E + 1][E]
@group(0) @binding(2) var<storage, read> U: array<vec4<f32>>;     // [runs][A][E]
@group(0) @binding(3) var<storage, read> V: array<vec4<f32>>;     // [runs][B][E]
@group(0) @binding(4) var<storage, read_write> h: array<f32>;     // [runs][N][B][A]
@group(0) @binding(5) var<storage, read_write> c: array<f32>;     // [runs][N][B][A]

var<workgroup> wh: array<vec4<f32>, select(1u, E * E, WH_SHARED)>;

fn w_h(base: u32, i: u32) -> vec4<f32> {
  if (WH_SHARED) { return wh[i]; }
  return gateW[base + i];
}

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>,
        @builtin(local_invocation_index) lid: u32) {
  let group = workgroup_index(wid, nwg);
  let aBlocks = (dims.A + WG - 1u) / WG;
  let s = group / (aBlocks * dims.B);
  if (s >= dims.runs) { return; }
  let b = (group / aBlocks) % dims.B;
  let a = (group % aBlocks) * WG + lid;
  let whBase = (dims.runBase + s) * dims.gateStride + 2u * M * E;
  if (WH_SHARED) {
    for (var i = lid; i < E * E; i += WG) { wh[i] = gateW[whBase + i]; }
    workgroupBarrier();
  }
  if (a >= dims.A) { return; }

  let BA = dims.B * dims.A;
  let cell = s * N * BA + b * dims.A + a; // + j * BA
  var hv: array<vec4<f32>, MAX_Q>;
  var cv: array<vec4<f32>, MAX_Q>;
  var hn: array<vec4<f32>, MAX_Q>;
  for (var j = 0u; j < N; j++) {
    hv[j / 4u][j % 4u] = h[cell + j * BA];
    cv[j / 4u][j % 4u] = c[cell + j * BA];
  }
  let u = (s * dims.A + a) * E;
  let v = (s * dims.B + b) * E;
  for (var mt = 0u; mt < MICRO_TICKS; mt++) {
    for (var q = 0u; q < Q; q++) {
      var zi = U[u + 4u * q] + V[v + 4u * q];
      var zg = U[u + 4u * q + 1u] + V[v + 4u * q + 1u];
      var zf = U[u + 4u * q + 2u] + V[v + 4u * q + 2u];
      var zo = U[u + 4u * q + 3u] + V[v + 4u * q + 3u];
      for (var k4 = 0u; k4 < Q; k4++) {
        let hk = hv[k4];
        var w = 4u * k4 * E + 4u * q; // row k = 4 k4 + r is w + r E
        zi += hk.x * w_h(whBase, w) + hk.y * w_h(whBase, w + E) + hk.z * w_h(whBase, w + 2u * E) + hk.w * w_h(whBase, w + 3u * E);
        w += 1u;
        zg += hk.x * w_h(whBase, w) + hk.y * w_h(whBase, w + E) + hk.z * w_h(whBase, w + 2u * E) + hk.w * w_h(whBase, w + 3u * E);
        w += 1u;
        zf += hk.x * w_h(whBase, w) + hk.y * w_h(whBase, w + E) + hk.z * w_h(whBase, w + 2u * E) + hk.w * w_h(whBase, w + 3u * E);
        w += 1u;
        zo += hk.x * w_h(whBase, w) + hk.y * w_h(whBase, w + E) + hk.z * w_h(whBase, w + 2u * E) + hk.w * w_h(whBase, w + 3u * E);
      }
      let cq = sigmoid(zf + FORGET_SHIFT) * cv[q] + sigmoid(zi + INPUT_SHIFT) * tanh_safe(zg);
      cv[q] = cq;
      hn[q] = sigmoid(zo) * tanh_safe(cq);
    }
    for (var q = 0u; q < Q; q++) { hv[q] = hn[q]; }
  }
  for (var j = 0u; j < N; j++) {
    h[cell + j * BA] = hv[j / 4u][j % 4u];
    c[cell + j * BA] = cv[j / 4u][j % 4u];
  }
}
