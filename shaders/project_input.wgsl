// project_input: x' = x P for the projected streams of a chunk (P from projection_matrix.wgsl, one
// per stream of the group): inputs[q][t][j] = sum_i staging[q][t][i] * P[k][i][j], where the gather
// left the stream's raw values in staging.
//
// Thread mapping: one thread per (stream k of the group, example t, output j), j fastest; workgroups
//   folded into 3-D (linear id = x + nx * (y + ny * z)), threads past streams * steps * A return.
// Tiling: none; 4 interleaved partial sums over i in a fixed order (deterministic), float32 (the CPU
//   sums in float64: the results agree within about 1e-6 at A = 784). Workgroup memory: none.
// From common.wgsl (the loader appends it): workgroup_index.

override WG: u32 = 64u; // threads per workgroup

struct Project {
  A: u32,         // inputs
  steps: u32,     // Tc: examples per stream in this chunk
  streams: u32,   // streams in this group
  listBase: u32,  // where the group's stream list starts in lists
}

@group(0) @binding(0) var<uniform> g: Project;
@group(0) @binding(1) var<storage, read> lists: array<u32>;           // stream list at listBase
@group(0) @binding(2) var<storage, read> staging: array<f32>;        // [Q][Tc][A]
@group(0) @binding(3) var<storage, read> P: array<f32>;              // [streams][A][A]
@group(0) @binding(4) var<storage, read_write> inputs: array<f32>;   // [Q][Tc][A]

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>,
        @builtin(local_invocation_index) lid: u32) {
  let idx = workgroup_index(wid, nwg) * WG + lid;
  let A = g.A;
  let perStream = g.steps * A;
  if (idx >= g.streams * perStream) { return; }
  let k = idx / perStream;
  let r = idx % perStream;
  let t = r / A;
  let j = r % A;
  let q = lists[g.listBase + k];
  let x0 = (q * g.steps + t) * A;
  let p0 = k * A * A + j;
  var s0 = 0.0;
  var s1 = 0.0;
  var s2 = 0.0;
  var s3 = 0.0;
  var i = 0u;
  for (; i + 4u <= A; i += 4u) {
    s0 += staging[x0 + i] * P[p0 + i * A];
    s1 += staging[x0 + i + 1u] * P[p0 + (i + 1u) * A];
    s2 += staging[x0 + i + 2u] * P[p0 + (i + 2u) * A];
    s3 += staging[x0 + i + 3u] * P[p0 + (i + 3u) * A];
  }
  for (; i < A; i++) { s0 += staging[x0 + i] * P[p0 + i * A]; }
  inputs[x0 + j] = (s0 + s1) + (s2 + s3);
}
