// gather_input: the inputs and labels of a chunk from a resident dataset, by example index
// (the JS side uploads indices, not images): for each stream q of this dataset's list and example t,
// out[q][t][a] = value of example n = indices[q][t], and labels[q][t] = its label.
//
// Thread mapping: one thread per (listed stream k, example t, input a), a fastest; workgroups folded
//   into 3-D (linear id = x + nx * (y + ny * z)), threads past streams * steps * A return.
// Tiling: none. Workgroup memory: none.
// Reads: the dataset as float32 bits, or (palette = 1) as u8 codes packed 4 per u32 (little-endian)
//   into a 256-value palette: exact either way (the palette holds the CPU pipeline's own values).
// Writes: inputs[q][t][a], or staging[q][t][a] when stream q is projected afterwards
//   (flags[q] = 1, project_input reads it); the label once per (k, t) by the thread of a = 0.
// From common.wgsl (the loader appends it): workgroup_index.

override WG: u32 = 64u; // threads per workgroup

struct Gather {
  A: u32,         // inputs per example
  steps: u32,     // Tc: examples per stream in this chunk
  streams: u32,   // streams in this dataset's list
  listBase: u32,  // where the list starts in lists
  flagsBase: u32, // where the [Q] projected flags start in lists
  palette: u32,   // 1: u8 codes into the palette; 0: float32 bits
  pad0: u32,
  pad1: u32,
}

@group(0) @binding(0) var<uniform> g: Gather;
@group(0) @binding(1) var<uniform> palette: array<vec4<f32>, 64>;         // [256] values of the codes
@group(0) @binding(2) var<storage, read> lists: array<u32>;                // [Q][Tc] indices, flags, lists
@group(0) @binding(3) var<storage, read> data: array<u32>;                // [N][A] f32 bits or u8 codes
@group(0) @binding(4) var<storage, read> labelsIn: array<i32>;            // [N]
@group(0) @binding(5) var<storage, read_write> inputs: array<f32>;        // [Q][Tc][A]
@group(0) @binding(6) var<storage, read_write> staging: array<f32>;       // [Q][Tc][A]
@group(0) @binding(7) var<storage, read_write> labels: array<i32>;        // [Q][Tc]

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>,
        @builtin(local_invocation_index) lid: u32) {
  let idx = workgroup_index(wid, nwg) * WG + lid;
  let perStream = g.steps * g.A;
  if (idx >= g.streams * perStream) { return; }
  let k = idx / perStream;
  let r = idx % perStream;
  let t = r / g.A;
  let a = r % g.A;
  let q = lists[g.listBase + k];
  let row = q * g.steps + t;
  let n = lists[row];
  let e = n * g.A + a;
  var x: f32;
  if (g.palette == 1u) {
    let code = (data[e >> 2u] >> (8u * (e & 3u))) & 255u;
    x = palette[code >> 2u][code & 3u];
  } else {
    x = bitcast<f32>(data[e]);
  }
  let o = row * g.A + a;
  if (lists[g.flagsBase + q] == 1u) { staging[o] = x; } else { inputs[o] = x; }
  if (a == 0u) { labels[row] = labelsIn[n]; }
}
