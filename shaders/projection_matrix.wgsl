// projection_matrix: the random projection matrices of a group of projected streams, generated from
// their seeds with the counter-based Rng of src/model/rng.ts: entry e (row-major, row i = input i) of
// seed s is U(-l, l) drawn from hash3(s, STREAM, e), l = sqrt(6 / (2A)), as projectionMatrix() in
// src/data/transforms/projection.ts draws it. The CPU rounds -l + 2l u (float64) to float32 once; here
// l * (2u - 1) is one float32 product of the exact 2u - 1 with l split in two float32s (lHi + lLo),
// within one float32 ulp of the CPU's value (test/gpu/resident.test.ts counts the differences).
//
// Thread mapping: one thread per (stream k of the group, entry e), e fastest; workgroups folded into
//   3-D (linear id = x + nx * (y + ny * z)), threads past streams * A * A return.
// Tiling: none. Workgroup memory: none. Writes one float per thread.
// From common.wgsl (the loader appends it): workgroup_index.

override WG: u32 = 64u;            // threads per workgroup
override STREAM: u32 = 0x70726f6au; // SEED_STREAMS.projection

struct Generate {
  A: u32,         // inputs (P is A x A)
  streams: u32,   // streams in this group
  seedsBase: u32, // where the group's seeds start in lists
  pad0: u32,
  lHi: f32,       // float32(l)
  lLo: f32,       // float32(l - lHi)
  pad1: u32,
  pad2: u32,
}

@group(0) @binding(0) var<uniform> g: Generate;
@group(0) @binding(1) var<storage, read> lists: array<u32>;          // seeds at seedsBase
@group(0) @binding(2) var<storage, read_write> P: array<f32>;       // [streams][A][A]

fn mix32(v: u32) -> u32 {
  var x = v;
  x ^= x >> 16u;
  x *= 0x7feb352du;
  x ^= x >> 15u;
  x *= 0x846ca68bu;
  x ^= x >> 16u;
  return x;
}

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>,
        @builtin(local_invocation_index) lid: u32) {
  let idx = workgroup_index(wid, nwg) * WG + lid;
  let size = g.A * g.A;
  if (idx >= g.streams * size) { return; }
  let k = idx / size;
  let e = idx % size;
  let h = mix32(mix32(mix32(lists[g.seedsBase + k]) ^ STREAM) ^ e);
  let m = i32(h >> 8u);                          // u = m / 2^24
  let v = f32(2 * m - 16777216) / 16777216.0;     // 2u - 1, exact
  P[idx] = g.lHi * v + g.lLo * v;
}
