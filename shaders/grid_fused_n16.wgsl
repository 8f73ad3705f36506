// grid_fused_n16: layer 0 of an N = 16 network in one kernel per example: its gate inputs and
// every micro-tick of every cell. It replaces inject_input, gate_inputs and grid_tick_n16 for
// layer 0 (plan.ts: the tuning's fuseLayer0; encode.ts). Exact because layer 0's forward input is [x_a, 0, ..., 0]:
//   U_a = x_a W[0, :]   (row 0 of the packed gate matrix; rows 1..M-1 meet zeros)
//   V_b = bias + sum_{k < BWD_DIMS} bwdIn[b][k] W[M + k, :]
// where BWD_DIMS is the number of backward-input dimensions that can be non-zero: for a one-layer
// net the error injection [e_b, label_b if feedLabel, 0, ...] (1 or 2), else M (layer 1's backward
// message). x_a = inputs[q][t][a] with q = streamOfRun[run] and t from the Step uniform, as
// inject_input reads it. Then the cell's micro-ticks as in grid_tick_n16 (the same text, below).
// No epilogue: the forward message's mean over a is read from h by the next kernel (readout_error
// with FROM_STATE for a one-layer net, reduce_fwd otherwise). A fixed-order partial sum per workgroup
// needs a workgroup barrier, and on SwiftShader a barrier anywhere in this kernel makes it run as
// coroutines: measured on the MNIST grid (2 cores), 2.2x (S = 1) to 3.5x (S = 8) the time per example.
//
// Thread mapping: one thread per cell; a workgroup holds WG consecutive a of one (run s, column b)
//   (linear workgroup id = p + P * (b + B * s), folded into 3-D); one dispatch covers every run of
//   the shard, with one shared V_M (W_h a uniform) or one V_M per run (WH_STORAGE: W_h copied from
//   the run's rows of gateW into a private array once per thread, load_wh). Threads past A compute a
//   clamped copy of cell A - 1 and store nothing.
// Tiling: h, c and U + V of the cell in registers for all micro-ticks (as grid_tick_n16); U and V
//   are made from 1 + 1 + BWD_DIMS gate rows at the start instead of read from buffers.
// Workgroup memory: none (and no barrier).
// The block between "lstm16 begin" and "lstm16 end" is the same text in grid_tick_n16.wgsl (a test
// compares them).
// From common.wgsl (the loader appends it): Dims, Step, workgroup_index, FORGET_SHIFT, INPUT_SHIFT, sigmoid, tanh_safe.

override M: u32 = 8u;           // message size (places the gate rows in the packed matrix)
override MICRO_TICKS: u32 = 2u; // LSTM steps per example, 1..16
override WG: u32 = 64u;         // cells per workgroup
override WH_STORAGE: bool = false; // W_h from the run's rows of gateW (one V_M per run)
override BWD_DIMS: u32 = 1u;    // backward-input dimensions that can be non-zero, 1..M

@group(0) @binding(0) var<uniform> dims: Dims;
@group(0) @binding(1) var<uniform> step: Step;
@group(0) @binding(2) var<uniform> wh: array<vec4<f32>, 256>;     // W_h of the shared V_M: [k][e], 16 k + e
@group(0) @binding(3) var<storage, read> gateW: array<vec4<f32>>;  // [run][2M + 17][16]
@group(0) @binding(4) var<storage, read> inputs: array<f32>;       // [Q][T][A]
@group(0) @binding(5) var<storage, read> streamOfRun: array<u32>;  // [S]
@group(0) @binding(6) var<storage, read> bwdIn: array<f32>;        // [runs][B][M]
@group(0) @binding(7) var<storage, read_write> h: array<f32>;      // [runs][16][B][A]
@group(0) @binding(8) var<storage, read_write> c: array<f32>;      // [runs][16][B][A]

// lstm16 begin
/** The 16 state values of a cell as 4 quads: q0 = (x_0, x_1, x_2, x_3), ... */
struct Quads { q0: vec4<f32>, q1: vec4<f32>, q2: vec4<f32>, q3: vec4<f32>, }
/** Gate pre-activations of one column quad. */
struct Gates { i: vec4<f32>, g: vec4<f32>, f: vec4<f32>, o: vec4<f32>, }
/** U + V of a cell, by column quad. */
struct Msg { q0: Gates, q1: Gates, q2: Gates, q3: Gates, }
struct Cell { h: Quads, c: Quads, }
struct QuadState { h: vec4<f32>, c: vec4<f32>, }

// Element i = 16 k + e of W_h: the uniform at a constant index, or (WH_STORAGE) the run's rows copied
// into `whp` by main (load_wh; from storage at an offset the same for the whole workgroup). Indexing
// the private copy at constant indices needs no bounds checks, which on SwiftShader compiles 4x faster
// than 256 clamped storage loads per micro-tick. WH_STORAGE is an override: one branch is compiled.
var<private> whp: array<vec4<f32>, 256>;
fn w(i: u32) -> vec4<f32> {
  if (WH_STORAGE) { return whp[i]; }
  return wh[i];
}
fn load_wh(base: u32) {
  if (WH_STORAGE) { for (var i = 0u; i < 256u; i++) { whp[i] = gateW[base + i]; } }
}

// (h W_h) of vec4 column e: sum over the 16 rows k of h_k * W_h[16 k + e].
fn hw(e: u32, h: Quads) -> vec4<f32> {
  return h.q0.x * w(e) + h.q0.y * w(16u + e) + h.q0.z * w(32u + e) + h.q0.w * w(48u + e)
       + h.q1.x * w(64u + e) + h.q1.y * w(80u + e) + h.q1.z * w(96u + e) + h.q1.w * w(112u + e)
       + h.q2.x * w(128u + e) + h.q2.y * w(144u + e) + h.q2.z * w(160u + e) + h.q2.w * w(176u + e)
       + h.q3.x * w(192u + e) + h.q3.y * w(208u + e) + h.q3.z * w(224u + e) + h.q3.w * w(240u + e);
}

// One LSTM step of column quad q (columns 4q..4q+3) from the whole previous h.
fn step_quad(q: u32, m: Gates, c: vec4<f32>, h: Quads) -> QuadState {
  let zi = m.i + hw(4u * q, h);
  let zg = m.g + hw(4u * q + 1u, h);
  let zf = m.f + hw(4u * q + 2u, h);
  let zo = m.o + hw(4u * q + 3u, h);
  let cn = sigmoid(zf + FORGET_SHIFT) * c + sigmoid(zi + INPUT_SHIFT) * tanh_safe(zg);
  return QuadState(sigmoid(zo) * tanh_safe(cn), cn);
}

// One micro-tick of the cell: every quad reads the previous h.
fn tick(x: Cell, m: Msg) -> Cell {
  let r0 = step_quad(0u, m.q0, x.c.q0, x.h);
  let r1 = step_quad(1u, m.q1, x.c.q1, x.h);
  let r2 = step_quad(2u, m.q2, x.c.q2, x.h);
  let r3 = step_quad(3u, m.q3, x.c.q3, x.h);
  return Cell(Quads(r0.h, r1.h, r2.h, r3.h), Quads(r0.c, r1.c, r2.c, r3.c));
}

// State quad q of the cell at `x` (stride BA between the 16 dimensions).
fn load_h(x: u32, BA: u32, q: u32) -> vec4<f32> {
  let o = x + 4u * q * BA;
  return vec4(h[o], h[o + BA], h[o + 2u * BA], h[o + 3u * BA]);
}
fn load_c(x: u32, BA: u32, q: u32) -> vec4<f32> {
  let o = x + 4u * q * BA;
  return vec4(c[o], c[o + BA], c[o + 2u * BA], c[o + 3u * BA]);
}
fn store_quad(x: u32, BA: u32, q: u32, hq: vec4<f32>, cq: vec4<f32>) {
  let o = x + 4u * q * BA;
  h[o] = hq.x; h[o + BA] = hq.y; h[o + 2u * BA] = hq.z; h[o + 3u * BA] = hq.w;
  c[o] = cq.x; c[o + BA] = cq.y; c[o + 2u * BA] = cq.z; c[o + 3u * BA] = cq.w;
}

// lstm16 end

// U_a + V_b of vec4 column e: g = first vec4 of the run's packed gate matrix, x = x_a, v = first
// float of bwdIn[s][b]. Rows: 0 (fwd message dim 0), M + k (bwd message dim k), 2M + 16 (bias).
fn uv(g: u32, x: f32, v: u32, e: u32) -> vec4<f32> {
  var z = gateW[g + (2u * M + 16u) * 16u + e] + x * gateW[g + e] + bwdIn[v] * gateW[g + M * 16u + e];
  if (BWD_DIMS > 1u) { z += bwdIn[v + 1u] * gateW[g + (M + 1u) * 16u + e]; }
  for (var k = 2u; k < BWD_DIMS; k++) { z += bwdIn[v + k] * gateW[g + (M + k) * 16u + e]; }
  return z;
}

fn msg_quad(g: u32, x: f32, v: u32, q: u32) -> Gates {
  let e = 4u * q;
  return Gates(uv(g, x, v, e), uv(g, x, v, e + 1u), uv(g, x, v, e + 2u), uv(g, x, v, e + 3u));
}

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>,
        @builtin(local_invocation_index) lid: u32) {
  let group = workgroup_index(wid, nwg);
  let P = (dims.A + WG - 1u) / WG; // a-blocks
  let sRaw = group / (P * dims.B);
  let p = group % P;
  let aRaw = p * WG + lid;
  // Clamped instead of returning early: SwiftShader runs the rest of a kernel for every lane anyway,
  // and a uniform control flow keeps it cheaper. Only the stores are guarded.
  let s = min(sRaw, dims.runs - 1u);
  let a = min(aRaw, dims.A - 1u);
  let b = (group / P) % dims.B;
  let run = dims.runBase + s;
  let g = run * dims.gateStride;
  load_wh(g + 2u * M * 16u);
  let x = inputs[(streamOfRun[run] * step.steps + step.t) * dims.A + a];
  let v = (s * dims.B + b) * M;
  let m = Msg(msg_quad(g, x, v, 0u), msg_quad(g, x, v, 1u), msg_quad(g, x, v, 2u), msg_quad(g, x, v, 3u));
  let BA = dims.B * dims.A;
  let cell = s * 16u * BA + b * dims.A + a;
  var y = Cell(Quads(load_h(cell, BA, 0u), load_h(cell, BA, 1u), load_h(cell, BA, 2u), load_h(cell, BA, 3u)),
               Quads(load_c(cell, BA, 0u), load_c(cell, BA, 1u), load_c(cell, BA, 2u), load_c(cell, BA, 3u)));
  y = tick(y, m);
  if (MICRO_TICKS > 1u) { y = tick(y, m); }
  for (var t = 2u; t < MICRO_TICKS; t++) { y = tick(y, m); }
  if (sRaw < dims.runs && aRaw < dims.A) {
    store_quad(cell, BA, 0u, y.h.q0, y.c.q0);
    store_quad(cell, BA, 1u, y.h.q1, y.c.q1);
    store_quad(cell, BA, 2u, y.h.q2, y.c.q2);
    store_quad(cell, BA, 3u, y.h.q3, y.c.q3);
  }
}
