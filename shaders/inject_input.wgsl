// inject_input: layer 0's forward input messages for example t: fwdIn[s][a] = [x_a, 0, ..., 0].
//
// Thread mapping: one thread per (run s, input a), a fastest; workgroups folded into 3-D
//   (linear workgroup id = x + nx * (y + ny * z)), threads past runs * A return.
// Tiling: none. Workgroup memory: none.
// Reads: x = inputs[q][t][a] with q = streamOfRun[runBase + s]. Writes M floats per thread.
// From common.wgsl (the loader appends it): Dims, Step, workgroup_index.

override M: u32 = 8u;   // message size
override WG: u32 = 64u; // threads per workgroup

@group(0) @binding(0) var<uniform> dims: Dims;
@group(0) @binding(1) var<uniform> step: Step;
@group(0) @binding(2) var<storage, read> inputs: array<f32>;      // [Q][T][A]
@group(0) @binding(3) var<storage, read> streamOfRun: array<u32>; // [S]
@group(0) @binding(4) var<storage, read_write> fwdIn: array<f32>; // [runs][A][M]

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>,
        @builtin(local_invocation_index) lid: u32) {
  let idx = workgroup_index(wid, nwg) * WG + lid;
  if (idx >= dims.runs * dims.A) { return; }
  let s = idx / dims.A;
  let a = idx % dims.A;
  let q = streamOfRun[dims.runBase + s];
  let x = inputs[(q * step.steps + step.t) * dims.A + a];
  let o = idx * M;
  fwdIn[o] = x;
  for (var k = 1u; k < M; k++) { fwdIn[o + k] = 0.0; }
}
