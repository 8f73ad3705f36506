// The fast CPU engine's kernel (AssemblyScript -> WebAssembly SIMD): S runs of a VSML network over a
// block of examples, each run computed entirely by the thread that calls `run_block` for it.
//
// Nothing is allocated here and no memory is static: the JS side (src/cpu/layout.ts) places every
// buffer in the imported memory and writes a context block of i32 words (offsets CTX_* below, the
// same numbers as src/cpu/layout.ts) that every thread only reads. A thread writes only the state,
// backward inputs and result rows of its own runs and its own scratch.
//
// Padded, interleaved layout (Np = N rounded up to 4, J = Np / 4 blocks of 4 state dims):
//   gate column of (gate G in i, g, f, o; dim j = 4 jv + lane) = jv * 16 + G * 4 + lane   (4 Np columns)
//   per-run packed V_M: Wu [M][4Np] (fwd-message rows), Wv [M][4Np] (bwd-message rows),
//     Wh [Np][4Np], bias [4Np], Wf [Np][M], bf [M], Wb [Np][M], bb [M]; padded rows/cols are zero,
//     so padded state dims stay exactly 0 and never contribute.
//   state of a layer: h [A][B][Np], c [A][B][Np] f32 (the reference's [a][b][j] when N % 4 == 0).
//
// Per example and layer: V_b = bias + bwdIn[b] Wv once per b, U_a = fwdIn[a] Wu once per a (layer 0:
// fwdIn[a] = [x_a, 0, ...] so U_a = x_a Wu[0]); every cell runs its micro-ticks with z = U_a + V_b + h Wh
// (8 f32x4 accumulators: two 4-dim blocks of all four gates), then the gates in SIMD. The messages are
// reduced before they are projected: fwdOut[b] = bf + (sum_a h_ab / A) Wf, bwdOut[a] = bb + (sum_b h_ab / B) Wb,
// with the sums in f64 in a fixed order. Readout, softmax (f64) and the error injection follow.
// With backward pass on (CTX_BACKWARD_PASS, official `backward_pass`) the reverse tick follows at once:
// layers L-1 down to 0, each with the forward input it had in this example's forward tick (x, or the
// forward message of the layer below, kept in the thread's scratch) and the backward input just
// written above it (the error injection on top); no forward messages; then every backward input of
// the run is zeroed (src/model/reference.ts reverseTick).

// ---- context words (i32 index into the context block) --------------------------------------------
const CTX_L: i32 = 0; // layers
const CTX_NP: i32 = 1; // padded state size
const CTX_M: i32 = 2; // message size
const CTX_MT: i32 = 3; // micro-ticks
const CTX_K: i32 = 4; // classes
const CTX_FEED_LABEL: i32 = 5;
const CTX_OUTPUT_INDEX: i32 = 6;
const CTX_RUN_STATE: i32 = 7; // -> u32[S] byte offset of each run's state
const CTX_RUN_PARAMS: i32 = 8; // -> u32[S] byte offset of each run's packed V_M
const CTX_RUN_BWD: i32 = 9; // -> u32[S] byte offset of each run's backward inputs
const CTX_LAYERS: i32 = 10; // -> per layer LAYER_WORDS words: A, B, h offset, c offset, bwdIn offset, fwdOut offset
const CTX_TANH_BOUND: i32 = 12; // f64 at words 12..13
const CTX_RUN_INPUTS: i32 = 14; // -> u32[S] byte offset of each run's inputs [Tc][A] in this chunk
const CTX_RUN_LABELS: i32 = 15; // -> u32[S] byte offset of each run's labels [Tc] in this chunk
const CTX_STEPS: i32 = 16; // Tc: examples in this chunk
const CTX_OUTPUTS: i32 = 17; // [S][Tc][K] f32, or 0
const CTX_LOSS: i32 = 18; // [S][Tc] f32
const CTX_CORRECT: i32 = 19; // [S][Tc] u8
const CTX_INPUT_SIZE: i32 = 20; // A of layer 0
const LAYER_WORDS: i32 = 6;

// ---- per-thread scratch (byte offsets from the scratch pointer; sizes from the context) -----------
// z [4Np] f32 | U [4Np] f32 | V [Bmax][4Np] f32 | hsumB [Bmax][Np] f64 | hsumA [Np] f64 | p [K] f64 |
// then each layer's forward message [B][M] f32 (its offset is the layer's word 5)
const CTX_SCRATCH_U: i32 = 21;
const CTX_SCRATCH_V: i32 = 22;
const CTX_SCRATCH_HSUMB: i32 = 23;
const CTX_SCRATCH_HSUMA: i32 = 24;
const CTX_SCRATCH_P: i32 = 25;
const CTX_BACKWARD_PASS: i32 = 26; // 1: a reverse tick after every example

const INPUT_SHIFT: f32 = -5;
const FORGET_SHIFT: f32 = 5;

@inline function word(ctx: usize, i: i32): i32 {
  return load<i32>(ctx + (<usize>i << 2));
}

@inline function uword(ctx: usize, i: i32): usize {
  return <usize>load<u32>(ctx + (<usize>i << 2));
}

// ---- SIMD maths ----------------------------------------------------------------------------------

/** a * b + c (fused where the relaxed-SIMD build and the hardware allow). */
@inline function mad(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
  return f32x4.add(f32x4.mul(a, b), c);
}

/** exp(x) for x clamped to [-87, 88] (Cephes expf: range reduction by ln 2, degree-6 polynomial, 2^n into the exponent). */
@inline function vexp(x0: v128): v128 {
  const x1 = f32x4.pmax(f32x4.pmin(x0, f32x4.splat(88.0)), f32x4.splat(-87.0));
  const fx = f32x4.nearest(f32x4.mul(x1, f32x4.splat(1.44269504088896341)));
  let x = mad(fx, f32x4.splat(-0.693359375), x1);
  x = mad(fx, f32x4.splat(2.12194440e-4), x);
  const z = f32x4.mul(x, x);
  let y = f32x4.splat(1.9875691500e-4);
  y = mad(y, x, f32x4.splat(1.3981999507e-3));
  y = mad(y, x, f32x4.splat(8.3334519073e-3));
  y = mad(y, x, f32x4.splat(4.1665795894e-2));
  y = mad(y, x, f32x4.splat(1.6666665459e-1));
  y = mad(y, x, f32x4.splat(5.0000001201e-1));
  y = f32x4.add(mad(y, z, x), f32x4.splat(1.0));
  const n = i32x4.trunc_sat_f32x4_s(fx);
  const pow2n = i32x4.shl(i32x4.add(n, i32x4.splat(127)), 23);
  return f32x4.mul(y, pow2n);
}

/** 1 / (1 + exp(-x)). */
@inline function vsigmoid(x: v128): v128 {
  const one = f32x4.splat(1.0);
  return f32x4.div(one, f32x4.add(one, vexp(f32x4.neg(x))));
}

/** 2 / (1 + exp(-2x)) - 1 (exactly -1 or 1 when saturated, never NaN). */
@inline function vtanh(x: v128): v128 {
  const one = f32x4.splat(1.0);
  return f32x4.sub(f32x4.div(f32x4.splat(2.0), f32x4.add(one, vexp(f32x4.mul(x, f32x4.splat(-2.0))))), one);
}

// ---- one row of cells ----------------------------------------------------------------------------

/**
 * Cells (a, 0..B-1) of one layer: `micro` LSTM steps each with z = U + V_b + h Wh, then the new h added
 * (f64) into hsumB[b] when `sumB` and into hsumA when `sumA`. h, c point at cell (a, 0).
 */
function rowCells(
  h0: usize, c0: usize, B: i32, J: i32, micro: i32,
  U: usize, V: usize, Wh: usize, z: usize, hsumB: usize, hsumA: usize, sumB: bool, sumA: bool,
): void {
  const Np = J << 2;
  const cellBytes = <usize>Np << 2;
  const gateBytes = cellBytes << 2; // 4Np floats
  const pairs = J >> 1;
  for (let b = 0; b < B; b++) {
    const h = h0 + <usize>b * cellBytes;
    const c = c0 + <usize>b * cellBytes;
    const Vb = V + <usize>b * gateBytes;
    for (let mt = 0; mt < micro; mt++) {
      // z = U + V_b + h Wh, two blocks of 4 dims (all four gates) at a time.
      for (let p = 0; p < pairs; p++) {
        const col = <usize>p << 7; // 32 floats
        const u = U + col;
        const v = Vb + col;
        let z0 = f32x4.add(v128.load(u, 0), v128.load(v, 0));
        let z1 = f32x4.add(v128.load(u, 16), v128.load(v, 16));
        let z2 = f32x4.add(v128.load(u, 32), v128.load(v, 32));
        let z3 = f32x4.add(v128.load(u, 48), v128.load(v, 48));
        let z4 = f32x4.add(v128.load(u, 64), v128.load(v, 64));
        let z5 = f32x4.add(v128.load(u, 80), v128.load(v, 80));
        let z6 = f32x4.add(v128.load(u, 96), v128.load(v, 96));
        let z7 = f32x4.add(v128.load(u, 112), v128.load(v, 112));
        let w = Wh + col;
        for (let k = 0; k < Np; k++) {
          const hk = v128.load32_splat(h + (<usize>k << 2));
          z0 = mad(hk, v128.load(w, 0), z0);
          z1 = mad(hk, v128.load(w, 16), z1);
          z2 = mad(hk, v128.load(w, 32), z2);
          z3 = mad(hk, v128.load(w, 48), z3);
          z4 = mad(hk, v128.load(w, 64), z4);
          z5 = mad(hk, v128.load(w, 80), z5);
          z6 = mad(hk, v128.load(w, 96), z6);
          z7 = mad(hk, v128.load(w, 112), z7);
          w += gateBytes;
        }
        const zp = z + col;
        v128.store(zp, z0, 0);
        v128.store(zp, z1, 16);
        v128.store(zp, z2, 32);
        v128.store(zp, z3, 48);
        v128.store(zp, z4, 64);
        v128.store(zp, z5, 80);
        v128.store(zp, z6, 96);
        v128.store(zp, z7, 112);
      }
      if (J & 1) {
        const col = <usize>(J - 1) << 6; // 16 floats
        const u = U + col;
        const v = Vb + col;
        let z0 = f32x4.add(v128.load(u, 0), v128.load(v, 0));
        let z1 = f32x4.add(v128.load(u, 16), v128.load(v, 16));
        let z2 = f32x4.add(v128.load(u, 32), v128.load(v, 32));
        let z3 = f32x4.add(v128.load(u, 48), v128.load(v, 48));
        let w = Wh + col;
        for (let k = 0; k < Np; k++) {
          const hk = v128.load32_splat(h + (<usize>k << 2));
          z0 = mad(hk, v128.load(w, 0), z0);
          z1 = mad(hk, v128.load(w, 16), z1);
          z2 = mad(hk, v128.load(w, 32), z2);
          z3 = mad(hk, v128.load(w, 48), z3);
          w += gateBytes;
        }
        const zp = z + col;
        v128.store(zp, z0, 0);
        v128.store(zp, z1, 16);
        v128.store(zp, z2, 32);
        v128.store(zp, z3, 48);
      }
      // Gates, c and h of every 4-dim block (h is no longer read by this micro-tick).
      for (let jv = 0; jv < J; jv++) {
        const zp = z + (<usize>jv << 6);
        const ig = vsigmoid(f32x4.add(v128.load(zp, 0), f32x4.splat(INPUT_SHIFT)));
        const gg = vtanh(v128.load(zp, 16));
        const fg = vsigmoid(f32x4.add(v128.load(zp, 32), f32x4.splat(FORGET_SHIFT)));
        const og = vsigmoid(v128.load(zp, 48));
        const at = <usize>jv << 4;
        const cn = mad(fg, v128.load(c + at), f32x4.mul(ig, gg));
        v128.store(c + at, cn);
        v128.store(h + at, f32x4.mul(og, vtanh(cn)));
      }
    }
    // The new h into the sums of the messages (f64, a then b order fixed).
    if (!sumB && !sumA) continue;
    const sb = hsumB + (<usize>b * <usize>Np << 3);
    for (let jv = 0; jv < J; jv++) {
      const hv = v128.load(h + (<usize>jv << 4));
      const lo = f64x2.promote_low_f32x4(hv);
      const hi = f64x2.promote_low_f32x4(v128.shuffle<f32>(hv, hv, 2, 3, 0, 1));
      const at = <usize>jv << 5;
      if (sumB) {
        v128.store(sb + at, f64x2.add(v128.load(sb + at), lo));
        v128.store(sb + at, f64x2.add(v128.load(sb + at, 16), hi), 16);
      }
      if (sumA) {
        v128.store(hsumA + at, f64x2.add(v128.load(hsumA + at), lo));
        v128.store(hsumA + at, f64x2.add(v128.load(hsumA + at, 16), hi), 16);
      }
    }
  }
}

// ---- one example through the network --------------------------------------------------------------

/** out[g] = sum_{m < rows} x[m] * W[m][g] (+ init[g] when init != 0), over 4Np gate columns. */
@inline function project(out: usize, x: usize, rows: i32, W: usize, init: usize, G4: i32): void {
  const rowBytes = <usize>G4 << 4;
  for (let g = 0; g < G4; g++) {
    const at = <usize>g << 4;
    let acc = init != 0 ? v128.load(init + at) : f32x4.splat(0);
    for (let m = 0; m < rows; m++) {
      acc = mad(v128.load32_splat(x + (<usize>m << 2)), v128.load(W + <usize>m * rowBytes + at), acc);
    }
    v128.store(out + at, acc);
  }
}

/** msgOut[r][m] = f32(bias[m] + sum_j (hsum[r][j] / count) W[j][m]) for r < rows (the f64 sums of h). */
function messages(out: usize, hsum: usize, rows: i32, count: f64, Np: i32, M: i32, W: usize, bias: usize): void {
  for (let r = 0; r < rows; r++) {
    const hs = hsum + (<usize>r * <usize>Np << 3);
    for (let m = 0; m < M; m++) {
      let acc: f64 = 0;
      for (let j = 0; j < Np; j++) acc += load<f64>(hs + (<usize>j << 3)) * <f64>load<f32>(W + ((<usize>j * <usize>M + <usize>m) << 2));
      store<f32>(out + ((<usize>r * <usize>M + <usize>m) << 2), <f32>(<f64>load<f32>(bias + (<usize>m << 2)) + acc / count));
    }
  }
}

/**
 * One tick of layer l of run s: V_b = bias + bwdIn[b] Wv per b, then per row a U_a = fwdIn[a] Wu (inRows
 * leading dims, inStride floats apart) and its cells' micro-ticks. `fwd`: the forward message into the
 * layer's scratch slot (else it is not computed: the reverse tick). Layers above 0 write their backward
 * message into layer l-1's backward input, row by row (layer l-1 does not run again before reading it).
 */
function tickLayer(ctx: usize, scratch: usize, P: usize, state: usize, bwd: usize, l: i32, fwdIn: usize, inStride: i32, inRows: i32, fwd: bool): void {
  const Np = word(ctx, CTX_NP);
  const J = Np >> 2;
  const G4 = Np; // f32x4 vectors per 4Np gate columns
  const M = word(ctx, CTX_M);
  const MT = word(ctx, CTX_MT);
  const gateBytes = <usize>Np << 4;

  // Packed V_M.
  const mRows = <usize>M * gateBytes;
  const Wu = P;
  const Wv = Wu + mRows;
  const Wh = Wv + mRows;
  const bias = Wh + <usize>Np * gateBytes;
  const Wf = bias + gateBytes;
  const bf = Wf + (<usize>Np * <usize>M << 2);
  const Wb = bf + (<usize>M << 2);
  const bb = Wb + (<usize>Np * <usize>M << 2);

  const z = scratch;
  const U = scratch + uword(ctx, CTX_SCRATCH_U);
  const V = scratch + uword(ctx, CTX_SCRATCH_V);
  const hsumB = scratch + uword(ctx, CTX_SCRATCH_HSUMB);
  const hsumA = scratch + uword(ctx, CTX_SCRATCH_HSUMA);

  const lt = uword(ctx, CTX_LAYERS) + (<usize>(l * LAYER_WORDS) << 2);
  const A = load<i32>(lt, 0);
  const B = load<i32>(lt, 4);
  const hBase = state + <usize>load<u32>(lt, 8);
  const cBase = state + <usize>load<u32>(lt, 12);
  const bwdIn = bwd + <usize>load<u32>(lt, 16);
  const sumA = l > 0;
  for (let b = 0; b < B; b++) project(V + <usize>b * gateBytes, bwdIn + (<usize>(b * M) << 2), M, Wv, bias, G4);
  if (fwd) memory.fill(hsumB, 0, <usize>(B * Np) << 3);
  const rowBytes = <usize>B * <usize>Np << 2;
  for (let a = 0; a < A; a++) {
    project(U, fwdIn + (<usize>(a * inStride) << 2), inRows, Wu, 0, G4);
    if (sumA) memory.fill(hsumA, 0, <usize>Np << 3);
    rowCells(hBase + <usize>a * rowBytes, cBase + <usize>a * rowBytes, B, J, MT, U, V, Wh, z, hsumB, hsumA, fwd, sumA);
    if (sumA) {
      // Layer l's backward message is layer l-1's backward input (for the next example, or next in the reverse tick).
      const prevBwd = bwd + <usize>load<u32>(lt - (<usize>LAYER_WORDS << 2), 16);
      messages(prevBwd + (<usize>(a * M) << 2), hsumA, 1, <f64>B, Np, M, Wb, bb);
    }
  }
  if (fwd) messages(scratch + <usize>load<u32>(lt, 20), hsumB, B, <f64>A, Np, M, Wf, bf);
}

/** Layer l's forward message in this thread's scratch ([B_l][M] f32), where tickLayer(.., fwd = true) left it. */
@inline function fwdMessage(ctx: usize, scratch: usize, l: i32): usize {
  return scratch + <usize>load<u32>(uword(ctx, CTX_LAYERS) + (<usize>(l * LAYER_WORDS) << 2), 20);
}

function example(ctx: usize, scratch: usize, s: i32, t: i32): void {
  const L = word(ctx, CTX_L);
  const M = word(ctx, CTX_M);
  const K = word(ctx, CTX_K);
  const A0 = word(ctx, CTX_INPUT_SIZE);
  const Tc = word(ctx, CTX_STEPS);

  const state = uword(uword(ctx, CTX_RUN_STATE) + (<usize>s << 2), 0);
  const P = uword(uword(ctx, CTX_RUN_PARAMS) + (<usize>s << 2), 0);
  const bwd = uword(uword(ctx, CTX_RUN_BWD) + (<usize>s << 2), 0);
  const x = uword(uword(ctx, CTX_RUN_INPUTS) + (<usize>s << 2), 0) + (<usize>t * <usize>A0 << 2);
  const label = load<i32>(uword(uword(ctx, CTX_RUN_LABELS) + (<usize>s << 2), 0) + (<usize>t << 2));
  const layers = uword(ctx, CTX_LAYERS);

  // Forward tick: layer 0 reads x (one leading dim, stride 1), layer l > 0 the forward message of l-1.
  for (let l = 0; l < L; l++) {
    if (l == 0) tickLayer(ctx, scratch, P, state, bwd, 0, x, 1, 1, true);
    else tickLayer(ctx, scratch, P, state, bwd, l, fwdMessage(ctx, scratch, l - 1), M, M, true);
  }
  const fwdIn = fwdMessage(ctx, scratch, L - 1);

  // Readout y_b = bound * tanh(m_b[outputIndex] / bound), softmax and cross-entropy (f64).
  const bound = load<f64>(ctx + (<usize>CTX_TANH_BOUND << 2));
  const oi = word(ctx, CTX_OUTPUT_INDEX);
  const outputs = uword(ctx, CTX_OUTPUTS);
  const row = <usize>s * <usize>Tc + <usize>t;
  const p = scratch + uword(ctx, CTX_SCRATCH_P);
  let max = -Infinity;
  let arg = 0;
  for (let b = 0; b < K; b++) {
    const y = <f32>(bound * Math.tanh(<f64>load<f32>(fwdIn + (<usize>(b * M + oi) << 2)) / bound));
    if (outputs != 0) store<f32>(outputs + ((row * <usize>K + <usize>b) << 2), y);
    store<f64>(p + (<usize>b << 3), <f64>y);
    if (<f64>y > max) {
      max = <f64>y;
      arg = b;
    }
  }
  let sum: f64 = 0;
  for (let b = 0; b < K; b++) {
    const e = Math.exp(load<f64>(p + (<usize>b << 3)) - max);
    store<f64>(p + (<usize>b << 3), e);
    sum += e;
  }
  const yl = <f64>(<f32>(bound * Math.tanh(<f64>load<f32>(fwdIn + (<usize>(label * M + oi) << 2)) / bound)));
  store<f32>(uword(ctx, CTX_LOSS) + (row << 2), <f32>(Math.log(sum) + max - yl));
  store<u8>(uword(ctx, CTX_CORRECT) + row, arg == label ? 1 : 0);

  // Error injection into the last layer's backward input: [p_b - onehot_b, onehot_b if feedLabel, 0...].
  const top = bwd + <usize>load<u32>(layers + (<usize>((L - 1) * LAYER_WORDS) << 2), 16);
  const feed = word(ctx, CTX_FEED_LABEL) != 0;
  for (let b = 0; b < K; b++) {
    const onehot: f64 = b == label ? 1 : 0;
    store<f32>(top + (<usize>(b * M) << 2), <f32>(load<f64>(p + (<usize>b << 3)) / sum - onehot));
    if (feed) store<f32>(top + (<usize>(b * M + 1) << 2), <f32>onehot);
  }

  // Reverse tick (backward pass): the error reaches every layer within this example, then no error is carried.
  if (word(ctx, CTX_BACKWARD_PASS) != 0) {
    for (let l = L - 1; l >= 0; l--) {
      if (l == 0) tickLayer(ctx, scratch, P, state, bwd, 0, x, 1, 1, false);
      else tickLayer(ctx, scratch, P, state, bwd, l, fwdMessage(ctx, scratch, l - 1), M, M, false);
    }
    for (let l = 0; l < L; l++) {
      const lt = layers + (<usize>(l * LAYER_WORDS) << 2);
      memory.fill(bwd + <usize>load<u32>(lt, 16), 0, <usize>(load<i32>(lt, 4) * M) << 2);
    }
  }
}

/** Runs s0..s1-1 over every example of the current chunk, in order. */
export function run_block(ctx: usize, scratch: usize, s0: i32, s1: i32): void {
  const Tc = word(ctx, CTX_STEPS);
  for (let s = s0; s < s1; s++) {
    for (let t = 0; t < Tc; t++) example(ctx, scratch, s, t);
  }
}
