// grid_tick_n16: grid_tick specialised for N = 16 (the default and the paper's state size); the
// pipeline selects it whenever stateSize is 16 (plan.ts), grid_tick.wgsl serves every other N.
// Same equations: every cell (a, b) runs MICRO_TICKS LSTM steps with the same messages,
//   z = U[a] + V[b] + h W_h,  i = sigmoid(z_i - 5), g = tanh(z_g), f = sigmoid(z_f + 5), o = sigmoid(z_o)
//   c' = f c + i g,  h' = o tanh(c')
// Layout as in grid_tick: column quad q holds columns 4q..4q+3, and the packed W_h row k is 16 vec4s,
// vec4 e = 4q + gate (gates i, g, f, o), so wh[16 k + e] is gate (e % 4) of columns 4q..4q+3, row k.
//
// Why a second kernel: written for N = 16, every index below is a constant (helper functions get
// constant arguments and are inlined), so h, c and the gate sums are plain vec4 values: no private
// arrays, no loops. On SwiftShader (a CPU Vulkan: 4 invocations per SIMD register, no loop unrolling)
// a dynamically indexed private array costs a per-lane gather or scatter per access, a workgroup
// array per-lane gathers even at constant indices, and a loop keeps its state in memory; a uniform
// read at a constant index is one scalar load broadcast to the 4 lanes. The first two micro-ticks (2
// is the default) are written out, without a loop, which also lets the compiler load each W_h
// element once for both; further ones (up to 16) run in a loop (on SwiftShader a loop around this
// much code costs about 2x per iteration). Measured on the MNIST grid, S = 64, SwiftShader on 2
// cores, the same engine with grid_tick.wgsl instead: about 3.3x less CPU time per example.
//
// Thread mapping: one thread per cell; a workgroup holds WG consecutive a of one (run s, column b)
//   (linear workgroup id = aBlock + aBlocks * (b + B * s), folded into 3-D); one dispatch covers
//   every run of the shard, with one V_M shared by all runs or one per run. Threads past A compute a
//   clamped copy of cell A - 1 and store nothing.
// W_h (16 x 16 vec4 = 4 KiB): with one shared V_M, `wh`, a uniform binding of rows 2M..2M+15 of the
//   packed gate matrix, read by every thread at the same constant index (on SwiftShader one scalar
//   load broadcast to the lanes). With one V_M per run (WH_STORAGE), the run's rows of `gateW`
//   (storage, at an offset that is the same for the whole workgroup), copied once per thread into a
//   private array (load_wh): on SwiftShader that compiles in 1.4 s instead of 10 s and runs the
//   MNIST grid at S = 64 1.4x faster than reading storage in every micro-tick. The engine compiles both and
//   picks by the parameter stride (encode.ts); `wh` stays bound (at run 0's W_h) either way.
// Tiling: h and c of the cell (4 vec4 each) and U + V (16 vec4) stay in registers (or the stack) for
//   all micro-ticks; h and c are read and written once per example.
// Workgroup memory: none.
// The block between "lstm16 begin" and "lstm16 end" is the same text in grid_fused_n16.wgsl (a test
// compares them).
// From common.wgsl (the loader appends it): Dims, workgroup_index, FORGET_SHIFT, INPUT_SHIFT, sigmoid, tanh_safe.

override M: u32 = 8u;           // message size (places W_h in the packed gate matrix)
override MICRO_TICKS: u32 = 2u; // LSTM steps per example, 1..16
override WG: u32 = 64u;         // cells per workgroup
override WH_STORAGE: bool = false; // W_h from the run's rows of gateW (one V_M per run)

@group(0) @binding(0) var<uniform> dims: Dims;
@group(0) @binding(1) var<uniform> wh: array<vec4<f32>, 256>;    // W_h of the shared V_M: [k][e], 16 k + e
@group(0) @binding(2) var<storage, read> gateW: array<vec4<f32>>; // [run][2M + 17][16] (WH_STORAGE)
@group(0) @binding(3) var<storage, read> U: array<vec4<f32>>;     // [runs][A][16]
@group(0) @binding(4) var<storage, read> V: array<vec4<f32>>;     // [runs][B][16]
@group(0) @binding(5) var<storage, read_write> h: array<f32>;     // [runs][16][B][A]
@group(0) @binding(6) var<storage, read_write> c: array<f32>;     // [runs][16][B][A]

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

// U[a] + V[b] of column quad q (u, v: first vec4 of the cell's U and V rows).
fn msg_quad(u: u32, v: u32, q: u32) -> Gates {
  let e = 4u * q;
  return Gates(U[u + e] + V[v + e], U[u + e + 1u] + V[v + e + 1u], U[u + e + 2u] + V[v + e + 2u], U[u + e + 3u] + V[v + e + 3u]);
}

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>,
        @builtin(local_invocation_index) lid: u32) {
  let group = workgroup_index(wid, nwg);
  let aBlocks = (dims.A + WG - 1u) / WG;
  let sRaw = group / (aBlocks * dims.B);
  let aRaw = (group % aBlocks) * WG + lid;
  // Clamped instead of returning early: SwiftShader runs the rest of a kernel for every lane anyway,
  // and a uniform control flow keeps it cheaper. Only the store is guarded.
  let s = min(sRaw, dims.runs - 1u);
  let a = min(aRaw, dims.A - 1u);
  let b = (group / aBlocks) % dims.B;
  load_wh((dims.runBase + s) * dims.gateStride + 2u * M * 16u);
  let BA = dims.B * dims.A;
  let cell = s * 16u * BA + b * dims.A + a;
  let u = (s * dims.A + a) * 16u;
  let v = (s * dims.B + b) * 16u;
  let m = Msg(msg_quad(u, v, 0u), msg_quad(u, v, 1u), msg_quad(u, v, 2u), msg_quad(u, v, 3u));
  var x = Cell(Quads(load_h(cell, BA, 0u), load_h(cell, BA, 1u), load_h(cell, BA, 2u), load_h(cell, BA, 3u)),
               Quads(load_c(cell, BA, 0u), load_c(cell, BA, 1u), load_c(cell, BA, 2u), load_c(cell, BA, 3u)));
  x = tick(x, m);
  if (MICRO_TICKS > 1u) { x = tick(x, m); }
  for (var t = 2u; t < MICRO_TICKS; t++) { x = tick(x, m); }
  if (sRaw < dims.runs && aRaw < dims.A) {
    store_quad(cell, BA, 0u, x.h.q0, x.c.q0);
    store_quad(cell, BA, 1u, x.h.q1, x.c.q1);
    store_quad(cell, BA, 2u, x.h.q2, x.c.q2);
    store_quad(cell, BA, 3u, x.h.q3, x.c.q3);
  }
}
